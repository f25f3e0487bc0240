import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog, type CatalogSeedCounts } from '../../seeds/catalog/seed-catalog';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('seedCatalog', () => {
  let db: TestDatabase;
  let counts: CatalogSeedCounts;
  let statements: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    const before = db.statements();
    counts = await seedCatalog(db);
    statements = db.statements() - before;
  });

  afterAll(async () => {
    await db?.drop();
  });

  const count = async (table: string): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  it('writes the whole catalog with one statement per table', async () => {
    expect(counts).toEqual({
      providers: 11,
      certifications: 27,
      completeCertifications: 19,
      aliases: 79,
      prerequisites: 21,
      examTopics: 41,
      courses: 58,
      skills: 17,
      certificationSkills: 76,
      learningPaths: 19,
      learningPathSteps: 55,
      careerRoles: 3,
      strategyRecommendations: 18,
    });
    expect(statements).toBe(12);
    expect(await count('certification')).toBe(27);
    expect(await count('certification_alias')).toBe(79);
    expect(await count('learning_path_step')).toBe(55);
    expect(await count('certification_skill')).toBe(76);
  });

  it('stores AWS ML Specialty with its raw strings beside the parsed values', async () => {
    const [aws] = await db.query(`
      SELECT c.cost_raw, c.cost_kind, c.cost_low_cents, c.validity_raw, c.validity_kind,
             c.validity_months, c.level_min, c.duration_unit, p.slug AS provider,
             (SELECT sum(weight_max)::int FROM exam_topic t WHERE t.certification_id = c.id)
               AS weight
      FROM certification c JOIN provider p ON p.id = c.provider_id
      WHERE c.slug = 'aws_ml_specialty'`);
    expect(aws).toEqual({
      cost_raw: '$300',
      cost_kind: 'ONE_TIME',
      cost_low_cents: 30000,
      validity_raw: '3 years',
      validity_kind: 'FIXED',
      validity_months: 36,
      level_min: 'ADVANCED',
      duration_unit: 'MONTH',
      provider: 'aws',
      weight: 100,
    });
  });

  it('links prerequisites to catalog entries in order and keeps their text', async () => {
    const rows = await db.query(`
      SELECT pr.position, pr.raw, target.slug AS target
      FROM certification_prerequisite pr
      JOIN certification c ON c.id = pr.certification_id
      LEFT JOIN certification target ON target.id = pr.prerequisite_id
      WHERE c.slug = 'aws_ml_specialty' ORDER BY pr.position`);
    expect(rows).toEqual([
      {
        position: 1,
        raw: 'AWS Cloud Practitioner or Associate level',
        target: 'aws_cloud_practitioner',
      },
      { position: 2, raw: '1+ years of ML experience', target: null },
      { position: 3, raw: 'Python programming skills', target: null },
    ]);
  });

  it('resolves an exam code alias to its entry', async () => {
    const [row] = await db.query(`
      SELECT c.slug FROM certification_alias a JOIN certification c ON c.id = a.certification_id
      WHERE a.alias = 'dp-100: azure data scientist associate'`);
    expect(row).toEqual({ slug: 'azure_data_scientist' });
  });

  it('keeps unknown cost and validity as unknown', async () => {
    const [row] = await db.query(`
      SELECT cost_kind, cost_low_cents, validity_kind, validity_months, data_complete
      FROM certification WHERE slug = 'healthcare_ml'`);
    expect(row).toEqual({
      cost_kind: 'UNKNOWN',
      cost_low_cents: null,
      validity_kind: 'UNKNOWN',
      validity_months: null,
      data_complete: true,
    });
  });

  it('orders the Azure path steps and links each to its credential', async () => {
    const rows = await db.query(`
      SELECT s.position, s.label, c.slug FROM learning_path_step s
      JOIN learning_path p ON p.id = s.learning_path_id
      LEFT JOIN certification c ON c.id = s.certification_id
      WHERE p.slug = 'azure_ml_learning_path' ORDER BY s.position`);
    expect(rows).toEqual([
      { position: 1, label: 'step_1', slug: 'az_900' },
      { position: 2, label: 'step_2', slug: 'azure_data_scientist' },
      { position: 3, label: 'step_3', slug: 'azure_ai_engineer' },
    ]);
  });

  it('stores the strategy by level, with the category as no certification', async () => {
    const rows = await db.query(`
      SELECT r.position, r.raw_name, c.slug FROM strategy_recommendation r
      LEFT JOIN certification c ON c.id = r.certification_id
      WHERE r.experience_level = 'ADVANCED' ORDER BY r.position`);
    expect(rows).toEqual([
      { position: 1, raw_name: 'edX MIT Data Science MicroMasters', slug: 'mit_data_science' },
      { position: 2, raw_name: 'NVIDIA DLI Advanced Certificates', slug: 'nvidia_dli' },
      { position: 3, raw_name: 'Industry-specific certifications', slug: null },
    ]);
  });

  it('stores the NVIDIA course groups', async () => {
    const rows = await db.query(`
      SELECT k.course_group, count(*)::int AS n FROM course k
      JOIN certification c ON c.id = k.certification_id
      WHERE c.slug = 'nvidia_dli' GROUP BY k.course_group ORDER BY min(k.position)`);
    expect(rows).toEqual([
      { course_group: 'fundamentals', n: 3 },
      { course_group: 'applications', n: 3 },
      { course_group: 'deployment', n: 3 },
    ]);
  });
});
