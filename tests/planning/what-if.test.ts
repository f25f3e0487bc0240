import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const AS_OF = '2025-01-15';
const LASTING = { earnedOn: '2024-01-10', expiresOn: '2027-01-10' };

const SPOF = `query($team: ID!) {
  singlePointsOfFailure(teamId: $team, asOf: "${AS_OF}") {
    requirement { id } holder { id } required met gapIfHolderLeaves
    uncoveredIfHolderLeaves { id }
  }
}`;

const LEAVE = `query($team: ID!, $people: [ID!]!) {
  ifPeopleLeave(teamId: $team, employeeIds: $people, asOf: "${AS_OF}") {
    horizonDays horizonEnd ignoredEmployeeIds breaksNowCount breaksWithinHorizonCount
    team { id } leavers { id }
    requirements {
      requirement { id } required coverage coverageAfterLeaving coverageAtHorizonEnd
      gapAfterLeaving gapAtHorizonEnd breaksNow breaksWithinHorizon wouldBreakAnyway
      leavingHolders { id }
    }
  }
}`;

const CHANGE = `query($team: ID!, $budget: Cents!, $delta: Cents!) {
  budgetChange(teamId: $team, budget: $budget, delta: $delta, asOf: "${AS_OF}") {
    before { ...side }
    after { ...side }
    objectiveDelta gapClosedDelta costDelta { min expected max }
  }
}
fragment side on OptimalTrainingPlan {
  budget objectiveValue gapClosed total { expected } assignments { certification { slug } }
}`;

