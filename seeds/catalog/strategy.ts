import type { ExtractedGuide } from '../guide/extract';
import type { AliasIndex } from './aliases';
import { asDict, asStringList, classAttribute } from './guide-values';
import { EXPERIENCE_LEVELS } from './parse';
import type { CareerRoleRecord, RecommendationRecord } from './records';

/** Display names for the guide's role keys (the keys themselves are the slugs). */
const ROLE_NAMES: Record<string, string> = {
  data_scientist: 'Data scientist',
  ml_engineer: 'ML engineer',
  research_scientist: 'Research scientist',
};

const WHERE = 'CertificationStrategy.strategy_framework';

function framework(guide: ExtractedGuide, key: string): [string, string[]][] {
  const strategy = classAttribute(guide, 'CertificationStrategy', 'strategy_framework');
  const section = asDict(strategy, WHERE);
  const dict = asDict(section.get(key) ?? null, `${WHERE}.${key}`);
  return [...dict].map(([name, list]) => [name, asStringList(list, `${WHERE}.${key}.${name}`)]);
}

export function buildCareerRoles(guide: ExtractedGuide): CareerRoleRecord[] {
  return framework(guide, 'career_goals').map(([slug]) => {
    const name = ROLE_NAMES[slug];
    if (name === undefined) throw new Error(`${WHERE}.career_goals: no display name for '${slug}'`);
    return { slug, name, fromGuide: true };
  });
}

/** The strategy's recommendations by career goal, then by experience level, in guide order. */
export function buildRecommendations(
  guide: ExtractedGuide,
  index: AliasIndex,
): RecommendationRecord[] {
  const recommend = (
    names: string[],
    where: string,
    owner: Pick<RecommendationRecord, 'careerRoleSlug' | 'experienceLevel'>,
  ): RecommendationRecord[] =>
    names.map((rawName, i) => {
      const resolved = index.resolve(rawName, where);
      return {
        ...owner,
        position: i + 1,
        rawName,
        certificationSlug: resolved.kind === 'certification' ? resolved.slug : null,
      };
    });

  const byRole = framework(guide, 'career_goals').flatMap(([role, names]) =>
    recommend(names, `${WHERE}.career_goals.${role}`, {
      careerRoleSlug: role,
      experienceLevel: null,
    }),
  );
  const byLevel = framework(guide, 'experience_level').flatMap(([key, names]) => {
    const where = `${WHERE}.experience_level.${key}`;
    const level = EXPERIENCE_LEVELS.find((l) => l === key.toUpperCase());
    if (level === undefined) throw new Error(`${where}: '${key}' is not an experience level`);
    return recommend(names, where, { careerRoleSlug: null, experienceLevel: level });
  });
  return [...byRole, ...byLevel];
}
