import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrganization } from '../../seeds/organization/seed-organization';
import { createTestDatabase, type TestDatabase } from '../support/database';

const AS_OF = '2026-03-15';

/** The smallest catalog the seeder needs: fixed, lifetime, unknown and incomplete entries. */
async function insertCatalog(db: TestDatabase): Promise<void> {
  await db.query(`INSERT INTO provider (slug, name) VALUES ('aws', 'AWS'), ('ibm', 'IBM')`);
  await db.query(`
    INSERT INTO certification
      (slug, name, provider_id, level_min, level_max, validity_kind, validity_months, data_complete)
    SELECT c.slug, c.name, p.id, c.level_min::experience_level, c.level_max::experience_level,
           c.kind::validity_kind, c.months, c.complete
      FROM (VALUES
        ('aws_ml_specialty', 'AWS ML Specialty', 'aws', 'ADVANCED', 'ADVANCED', 'FIXED', 36, true),
        ('aws_data_analytics', 'AWS Data Analytics', 'aws', 'ADVANCED', NULL, 'FIXED', 36, true),
        ('tensorflow_developer', 'TensorFlow Developer', 'aws', 'INTERMEDIATE', NULL, 'FIXED', 18,
          true),
        ('ibm_ai_engineering', 'IBM AI Engineering', 'ibm', 'BEGINNER', 'INTERMEDIATE', 'LIFETIME',
          NULL, true),
        ('stanford_ml', 'Stanford ML', 'ibm', 'BEGINNER', NULL, 'UNKNOWN', NULL, true),
        ('aws_cloud_practitioner', 'AWS Cloud Practitioner', 'aws', NULL, NULL, 'FIXED', 36, false)
      ) AS c(slug, name, provider, level_min, level_max, kind, months, complete)
      JOIN provider p ON p.slug = c.provider`);
  await db.query(`INSERT INTO skill (slug, name) VALUES ('mlops', 'MLOps'), ('nlp', 'NLP')`);
  await db.query(`
    INSERT INTO certification_skill (certification_id, skill_id, evidence)
    SELECT c.id, s.id, 'exam topic' FROM certification c, skill s
     WHERE (c.slug, s.slug) IN (('aws_ml_specialty', 'mlops'), ('tensorflow_developer', 'nlp'))`);
  await db.query(`
    INSERT INTO career_role (slug, name, from_guide) VALUES
      ('data_scientist', 'Data Scientist', true),
      ('ml_engineer', 'ML Engineer', true),
      ('research_scientist', 'Research Scientist', true)`);
}

