import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NoAnswerError,
  postGraphQL,
  type GraphQLResult,
  type ServiceProcess,
} from '../support/process';
import { startHarness, type Harness } from './harness';
import type { NamedQuery } from './query-set';

/*
 * SIGTERM while requests are running: the process stops taking connections at once, answers
 * every request it had already taken (slow ones included), then exits with 0.
 */

const LOAD_WORKERS = 6;
const SLOW_REQUESTS = 5;
/** How long the slow requests are held after the signal; well inside Apollo's 10 s drain. */
const HOLD_AFTER_SIGNAL_MS = 2_000;
/** The whole shutdown: the hold, then closing the pool. */
const EXIT_BOUND_MS = 10_000;
/*
 * A connection accepted just before the signal, whose request the server has not read yet,
 * counts as idle and is closed with the listener: its client sees a reset. Requests sent
 * this long before the signal have been read and must be answered.
 */
const ACCEPT_GRACE_MS = 100;
const MAX_REQUESTS_PER_WORKER = 2_000;

let harness: Harness;
let service: ServiceProcess;
let token: string;
let queries: NamedQuery[];
let employeeId: number;

beforeAll(async () => {
  harness = await startHarness();
  [service] = harness.services;
  ({ token, queries } = harness);
  employeeId = harness.ids.employeeId;
});

// The service has exited by then; a failed test may have left it running.
afterAll(async () => harness?.close());

interface Sent {
  startedAt: number;
  endedAt: number;
  result: GraphQLResult | null;
  noAnswer: string | null;
}

async function send(q: NamedQuery): Promise<Sent> {
  const startedAt = Date.now();
  try {
    const result = await postGraphQL(service.url, token, q.query, q.variables, 20_000);
    return { startedAt, endedAt: Date.now(), result, noAnswer: null };
  } catch (error) {
    if (!(error instanceof NoAnswerError)) throw error;
    return { startedAt, endedAt: Date.now(), result: null, noAnswer: error.code };
  }
}

describe('SIGTERM under load', () => {
  it('drains requests in flight, refuses new ones, exits 0', { timeout: 60_000 }, async () => {
    // Background load: each worker sends until its requests are refused.
    const background: Sent[] = [];
    let refused = false;
    const loadDeadline = Date.now() + 30_000;
    const loader = async (offset: number) => {
      for (let i = 0; i < MAX_REQUESTS_PER_WORKER && Date.now() < loadDeadline; i += 1) {
        const sent = await send(queries[(offset + i) % queries.length]);
        background.push(sent);
        if (sent.noAnswer !== null) {
          refused = true;
          return;
        }
      }
    };
    const load = Promise.all(Array.from({ length: LOAD_WORKERS }, (_, i) => loader(i)));
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // Slow requests: a lock taken here makes every read of held certifications wait for it.
    const locker = new pg.Client({ connectionString: harness.db.url });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE held_certification IN ACCESS EXCLUSIVE MODE');
    const slowQuery = queries.find((q) => q.name === 'employee');
    if (!slowQuery) throw new Error('no employee query in the set');
    const slow = Array.from({ length: SLOW_REQUESTS }, () => send(slowQuery));
    // Long enough for the slow requests to reach PostgreSQL and wait on the lock.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const signalledAt = Date.now();
    process.kill(service.pid, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));

    // A client arriving now finds nothing listening.
    const late = await send(slowQuery);
    expect(late.result).toBeNull();
    expect(late.noAnswer).toBe('ECONNREFUSED');
    expect(service.exit()).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, HOLD_AFTER_SIGNAL_MS - 300));
    await locker.query('COMMIT');
    await locker.end();

    const slowAnswers = await Promise.all(slow);
    const exit = await Promise.race([
      service.exited,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), EXIT_BOUND_MS)),
    ]);
    const exitMs = Date.now() - signalledAt;
    await load;

    // Every slow request was answered, with data, after the signal.
    for (const s of slowAnswers) {
      expect(s.noAnswer).toBeNull();
      expect(s.result?.status).toBe(200);
      expect(s.result?.body.errors).toBeUndefined();
      expect(s.result?.body.data?.employee.id).toBe(String(employeeId));
      expect(s.endedAt).toBeGreaterThan(signalledAt + HOLD_AFTER_SIGNAL_MS - 300);
    }
    // Background requests sent well before the signal were all answered without errors.
    const early = background.filter((s) => s.startedAt < signalledAt - ACCEPT_GRACE_MS);
    const earlyFailures = early.filter(
      (s) => s.noAnswer !== null || s.result?.status !== 200 || s.result.body.errors,
    );
    expect(earlyFailures).toEqual([]);
    // Requests sent after it got no answer from a closed listener, or a 503, never a hang.
    const afterSignal = background.filter((s) => s.startedAt >= signalledAt);
    for (const s of afterSignal) {
      expect(s.noAnswer === 'ECONNREFUSED' || s.result?.status === 503).toBe(true);
      expect(s.endedAt - s.startedAt).toBeLessThan(1_000);
    }
    expect(refused).toBe(true);
    // Whatever was not answered was refused or cut at connect time, never left hanging.
    for (const s of background.filter((b) => b.noAnswer !== null)) {
      expect(['ECONNREFUSED', 'ECONNRESET']).toContain(s.noAnswer);
    }
    const inFlight = [...background, ...slowAnswers].filter(
      (s) => s.startedAt < signalledAt && s.endedAt > signalledAt && s.noAnswer === null,
    );

    expect(exit).toEqual({ code: 0, signal: null });
    expect(service.logs().some((l) => l.msg === 'stopped')).toBe(true);
    console.info(
      JSON.stringify({
        test: 'sigterm',
        backgroundRequests: background.length,
        sentBeforeSignal: early.length,
        inFlightAtSignalAnswered: inFlight.length,
        refusedAfterSignal: afterSignal.length,
        slowRequestsDrained: slowAnswers.length,
        slowestDrainedMs: Math.max(...slowAnswers.map((s) => s.endedAt - signalledAt)),
        exitAfterSignalMs: exitMs,
        exit,
      }),
    );
  });
});
