import type { AliasRecord, CertificationRecord } from './records';

/**
 * Every other name by which the guide's strategy, paths and prerequisites refer to a catalog
 * entry. Each entry's own name and slug are aliases too and are not repeated here.
 */
const ALIASES: readonly [alias: string, slug: string][] = [
  ['AWS ML Specialty', 'aws_ml_specialty'],
  ['Google Cloud ML Engineer', 'google_ml_engineer'],
  ['Professional Machine Learning Engineer', 'google_ml_engineer'],
  ['Professional Data Engineer', 'google_data_engineer'],
  ['Azure AI Engineer', 'azure_ai_engineer'],
  ['AI-102', 'azure_ai_engineer'],
  ['AI-102: Azure AI Engineer Associate', 'azure_ai_engineer'],
  ['DP-100', 'azure_data_scientist'],
  ['DP-100: Azure Data Scientist Associate', 'azure_data_scientist'],
  ['AZ-900', 'az_900'],
  ['Azure Fundamentals', 'az_900'],
  ['IBM Data Science Professional', 'ibm_data_science'],
  ['NVIDIA DLI Certificates', 'nvidia_dli'],
  // The DLI entry spans Beginner to Advanced; its advanced courses are part of it.
  ['NVIDIA DLI Advanced Certificates', 'nvidia_dli'],
  ['DataCamp Data Scientist Track', 'datacamp_data_scientist'],
  // The DataCamp path names its credentials without the provider; it resolves them with it.
  ['DataCamp Data Scientist', 'datacamp_data_scientist'],
  ['DataCamp Machine Learning Engineer', 'datacamp_ml_engineer'],
  ['DataCamp Python Programmer', 'datacamp_python_programmer'],
  ['Coursera ML Specialization', 'stanford_ml'],
  ['Coursera Deep Learning Specialization', 'deeplearning_ai'],
  ['edX MIT Data Science', 'mit_data_science'],
  ['edX MIT Data Science MicroMasters', 'mit_data_science'],
  ['CFA Level I (Quantitative Methods)', 'cfa_level_1'],
  ['CFA Level II (Portfolio Management)', 'cfa_level_2'],
  ['Healthcare ML Certificate', 'healthcare_ml'],
];

/** Strategy names that stand for a kind of credential, not one catalog entry. */
export const CATEGORY_NAMES: readonly string[] = [
  'Industry-specific certifications',
  'Advanced cloud certifications',
  'Specialized domain certificates',
];

/**
 * Prerequisite phrases that are not names but point at one entry: "or Associate level" and
 * "Associate level" are satisfied by the entry-level credential the guide's own paths start
 * with, so they link to it.
 */
const PREREQUISITE_LINKS: readonly [raw: string, slug: string][] = [
  ['AWS Cloud Practitioner or Associate level', 'aws_cloud_practitioner'],
  ['Google Cloud Associate level', 'google_cloud_associate_cloud_engineer'],
];

/** Lower case with whitespace collapsed: how aliases are stored and looked up. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export type NameResolution =
  { kind: 'certification'; slug: string } | { kind: 'category'; name: string };

/** Normalized alias → certification slug, with the categories beside it. */
export class AliasIndex {
  private readonly bySlug = new Map<string, string>();
  private readonly categories = new Set(CATEGORY_NAMES.map(normalizeName));

  constructor(certifications: readonly CertificationRecord[]) {
    const slugs = new Set(certifications.map((c) => c.slug));
    const entries: [string, string][] = [
      ...certifications.flatMap((c): [string, string][] => [
        [c.name, c.slug],
        [c.slug, c.slug],
      ]),
      ...ALIASES,
    ];
    for (const [alias, slug] of entries) {
      if (!slugs.has(slug)) throw new Error(`Alias "${alias}" points at no entry: '${slug}'`);
      const key = normalizeName(alias);
      const existing = this.bySlug.get(key);
      if (existing !== undefined) {
        throw new Error(`Alias "${alias}" is given twice (for '${existing}' and '${slug}')`);
      }
      if (this.categories.has(key)) throw new Error(`Alias "${alias}" is also a category`);
      this.bySlug.set(key, slug);
    }
    for (const [phrase, slug] of PREREQUISITE_LINKS) {
      if (!slugs.has(slug)) {
        throw new Error(`Prerequisite "${phrase}" points at no entry: '${slug}'`);
      }
    }
  }

  /** The slug a name refers to, or undefined. */
  find(name: string): string | undefined {
    return this.bySlug.get(normalizeName(name));
  }

  /**
   * Resolves a name used in the guide to an entry or a category; a name that is neither is
   * an error naming it and `where` it was used.
   */
  resolve(name: string, where: string): NameResolution {
    const slug = this.find(name);
    if (slug !== undefined) return { kind: 'certification', slug };
    if (this.categories.has(normalizeName(name))) return { kind: 'category', name };
    throw new Error(
      `Unknown certification name "${name}" in ${where}: ` +
        'add it to the aliases or the categories in seeds/catalog/aliases.ts',
    );
  }

  /** Like resolve, but a category is an error too: the place needs one credential. */
  resolveCertification(name: string, where: string): string {
    const resolved = this.resolve(name, where);
    if (resolved.kind === 'category') {
      throw new Error(`"${name}" in ${where} is a category, where one credential is needed`);
    }
    return resolved.slug;
  }

  /** The entry a prerequisite text names, or null for a skill or experience requirement. */
  prerequisiteSlug(raw: string): string | null {
    const key = normalizeName(raw);
    const link = PREREQUISITE_LINKS.find(([phrase]) => normalizeName(phrase) === key);
    return link ? link[1] : (this.find(raw) ?? null);
  }

  records(): AliasRecord[] {
    return [...this.bySlug].map(([alias, certificationSlug]) => ({ alias, certificationSlug }));
  }
}