async function count(db: TestDatabase, sql: string): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM (${sql}) AS rows`);
  return row.n;
}

async function clearOrganization(db: TestDatabase): Promise<void> {
  await db.query('UPDATE team SET manager_id = NULL');
  await db.query('DELETE FROM career_goal');
  await db.query('DELETE FROM team_requirement');
  await db.query('DELETE FROM held_certification');
  await db.query('DELETE FROM employee');
  await db.query('DELETE FROM team');
}

describe('seedOrganization', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await insertCatalog(db);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('seeds inside the caller transaction and leaves nothing when it rolls back', async () => {
    const runner = db.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const seeded = await seedOrganization(runner, { employees: 60, asOf: AS_OF });
      expect(seeded).toEqual({
        teams: 10,
        employees: 60,
        heldCertifications: 192,
        requirements: 23,
        goals: 37,
      });
      const [inside] = await runner.query('SELECT count(*)::int AS n FROM employee');
      expect(inside.n).toBe(60);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await count(db, 'SELECT 1 FROM employee')).toBe(0);
    expect(await count(db, 'SELECT 1 FROM team')).toBe(0);
  });

  it('writes rows whose references and dates hold up in SQL', async () => {
    const progress: [number, number][] = [];
    const seeded = await seedOrganization(db, {
      employees: 60,
      asOf: AS_OF,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(await count(db, 'SELECT 1 FROM team')).toBe(seeded.teams);
    expect(await count(db, 'SELECT 1 FROM employee')).toBe(60);
    expect(await count(db, 'SELECT 1 FROM held_certification')).toBe(seeded.heldCertifications);
    expect(await count(db, 'SELECT 1 FROM team_requirement')).toBe(seeded.requirements);
    expect(await count(db, 'SELECT 1 FROM career_goal')).toBe(seeded.goals);
    expect(progress.at(-1)).toEqual([332, 332]);

    // Every team is managed by a member of that team.
    expect(
      await count(
        db,
        `
      SELECT 1 FROM team t LEFT JOIN employee m ON m.id = t.manager_id
       WHERE m.id IS NULL OR m.team_id <> t.id`,
      ),
    ).toBe(0);
    expect(await count(db, 'SELECT 1 FROM team WHERE parent_id IS NULL')).toBe(3);
    // Expiry is earned_on plus the catalog validity; PostgreSQL clamps month ends the same way.
    expect(
      await count(
        db,
        `
      SELECT 1 FROM held_certification h JOIN certification c ON c.id = h.certification_id
       WHERE h.expires_on IS DISTINCT FROM
             (h.earned_on + make_interval(months => c.validity_months))::date`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        `
      SELECT 1 FROM held_certification h JOIN certification c ON c.id = h.certification_id
       WHERE c.validity_kind <> 'FIXED'`,
      ),
    ).toBe(69);
    const earnedLater = `SELECT 1 FROM held_certification WHERE earned_on > '${AS_OF}'`;
    expect(await count(db, earnedLater)).toBe(0);
    expect(
      await count(
        db,
        `
      SELECT 1 FROM held_certification
       WHERE expires_on BETWEEN '${AS_OF}' AND date '${AS_OF}' + 90`,
      ),
    ).toBe(16);
    expect(await count(db, 'SELECT 1 FROM team_requirement WHERE skill_id IS NOT NULL')).toBe(2);
    expect(await count(db, 'SELECT DISTINCT priority FROM team_requirement')).toBe(4);
    expect(await count(db, 'SELECT DISTINCT career_role_id FROM career_goal')).toBe(3);
  });

  it('continues the id sequences after the seeded rows', async () => {
    const [{ max }] = await db.query('SELECT max(id) AS max FROM team');
    const [{ id }] = await db.query(`INSERT INTO team (name) VALUES ('Later') RETURNING id`);
    expect(id).toBeGreaterThan(max);
    await db.query('DELETE FROM team WHERE id = $1', [id]);
  });

  it('seeds 2,000 employees with a few statements per table', async () => {
    await clearOrganization(db);
    const before = db.statements();
    const seeded = await seedOrganization(db, { employees: 2000, asOf: AS_OF });
    expect(seeded).toEqual({
      teams: 182,
      employees: 2000,
      heldCertifications: 5826,
      requirements: 344,
      goals: 1068,
    });
    // Four catalog reads, two id reservations, one statement a table (held in two chunks).
    expect(db.statements() - before).toBe(13);
    expect(await count(db, 'SELECT 1 FROM employee')).toBe(2000);
    expect(await count(db, 'SELECT DISTINCT team_id FROM employee')).toBe(182);
    const [depth] = await db.query(`
      WITH RECURSIVE tree(id, depth) AS (
        SELECT id, 1 FROM team WHERE parent_id IS NULL
        UNION ALL SELECT t.id, tree.depth + 1 FROM team t JOIN tree ON t.parent_id = tree.id)
      SELECT max(depth)::int AS max, count(*)::int AS teams FROM tree`);
    expect(depth).toEqual({ max: 3, teams: 182 });
    expect(
      await count(
        db,
        `
      SELECT 1 FROM held_certification h
       JOIN held_certification older ON older.employee_id = h.employee_id
        AND older.certification_id = h.certification_id AND older.id < h.id
       WHERE older.expires_on < '${AS_OF}' AND h.expires_on >= '${AS_OF}'`,
      ),
    ).toBeGreaterThan(50);
  });

  it('refuses to seed without a catalog', async () => {
    const empty = await createTestDatabase();
    try {
      await expect(seedOrganization(empty, { employees: 10, asOf: AS_OF })).rejects.toThrow(
        'the certification catalog is empty; seed the catalog before the organization',
      );
    } finally {
      await empty.drop();
    }
  });
});
