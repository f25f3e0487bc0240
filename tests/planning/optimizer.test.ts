import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const AS_OF = '2025-01-15';
const LASTING = { earnedOn: '2024-01-10', expiresOn: '2030-01-10' };

const PLAN = `query($team: ID!, $budget: Cents!, $horizon: Int, $perQuarter: Int, $fy: Int,
                 $costs: CostAssumptionsInput, $weights: PriorityWeightsInput) {
  optimalTrainingPlan(teamId: $team, budget: $budget, asOf: "${AS_OF}", horizonDays: $horizon,
                      maxPerPersonPerQuarter: $perQuarter, fiscalYearStartMonth: $fy,
                      costs: $costs, weights: $weights) {
    status message objectiveValue bound relativeGap costMinimal maxObjectiveValue
    gapClosed gapLeft peopleTrained horizonEnd
    weights { critical high medium low }
    total { min expected max }
    assignments {
      kind employee { id } certification { slug } quarter { label startsOn endsOn }
      preparationMonths cost { min expected max } requirements { id } servesCareerGoal
      prerequisiteFor { slug } expiresOn
      costBreakdown {
        examFee { expected } studyMaterials practiceExams retakeAllowance { expected }
      }
    }
    quarters { quarter { label } cost { expected } assignments }
    requirements { requirement { id } weight coverage expiringHolders projectedGap closed gapLeft
                   trained renewed }
    excluded { certification { slug } reason requirements { id } }
  }
}`;

