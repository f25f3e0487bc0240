import { parentPort } from 'node:worker_threads';
import { solveModel, type PackedModel, type SolveOutcome } from './optimizer-solver';

/** What the pool (optimizer-pool.ts) sends: one solve at a time per worker. */
export interface SolveRequest {
  id: number;
  model: PackedModel;
  /** When the solve must be over, in milliseconds since the epoch (Date.now()). */
  deadline: number;
  start: number[];
}

export type SolveReply = { id: number; outcome: SolveOutcome } | { id: number; error: string };

/**
 * The body of an optimizer worker thread: HiGHS runs here, off the server's event loop.
 * Loaded in the main thread (by mistake or for its types) it does nothing.
 */
const port = parentPort;
if (port) {
  port.on('message', (request: SolveRequest) => {
    solveModel(request.model, request.deadline, request.start).then(
      (outcome) => port.postMessage({ id: request.id, outcome } satisfies SolveReply),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies SolveReply),
    );
  });
}
