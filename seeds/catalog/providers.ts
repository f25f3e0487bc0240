import type { ExtractedGuide } from '../guide/extract';
import { asDict, classAttribute, optionalStringList, requiredString } from './guide-values';
import { parseValidity } from './parse';
import type { ProviderRecord } from './records';

/** The providers the guide names; Section 6 keys its renewal policies by these slugs. */
const PROVIDERS: readonly { slug: string; name: string }[] = [
  { slug: 'aws', name: 'AWS' },
  { slug: 'google_cloud', name: 'Google Cloud' },
  { slug: 'microsoft', name: 'Microsoft' },
  { slug: 'ibm', name: 'IBM' },
  { slug: 'nvidia', name: 'NVIDIA' },
  { slug: 'tensorflow', name: 'TensorFlow' },
  { slug: 'datacamp', name: 'DataCamp' },
  { slug: 'coursera', name: 'Coursera' },
  { slug: 'edx', name: 'edX' },
  { slug: 'cfa_institute', name: 'CFA Institute' },
  { slug: 'various_institutions', name: 'Various institutions' },
];

/** Providers with the renewal policy of Section 6, whose keys are provider slugs. */
export function buildProviders(guide: ExtractedGuide): ProviderRecord[] {
  const where = 'CertificationMaintenance.maintenance_requirements';
  const policies = asDict(
    classAttribute(guide, 'CertificationMaintenance', 'maintenance_requirements'),
    where,
  );
  for (const key of policies.keys()) {
    if (!PROVIDERS.some((p) => p.slug === key)) {
      throw new Error(`${where}: '${key}' is not a provider slug`);
    }
  }

  return PROVIDERS.map(({ slug, name }) => {
    const policy = policies.get(slug);
    if (policy === undefined) {
      return {
        slug,
        name,
        renewalPeriodRaw: null,
        renewalPeriodMonths: null,
        renewalRequirements: [],
      };
    }
    const dict = asDict(policy, `${where}.${slug}`);
    const periodRaw = requiredString(dict, 'renewal_period', `${where}.${slug}`);
    return {
      slug,
      name,
      renewalPeriodRaw: periodRaw,
      renewalPeriodMonths: parseValidity(periodRaw).months,
      renewalRequirements: optionalStringList(dict, 'requirements', `${where}.${slug}`),
    };
  });
}
