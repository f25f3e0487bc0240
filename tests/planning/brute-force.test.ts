import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solveTrainingPlan } from '../../src/services/budget-optimizer.service';
import type { PlanningInstance } from '../../src/services/optimizer-candidates';
import { loadPlanningInstance } from '../../src/services/optimizer-load';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';
import { bruteForce } from './support/brute-force';
import { defaultOptions, largeInstance, randomInstance } from './support/random-instance';

const INSTANCES = 40;
const OVER_HTTP = [3, 7, 15, 19];

describe('optimalTrainingPlan against exhaustive search', () => {
  it(`finds the best value at its least cost on ${INSTANCES} random small instances`, async () => {
    let nonTrivial = 0;
    let budgetBound = 0;
    for (let seed = 1; seed <= INSTANCES; seed += 1) {
      const { instance, options } = randomInstance(seed);
      const plan = await solveTrainingPlan(instance, options);
      const best = bruteForce(instance, options);
      const context = `seed ${seed}`;
      expect(plan.status, context).toBe('OPTIMAL');
      expect(plan.costMinimal, context).toBe(true);
      expect(plan.objectiveValue, context).toBe(best.value);
      expect(plan.total.expectedCents, context).toBe(best.cost);
      expect(plan.total.expectedCents, context).toBeLessThanOrEqual(options.budgetCents);
      if (best.value > 0) nonTrivial += 1;
      if (bruteForce(instance, { ...options, budgetCents: 1e12 }).value > best.value) {
        budgetBound += 1;
      }
    }
    // The generator must produce real choices: plans that do something, budgets that bind.
    expect(nonTrivial).toBeGreaterThan(INSTANCES / 2);
    expect(budgetBound).toBeGreaterThan(INSTANCES / 5);
  });
});

describe('optimalTrainingPlan at its time limit', () => {
  it('returns the best plan found, within budget, with TIME_LIMIT and the bound', async () => {
    // 200 interchangeable people and ten requirements: far more than 100 ms of search.
    const options = defaultOptions({ budgetCents: 1_500_000, timeLimitSeconds: 0.1 });
    const plan = await solveTrainingPlan(largeInstance(200), options);
    expect(plan.status).toBe('TIME_LIMIT');
    expect(plan.message).toContain('time limit');
    expect(plan.costMinimal).toBe(false);
    // The solver starts from a greedy plan, so there is always one to give.
    expect(plan.objectiveValue).toBeGreaterThan(0);
    expect(plan.total.expectedCents).toBeLessThanOrEqual(options.budgetCents);
    expect(plan.bound).toBeGreaterThanOrEqual(plan.objectiveValue);
    expect(plan.bound).toBeLessThanOrEqual(plan.maxObjectiveValue);
  });
});

describe('optimalTrainingPlan over HTTP against exhaustive search', () => {
  let server: TestServer;
  const teams = new Map<number, number>();

  beforeAll(async () => {
    server = await startTestServer({
      prepare: async (db) => {
        const f = new Factory(db);
        for (const seed of OVER_HTTP) {
          teams.set(seed, await insertInstance(f, seed, randomInstance(seed).instance));
        }
      },
    });
  });
  afterAll(async () => server?.close());

  it('agrees with the search on instances stored in the database', async () => {
    for (const seed of OVER_HTTP) {
      const { instance, options } = randomInstance(seed);
      const team = teams.get(seed);
      const res = await server.gql(
        `query($team: ID!, $budget: Cents!, $asOf: Date, $horizon: Int, $k: Int, $fy: Int) {
          optimalTrainingPlan(teamId: $team, budget: $budget, asOf: $asOf, horizonDays: $horizon,
                              maxPerPersonPerQuarter: $k, fiscalYearStartMonth: $fy) {
            status objectiveValue total { expected }
          }
        }`,
        {
          team,
          budget: options.budgetCents,
          asOf: instance.asOf,
          horizon: options.horizonDays,
          k: options.maxPerPersonPerQuarter,
          fy: options.fiscalYearStartMonth,
        },
      );
      expect(res.errors).toBeUndefined();
      const loaded = await loadPlanningInstance(
        server.db.dataSource,
        Number(team),
        instance.asOf,
        instance.horizonEnd,
      );
      const best = bruteForce(loaded, options);
      // What the database holds is the same problem as the one built in memory.
      const inMemory = bruteForce(instance, options);
      expect([best.value, best.cost], `seed ${seed}`).toEqual([inMemory.value, inMemory.cost]);
      expect(res.data.optimalTrainingPlan, `seed ${seed}`).toEqual({
        status: 'OPTIMAL',
        objectiveValue: best.value,
        total: { expected: best.cost },
      });
    }
  });
});

/** Stores a random instance as a team of its own; returns the team id. */
async function insertInstance(f: Factory, seed: number, instance: PlanningInstance) {
  const certIds = new Map<number, number>();
  for (const cert of instance.catalog) {
    const unknown = cert.costLowCents === null;
    certIds.set(
      cert.id,
      await f.certification({
        slug: `s${seed}_${cert.slug}`,
        costKind: unknown ? 'UNKNOWN' : 'ONE_TIME',
        costLowCents: cert.costLowCents,
        durationMin: cert.durationMin,
        durationMax: cert.durationMax,
        levelMin: cert.levelMin,
        levelMax: cert.levelMax,
      }),
    );
  }
  const mapped = (id: number) => certIds.get(id) ?? 0;
  for (const cert of instance.catalog) {
    for (const prerequisite of cert.prerequisiteIds) {
      await f.prerequisite(mapped(cert.id), mapped(prerequisite));
    }
  }
  const skillCerts = instance.catalog.filter((c) => c.skillIds.length > 0).map((c) => mapped(c.id));
  const skill = await f.skill(`skill_${seed}`, skillCerts);

  const team = await f.team({ name: `Instance ${seed}` });
  for (const person of instance.people) {
    const id = await f.employee(team, { level: person.experienceLevel });
    for (const certId of person.activeCertificationIds) {
      const expiring = instance.expiring.find(
        (e) => e.employeeId === person.id && e.certificationId === certId,
      );
      await f.held(id, mapped(certId), {
        earnedOn: '2024-01-01',
        expiresOn: expiring?.expiresOn ?? '2030-01-01',
      });
    }
  }
  for (const r of instance.requirements) {
    const target =
      r.certificationId === null
        ? { skillId: skill }
        : { certificationId: mapped(r.certificationId) };
    await f.requirement(team, target, r.required, r.priority);
  }
  return team;
}