describe('what-if analyses', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({
      today: AS_OF,
      prepare: async (db) => {
        const f = new Factory(db);
        ids.a = await f.certification({ slug: 'cert_a' });
        ids.b = await f.certification({ slug: 'cert_b' });
        ids.c = await f.certification({ slug: 'cert_c' });
        ids.d = await f.certification({ slug: 'cert_d' });
        ids.skill = await f.skill('serving', [ids.b, ids.c]);

        // w1 holds A; w2 holds B until March; w3 holds B, C and D; w4 holds nothing;
        // s1, in the sub-team, holds A until February.
        ids.w = await f.team({ name: 'Workbench' });
        ids.ws = await f.team({ name: 'Workbench Core', parentId: ids.w });
        ids.w1 = await f.employee(ids.w);
        ids.w2 = await f.employee(ids.w);
        ids.w3 = await f.employee(ids.w);
        ids.w4 = await f.employee(ids.w);
        ids.s1 = await f.employee(ids.ws);
        await f.held(ids.w1, ids.a, LASTING);
        await f.held(ids.w2, ids.b, { earnedOn: '2022-03-31', expiresOn: '2025-03-31' });
        await f.held(ids.w3, ids.b, LASTING);
        await f.held(ids.w3, ids.c, LASTING);
        await f.held(ids.w3, ids.d, LASTING);
        await f.held(ids.s1, ids.a, { earnedOn: '2022-02-28', expiresOn: '2025-02-28' });

        ids.r1 = await f.requirement(ids.w, { certificationId: ids.a }, 2, 'CRITICAL');
        ids.r2 = await f.requirement(ids.w, { certificationId: ids.b }, 1, 'HIGH');
        ids.r3 = await f.requirement(ids.ws, { certificationId: ids.a }, 1, 'MEDIUM');
        ids.r4 = await f.requirement(ids.w, { certificationId: ids.c }, 2, 'LOW');
        ids.r5 = await f.requirement(ids.w, { skillId: ids.skill }, 1, 'HIGH');
        ids.r6 = await f.requirement(ids.w, { certificationId: ids.d }, 1, 'CRITICAL');

        // Budgets: a $300 CRITICAL credential and a $500 HIGH one.
        ids.x = await f.certification({ slug: 'cert_x', costLowCents: 30000 });
        ids.y = await f.certification({ slug: 'cert_y', costLowCents: 50000 });
        ids.bc = await f.team({ name: 'Budgets' });
        await f.employee(ids.bc);
        await f.employee(ids.bc);
        await f.requirement(ids.bc, { certificationId: ids.x }, 1, 'CRITICAL');
        await f.requirement(ids.bc, { certificationId: ids.y }, 1, 'HIGH');

        ids.elsewhere = await f.team({ name: 'Elsewhere' });
        ids.otherManager = await f.employee(ids.elsewhere);
        await f.setManager(ids.elsewhere, ids.otherManager);
        ids.wsManager = await f.employee(ids.ws);
        await f.setManager(ids.ws, ids.wsManager);
      },
    });
  });
  afterAll(async () => server?.close());

  const query = async (text: string, variables: Record<string, unknown>, token?: string) => {
    const res = await server.gql(text, variables, token ? { token } : {});
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const id = (key: string) => String(ids[key]);

  it('lists requirements that one active holder meets, and what they leave uncovered', async () => {
    const { singlePointsOfFailure: found } = await query(SPOF, { team: ids.w });
    expect(found).toEqual([
      {
        requirement: { id: id('r6') },
        holder: { id: id('w3') },
        required: 1,
        met: true,
        gapIfHolderLeaves: 1,
        uncoveredIfHolderLeaves: [{ id: id('r6') }, { id: id('r4') }],
      },
      {
        requirement: { id: id('r3') },
        holder: { id: id('s1') },
        required: 1,
        met: true,
        gapIfHolderLeaves: 1,
        uncoveredIfHolderLeaves: [{ id: id('r3') }],
      },
      {
        // One holder of two needed: already short, and uncovered without them.
        requirement: { id: id('r4') },
        holder: { id: id('w3') },
        required: 2,
        met: false,
        gapIfHolderLeaves: 2,
        uncoveredIfHolderLeaves: [{ id: id('r6') }, { id: id('r4') }],
      },
    ]);
  });

  it('says what breaks at once and by the horizon if a person leaves', async () => {
    const { ifPeopleLeave: impact } = await query(LEAVE, {
      team: ids.w,
      people: [id('w3'), id('otherManager'), '999999'],
    });
    expect(impact).toMatchObject({
      horizonDays: 180,
      horizonEnd: '2025-07-14',
      team: { id: id('w') },
      leavers: [{ id: id('w3') }],
      ignoredEmployeeIds: [id('otherManager'), '999999'],
      breaksNowCount: 1,
      breaksWithinHorizonCount: 5,
    });
    const row = (requirement: string, rest: Record<string, unknown>) => ({
      requirement: { id: id(requirement) },
      ...rest,
    });
    expect(impact.requirements).toEqual([
      // A x2: w1 and s1; s1's credential lapses in February, leavers or not.
      row('r1', {
        required: 2,
        coverage: 2,
        coverageAfterLeaving: 2,
        coverageAtHorizonEnd: 1,
        gapAfterLeaving: 0,
        gapAtHorizonEnd: 1,
        breaksNow: false,
        breaksWithinHorizon: true,
        wouldBreakAnyway: true,
        leavingHolders: [],
      }),
      // D x1: w3 is the only holder.
      row('r6', {
        required: 1,
        coverage: 1,
        coverageAfterLeaving: 0,
        coverageAtHorizonEnd: 0,
        gapAfterLeaving: 1,
        gapAtHorizonEnd: 1,
        breaksNow: true,
        breaksWithinHorizon: true,
        wouldBreakAnyway: false,
        leavingHolders: [{ id: id('w3') }],
      }),
      // B x1: w2 stays, until the March expiry.
      row('r2', {
        required: 1,
        coverage: 2,
        coverageAfterLeaving: 1,
        coverageAtHorizonEnd: 0,
        gapAfterLeaving: 0,
        gapAtHorizonEnd: 1,
        breaksNow: false,
        breaksWithinHorizon: true,
        wouldBreakAnyway: false,
        leavingHolders: [{ id: id('w3') }],
      }),
      // The skill, met through B by w2 and through B and C by w3: the same story as r2.
      row('r5', {
        required: 1,
        coverage: 2,
        coverageAfterLeaving: 1,
        coverageAtHorizonEnd: 0,
        gapAfterLeaving: 0,
        gapAtHorizonEnd: 1,
        breaksNow: false,
        breaksWithinHorizon: true,
        wouldBreakAnyway: false,
        leavingHolders: [{ id: id('w3') }],
      }),
      // The sub-team's A: s1's expiry alone breaks it.
      row('r3', {
        required: 1,
        coverage: 1,
        coverageAfterLeaving: 1,
        coverageAtHorizonEnd: 0,
        gapAfterLeaving: 0,
        gapAtHorizonEnd: 1,
        breaksNow: false,
        breaksWithinHorizon: true,
        wouldBreakAnyway: true,
        leavingHolders: [],
      }),
      // C x2 was short already; it now has nobody.
      row('r4', {
        required: 2,
        coverage: 1,
        coverageAfterLeaving: 0,
        coverageAtHorizonEnd: 0,
        gapAfterLeaving: 2,
        gapAtHorizonEnd: 2,
        breaksNow: false,
        breaksWithinHorizon: false,
        wouldBreakAnyway: false,
        leavingHolders: [{ id: id('w3') }],
      }),
    ]);
  });

  it('does not let a viewer who sees nobody learn what a named person holds', async () => {
    const finance = await server.tokenFor(ids.otherManager, 'FINANCE');
    const { ifPeopleLeave: impact } = await query(
      LEAVE,
      { team: ids.w, people: [id('w3')] },
      finance,
    );
    // w3 counts as ignored, exactly like someone outside the team: only expiries remain.
    expect(impact.ignoredEmployeeIds).toEqual([id('w3')]);
    expect(impact.leavers).toEqual([]);
    expect(impact.breaksNowCount).toBe(0);
    expect(impact.requirements.map((r: any) => r.requirement.id)).toEqual([id('r1'), id('r3')]);
  });

  it('counts expiries only within the horizon', async () => {
    const short = `query($team: ID!, $people: [ID!]!) {
      ifPeopleLeave(teamId: $team, employeeIds: $people, asOf: "${AS_OF}", horizonDays: 30) {
        breaksNowCount breaksWithinHorizonCount requirements { requirement { id } }
      }
    }`;
    const { ifPeopleLeave: impact } = await query(short, { team: ids.w, people: [] });
    // Nobody leaves and nothing expires by 2025-02-14: nothing to report.
    expect(impact).toEqual({ breaksNowCount: 0, breaksWithinHorizonCount: 0, requirements: [] });
  });

  it('compares the optimal plans before and after a budget change', async () => {
    const { budgetChange: change } = await query(CHANGE, {
      team: ids.bc,
      budget: 30000,
      delta: 50000,
    });
    expect(change).toEqual({
      before: {
        budget: 30000,
        objectiveValue: 8,
        gapClosed: 1,
        total: { expected: 30000 },
        assignments: [{ certification: { slug: 'cert_x' } }],
      },
      after: {
        budget: 80000,
        objectiveValue: 12,
        gapClosed: 2,
        total: { expected: 80000 },
        assignments: expect.arrayContaining([
          { certification: { slug: 'cert_x' } },
          { certification: { slug: 'cert_y' } },
        ]),
      },
      objectiveDelta: 4,
      gapClosedDelta: 1,
      costDelta: { min: 50000, expected: 50000, max: 50000 },
    });
  });

  it('lets a manager see their sub-team, and answers NOT_FOUND for another team', async () => {
    const own = await server.tokenFor(ids.wsManager, 'MANAGER');
    const { singlePointsOfFailure: found } = await query(SPOF, { team: ids.ws }, own);
    expect(found.map((item: any) => item.requirement.id)).toEqual([id('r3')]);

    const other = await server.tokenFor(ids.otherManager, 'MANAGER');
    const attempts: Array<[string, Record<string, unknown>]> = [
      [SPOF, { team: ids.w }],
      [LEAVE, { team: ids.w, people: [id('w3')] }],
      [CHANGE, { team: ids.bc, budget: 0, delta: 100 }],
    ];
    for (const [text, variables] of attempts) {
      const res = await server.gql(text, variables, { token: other });
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
  });
});
