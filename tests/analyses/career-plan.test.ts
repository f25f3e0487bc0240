import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparationMonths } from '../../src/services/career-plan.service';
import type { PlanCertification } from '../../src/services/training-budget.service';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const PLAN = `query($id: ID!, $asOf: Date) {
  careerPlan(employeeId: $id, asOf: $asOf) {
    employee { id } role { slug } asOf targetDate
    steps {
      position kind requiredBy certification { slug } preparationMonths cumulativeMonths
      startsOn finishesOn cost { min expected max }
    }
    alreadyHeld { slug } alternatives { slug } categories { rawName source }
    totalMonths unknownDuration { count names }
    cost { min expected max complete unknownCount unknownNames }
    finishesOn meetsTarget
  }
}`;

describe('careerPlan', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({
      today: '2025-06-15',
      prepare: async (db) => {
        const f = new Factory(db);
        const months = (n: number) => ({ durationMin: n, durationMax: n });
        const team = await f.team({ name: 'Data' });

        // A requires B, which requires C.
        ids.c = await f.certification({ slug: 'chain_c', ...months(1) });
        ids.b = await f.certification({
          slug: 'chain_b',
          costKind: 'MONTHLY',
          costLowCents: 3900,
          durationMin: 3,
          durationMax: 6,
        });
        ids.a = await f.certification({
          slug: 'chain_a',
          costKind: 'MONTHLY',
          costLowCents: 3900,
          ...months(12),
        });
        await f.prerequisite(ids.a, ids.b);
        await f.prerequisite(ids.b, ids.c);
        await f.prerequisite(ids.b, null);
        ids.alt = await f.certification({ slug: 'level_alt' });
        ids.chainRole = await f.careerRole('ml_engineer');
        await f.recommendation({ careerRoleId: ids.chainRole }, ids.a, 'Chain A');
        await f.recommendation({ experienceLevel: 'INTERMEDIATE' }, ids.alt, 'Level alternative');
        await f.recommendation({ experienceLevel: 'INTERMEDIATE' }, ids.a, 'Chain A');
        await f.recommendation({ experienceLevel: 'INTERMEDIATE' }, null, 'Industry-specific');

        ids.onTime = await f.employee(team);
        await f.goal(ids.onTime, ids.chainRole, '2026-07-28');
        ids.late = await f.employee(team);
        await f.goal(ids.late, ids.chainRole, '2026-07-27');
        ids.holdsC = await f.employee(team);
        await f.goal(ids.holdsC, ids.chainRole, null);
        await f.held(ids.holdsC, ids.c, { earnedOn: '2024-01-10', expiresOn: '2027-01-10' });
        ids.done = await f.employee(team);
        await f.goal(ids.done, ids.chainRole, '2025-12-31');
        await f.held(ids.done, ids.a, { earnedOn: '2024-01-10', expiresOn: null });

        // Twelve months from a leap day.
        ids.year = await f.certification({ slug: 'one_year', ...months(12) });
        ids.leapRole = await f.careerRole('data_scientist');
        await f.recommendation({ careerRoleId: ids.leapRole }, ids.year);
        ids.leaper = await f.employee(team, { level: 'BEGINNER' });
        await f.goal(ids.leaper, ids.leapRole, '2025-02-28');

        // Days per course, weeks, and an unknown duration and cost.
        ids.days = await f.certification({
          slug: 'per_course_days',
          costKind: 'PER_COURSE',
          costLowCents: 5000,
          costHighCents: 20000,
          durationMin: 10,
          durationMax: 20,
          durationUnit: 'DAY',
        });
        await db.query('UPDATE certification SET duration_per_course = true WHERE id = $1', [
          ids.days,
        ]);
        for (let i = 0; i < 3; i += 1) await f.course(ids.days);
        ids.weeks = await f.certification({
          slug: 'four_weeks',
          ...months(4),
          durationUnit: 'WEEK',
        });
        ids.vague = await f.certification({
          slug: 'vague',
          costKind: 'UNKNOWN',
          durationMin: null,
          durationMax: null,
          durationUnit: null,
        });
        await db.query("UPDATE certification SET name = 'Healthcare ML' WHERE id = $1", [
          ids.vague,
        ]);
        ids.mixedRole = await f.careerRole('research_scientist');
        await f.recommendation({ careerRoleId: ids.mixedRole }, ids.days);
        await f.recommendation({ careerRoleId: ids.mixedRole }, ids.vague);
        await f.recommendation({ careerRoleId: ids.mixedRole }, null, 'Advanced cloud');
        await f.recommendation({ careerRoleId: ids.mixedRole }, ids.weeks);
        ids.mixed = await f.employee(team, { level: 'ADVANCED' });
        await f.goal(ids.mixed, ids.mixedRole, '2030-01-01');

        // Y requires Z, which requires Y.
        ids.y = await f.certification({ slug: 'cycle_y' });
        ids.z = await f.certification({ slug: 'cycle_z' });
        await f.prerequisite(ids.y, ids.z);
        await f.prerequisite(ids.z, ids.y);
        ids.cycleRole = await f.careerRole('cyclist');
        await f.recommendation({ careerRoleId: ids.cycleRole }, ids.y);
        ids.cyclist = await f.employee(team);
        await f.goal(ids.cyclist, ids.cycleRole, null);

        ids.aimless = await f.employee(team);
      },
    });
  });
  afterAll(async () => server?.close());

  const plan = async (id: number, asOf = '2025-01-31') => {
    const res = await server.gql(PLAN, { id, asOf });
    expect(res.errors).toBeUndefined();
    return res.data.careerPlan;
  };

  it('puts a prerequisite chain in order C, B, A, dated from asOf across month ends', async () => {
    const result = await plan(ids.onTime);
    expect(result.steps).toEqual([
      {
        position: 1,
        kind: 'PREREQUISITE',
        requiredBy: ['chain_b'],
        certification: { slug: 'chain_c' },
        preparationMonths: 1,
        cumulativeMonths: 1,
        startsOn: '2025-01-31',
        finishesOn: '2025-02-28',
        cost: { min: 30000, expected: 30000, max: 30000 },
      },
      {
        position: 2,
        kind: 'PREREQUISITE',
        requiredBy: ['chain_a'],
        certification: { slug: 'chain_b' },
        preparationMonths: 5,
        cumulativeMonths: 6,
        startsOn: '2025-02-28',
        finishesOn: '2025-07-28',
        cost: { min: 11700, expected: 19500, max: 23400 },
      },
      {
        position: 3,
        kind: 'RECOMMENDED',
        requiredBy: [],
        certification: { slug: 'chain_a' },
        preparationMonths: 12,
        cumulativeMonths: 18,
        startsOn: '2025-07-28',
        finishesOn: '2026-07-28',
        cost: { min: 46800, expected: 46800, max: 46800 },
      },
    ]);
    expect(result).toMatchObject({
      role: { slug: 'ml_engineer' },
      totalMonths: 18,
      unknownDuration: { count: 0, names: [] },
      cost: {
        min: 88500,
        expected: 96300,
        max: 100200,
        complete: true,
        unknownCount: 0,
        unknownNames: [],
      },
      finishesOn: '2026-07-28',
      targetDate: '2026-07-28',
      meetsTarget: true,
    });
  });

  it('misses a target one day before the finish', async () => {
    const result = await plan(ids.late);
    expect(result.finishesOn).toBe('2026-07-28');
    expect(result.meetsTarget).toBe(false);
  });

  it('offers what the level adds as alternatives and lists categories apart', async () => {
    const result = await plan(ids.onTime);
    expect(result.alternatives).toEqual([{ slug: 'level_alt' }]);
    expect(result.categories).toEqual([
      { rawName: 'Industry-specific', source: 'EXPERIENCE_LEVEL' },
    ]);
    expect(result.alreadyHeld).toEqual([]);
  });

  it('skips a prerequisite the employee already holds', async () => {
    const result = await plan(ids.holdsC);
    expect(result.steps.map((s: any) => [s.certification.slug, s.startsOn, s.finishesOn])).toEqual([
      ['chain_b', '2025-01-31', '2025-06-30'],
      ['chain_a', '2025-06-30', '2026-06-30'],
    ]);
    expect(result.meetsTarget).toBeNull();
    expect(result.targetDate).toBeNull();
  });

  it('has nothing to do when the goal is met', async () => {
    const result = await plan(ids.done);
    expect(result).toMatchObject({
      steps: [],
      alreadyHeld: [{ slug: 'chain_a' }],
      totalMonths: 0,
      finishesOn: '2025-01-31',
      meetsTarget: true,
      cost: { min: 0, expected: 0, max: 0, complete: true },
    });
  });

  it('adds twelve months to a leap day, ending on February 28', async () => {
    const result = await plan(ids.leaper, '2024-02-29');
    expect(result.steps).toMatchObject([
      { startsOn: '2024-02-29', finishesOn: '2025-02-28', cumulativeMonths: 12 },
    ]);
    expect(result.meetsTarget).toBe(true);
  });

  it('converts days per course and weeks, and counts unknowns apart', async () => {
    const result = await plan(ids.mixed, '2025-03-31');
    expect(
      result.steps.map((s: any) => [
        s.certification.slug,
        s.preparationMonths,
        s.cumulativeMonths,
        s.startsOn,
        s.finishesOn,
      ]),
    ).toEqual([
      // 3 courses of 10-20 days: 45 days, 2 months.
      ['per_course_days', 2, 2, '2025-03-31', '2025-05-31'],
      ['vague', null, 2, '2025-05-31', null],
      // 4 weeks are 28 days: 1 month.
      ['four_weeks', 1, 3, '2025-05-31', '2025-06-30'],
    ]);
    expect(result.categories).toEqual([{ rawName: 'Advanced cloud', source: 'CAREER_GOAL' }]);
    expect(result.totalMonths).toBe(3);
    expect(result.unknownDuration).toEqual({ count: 1, names: ['Healthcare ML'] });
    // 3 courses at $50, at the $125 midpoint and at $200; plus the default $300 exam.
    expect(result.cost).toEqual({
      min: 45000,
      expected: 67500,
      max: 90000,
      complete: false,
      unknownCount: 1,
      unknownNames: ['Healthcare ML'],
    });
    // The known steps end well before 2030, but an unknown duration could still run past it.
    expect(result.meetsTarget).toBeNull();
  });

  it('rejects a prerequisite cycle with CONFLICT, naming the cycle in order', async () => {
    const res = await server.gql(PLAN, { id: ids.cyclist, asOf: '2025-01-31' });
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(res.errors?.[0].extensions?.cycle).toEqual(['cycle_y', 'cycle_z', 'cycle_y']);
    expect(res.errors?.[0].message).toContain('cycle_y -> cycle_z -> cycle_y');
  });

  it('answers NOT_FOUND without a goal, pointing at setCareerGoal', async () => {
    const res = await server.gql(PLAN, { id: ids.aimless, asOf: '2025-01-31' });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0].message).toContain('has no career goal');
    expect(res.errors?.[0].message).toContain('setCareerGoal');
    const missing = await server.gql(PLAN, { id: 999999 });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('defaults asOf to today', async () => {
    const res = await server.gql(PLAN, { id: ids.leaper });
    expect(res.data.careerPlan.asOf).toBe('2025-06-15');
    expect(res.data.careerPlan.steps[0].finishesOn).toBe('2026-06-15');
  });

  it('sends as many SQL statements for one step as for three', async () => {
    const one = await server.countStatements(() => plan(ids.leaper));
    const three = await server.countStatements(() => plan(ids.onTime));
    expect(three).toBe(one);
  });
});

