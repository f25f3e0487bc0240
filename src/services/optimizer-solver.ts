import loadHighs, { type Highs, type Model } from 'highs';
import type { MipModel } from './optimizer-model';

export type SolveStatus = 'OPTIMAL' | 'TIME_LIMIT' | 'INFEASIBLE' | 'ERROR';

export interface SolveOutcome {
  /** The status of phase 1, the plan's value: the one the answer stands or falls on. */
  status: SolveStatus;
  /** Column values of the best plan found, rounded to integers; null when there is none. */
  values: number[] | null;
  /** The best proven upper bound on the value; equal to the value when optimal. */
  bound: number | null;
  /** (bound - value) / bound as HiGHS reports it; 0 when optimal. */
  relativeGap: number | null;
  /** True when, among plans of that value, this one is proven the cheapest. */
  costMinimal: boolean;
  /** True when the tie-break preference was also solved to optimality. */
  tiesBroken: boolean;
  seconds: number;
  message: string | null;
}

/** The parts of the model a solve reads: the rest (maps back to options) stays with the caller. */
export type SolvableModel = Pick<MipModel, 'columns' | 'upper' | 'rows' | 'value' | 'cost' | 'tie'>;

/**
 * A model as it crosses to the worker thread: the constraint matrix in compressed rows, and
 * every vector a typed array, so that the copy is a few buffer moves rather than a clone of
 * an object per column and per nonzero. Rows are all `sum <= rowUpper`.
 */
export interface PackedModel {
  numCols: number;
  upper: Float64Array;
  rowUpper: Float64Array;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  value: Float64Array;
  cost: Float64Array;
  tie: Float64Array;
}

export function packModel(model: SolvableModel): PackedModel {
  let nonzeros = 0;
  for (const row of model.rows) nonzeros += row.terms.length;
  const starts = new Int32Array(model.rows.length + 1);
  const indices = new Int32Array(nonzeros);
  const values = new Float64Array(nonzeros);
  let at = 0;
  model.rows.forEach((row, r) => {
    for (const [column, coefficient] of row.terms) {
      indices[at] = column;
      values[at] = coefficient;
      at += 1;
    }
    starts[r + 1] = at;
  });
  return {
    numCols: model.columns.length,
    upper: Float64Array.from(model.upper),
    rowUpper: Float64Array.from(model.rows, (row) => row.upper),
    starts,
    indices,
    values,
    value: Float64Array.from(model.value),
    cost: Float64Array.from(model.cost),
    tie: Float64Array.from(model.tie),
  };
}

