import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../seeds/organization/random';
import { BusyError } from '../../src/schema/errors';
import { preparePlan } from '../../src/services/optimizer-candidates';
import { buildModel } from '../../src/services/optimizer-model';
import { Worker } from 'node:worker_threads';
import { DEFAULT_POOL_OPTIONS, DeadlineError, SolverPool } from '../../src/services/optimizer-pool';
import { greedyStart } from '../../src/services/optimizer-start';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';
import { defaultOptions, largeInstance } from './support/random-instance';

const AS_OF = '2025-01-15';
const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;

const PLAN = `query($team: ID!) {
  optimalTrainingPlan(teamId: $team, budget: 1500000, asOf: "${AS_OF}", timeLimitSeconds: 2) {
    status objectiveValue solveSeconds
  }
}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the optimizer beside other requests', () => {
  let server: TestServer;
  let teamId = 0;

  beforeAll(async () => {
    server = await startTestServer({
      today: AS_OF,
      // The database twin of largeInstance(200): far more than two seconds of search.
      prepare: async (db) => {
        const f = new Factory(db);
        const random = new Random(200);
        const certs: number[] = [];
        for (let i = 0; i < 10; i += 1) {
          const id = await f.certification({
            slug: `large_${i}`,
            costLowCents: random.int(2, 40) * 2500,
            durationMin: 1,
            durationMax: 1,
          });
          if (i >= 5) await f.prerequisite(id, certs[i - 5]);
          certs.push(id);
        }
        teamId = await f.team({ name: 'Large' });
        for (let i = 0; i < 200; i += 1) {
          const person = await f.employee(teamId);
          for (const cert of certs) {
            if (random.chance(0.03)) {
              await f.held(person, cert, { earnedOn: '2024-01-10', expiresOn: '2030-01-10' });
            }
          }
        }
        for (const [i, cert] of certs.entries()) {
          await f.requirement(
            teamId,
            { certificationId: cert },
            random.int(10, 30),
            PRIORITIES[i % 4],
          );
        }
      },
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('answers a cheap query while a long solve runs', async () => {
    const finished: string[] = [];
    const solve = server.gql(PLAN, { team: teamId }).then((res) => {
      finished.push('solve');
      return res;
    });
    // Long enough for the request to reach HiGHS, well within its two seconds there.
    await sleep(500);
    const cheap = await server.gql('{ certifications { slug } }');
    finished.push('cheap');
    const plan = await solve;

    expect(cheap.errors).toBeUndefined();
    expect(cheap.data.certifications).toHaveLength(10);
    expect(plan.errors).toBeUndefined();
    // The solve ran out of time (the deadline counts from the request, so loading the data
    // shortens HiGHS's share of it), and it was still running when the cheap query was sent.
    expect(plan.data.optimalTrainingPlan.status).toBe('TIME_LIMIT');
    expect(plan.data.optimalTrainingPlan.solveSeconds).toBeGreaterThan(0.5);
    expect(plan.data.optimalTrainingPlan.objectiveValue).toBeGreaterThan(0);
    expect(finished).toEqual(['cheap', 'solve']);
  });
});

describe('SolverPool', () => {
  const options = defaultOptions({ budgetCents: 1_500_000, timeLimitSeconds: 1 });
  const prepared = preparePlan(largeInstance(200), options);
  const model = buildModel(prepared, options.budgetCents, options.maxPerPersonPerQuarter);
  const start = greedyStart(prepared, model, options.budgetCents, options.maxPerPersonPerQuarter);

  it('refuses with BUSY a solve past the queue, or one that waits too long', async () => {
    const pool = new SolverPool({ ...DEFAULT_POOL_OPTIONS, size: 1, maxQueued: 1, maxWaitMs: 300 });
    try {
      const running = pool.solve(model, 1, start);
      const waiting = pool.solve(model, 1, start);
      const refused = pool.solve(model, 1, start);
      await expect(refused).rejects.toBeInstanceOf(BusyError);
      await expect(refused).rejects.toMatchObject({ extensions: { code: 'BUSY' } });
      // The first still holds the only worker when the second's wait runs out.
      await expect(waiting).rejects.toBeInstanceOf(BusyError);
      const outcome = await running;
      expect(outcome.status).toBe('TIME_LIMIT');
      expect(outcome.values).not.toBeNull();
      // The worker is free again and is reused.
      const again = await pool.solve(model, 0.2, start);
      expect(again.values).toHaveLength(model.columns.length);
    } finally {
      await pool.close();
    }
  });

  it('ends its workers on close, failing the solve under way, and starts anew after', async () => {
    const pool = new SolverPool(DEFAULT_POOL_OPTIONS);
    const running = pool.solve(model, 30, start);
    // Caught at once: close() rejects it before the assertion below looks.
    const failed = running.then(
      () => null,
      (error: unknown) => error,
    );
    await sleep(300);
    const before = performance.now();
    await pool.close();
    expect(await failed).toMatchObject({ extensions: { code: 'BUSY' } });
    // Terminated, not waited out: far less than the 30 s the solve was allowed.
    expect(performance.now() - before).toBeLessThan(10_000);
    // A fresh worker must start (and load HiGHS) first: give it room on a busy machine.
    const after = await pool.solve(model, 5, start);
    expect(after.values).not.toBeNull();
    await pool.close();
  });

  it('ends a worker that runs past the deadline by more than the grace', async () => {
    // A worker that takes the request and never answers, as HiGHS did in a long presolve.
    const startWorker = async () =>
      new Worker("require('node:worker_threads').parentPort.on('message', () => { for (;;); });", {
        eval: true,
      });
    const pool = new SolverPool({ ...DEFAULT_POOL_OPTIONS, graceMs: 200, startWorker });
    try {
      const before = performance.now();
      await expect(pool.solve(model, 0.3, start)).rejects.toBeInstanceOf(DeadlineError);
      const waited = performance.now() - before;
      expect(waited).toBeGreaterThanOrEqual(450);
      expect(waited).toBeLessThan(3_000);
    } finally {
      await pool.close();
    }
  });

  it('fails a solve still queued at its deadline with DeadlineError, not BUSY', async () => {
    const pool = new SolverPool({ ...DEFAULT_POOL_OPTIONS, size: 1 });
    try {
      // The running solve holds the only worker well past the queued one's deadline.
      const running = pool.solve(model, 5, start);
      await expect(pool.solve(model, 0.2, start)).rejects.toBeInstanceOf(DeadlineError);
      expect((await running).values).not.toBeNull();
    } finally {
      await pool.close();
    }
  });
});
