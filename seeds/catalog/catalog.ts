import { PyExpression, extractGuide, type ExtractedGuide, type PyValue } from '../guide/extract';
import { AliasIndex, normalizeName } from './aliases';
import { CERTIFICATION_SOURCES, buildCertifications } from './certifications';
import { readGuideMarkdown } from './guide-values';
import { PATH_SPECS, buildLearningPaths } from './learning-paths';
import { buildProviders } from './providers';
import type { Catalog } from './records';
import { SKILLS, linkSkills } from './skills';
import { buildCareerRoles, buildRecommendations } from './strategy';

/**
 * Guide data the catalog deliberately leaves out, with the reason. Anything else the guide's
 * code holds must be used, so that a new or renamed section fails loudly instead of vanishing.
 */
export const LEFT_OUT: readonly { part: string; reason: string }[] = [
  { part: 'AWSCertifications.get_certification_plan', reason: 'calls other methods; no data' },
  { part: 'CertificationStrategy.create_certification_plan', reason: 'calls other methods' },
  { part: 'CertificationStrategy.calculate_total_cost', reason: 'a sum of zeros; no data' },
  { part: 'ExamPreparation.study_strategies', reason: 'study advice; no catalog table' },
  { part: 'ExamPreparation.get_study_plan', reason: 'calls other methods' },
  { part: 'CertificationMaintenance.get_maintenance_plan', reason: 'calls other methods' },
  { part: 'OngoingLearning.learning_activities', reason: 'general advice; no catalog table' },
];

/** The attributes and methods the catalog reads, as "Class.member". */
const USED: readonly string[] = [
  ...CERTIFICATION_SOURCES.map((s) => `${s.cls}.${s.attribute}`),
  ...PATH_SPECS.map((s) => `${s.cls}.${s.method}`),
  'CertificationMaintenance.maintenance_requirements',
  'CertificationStrategy.strategy_framework',
];

function holdsData(value: PyValue): boolean {
  return value !== null && !(value instanceof PyExpression);
}

/** Fails on any attribute or literal-returning method neither used nor listed as left out. */
function checkEverythingUsed(guide: ExtractedGuide): void {
  const accounted = new Set([...USED, ...LEFT_OUT.map((l) => l.part)]);
  for (const cls of guide.values()) {
    const members = [
      ...[...cls.attributes].map(([name, a]) => ({ name, line: a.line, data: holdsData(a.value) })),
      ...[...cls.methods].map(([name, m]) => ({
        name,
        line: m.line,
        data: m.returns.some((r) => holdsData(r.value)),
      })),
    ];
    for (const member of members) {
      if (member.data && !accounted.has(`${cls.name}.${member.name}`)) {
        throw new Error(
          `guide line ${member.line}: ${cls.name}.${member.name} holds data the catalog ignores`,
        );
      }
    }
  }
}

/** The whole catalog from the guide's markdown (default: the guide in seeds/guide). */
export function buildCatalog(markdown: string = readGuideMarkdown()): Catalog {
  const guide = extractGuide(markdown);
  checkEverythingUsed(guide);

  const providers = buildProviders(guide);
  const providerSlugByName = (name: string, where: string): string => {
    const found = providers.find((p) => normalizeName(p.name) === normalizeName(name));
    if (!found) throw new Error(`${where}: "${name}" is not a known provider`);
    return found.slug;
  };
  const unlinked = buildCertifications(guide, providerSlugByName);
  const index = new AliasIndex(unlinked);
  const certifications = unlinked.map((c) => ({
    ...c,
    prerequisites: c.prerequisites.map((p) => ({
      ...p,
      prerequisiteSlug: index.prerequisiteSlug(p.raw),
    })),
  }));

  return {
    providers,
    certifications,
    aliases: index.records(),
    skills: SKILLS.map(({ slug, name }) => ({ slug, name })),
    skillLinks: linkSkills(certifications),
    learningPaths: buildLearningPaths(guide, index, certifications),
    careerRoles: buildCareerRoles(guide),
    recommendations: buildRecommendations(guide, index),
  };
}