describe('preparationMonths', () => {
  const cert = (fields: Partial<PlanCertification>): PlanCertification => ({
    id: 1,
    slug: 'c',
    name: 'C',
    levelMin: null,
    levelMax: null,
    prerequisiteIds: [],
    skillIds: [],
    costKind: 'UNKNOWN',
    costLowCents: null,
    costHighCents: null,
    durationMin: 3,
    durationMax: 6,
    durationUnit: 'MONTH',
    durationPerCourse: false,
    courseCount: 0,
    ...fields,
  });

  it('takes the midpoint rounded up to a whole month', () => {
    expect(preparationMonths(cert({}))).toBe(5);
    expect(preparationMonths(cert({ durationMin: 12, durationMax: 18 }))).toBe(15);
    expect(preparationMonths(cert({ durationMin: 31, durationMax: 31, durationUnit: 'DAY' }))).toBe(
      2,
    );
    expect(preparationMonths(cert({ durationMin: 30, durationMax: 30, durationUnit: 'DAY' }))).toBe(
      1,
    );
  });

  it('is unknown without a duration or, per course, without courses', () => {
    expect(preparationMonths(cert({ durationUnit: null }))).toBeNull();
    const perCourse = { durationMin: 1, durationMax: 3, durationUnit: 'DAY' as const };
    expect(preparationMonths(cert({ ...perCourse, durationPerCourse: true }))).toBeNull();
    // Nine courses of 1-3 days are 18 days: one month.
    expect(preparationMonths(cert({ ...perCourse, durationPerCourse: true, courseCount: 9 }))).toBe(
      1,
    );
  });
});