/** The buffers of a packed model, to transfer rather than copy to another thread. */
export function packedBuffers(model: PackedModel): ArrayBuffer[] {
  const { upper, rowUpper, starts, indices, values, value, cost, tie } = model;
  return [upper, rowUpper, starts, indices, values, value, cost, tie].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

let runtime: Promise<Highs> | null = null;

/** The WebAssembly solver, instantiated once per thread and shared by its solves. */
function highs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

/**
 * Solves the model lexicographically with HiGHS, all of it by `deadline` (milliseconds since
 * the epoch, as Date.now() counts them, so that the thread that set it and this one agree):
 * 1. maximize the weighted gap closed;
 * 2. keeping that value, minimize the expected cost;
 * 3. keeping both, minimize the tie score.
 * Each phase gets only the time left, and starts from a feasible plan (`start` for the
 * first, then the previous phase's), so a phase cut short still returns a plan at least as
 * good. Phase 1 is skipped when `start` already closes every gap the model can count: no
 * plan is worth more. Objectives are whole numbers (weights, cents, tie scores), so an
 * absolute gap below 1 proves optimality exactly; the relative gap asked for is 0.
 * HiGHS checks its time limit often while it searches but seldom while it presolves, which
 * on a large model can run past the limit; the pool (optimizer-pool.ts) ends the worker
 * thread then.
 */
export async function solveModel(
  model: PackedModel,
  deadline: number,
  start: number[],
): Promise<SolveOutcome> {
  const solver = await highs();
  const started = performance.now();
  const remaining = () => (deadline - Date.now()) / 1000;
  // No plan is worth more than every CLOSED column at its upper bound (every gap closed).
  let most = 0;
  for (let column = 0; column < model.numCols; column += 1) {
    most += model.value[column] * model.upper[column];
  }
  const created = solver.createModel();
  try {
    load(solver, created, model);
    created.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.99 });

    let values: number[] | null = start;
    let bound: number | null = most;
    let relativeGap: number | null = 0;
    if (dot(model.value, start) < most - 0.5) {
      // Phase 1: the value, from a feasible plan so that a time limit always leaves one.
      const first = phase(start, null);
      if (first.kind === 'ERROR' || first.kind === 'INFEASIBLE') {
        return failed(first.kind, first.message, started);
      }
      values = first.values ?? start;
      bound = first.bound === null ? most : Math.min(most, first.bound);
      relativeGap = first.gap;
      // Values are whole numbers, so a plan within 1 of the proven bound is optimal even when
      // HiGHS ran out of time before it said so.
      const value = dot(model.value, values);
      if (first.kind !== 'OPTIMAL' && Math.floor(bound + 1e-6) > value) {
        return {
          status: 'TIME_LIMIT',
          values,
          bound,
          relativeGap,
          costMinimal: false,
          tiesBroken: false,
          seconds: elapsed(started),
          message: 'HiGHS stopped at the time limit before proving this plan the best',
        };
      }
      bound = value;
      relativeGap = 0;
    }
    const value = dot(model.value, values);

    // Phase 2: the cheapest plan of that value.
    let costMinimal = false;
    let tiesBroken = false;
    if (remaining() > 0) {
      const second = phase(values, {
        keep: model.value,
        range: [value - 0.5, solver.infinity],
        objective: model.cost,
      });
      if (second.values !== null) values = second.values;
      costMinimal = second.kind === 'OPTIMAL';
    }

    // Phase 3: the preferred plan among the cheapest; only worth it once cost is settled.
    if (costMinimal && remaining() > 0) {
      const cost = dot(model.cost, values);
      const third = phase(values, {
        keep: model.cost,
        range: [-solver.infinity, cost + 0.5],
        objective: model.tie,
      });
      if (third.values !== null) values = third.values;
      tiesBroken = third.kind === 'OPTIMAL';
    }
    return {
      status: 'OPTIMAL',
      values,
      bound,
      relativeGap,
      costMinimal,
      tiesBroken,
      seconds: elapsed(started),
      message: null,
    };
  } finally {
    created.dispose();
  }

  /**
   * Runs HiGHS from the plan `start` with the time left. For phases 2 and 3, `next` pins the
   * previous phase's objective `keep` within `range` (which `start` satisfies) and minimizes
   * `objective` instead.
   */
  function phase(
    start: number[],
    next: { keep: Float64Array; range: [number, number]; objective: Float64Array } | null,
  ): PhaseResult {
    if (next) {
      const { keep, range, objective } = next;
      const indices: number[] = [];
      keep.forEach((coefficient, column) => {
        if (coefficient !== 0) indices.push(column);
      });
      created.addRow(range[0], range[1], {
        indices,
        values: indices.map((column) => keep[column]),
      });
      created.changeObjectiveSense(solver.constants.objectiveSense.minimize);
      created.changeColsCost({ kind: 'range', from: 0, to: model.numCols - 1 }, objective);
    }
    created.setSolution({ colValue: start });
    // HiGHS counts its time limit from its clocks' last reset, over every run since.
    created.zeroAllClocks();
    created.options.set({ time_limit: Math.max(0.001, remaining()) });
    return run(solver, created);
  }
}

function load(solver: Highs, target: Model, model: PackedModel): void {
  const numRows = model.rowUpper.length;
  const integer = solver.constants.variableType.integer;
  target.passModel({
    numCols: model.numCols,
    numRows,
    sense: solver.constants.objectiveSense.maximize,
    colCost: model.value,
    colLower: new Float64Array(model.numCols),
    colUpper: model.upper,
    rowLower: new Float64Array(numRows).fill(-solver.infinity),
    rowUpper: model.rowUpper,
    matrix: {
      format: 'csr',
      numRows,
      numCols: model.numCols,
      starts: model.starts,
      indices: model.indices,
      values: model.values,
    },
    integrality: new Int32Array(model.numCols).fill(integer),
  });
}

type PhaseResult = {
  kind: SolveStatus;
  values: number[] | null;
  bound: number | null;
  gap: number | null;
  message: string;
};

function run(solver: Highs, target: Model): PhaseResult {
  target.run();
  const status = target.getModelStatus();
  const codes = solver.constants.modelStatus;
  const feasible = Number(target.info.get('primal_solution_status')) === 2;
  const values = feasible ? Array.from(target.getSolution().colValue, Math.round) : null;
  // Before the search has a bound, HiGHS reports an infinite one.
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  const bound = finite(Number(target.info.get('mip_dual_bound')));
  const gap = feasible ? finite(Number(target.info.get('mip_gap'))) : null;
  const message = `model status ${status}`;
  if (status === codes.optimal) return { kind: 'OPTIMAL', values, bound, gap: 0, message };
  if (status === codes.infeasible) return { kind: 'INFEASIBLE', values: null, bound, gap, message };
  if (status === codes.timeLimit || status === codes.interrupted) {
    return { kind: 'TIME_LIMIT', values, bound, gap, message };
  }
  return { kind: 'ERROR', values: null, bound: null, gap: null, message };
}

function failed(status: SolveStatus, message: string, started: number): SolveOutcome {
  return {
    status,
    values: null,
    bound: null,
    relativeGap: null,
    costMinimal: false,
    tiesBroken: false,
    seconds: elapsed(started),
    message,
  };
}

function dot(coefficients: Float64Array, values: number[]): number {
  let sum = 0;
  coefficients.forEach((coefficient, column) => {
    sum += coefficient * values[column];
  });
  return sum;
}

function elapsed(started: number): number {
  return (performance.now() - started) / 1000;
}
