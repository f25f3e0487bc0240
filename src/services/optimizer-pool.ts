import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { BusyError } from '../schema/errors';
import {
  packedBuffers,
  packModel,
  type SolvableModel,
  type SolveOutcome,
} from './optimizer-solver';
import type { SolveReply, SolveRequest } from './optimizer-worker';

export interface SolverPoolOptions {
  /** Worker threads at most, each running one solve at a time; started when first needed. */
  size: number;
  /** Solves that may wait for a worker; past that a solve is refused at once with BUSY. */
  maxQueued: number;
  /** How long a solve may wait for a worker before it is refused with BUSY. */
  maxWaitMs: number;
  /**
   * A solve still running this long past its deadline is stopped: its worker thread ends,
   * and the solve fails with DeadlineError. HiGHS keeps to its time limit while it searches,
   * but not always while it presolves a large model.
   */
  graceMs: number;
  /** Starts a worker thread that runs optimizer-worker; tests may start another script. */
  startWorker?: () => Promise<Worker>;
}

/**
 * One worker, at most two: the solver is single-threaded, and on this service's machines (two
 * cores) a second worker would leave no core for the event loop it is there to keep free.
 */
export const DEFAULT_POOL_OPTIONS: SolverPoolOptions = {
  size: Math.min(2, Math.max(1, availableParallelism() - 1)),
  maxQueued: 8,
  maxWaitMs: 30_000,
  graceMs: 1_000,
};

/**
 * A solve that did not finish by its deadline (plus the pool's grace): it waited for a worker
 * until then, or HiGHS ran past it and its worker was ended. The caller still has the plan it
 * started the solver from.
 */
export class DeadlineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineError';
  }
}

interface Job {
  request: Omit<SolveRequest, 'id'>;
  transfer: ArrayBuffer[];
  resolve(outcome: SolveOutcome): void;
  reject(error: unknown): void;
  /** While queued, the wait limit; while running, the hang watchdog. */
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  jobId: number;
}

/**
 * HiGHS on worker threads, so that a solve (up to a minute) does not stop the event loop and
 * every other request of the process with it. Workers start lazily and are reused; solves
 * beyond the workers wait in a bounded queue for a bounded time. An idle worker does not keep
 * the process alive, so scripts and tests that never call close() still exit.
 */
