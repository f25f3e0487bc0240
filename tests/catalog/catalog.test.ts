import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AliasIndex, CATEGORY_NAMES } from '../../seeds/catalog/aliases';
import { buildCatalog } from '../../seeds/catalog/catalog';
import { estimateCost } from '../../seeds/catalog/cost';
import type { CertificationRecord } from '../../seeds/catalog/records';

const GUIDE = readFileSync(join(__dirname, '../../seeds/guide/ml-certifications-guide.md'), 'utf8');
const catalog = buildCatalog(GUIDE);

function entry(slug: string): CertificationRecord {
  const found = catalog.certifications.find((c) => c.slug === slug);
  if (!found) throw new Error(`no catalog entry '${slug}'`);
  return found;
}

function estimate(slug: string): ReturnType<typeof estimateCost> {
  const c = entry(slug);
  return estimateCost({ ...c, courseCount: c.courses.length });
}

const GUIDE_SLUGS = [
  'aws_ml_specialty',
  'aws_data_analytics',
  'google_ml_engineer',
  'google_data_engineer',
  'azure_ai_engineer',
  'azure_data_scientist',
  'ibm_data_science',
  'ibm_ai_engineering',
  'nvidia_dli',
  'tensorflow_developer',
  'datacamp_data_scientist',
  'datacamp_ml_engineer',
  'stanford_ml',
  'deeplearning_ai',
  'michigan_ml',
  'mit_data_science',
  'columbia_ai',
  'cfa_quantitative_investment',
  'healthcare_ml',
];
const NAMED_ONLY_SLUGS = [
  'aws_cloud_practitioner',
  'google_cloud_associate_cloud_engineer',
  'az_900',
  'datacamp_python_programmer',
  'cfa_level_1',
  'cfa_level_2',
  'medical_imaging_specialization',
  'clinical_data_science',
];

