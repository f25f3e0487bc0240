import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const AS_OF = '2025-06-15';
const ACTIVE = { earnedOn: '2024-01-10', expiresOn: '2027-01-10' };

const BUDGET = `query($team: ID!, $teamOnly: Boolean) {
  trainingBudget(teamId: $team, asOf: "${AS_OF}", teamOnly: $teamOnly) {
    asOf teamOnly peopleTrained
    team { id name }
    total { min expected max complete unknownCount unknownNames }
    assignments {
      employee { id } certification { id slug } requirement { id team { id } }
      cost { min expected max } servesCareerGoal
    }
    unknownCost { count names assignments { employee { id } certification { slug } cost { min } } }
    requirements {
      requirement { id } certification { slug } coverage gap assigned credited shortfall reason
    }
    shortfalls {
      requirement { id } gap assigned shortfall reason explanation
      missingPrerequisites levelOutOfRange
    }
  }
}`;

describe('trainingBudget', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({
      today: AS_OF,
      prepare: async (db) => {
        const f = new Factory(db);
        const rename = (id: number, name: string) =>
          db.query('UPDATE certification SET name = $2 WHERE id = $1', [id, name]);

        // Costs: a $300 exam and a 12-month $39/month subscription, one person each.
        ids.exam = await f.certification({ slug: 'exam_300', costLowCents: 30000 });
        ids.sub12 = await f.certification({
          slug: 'sub_12',
          costKind: 'MONTHLY',
          costLowCents: 3900,
          durationMin: 12,
          durationMax: 12,
        });
        ids.costTeam = await f.team({ name: 'Costs' });
        ids.c1 = await f.employee(ids.costTeam);
        ids.c2 = await f.employee(ids.costTeam);
        ids.reqExam = await f.requirement(ids.costTeam, { certificationId: ids.exam }, 1);
        ids.reqSub12 = await f.requirement(ids.costTeam, { certificationId: ids.sub12 }, 1);

        // Ranges: a 3-6 month subscription, a per-course range, and an unknown cost.
        ids.sub36 = await f.certification({
          slug: 'sub_3_6',
          costKind: 'MONTHLY',
          costLowCents: 3900,
          durationMin: 3,
          durationMax: 6,
        });
        ids.perCourse = await f.certification({
          slug: 'per_course',
          costKind: 'PER_COURSE',
          costLowCents: 5000,
          costHighCents: 20000,
        });
        for (let i = 0; i < 3; i += 1) await f.course(ids.perCourse);
        ids.unknown = await f.certification({ slug: 'healthcare', costKind: 'UNKNOWN' });
        await rename(ids.unknown, 'Healthcare ML Certificate');
        ids.rangeTeam = await f.team({ name: 'Ranges' });
        for (let i = 1; i <= 4; i += 1) ids[`r${i}`] = await f.employee(ids.rangeTeam);
        await f.held(ids.r4, ids.unknown, ACTIVE);
        ids.reqSub36 = await f.requirement(ids.rangeTeam, { certificationId: ids.sub36 }, 1);
        const perCourse = { certificationId: ids.perCourse };
        ids.reqPerCourse = await f.requirement(ids.rangeTeam, perCourse, 1);
        // Three needed, one already held: a gap of two, with three people free to train.
        ids.reqUnknown = await f.requirement(ids.rangeTeam, { certificationId: ids.unknown }, 3);

        // Eligibility: Q requires P and suits INTERMEDIATE to ADVANCED.
        ids.p = await f.certification({ slug: 'prereq_p' });
        ids.q = await f.certification({
          slug: 'cert_q',
          levelMin: 'INTERMEDIATE',
          levelMax: 'ADVANCED',
        });
        await f.prerequisite(ids.q, ids.p);
        await f.prerequisite(ids.q, null);
        ids.eligTeam = await f.team({ name: 'Eligibility' });
        ids.noPrereq = await f.employee(ids.eligTeam, { level: 'ADVANCED' });
        await f.held(ids.noPrereq, ids.p, { earnedOn: '2020-01-10', expiresOn: '2023-01-10' });
        ids.tooJunior = await f.employee(ids.eligTeam, { level: 'BEGINNER' });
        await f.held(ids.tooJunior, ids.p, ACTIVE);
        ids.eligible = await f.employee(ids.eligTeam, { level: 'INTERMEDIATE' });
        await f.held(ids.eligible, ids.p, ACTIVE);
        ids.reqQ = await f.requirement(ids.eligTeam, { certificationId: ids.q }, 2, 'CRITICAL');

        // Career goals: the junior whose goal the credential serves beats the senior.
        ids.r = await f.certification({ slug: 'cert_r' });
        ids.role = await f.careerRole('ml_engineer');
        await f.recommendation({ careerRoleId: ids.role }, ids.r);
        ids.goalTeam = await f.team({ name: 'Goals' });
        ids.senior = await f.employee(ids.goalTeam, { level: 'ADVANCED' });
        ids.aspiring = await f.employee(ids.goalTeam, { level: 'INTERMEDIATE' });
        await f.goal(ids.aspiring, ids.role, '2026-12-31');
        ids.reqR = await f.requirement(ids.goalTeam, { certificationId: ids.r }, 1);

        // A skill closed by the cheapest known-cost certification covering it.
        ids.dear = await f.certification({ slug: 'skill_dear', costLowCents: 50000 });
        ids.cheap = await f.certification({ slug: 'skill_cheap', costLowCents: 20000 });
        ids.vague = await f.certification({ slug: 'skill_vague', costKind: 'UNKNOWN' });
        ids.skill = await f.skill('mlops', [ids.dear, ids.cheap, ids.vague]);
        ids.orphanSkill = await f.skill('quantum');
        ids.skillTeam = await f.team({ name: 'Skills' });
        ids.s1 = await f.employee(ids.skillTeam);
        ids.reqSkill = await f.requirement(ids.skillTeam, { skillId: ids.skill }, 1);
        ids.reqOrphan = await f.requirement(ids.skillTeam, { skillId: ids.orphanSkill }, 1, 'LOW');

        // Nesting: the department's two trainees come from the sub-team and close its gap too.
        ids.x = await f.certification({ slug: 'cert_x' });
        ids.dept = await f.team({ name: 'Department' });
        ids.sub = await f.team({ name: 'Sub-team', parentId: ids.dept });
        ids.d1 = await f.employee(ids.dept, { level: 'BEGINNER' });
        ids.n1 = await f.employee(ids.sub, { level: 'ADVANCED' });
        ids.n2 = await f.employee(ids.sub, { level: 'ADVANCED' });
        ids.reqDept = await f.requirement(ids.dept, { certificationId: ids.x }, 2);
        ids.reqSub = await f.requirement(ids.sub, { certificationId: ids.x }, 1);

        // Scale: the same shape with 3 and with 30 people.
        ids.y = await f.certification({ slug: 'cert_y' });
        for (const size of [3, 30]) {
          const team = await f.team({ name: `Scale ${size}` });
          ids[`scale${size}`] = team;
          for (let i = 0; i < size; i += 1) {
            const person = await f.employee(team);
            if (i % 2 === 0) await f.goal(person, ids.role, null);
            if (i === 0) await f.held(person, ids.y, ACTIVE);
          }
          await f.requirement(team, { certificationId: ids.y }, size - 1);
          await f.requirement(team, { certificationId: ids.unknown }, 2, 'LOW');
        }
      },
    });
  });
  afterAll(async () => server?.close());

  const budget = async (team: number, teamOnly = false) => {
    const res = await server.gql(BUDGET, { team, teamOnly });
    expect(res.errors).toBeUndefined();
    return res.data.trainingBudget;
  };
  const people = (assignments: Array<{ employee: { id: string } }>) =>
    assignments.map((a) => Number(a.employee.id));

  it('adds a $300 exam and a 12-month $39/month subscription to 76800 cents', async () => {
    const plan = await budget(ids.costTeam);
    expect(plan.total).toEqual({
      min: 76800,
      expected: 76800,
      max: 76800,
      complete: true,
      unknownCount: 0,
      unknownNames: [],
    });
    expect(plan.assignments.map((a: any) => [a.certification.slug, a.cost])).toEqual([
      ['exam_300', { min: 30000, expected: 30000, max: 30000 }],
      ['sub_12', { min: 46800, expected: 46800, max: 46800 }],
    ]);
    // Both go to the lower id: nothing else tells the two apart.
    expect(people(plan.assignments)).toEqual([ids.c1, ids.c1]);
    expect(plan.peopleTrained).toBe(1);
    expect(plan.team).toEqual({ id: String(ids.costTeam), name: 'Costs' });
  });

  it('sums ranges and lists unknown costs apart, out of the total', async () => {
    const plan = await budget(ids.rangeTeam);
    const byCert = Object.fromEntries(
      plan.assignments.map((a: any) => [a.certification.slug, a.cost]),
    );
    expect(byCert).toEqual({
      sub_3_6: { min: 11700, expected: 19500, max: 23400 },
      // 3 courses at $50, at the $125 midpoint and at $200.
      per_course: { min: 15000, expected: 37500, max: 60000 },
    });
    expect(plan.total).toEqual({
      min: 26700,
      expected: 57000,
      max: 83400,
      complete: false,
      unknownCount: 2,
      unknownNames: ['Healthcare ML Certificate'],
    });
    expect(plan.unknownCost.count).toBe(2);
    expect(plan.unknownCost.names).toEqual(['Healthcare ML Certificate']);
    expect(plan.unknownCost.assignments).toEqual([
      { employee: { id: String(ids.r1) }, certification: { slug: 'healthcare' }, cost: null },
      { employee: { id: String(ids.r2) }, certification: { slug: 'healthcare' }, cost: null },
    ]);
  });

  it('trains no more people than the gap, and never a current holder', async () => {
    const plan = await budget(ids.rangeTeam);
    const unknown = plan.requirements.find((r: any) => Number(r.requirement.id) === ids.reqUnknown);
    expect(unknown).toMatchObject({ coverage: 1, gap: 2, assigned: 2, shortfall: 0, reason: null });
    expect(people(plan.unknownCost.assignments)).not.toContain(ids.r4);
    expect(plan.shortfalls).toEqual([]);
  });

  it('skips people missing a prerequisite or out of level range, and says why', async () => {
    const plan = await budget(ids.eligTeam);
    expect(people(plan.assignments)).toEqual([ids.eligible]);
    expect(plan.shortfalls).toEqual([
      {
        requirement: { id: String(ids.reqQ) },
        gap: 2,
        assigned: 1,
        shortfall: 1,
        reason: 'NOT_ENOUGH_ELIGIBLE',
        explanation:
          '1 more person needed; the other candidates are not eligible ' +
          "(missing a prerequisite: 1; level outside the certification's range: 1)",
        missingPrerequisites: 1,
        levelOutOfRange: 1,
      },
    ]);
  });

  it('prefers the person whose career goal the credential serves', async () => {
    const plan = await budget(ids.goalTeam);
    expect(people(plan.assignments)).toEqual([ids.aspiring]);
    expect(plan.assignments[0].servesCareerGoal).toBe(true);
  });

  it('closes a skill with the cheapest known-cost certification covering it', async () => {
    const plan = await budget(ids.skillTeam);
    expect(plan.assignments.map((a: any) => [a.certification.slug, a.cost.expected])).toEqual([
      ['skill_cheap', 20000],
    ]);
    expect(plan.shortfalls).toMatchObject([
      { requirement: { id: String(ids.reqOrphan) }, shortfall: 1, reason: 'NO_CERTIFICATION' },
    ]);
  });

  it('counts trainees for a department toward its sub-team instead of training more', async () => {
    const plan = await budget(ids.dept);
    expect(people(plan.assignments)).toEqual([ids.n1, ids.n2]);
    expect(plan.requirements).toMatchObject([
      { requirement: { id: String(ids.reqDept) }, gap: 2, assigned: 2, credited: 0 },
      { requirement: { id: String(ids.reqSub) }, gap: 1, assigned: 0, credited: 1, shortfall: 0 },
    ]);
    expect(plan.total.expected).toBe(60000);
  });

  it("with teamOnly plans only the team's own requirements among its own people", async () => {
    const plan = await budget(ids.dept, true);
    expect(plan.teamOnly).toBe(true);
    expect(people(plan.assignments)).toEqual([ids.d1]);
    expect(plan.shortfalls).toMatchObject([
      { requirement: { id: String(ids.reqDept) }, shortfall: 1, reason: 'NO_CANDIDATES' },
    ]);
  });

  it('answers NOT_FOUND for an unknown team', async () => {
    const res = await server.gql(BUDGET, { team: 999999 });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('sends the same number of SQL statements for 3 people as for 30', async () => {
    const small = await server.countStatements(() => budget(ids.scale3));
    const large = await server.countStatements(() => budget(ids.scale30));
    expect((await budget(ids.scale30)).assignments).toHaveLength(28);
    expect(large).toBe(small);
  });
});