describe('optimalTrainingPlan', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({
      today: AS_OF,
      prepare: async (db) => {
        const f = new Factory(db);
        const cert = (slug: string, cents: number | null, months = 3) =>
          f.certification({
            slug,
            costKind: cents === null ? 'UNKNOWN' : 'ONE_TIME',
            costLowCents: cents,
            durationMin: months,
            durationMax: months,
          });

        // Knapsack: the CRITICAL $900 credential alone is worth 8; three HIGH $400 ones, 12.
        ids.a = await cert('know_a', 90000);
        ids.b = await cert('know_b', 40000);
        ids.c = await cert('know_c', 40000);
        ids.d = await cert('know_d', 40000);
        ids.knap = await f.team({ name: 'Knapsack' });
        for (let i = 1; i <= 3; i += 1) ids[`k${i}`] = await f.employee(ids.knap);
        ids.reqA = await f.requirement(ids.knap, { certificationId: ids.a }, 1, 'CRITICAL');
        ids.reqB = await f.requirement(ids.knap, { certificationId: ids.b }, 1, 'HIGH');
        ids.reqC = await f.requirement(ids.knap, { certificationId: ids.c }, 1, 'HIGH');
        ids.reqD = await f.requirement(ids.knap, { certificationId: ids.d }, 1, 'HIGH');

        // Unknown cost: left out and listed, unless the query prices it.
        ids.vague = await cert('vague', null);
        ids.unknownTeam = await f.team({ name: 'Unknown costs' });
        ids.u1 = await f.employee(ids.unknownTeam);
        ids.reqVague = await f.requirement(ids.unknownTeam, { certificationId: ids.vague }, 1);

        // A chain of three prerequisites, one month each: p1 <- p2 <- p3 <- top.
        ids.p1 = await cert('chain_1', 10000, 1);
        ids.p2 = await cert('chain_2', 10000, 1);
        ids.p3 = await cert('chain_3', 10000, 1);
        ids.top = await cert('chain_top', 10000, 1);
        await f.prerequisite(ids.p2, ids.p1);
        await f.prerequisite(ids.p3, ids.p2);
        await f.prerequisite(ids.top, ids.p3);
        ids.chainTeam = await f.team({ name: 'Chain' });
        ids.fresh = await f.employee(ids.chainTeam);
        ids.reqTop = await f.requirement(ids.chainTeam, { certificationId: ids.top }, 1);
        ids.chainTeam2 = await f.team({ name: 'Chain, half way' });
        ids.novice = await f.employee(ids.chainTeam2);
        ids.halfway = await f.employee(ids.chainTeam2);
        await f.held(ids.halfway, ids.p2, LASTING);
        ids.reqTop2 = await f.requirement(ids.chainTeam2, { certificationId: ids.top }, 1);

        // Ties: nothing tells two people apart but the id; then a goal beats seniority.
        ids.t = await cert('tie_cert', 30000);
        ids.tieTeam = await f.team({ name: 'Ties' });
        ids.t1 = await f.employee(ids.tieTeam);
        ids.t2 = await f.employee(ids.tieTeam);
        await f.requirement(ids.tieTeam, { certificationId: ids.t }, 1);
        ids.role = await f.careerRole('ml_engineer');
        await f.recommendation({ careerRoleId: ids.role }, ids.t);
        ids.goalTeam = await f.team({ name: 'Goals' });
        ids.g1 = await f.employee(ids.goalTeam, { level: 'ADVANCED' });
        ids.g2 = await f.employee(ids.goalTeam);
        await f.goal(ids.g2, ids.role, null);
        await f.requirement(ids.goalTeam, { certificationId: ids.t }, 1);

        // One person, two one-month credentials, one quarter of horizon.
        ids.x = await cert('quarter_x', 10000, 1);
        ids.y = await cert('quarter_y', 10000, 1);
        ids.solo = await f.team({ name: 'Solo' });
        ids.s1 = await f.employee(ids.solo);
        ids.reqX = await f.requirement(ids.solo, { certificationId: ids.x }, 1, 'CRITICAL');
        ids.reqY = await f.requirement(ids.solo, { certificationId: ids.y }, 1, 'LOW');

        // A sole holder whose credential expires within the horizon.
        ids.e = await cert('expiring', 20000);
        ids.renewTeam = await f.team({ name: 'Renewals' });
        ids.r1 = await f.employee(ids.renewTeam);
        await f.held(ids.r1, ids.e, { earnedOn: '2022-06-30', expiresOn: '2025-06-30' });
        ids.reqE = await f.requirement(ids.renewTeam, { certificationId: ids.e }, 1);

        // The same shape with 3 and with 30 people, for the statement count.
        for (const size of [3, 30]) {
          const team = await f.team({ name: `Scale ${size}` });
          ids[`scale${size}`] = team;
          for (let i = 0; i < size; i += 1) await f.employee(team);
          await f.requirement(team, { certificationId: ids.b }, 2);
        }

        ids.outsider = await f.team({ name: 'Elsewhere' });
        ids.otherManager = await f.employee(ids.outsider);
        await f.setManager(ids.outsider, ids.otherManager);
        ids.financeUser = await f.employee(ids.outsider);
      },
    });
  });
  afterAll(async () => server?.close());

  const plan = async (team: number, budget: number, extra: Record<string, unknown> = {}) => {
    const res = await server.gql(PLAN, { team, budget, ...extra });
    expect(res.errors).toBeUndefined();
    return res.data.optimalTrainingPlan;
  };
  const chosen = (result: any) =>
    result.assignments.map((a: any) => [
      Number(a.employee?.id),
      a.certification.slug,
      a.quarter.label,
    ]);

  it('beats the greedy order: three HIGH credentials for the price of one CRITICAL', async () => {
    const result = await plan(ids.knap, 120000);
    expect(result).toMatchObject({
      status: 'OPTIMAL',
      objectiveValue: 12,
      bound: 12,
      relativeGap: 0,
      costMinimal: true,
      maxObjectiveValue: 20,
      gapClosed: 3,
      gapLeft: 1,
      peopleTrained: 3,
      weights: { critical: 8, high: 4, medium: 2, low: 1 },
      total: { min: 120000, expected: 120000, max: 120000 },
    });
    expect(result.assignments.map((a: any) => a.certification.slug).sort()).toEqual([
      'know_b',
      'know_c',
      'know_d',
    ]);
    // Three months of preparation from 2025-01-15 end in the second quarter, for everyone.
    expect(new Set(result.assignments.map((a: any) => a.quarter.label))).toEqual(
      new Set(['FY2025 Q2']),
    );
    expect(
      result.quarters.map((q: any) => [q.quarter.label, q.cost.expected, q.assignments]),
    ).toEqual([
      ['FY2025 Q1', 0, 0],
      ['FY2025 Q2', 120000, 3],
      ['FY2025 Q3', 0, 0],
      ['FY2025 Q4', 0, 0],
      ['FY2026 Q1', 0, 0],
    ]);
    const a = result.requirements.find((r: any) => Number(r.requirement.id) === ids.reqA);
    expect(a).toMatchObject({ weight: 8, projectedGap: 1, closed: 0, gapLeft: 1 });
  });

  it('plans nothing with a zero budget and closes everything with enough', async () => {
    const none = await plan(ids.knap, 0);
    expect(none).toMatchObject({ status: 'OPTIMAL', objectiveValue: 0, gapClosed: 0, gapLeft: 4 });
    expect(none.assignments).toEqual([]);

    const all = await plan(ids.knap, 10_000_000);
    expect(all).toMatchObject({ objectiveValue: 20, gapLeft: 0, peopleTrained: 3 });
    // Only what the gaps need, not the budget's worth: $900 + 3 x $400.
    expect(all.total.expected).toBe(210000);
  });

  it('takes the documented default weights and overrides them per query', async () => {
    const result = await plan(ids.knap, 120000, { weights: { critical: 20 } });
    expect(result.weights).toEqual({ critical: 20, high: 4, medium: 2, low: 1 });
    expect(result.assignments.map((a: any) => a.certification.slug)).toEqual(['know_a']);
    expect(result.objectiveValue).toBe(20);
  });

  it('leaves out and lists a credential of unknown cost, unless the query prices it', async () => {
    const result = await plan(ids.unknownTeam, 1_000_000);
    expect(result.assignments).toEqual([]);
    expect(result.excluded).toEqual([
      {
        certification: { slug: 'vague' },
        reason: 'UNKNOWN_COST',
        requirements: [{ id: String(ids.reqVague) }],
      },
    ]);
    expect(result).toMatchObject({ objectiveValue: 0, maxObjectiveValue: 4, gapLeft: 1 });

    const priced = await plan(ids.unknownTeam, 1_000_000, {
      costs: { examFees: [{ certificationId: String(ids.vague), fee: 25000 }] },
    });
    expect(priced.excluded).toEqual([]);
    expect(priced.total.expected).toBe(25000);
  });

  it('plans a chain of three prerequisites a quarter apart, in order', async () => {
    const result = await plan(ids.chainTeam, 40000);
    expect(chosen(result)).toEqual([
      [ids.fresh, 'chain_1', 'FY2025 Q1'],
      [ids.fresh, 'chain_2', 'FY2025 Q2'],
      [ids.fresh, 'chain_3', 'FY2025 Q3'],
      [ids.fresh, 'chain_top', 'FY2025 Q4'],
    ]);
    expect(result.assignments.map((a: any) => a.prerequisiteFor.map((c: any) => c.slug))).toEqual([
      ['chain_2'],
      ['chain_3'],
      ['chain_top'],
      [],
    ]);
    expect(result.assignments.map((a: any) => a.requirements.length)).toEqual([0, 0, 0, 1]);
    expect(result.objectiveValue).toBe(4);

    expect(result.excluded).toEqual([]);

    // Too little money for the whole chain, or too little time, is nothing at all; too
    // little time is said.
    expect((await plan(ids.chainTeam, 39999)).assignments).toEqual([]);
    const short = await plan(ids.chainTeam, 40000, { horizon: 200 });
    expect(short.assignments).toEqual([]);
    expect(short.excluded).toEqual([
      {
        certification: { slug: 'chain_top' },
        reason: 'PREPARATION_BEYOND_HORIZON',
        requirements: [{ id: String(ids.reqTop) }],
      },
    ]);
  });

  it('prefers the person who holds part of the chain: cheaper and sooner', async () => {
    const result = await plan(ids.chainTeam2, 40000);
    expect(chosen(result)).toEqual([
      [ids.halfway, 'chain_3', 'FY2025 Q1'],
      [ids.halfway, 'chain_top', 'FY2025 Q2'],
    ]);
    expect(result.total.expected).toBe(20000);
  });

  it('breaks ties the documented way, and answers the same every time', async () => {
    const first = await plan(ids.tieTeam, 30000);
    expect(chosen(first)).toEqual([[ids.t1, 'tie_cert', 'FY2025 Q2']]);
    for (let i = 0; i < 3; i += 1) expect(await plan(ids.tieTeam, 30000)).toEqual(first);

    // A career goal the credential serves beats a more senior colleague.
    const goal = await plan(ids.goalTeam, 30000);
    expect(chosen(goal)).toEqual([[ids.g2, 'tie_cert', 'FY2025 Q2']]);
    expect(goal.assignments[0].servesCareerGoal).toBe(true);
  });

  it('gives a person at most maxPerPersonPerQuarter credentials a quarter', async () => {
    // A 60-day horizon is one quarter: with one credential a quarter, the CRITICAL one wins.
    const one = await plan(ids.solo, 100000, { horizon: 60 });
    expect(chosen(one)).toEqual([[ids.s1, 'quarter_x', 'FY2025 Q1']]);
    expect(one.objectiveValue).toBe(8);
    const two = await plan(ids.solo, 100000, { horizon: 60, perQuarter: 2 });
    expect(two.assignments.map((a: any) => a.certification.slug)).toEqual([
      'quarter_x',
      'quarter_y',
    ]);
    expect(two.objectiveValue).toBe(9);
  });

  it('renews the expiring credential of a sole holder, with every cost component', async () => {
    const costs = { studyMaterials: 5000, practiceExams: 2500, retakeProbability: 0.15 };
    // $200 exam + $50 study + $25 practice + 15% of $200 for a retake = $305.
    const result = await plan(ids.renewTeam, 30500, { costs });
    expect(result.assignments).toEqual([
      expect.objectContaining({
        kind: 'RENEWAL',
        employee: { id: String(ids.r1) },
        certification: { slug: 'expiring' },
        // The exam is due a month before the 2025-06-30 expiry.
        quarter: { label: 'FY2025 Q2', startsOn: '2025-04-01', endsOn: '2025-06-30' },
        expiresOn: '2025-06-30',
        preparationMonths: null,
        cost: { min: 30500, expected: 30500, max: 30500 },
        costBreakdown: {
          examFee: { expected: 20000 },
          studyMaterials: 5000,
          practiceExams: 2500,
          retakeAllowance: { expected: 3000 },
        },
      }),
    ]);
    expect(result.requirements).toEqual([
      {
        requirement: { id: String(ids.reqE) },
        weight: 4,
        coverage: 1,
        expiringHolders: 1,
        projectedGap: 1,
        closed: 1,
        gapLeft: 0,
        trained: 0,
        renewed: 1,
      },
    ]);
    expect((await plan(ids.renewTeam, 30499, { costs })).assignments).toEqual([]);
  });

  it('names quarters by the fiscal year they end in', async () => {
    const result = await plan(ids.knap, 0, { fy: 10 });
    expect(result.quarters.map((q: any) => q.quarter.label)).toEqual([
      'FY2025 Q2',
      'FY2025 Q3',
      'FY2025 Q4',
      'FY2026 Q1',
      'FY2026 Q2',
    ]);
  });

  it('rejects options out of range with BAD_USER_INPUT', async () => {
    for (const extra of [{ perQuarter: 0 }, { horizon: -1 }, { fy: 13 }]) {
      const res = await server.gql(PLAN, { team: ids.knap, budget: 0, ...extra });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const res = await server.gql(PLAN, {
      team: ids.knap,
      budget: 0,
      costs: { retakeProbability: 1.5 },
    });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a time limit below 0.1 s, naming the argument', async () => {
    const query = `query($team: ID!, $seconds: Float!) {
      optimalTrainingPlan(teamId: $team, budget: 0, asOf: "${AS_OF}",
                          timeLimitSeconds: $seconds) { status }
    }`;
    for (const seconds of [1e-9, 0.099, 0, 61]) {
      const res = await server.gql(query, { team: ids.knap, seconds });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'timeLimitSeconds',
        value: seconds,
      });
    }
    const ok = await server.gql(query, { team: ids.knap, seconds: 0.1 });
    expect(ok.errors).toBeUndefined();
  });

  it('rejects an exam fee for a certification not in the catalog, or given twice', async () => {
    const unknown = await server.gql(PLAN, {
      team: ids.unknownTeam,
      budget: 1_000_000,
      costs: { examFees: [{ certificationId: '999999', fee: 25000 }] },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'costs.examFees.certificationId',
      value: '999999',
    });
    expect(unknown.errors?.[0].message).toContain('999999');

    const twice = await server.gql(PLAN, {
      team: ids.unknownTeam,
      budget: 1_000_000,
      costs: {
        examFees: [
          { certificationId: String(ids.vague), fee: 25000 },
          { certificationId: String(ids.vague), fee: 100 },
        ],
      },
    });
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'costs.examFees.certificationId',
      value: String(ids.vague),
    });
    expect(twice.errors?.[0].message).toContain(String(ids.vague));
  });

  it('answers NOT_FOUND to a manager of another team, and hides people from FINANCE', async () => {
    const manager = await server.tokenFor(ids.otherManager, 'MANAGER');
    const res = await server.gql(PLAN, { team: ids.knap, budget: 0 }, { token: manager });
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(res.data).toBeNull();

    const finance = await server.tokenFor(ids.financeUser, 'FINANCE');
    const seen = await server.gql(PLAN, { team: ids.knap, budget: 120000 }, { token: finance });
    expect(seen.errors).toBeUndefined();
    const result = seen.data.optimalTrainingPlan;
    expect(result.assignments.map((a: any) => a.employee)).toEqual([null, null, null]);
    expect(result.total.expected).toBe(120000);
  });

  it('sends the same number of SQL statements for 3 people as for 30', async () => {
    const small = await server.countStatements(() => plan(ids.scale3, 80000));
    const large = await server.countStatements(() => plan(ids.scale30, 80000));
    expect(large).toBe(small);
  });
});