describe('certifications', () => {
  it('has every credential the guide describes, complete, then those it only names', () => {
    expect(catalog.certifications.map((c) => c.slug)).toEqual([
      ...GUIDE_SLUGS,
      ...NAMED_ONLY_SLUGS,
    ]);
    expect(GUIDE_SLUGS.every((slug) => entry(slug).dataComplete)).toBe(true);
    expect(NAMED_ONLY_SLUGS.some((slug) => entry(slug).dataComplete)).toBe(false);
  });

  it('gives named-only entries unknown cost and validity', () => {
    for (const slug of NAMED_ONLY_SLUGS) {
      expect(entry(slug)).toMatchObject({
        costKind: 'UNKNOWN',
        costLowCents: null,
        validityKind: 'UNKNOWN',
        validityMonths: null,
      });
    }
  });

  it('takes every named-only entry name from the guide text', () => {
    for (const slug of NAMED_ONLY_SLUGS) expect(GUIDE).toContain(entry(slug).name);
  });

  it('reads AWS ML Specialty: $300 once, 3 years, four topics weighing 100%', () => {
    const aws = entry('aws_ml_specialty');
    expect(aws).toMatchObject({
      costRaw: '$300',
      costKind: 'ONE_TIME',
      costLowCents: 30000,
      costHighCents: 30000,
      validityRaw: '3 years',
      validityKind: 'FIXED',
      validityMonths: 36,
      levelMin: 'ADVANCED',
      levelMax: 'ADVANCED',
      durationMin: 3,
      durationMax: 6,
      durationUnit: 'MONTH',
      providerSlug: 'aws',
    });
    expect(aws.examTopics.map((t) => [t.name, t.weight?.min])).toEqual([
      ['Data Engineering', 20],
      ['Exploratory Data Analysis', 24],
      ['Modeling', 36],
      ['Machine Learning Implementation and Operations', 20],
    ]);
    expect(aws.examTopics.reduce((sum, t) => sum + (t.weight?.max ?? 0), 0)).toBe(100);
    expect(aws.studyResources).toEqual([
      'AWS Official Training',
      'Practice Exams',
      'Hands-on Labs',
      'Whitepapers',
    ]);
  });

  it('estimates IBM Data Science at $39 a month for 3-6 months: $117, $195, $234', () => {
    expect(entry('ibm_data_science')).toMatchObject({ costKind: 'MONTHLY', costLowCents: 3900 });
    expect(estimate('ibm_data_science')).toEqual({
      minCents: 11700,
      expectedCents: 19500,
      maxCents: 23400,
    });
  });

  it('estimates NVIDIA DLI at $50-200 for each of its 9 courses: $450, $1,125, $1,800', () => {
    const nvidia = entry('nvidia_dli');
    expect(nvidia.courses.map((c) => c.group)).toEqual([
      'fundamentals',
      'fundamentals',
      'fundamentals',
      'applications',
      'applications',
      'applications',
      'deployment',
      'deployment',
      'deployment',
    ]);
    expect(nvidia).toMatchObject({
      durationMin: 1,
      durationMax: 3,
      durationUnit: 'DAY',
      durationPerCourse: true,
    });
    expect(estimate('nvidia_dli')).toEqual({
      minCents: 45000,
      expectedCents: 112500,
      maxCents: 180000,
    });
  });

  it('leaves the healthcare certificate with unknown cost and validity', () => {
    expect(entry('healthcare_ml')).toMatchObject({
      costRaw: null,
      costKind: 'UNKNOWN',
      costLowCents: null,
      costHighCents: null,
      validityRaw: null,
      validityKind: 'UNKNOWN',
      validityMonths: null,
      providerSlug: 'various_institutions',
      levelMin: null,
    });
    expect(estimate('healthcare_ml')).toBeNull();
  });

  it('gives Coursera, edX and CFA programs unknown validity, never lifetime', () => {
    for (const slug of [
      'stanford_ml',
      'deeplearning_ai',
      'michigan_ml',
      'mit_data_science',
      'columbia_ai',
      'cfa_quantitative_investment',
    ]) {
      expect(entry(slug).validityKind, slug).toBe('UNKNOWN');
    }
    expect(entry('ibm_data_science').validityKind).toBe('LIFETIME');
  });

  it('keeps the extra texts of a program', () => {
    expect(entry('stanford_ml')).toMatchObject({
      university: 'Stanford University',
      instructor: 'Andrew Ng',
      recognition: 'High industry recognition',
      costLowCents: 4900,
    });
    expect(entry('mit_data_science')).toMatchObject({
      credit: "Can count towards MIT Master's degree",
      costLowCents: 135000,
      costKind: 'ONE_TIME',
    });
    expect(entry('tensorflow_developer').examFormat).toBe('Coding exam (5 hours)');
    expect(entry('columbia_ai').focus).toBe('AI and robotics');
  });

  it('links prerequisites that name a credential and keeps every raw text', () => {
    const links = (slug: string): [string, string | null][] =>
      entry(slug).prerequisites.map((p) => [p.raw, p.prerequisiteSlug]);
    expect(links('aws_ml_specialty')).toEqual([
      ['AWS Cloud Practitioner or Associate level', 'aws_cloud_practitioner'],
      ['1+ years of ML experience', null],
      ['Python programming skills', null],
    ]);
    expect(links('google_ml_engineer')[0]).toEqual([
      'Google Cloud Associate level',
      'google_cloud_associate_cloud_engineer',
    ]);
    expect(links('azure_data_scientist')[0]).toEqual(['Azure fundamentals', 'az_900']);
  });
});

describe('providers', () => {
  it('has the renewal policy of Section 6 for AWS, Google Cloud and Microsoft only', () => {
    expect(catalog.providers.map((p) => [p.slug, p.renewalPeriodMonths])).toEqual([
      ['aws', 36],
      ['google_cloud', 24],
      ['microsoft', 24],
      ['ibm', null],
      ['nvidia', null],
      ['tensorflow', null],
      ['datacamp', null],
      ['coursera', null],
      ['edx', null],
      ['cfa_institute', null],
      ['various_institutions', null],
    ]);
    expect(catalog.providers[0].renewalRequirements).toEqual([
      'Pass current exam',
      'Earn continuing education credits',
      'Stay current with platform updates',
    ]);
  });
});