describe('trainingBudget across nested teams', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({
      today: AS_OF,
      prepare: async (db) => {
        const f = new Factory(db);
        // Department R needs two holders (one holds it: gap 1); its sub-team C needs one
        // (nobody: gap 1). The department's requirement is processed first and its lowest
        // id candidate sits in R itself, but training c1 in C closes both gaps at once.
        ids.cert = await f.certification({ slug: 'exam', costLowCents: 19500 });
        ids.dept = await f.team({ name: 'R' });
        ids.sub = await f.team({ name: 'C', parentId: ids.dept });
        ids.holder = await f.employee(ids.dept);
        ids.r1 = await f.employee(ids.dept);
        ids.c1 = await f.employee(ids.sub);
        await f.held(ids.holder, ids.cert, ACTIVE);
        await f.requirement(ids.dept, { certificationId: ids.cert }, 2, 'CRITICAL');
        await f.requirement(ids.sub, { certificationId: ids.cert }, 1, 'LOW');
      },
    });
  });
  afterAll(async () => server?.close());

  it('trains one sub-team member who closes both gaps instead of two people', async () => {
    const res = await server.gql(BUDGET, { team: ids.dept });
    const budget = res.data.trainingBudget;
    expect(budget.peopleTrained).toBe(1);
    expect(budget.assignments.map((a: any) => Number(a.employee.id))).toEqual([ids.c1]);
    expect(budget.total).toMatchObject({ min: 19500, expected: 19500, max: 19500 });
    expect(budget.shortfalls).toEqual([]);
  });
});
