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

/**
 * The parts of the model a solve reads: the rest (maps back to options) stays with the caller,
 * so that only plain arrays are copied to the worker thread.
 */
export type SolvableModel = Pick<MipModel, 'columns' | 'upper' | 'rows' | 'value' | 'cost' | 'tie'>;

let runtime: Promise<Highs> | null = null;

/** The WebAssembly solver, instantiated once per thread and shared by its solves. */
function highs(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

/**
 * Solves the model lexicographically with HiGHS, within `timeLimitSeconds` in all:
 * 1. maximize the weighted gap closed;
 * 2. keeping that value, minimize the expected cost;
 * 3. keeping both, minimize the tie score.
 * Each phase starts from a feasible plan (`start` for the first, then the previous phase's),
 * so a phase cut short by the time limit still returns a plan at least as good. Objectives
 * are whole numbers (weights, cents, tie scores), so an absolute gap below 1 proves
 * optimality exactly; the relative gap asked for is 0.
 * The WebAssembly build is single-threaded and blocks the thread it runs on, so the server
 * calls it through optimizer-pool.ts, on a worker thread.
 */
export async function solveModel(
  model: SolvableModel,
  timeLimitSeconds: number,
  start: number[],
): Promise<SolveOutcome> {
  const solver = await highs();
  const started = performance.now();
  const remaining = () => timeLimitSeconds - (performance.now() - started) / 1000;
  const created = solver.createModel();
  try {
    load(solver, created, model);
    created.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 0.99,
      time_limit: Math.max(0.001, remaining()),
    });

    // Phase 1: the value, from a feasible plan so that a time limit always leaves one.
    created.setSolution({ colValue: start });
    const first = run(solver, created);
    if (first.kind === 'ERROR' || first.kind === 'INFEASIBLE') {
      return failed(first.kind, first.message, started);
    }
    let values = first.values;
    // Values are whole numbers, so a plan within 1 of the proven bound is optimal even when
    // HiGHS ran out of time before it said so.
    const proven =
      values !== null &&
      (first.kind === 'OPTIMAL' ||
        (first.bound !== null && Math.floor(first.bound + 1e-6) <= dot(model.value, values)));
    if (!proven || values === null) {
      return {
        status: 'TIME_LIMIT',
        values,
        bound: first.bound,
        relativeGap: first.gap,
        costMinimal: false,
        tiesBroken: false,
        seconds: elapsed(started),
        message: 'HiGHS stopped at the time limit before proving this plan the best',
      };
    }
    const value = dot(model.value, values);

    // Phase 2: the cheapest plan of that value.
    let costMinimal = false;
    let tiesBroken = false;
    const second = nextPhase(values, model.value, [value - 0.5, solver.infinity], model.cost);
    if (second.values !== null) values = second.values;
    costMinimal = second.kind === 'OPTIMAL';

    // Phase 3: the preferred plan among the cheapest; only worth it once cost is settled.
    if (costMinimal && remaining() > 0) {
      const cost = dot(model.cost, values);
      const third = nextPhase(values, model.cost, [-solver.infinity, cost + 0.5], model.tie);
      if (third.values !== null) values = third.values;
      tiesBroken = third.kind === 'OPTIMAL';
    }
    return {
      status: 'OPTIMAL',
      values,
      bound: value,
      relativeGap: 0,
      costMinimal,
      tiesBroken,
      seconds: elapsed(started),
      message: null,
    };
  } finally {
    created.dispose();
  }

  /**
   * Pins the previous phase's objective `keep` within `[lower, upper]`, then minimizes
   * `objective`, starting from the plan `start` (which satisfies the pin).
   */
  function nextPhase(
    start: number[],
    keep: number[],
    [lower, upper]: [number, number],
    objective: number[],
  ): PhaseResult {
    const indices = keep.flatMap((coefficient, column) => (coefficient === 0 ? [] : [column]));
    created.addRow(lower, upper, { indices, values: indices.map((column) => keep[column]) });
    created.changeObjectiveSense(solver.constants.objectiveSense.minimize);
    created.changeColsCost({ kind: 'range', from: 0, to: model.columns.length - 1 }, objective);
    created.setSolution({ colValue: start });
    created.options.set({ time_limit: Math.max(0.001, remaining()) });
    created.zeroAllClocks();
    return run(solver, created);
  }
}

function load(solver: Highs, target: Model, model: SolvableModel): void {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of model.rows) {
    for (const [column, coefficient] of row.terms) {
      indices.push(column);
      values.push(coefficient);
    }
    starts.push(indices.length);
  }
  const binaryOrInteger = solver.constants.variableType.integer;
  target.passModel({
    numCols: model.columns.length,
    numRows: model.rows.length,
    sense: solver.constants.objectiveSense.maximize,
    colCost: model.value,
    colLower: model.columns.map(() => 0),
    colUpper: model.upper,
    rowLower: model.rows.map(() => -solver.infinity),
    rowUpper: model.rows.map((row) => row.upper),
    matrix: {
      format: 'csr',
      numRows: model.rows.length,
      numCols: model.columns.length,
      starts,
      indices,
      values,
    },
    integrality: model.columns.map(() => binaryOrInteger),
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

function dot(coefficients: number[], values: number[]): number {
  return coefficients.reduce((sum, coefficient, column) => sum + coefficient * values[column], 0);
}

function elapsed(started: number): number {
  return (performance.now() - started) / 1000;
}