describe('aliases and names', () => {
  const index = new AliasIndex(catalog.certifications);

  it('stores each alias once, normalized', () => {
    const aliases = catalog.aliases.map((a) => a.alias);
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(aliases.every((a) => a === a.toLowerCase().replace(/\s+/g, ' ').trim())).toBe(true);
  });

  it('resolves the exam codes to the existing Azure entries', () => {
    expect(index.find('DP-100: Azure Data Scientist Associate')).toBe('azure_data_scientist');
    expect(index.find('AI-102')).toBe('azure_ai_engineer');
    expect(catalog.certifications.some((c) => /dp.?100|ai.?102/i.test(c.slug))).toBe(false);
  });

  it('resolves names regardless of case and spacing', () => {
    expect(index.find('  aws   ML specialty ')).toBe('aws_ml_specialty');
  });

  it('resolves every strategy name, or lists it as a category', () => {
    expect(catalog.recommendations).toHaveLength(18);
    for (const r of catalog.recommendations) {
      if (r.certificationSlug === null) expect(CATEGORY_NAMES).toContain(r.rawName);
    }
    expect(
      catalog.recommendations.filter((r) => r.certificationSlug === null).map((r) => r.rawName),
    ).toEqual(['Industry-specific certifications']);
  });

  it('throws on an unknown name, quoting it and where it was used', () => {
    expect(() => index.resolve('Quantum Basket Weaving Expert', 'a test strategy')).toThrow(
      'Unknown certification name "Quantum Basket Weaving Expert" in a test strategy',
    );
  });

  it('fails the whole catalog when the strategy names an unknown credential', () => {
    const changed = GUIDE.replace("'Azure AI Engineer'\n", "'Azure Quantum Engineer'\n");
    expect(changed).not.toBe(GUIDE);
    expect(() => buildCatalog(changed)).toThrow(
      'Unknown certification name "Azure Quantum Engineer" in ' +
        'CertificationStrategy.strategy_framework.career_goals.ml_engineer',
    );
  });

  it('fails when the guide holds data the catalog does not use', () => {
    const changed =
      `${GUIDE}\n## Extra\n\n\`\`\`python\nclass Extra:\n    def f(self):\n` +
      "        return {'a': 1}\n```\n";
    expect(() => buildCatalog(changed)).toThrow('Extra.f holds data the catalog ignores');
  });
});

describe('strategy', () => {
  it('has the three guide roles and their recommendations in guide order', () => {
    expect(catalog.careerRoles).toEqual([
      { slug: 'data_scientist', name: 'Data scientist', fromGuide: true },
      { slug: 'ml_engineer', name: 'ML engineer', fromGuide: true },
      { slug: 'research_scientist', name: 'Research scientist', fromGuide: true },
    ]);
    expect(
      catalog.recommendations
        .filter((r) => r.careerRoleSlug === 'ml_engineer')
        .map((r) => [r.position, r.certificationSlug]),
    ).toEqual([
      [1, 'aws_ml_specialty'],
      [2, 'google_ml_engineer'],
      [3, 'azure_ai_engineer'],
    ]);
    expect(
      catalog.recommendations
        .filter((r) => r.experienceLevel === 'ADVANCED')
        .map((r) => r.certificationSlug),
    ).toEqual(['mit_data_science', 'nvidia_dli', null]);
  });
});