export class SolverPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private readonly starting = new Set<Promise<void>>();
  private nextJobId = 1;
  /** Bumped by close(), so that a worker that finishes starting after it is ended at once. */
  private generation = 0;

  constructor(private readonly options: SolverPoolOptions) {}

  /**
   * Solves `model` within `timeLimitSeconds` from now, time waiting for a worker included.
   * Fails with BUSY when the queue is full or the wait exceeds maxWaitMs, and with
   * DeadlineError when the time limit (and the grace) runs out first.
   */
  solve(model: SolvableModel, timeLimitSeconds: number, start: number[]): Promise<SolveOutcome> {
    if (this.queue.length >= this.options.maxQueued) {
      return Promise.reject(busy());
    }
    const deadline = Date.now() + timeLimitSeconds * 1000;
    // Only what the solver reads crosses to the thread, not the maps back to the options.
    const packed = packModel(model);
    return new Promise<SolveOutcome>((resolve, reject) => {
      const job: Job = {
        request: { model: packed, deadline, start },
        transfer: packedBuffers(packed),
        resolve,
        reject,
      };
      const untilDeadline = deadline - Date.now();
      job.timer = setTimeout(
        () => {
          const index = this.queue.indexOf(job);
          if (index < 0) return;
          this.queue.splice(index, 1);
          reject(
            untilDeadline < this.options.maxWaitMs
              ? new DeadlineError('the time limit ran out while waiting for the optimizer')
              : busy(),
          );
        },
        Math.max(0, Math.min(this.options.maxWaitMs, untilDeadline)),
      );
      job.timer.unref();
      this.queue.push(job);
      this.pump();
    });
  }

  /** Ends every worker; solves queued or running are refused with BUSY. Reusable after. */
  async close(): Promise<void> {
    this.generation += 1;
    const stopped = new BusyError('the server is shutting down; try again shortly');
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.timer);
      job.reject(stopped);
    }
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) {
      clearTimeout(slot.job?.timer);
      slot.job?.reject(stopped);
    }
    await Promise.all([...slots.map((slot) => slot.worker.terminate()), ...this.starting]);
  }

  /** Hands queued solves to idle workers, starting workers up to the pool's size. */
  private pump(): void {
    for (const slot of this.slots) {
      const job = slot.job === null ? this.queue.shift() : undefined;
      if (job) this.dispatch(slot, job);
    }
    if (this.queue.length > 0 && this.slots.size + this.starting.size < this.options.size) {
      this.startSlot();
    }
  }

  private startSlot(): void {
    const generation = this.generation;
    const started: Promise<void> = (this.options.startWorker ?? startOptimizerWorker)().then(
      async (worker) => {
        this.starting.delete(started);
        if (generation !== this.generation) {
          await worker.terminate();
          return;
        }
        this.adopt(worker);
        this.pump();
      },
      (error: unknown) => {
        this.starting.delete(started);
        // With no worker at all, nothing would ever take the queued solves: fail them now.
        // With some, they will; trying again here could loop on an error that stays.
        if (generation !== this.generation || this.slots.size + this.starting.size > 0) return;
        for (const job of this.queue.splice(0)) {
          clearTimeout(job.timer);
          job.reject(error);
        }
      },
    );
    this.starting.add(started);
  }

  private adopt(worker: Worker): void {
    const slot: Slot = { worker, job: null, jobId: 0 };
    worker.unref();
    worker.on('message', (reply: SolveReply) => this.settle(slot, reply));
    worker.on('error', (error) => this.lose(slot, error));
    worker.on('exit', (code) => {
      this.lose(slot, new Error(`the optimizer worker stopped unexpectedly (exit code ${code})`));
    });
    this.slots.add(slot);
  }

  private dispatch(slot: Slot, job: Job): void {
    clearTimeout(job.timer);
    slot.job = job;
    slot.jobId = this.nextJobId++;
    const limitMs = job.request.deadline - Date.now() + this.options.graceMs;
    job.timer = setTimeout(
      () => {
        this.lose(slot, new DeadlineError('the optimizer ran past its time limit and was stopped'));
        void slot.worker.terminate();
      },
      Math.max(0, limitMs),
    );
    job.timer.unref();
    // A solve under way keeps the process alive, as the same solve on the main thread would.
    slot.worker.ref();
    slot.worker.postMessage(
      { id: slot.jobId, ...job.request } satisfies SolveRequest,
      job.transfer,
    );
  }

  private settle(slot: Slot, reply: SolveReply): void {
    const job = slot.job;
    if (job === null || reply.id !== slot.jobId) return;
    clearTimeout(job.timer);
    slot.job = null;
    slot.worker.unref();
    if ('error' in reply) job.reject(new Error(`the optimizer failed: ${reply.error}`));
    else job.resolve(reply.outcome);
    this.pump();
  }

  /** Drops a worker that died or hung, failing its solve; a later solve starts another. */
  private lose(slot: Slot, error: unknown): void {
    if (!this.slots.delete(slot)) return;
    if (slot.job) {
      clearTimeout(slot.job.timer);
      slot.job.reject(error);
    }
    this.pump();
  }
}

function busy(): BusyError {
  return new BusyError('the optimizer is busy with other plans; try again in a minute');
}

let bundled: Promise<string> | null = null;

/**
 * Compiled (dist/), the worker is optimizer-worker.js beside this file. Run from the
 * TypeScript sources (vitest), Node 20 cannot load optimizer-worker.ts itself, so rolldown
 * (the bundler vite and vitest run on) bundles it to CommonJS once per process, with `highs`
 * left to be required from here; the worker then runs that code. Production never does this.
 */
async function startOptimizerWorker(): Promise<Worker> {
  const compiled = path.join(__dirname, 'optimizer-worker.js');
  if (existsSync(compiled)) return new Worker(compiled);
  bundled ??= bundleWorkerSource().catch((error: unknown) => {
    bundled = null;
    throw error;
  });
  return new Worker(await bundled, { eval: true });
}

async function bundleWorkerSource(): Promise<string> {
  const entry = path.join(__dirname, 'optimizer-worker.ts');
  const { build } = await import('rolldown');
  const { output } = await build({
    input: entry,
    external: ['highs'],
    platform: 'node',
    write: false,
    logLevel: 'silent',
    output: { format: 'cjs' },
  });
  const file = JSON.stringify(entry);
  return [
    "const { createRequire } = require('node:module');",
    'const bundle = { exports: {} };',
    '(function (exports, require, module, __filename, __dirname) {',
    output[0].code,
    `})(bundle.exports, createRequire(${file}), bundle, ${file}, ${JSON.stringify(__dirname)});`,
  ].join('\n');
}

let shared: SolverPool | null = null;

/** Solves on the process's optimizer pool, created with the first solve. */
export function solveInWorker(
  model: SolvableModel,
  timeLimitSeconds: number,
  start: number[],
): Promise<SolveOutcome> {
  shared ??= new SolverPool(DEFAULT_POOL_OPTIONS);
  return shared.solve(model, timeLimitSeconds, start);
}

/** Ends the process's optimizer workers (the server's close does); a later solve restarts. */
export async function closeOptimizerPool(): Promise<void> {
  const pool = shared;
  shared = null;
  await pool?.close();
}
