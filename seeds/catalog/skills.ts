import type { CertificationRecord, SkillLinkRecord, SkillRecord } from './records';

/**
 * The skill vocabulary. The guide has none, so this small list is ours: broad skills a team
 * would require ("someone who can do NLP"), each with the patterns that recognize it in the
 * guide's own words. A certification covers a skill when one of its own texts (its name, exam
 * topics, topics, course names, focus) matches; prerequisites do not count, since they are
 * what a candidate brings, not what the credential teaches.
 */
export const SKILLS: readonly (SkillRecord & { patterns: readonly RegExp[] })[] = [
  { slug: 'python', name: 'Python', patterns: [/\bpython\b/i] },
  { slug: 'sql', name: 'SQL', patterns: [/\bsql\b/i] },
  { slug: 'statistics', name: 'Statistics', patterns: [/statistic/i, /probability/i] },
  {
    slug: 'machine_learning',
    name: 'Machine learning',
    patterns: [/machine learning/i, /\bml\b/i, /supervised learning/i, /learning algorithms/i],
  },
  {
    slug: 'deep_learning',
    name: 'Deep learning',
    patterns: [/deep learning/i, /neural network/i, /sequence model/i, /\b(cnn|rnn|lstm)s?\b/i],
  },
  {
    slug: 'computer_vision',
    name: 'Computer vision',
    patterns: [/computer vision/i, /\bimag(e|es|ing)\b/i, /object detection/i],
  },
  {
    slug: 'nlp',
    name: 'Natural language processing',
    patterns: [/natural language/i, /\bnlp\b/i, /text mining/i, /conversational ai/i],
  },
  { slug: 'time_series', name: 'Time series', patterns: [/time series/i] },
  { slug: 'recommender_systems', name: 'Recommender systems', patterns: [/recommender/i] },
  {
    slug: 'reinforcement_learning',
    name: 'Reinforcement learning',
    patterns: [/reinforcement learning/i],
  },
  {
    slug: 'mlops',
    name: 'MLOps / model deployment',
    patterns: [
      /mlops/i,
      /\bdeploy/i,
      /inference optimization/i,
      /edge computing/i,
      /ml pipelines/i,
      /operationaliz\w* machine learning/i,
      /implementation and operations/i,
    ],
  },
  {
    slug: 'data_engineering',
    name: 'Data engineering',
    patterns: [
      /data engineer/i,
      /data processing/i,
      /data preparation/i,
      /data management/i,
      /^collection\b/i,
      /\bdatabases?\b/i,
    ],
  },
  {
    slug: 'data_analysis',
    name: 'Data analysis and visualization',
    patterns: [/data analy/i, /visuali[sz]ation/i, /plotting/i, /data manipulation/i],
  },
  {
    slug: 'cloud_platforms',
    name: 'Cloud platforms',
    patterns: [/\baws\b/i, /\bazure\b/i, /google cloud/i],
  },
  { slug: 'robotics', name: 'Robotics', patterns: [/robotics/i] },
  {
    slug: 'quantitative_finance',
    name: 'Quantitative finance',
    patterns: [/quantitative/i, /financ/i, /portfolio/i, /risk management/i],
  },
  {
    slug: 'healthcare_ml',
    name: 'Healthcare ML',
    patterns: [/healthcare/i, /medical/i, /clinical/i, /drug discovery/i],
  },
];

/** The certification's own texts in guide order: name, topics, courses, focus. */
function ownTexts(c: CertificationRecord): string[] {
  return [
    c.name,
    ...c.examTopics.map((t) => t.name),
    ...c.courses.map((course) => course.name),
    ...(c.focus === null ? [] : [c.focus]),
  ];
}

/** One link per certification and skill, with the first of its texts that matched. */
export function linkSkills(certifications: readonly CertificationRecord[]): SkillLinkRecord[] {
  return certifications.flatMap((c) => {
    const texts = ownTexts(c);
    return SKILLS.flatMap((skill) => {
      const evidence = texts.find((text) => skill.patterns.some((p) => p.test(text)));
      if (evidence === undefined) return [];
      return [{ certificationSlug: c.slug, skillSlug: skill.slug, evidence }];
    });
  });
}