describe('skills', () => {
  it("links a skill only with evidence from the certification's own texts", () => {
    expect(catalog.skillLinks.length).toBeGreaterThan(0);
    for (const link of catalog.skillLinks) {
      const c = entry(link.certificationSlug);
      const topics = c.examTopics.map((t) => t.name);
      const own = [c.name, ...topics, ...c.courses.map((k) => k.name), c.focus];
      expect(own, `${link.certificationSlug}/${link.skillSlug}`).toContain(link.evidence);
    }
  });

  it('finds the skills in the guide words', () => {
    const skillsOf = (slug: string): string[] =>
      catalog.skillLinks.filter((l) => l.certificationSlug === slug).map((l) => l.skillSlug);
    expect(skillsOf('tensorflow_developer')).toEqual([
      'deep_learning',
      'computer_vision',
      'nlp',
      'time_series',
    ]);
    expect(
      catalog.skillLinks.find(
        (l) => l.certificationSlug === 'stanford_ml' && l.skillSlug === 'reinforcement_learning',
      )?.evidence,
    ).toBe('Unsupervised Learning, Recommenders, Reinforcement Learning');
  });

  it('does not count prerequisites as skills taught', () => {
    // AWS ML Specialty asks for "Python programming skills" but teaches no Python.
    expect(
      catalog.skillLinks.some(
        (l) => l.certificationSlug === 'aws_ml_specialty' && l.skillSlug === 'python',
      ),
    ).toBe(false);
  });
});

describe('learning paths', () => {
  const path = (slug: string) => {
    const found = catalog.learningPaths.find((p) => p.slug === slug);
    if (!found) throw new Error(`no path '${slug}'`);
    return found;
  };

  it('has every path and plan of the guide', () => {
    expect(catalog.learningPaths.map((p) => [p.slug, p.steps.length])).toEqual([
      ['aws_12_week_study_plan', 3],
      ['google_cloud_certification_path', 3],
      ['azure_ml_learning_path', 3],
      ['ibm_certification_study_plan', 2],
      ['nvidia_dli_learning_path', 6],
      ['tensorflow_study_plan', 3],
      ['datacamp_learning_path', 3],
      ['coursera_learning_path', 3],
      ['edx_data_science_path', 1],
      ['edx_artificial_intelligence_path', 1],
      ['finance_ml_path', 3],
      ['healthcare_ml_path', 4],
      ['short_term_beginner', 2],
      ['short_term_intermediate', 2],
      ['short_term_advanced', 2],
      ['study_schedule', 4],
      ['cloud_platform_study_plan', 3],
      ['renewal_schedule', 4],
      ['ongoing_learning_plan', 3],
    ]);
  });

  it('links the Azure steps through their exam codes', () => {
    const azure = path('azure_ml_learning_path');
    expect(azure.steps.map((s) => s.certificationSlug)).toEqual([
      'az_900',
      'azure_data_scientist',
      'azure_ai_engineer',
    ]);
    expect(azure).toMatchObject({
      timelineRaw: '6-9 months',
      timelineMinMonths: 6,
      timelineMaxMonths: 9,
    });
  });

  it('resolves DataCamp and CFA steps and keeps their durations and focus', () => {
    expect(
      path('datacamp_learning_path').steps.map((s) => [
        s.certificationSlug,
        s.durationMin,
        s.details,
      ]),
    ).toEqual([
      ['datacamp_python_programmer', 3, ['focus: Python and data manipulation']],
      ['datacamp_data_scientist', 6, ['focus: Machine learning and statistics']],
      ['datacamp_ml_engineer', 3, ['focus: Deep learning and MLOps']],
    ]);
    expect(path('finance_ml_path').steps.map((s) => s.certificationSlug)).toEqual([
      'cfa_level_1',
      'cfa_quantitative_investment',
      'cfa_level_2',
    ]);
  });

  it('keeps the three 4-week phases of the cloud exam plan', () => {
    expect(
      path('cloud_platform_study_plan').steps.map((s) => [
        s.label,
        s.title,
        s.durationMin,
        s.durationUnit,
      ]),
    ).toEqual([
      ['phase_1', 'Platform fundamentals', 4, 'WEEK'],
      ['phase_2', 'ML services and tools', 4, 'WEEK'],
      ['phase_3', 'Exam preparation', 4, 'WEEK'],
    ]);
  });

  it('ties the first AWS phase to AWS Cloud Practitioner, which it completes', () => {
    expect(path('aws_12_week_study_plan').steps[0]).toMatchObject({
      label: 'week_1_4',
      title: 'Foundation and Data Engineering',
      certificationSlug: 'aws_cloud_practitioner',
    });
  });
});
