import type { DataSource } from 'typeorm';
import type { CostEstimate } from '../../seeds/catalog/cost';
import { BadInputError } from '../schema/errors';
import {
  preparePlan,
  type Exclusion,
  type OptionKind,
  type PlanningInstance,
  type PlanningRequirement,
  type PlanningSettings,
  type PreparedPlan,
} from './optimizer-candidates';
import type { CostBreakdown } from './optimizer-costs';
import { horizonEndOf, loadPlanningInstance } from './optimizer-load';
import { buildModel } from './optimizer-model';
import type { FiscalQuarter } from './optimizer-quarters';
import { DeadlineError, solveInWorker } from './optimizer-pool';
import type { SolveOutcome, SolveStatus } from './optimizer-solver';
import { greedyStart } from './optimizer-start';
import type { Candidate, PlanCertification } from './training-budget.service';

export const MAX_TIME_LIMIT_SECONDS = 60;
/** Below this, the request could not even load its data in time. */
export const MIN_TIME_LIMIT_SECONDS = 0.1;
export const MAX_PER_PERSON_PER_QUARTER = 12;
export const MAX_WEIGHT = 1_000_000;

export interface OptimizerOptions extends PlanningSettings {
  budgetCents: number;
  horizonDays: number;
  timeLimitSeconds: number;
}

export interface PlannedAssignment {
  kind: OptionKind;
  person: Candidate;
  certification: PlanCertification;
  quarter: FiscalQuarter;
  cost: CostBreakdown;
  /** The requirements it counts toward (capped per requirement at the projected gap). */
  requirementIds: number[];
  /** Certifications later in the same person's plan that need this one first. */
  prerequisiteForIds: number[];
  servesCareerGoal: boolean;
  preparationMonths: number | null;
  /** For a renewal, when the credential it renews expires. */
  expiresOn: string | null;
}

export interface RequirementOutcome {
  requirement: PlanningRequirement;
  weight: number;
  projectedGap: number;
  closed: number;
  gapLeft: number;
  /** People the plan trains, and holders it renews, who count toward it. */
  trained: number;
  renewed: number;
}

export interface QuarterSpend {
  quarter: FiscalQuarter;
  cost: CostEstimate;
  assignments: number;
}

export interface TrainingPlan {
  teamId: number | null;
  asOf: string;
  horizonDays: number;
  horizonEnd: string;
  options: OptimizerOptions;
  status: SolveStatus;
  message: string | null;
  /** Sum over requirements of weight x people closed, for the plan returned. */
  objectiveValue: number;
  /** The best proven upper bound on objectiveValue (equal to it when optimal). */
  bound: number | null;
  relativeGap: number | null;
  costMinimal: boolean;
  tiesBroken: boolean;
  /** What closing every projected gap would be worth. */
  maxObjectiveValue: number;
  assignments: PlannedAssignment[];
  total: CostEstimate;
  quarters: QuarterSpend[];
  requirements: RequirementOutcome[];
  excluded: Exclusion[];
  gapClosed: number;
  gapLeft: number;
  peopleTrained: number;
  solveSeconds: number;
}

/** Checks the options a client sent; messages name the argument and the value received. */
function checkOptimizerOptions(options: OptimizerOptions): void {
  const { maxPerPersonPerQuarter: perQuarter, timeLimitSeconds: seconds } = options;
  if (!Number.isInteger(perQuarter) || perQuarter < 1 || perQuarter > MAX_PER_PERSON_PER_QUARTER) {
    throw new BadInputError(
      'maxPerPersonPerQuarter',
      `must be a whole number from 1 to ${MAX_PER_PERSON_PER_QUARTER}, got ${perQuarter}`,
      perQuarter,
    );
  }
  if (
    !Number.isFinite(seconds) ||
    seconds < MIN_TIME_LIMIT_SECONDS ||
    seconds > MAX_TIME_LIMIT_SECONDS
  ) {
    throw new BadInputError(
      'timeLimitSeconds',
      `must be from ${MIN_TIME_LIMIT_SECONDS} to ${MAX_TIME_LIMIT_SECONDS}, got ${seconds}`,
      seconds,
    );
  }
  const month = options.fiscalYearStartMonth;
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new BadInputError('fiscalYearStartMonth', `must be a month from 1 to 12, got ${month}`);
  }
  for (const [priority, weight] of Object.entries(options.weights)) {
    if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) {
      throw new BadInputError(
        `weights.${priority.toLowerCase()}`,
        `must be a whole number from 0 to ${MAX_WEIGHT}, got ${weight}`,
        weight,
      );
    }
  }
  const probability = options.costs.retakeProbability;
  if (!Number.isFinite(probability) || probability < 0 || probability > 1) {
    throw new BadInputError(
      'costs.retakeProbability',
      `must be a probability from 0 to 1, got ${probability}`,
      probability,
    );
  }
}

/**
 * The optimal training plan for team `teamId` (and every team below it) on `asOf`: who
 * should earn or renew which credential, in which fiscal quarter, so that the priority-weighted
 * gap closed by the horizon's end is as large as possible with the expected cost within the
 * budget. See preparePlan for the time model and buildModel for the integer program.
 * Throws NOT_FOUND for an unknown team, BAD_USER_INPUT for options out of range.
 */
export async function optimalTrainingPlan(
  db: DataSource,
  teamId: number,
  asOf: string,
  options: OptimizerOptions,
): Promise<TrainingPlan> {
  const [plan] = await optimalTrainingPlans(db, teamId, asOf, options, [options.budgetCents]);
  return plan;
}

/**
 * The optimal plan for each of `budgets` (replacing options.budgetCents), from data loaded
 * once, so that the plans differ only by budget. The time limit is for the whole call,
 * loading included: each solve gets an equal share of the time left when it starts.
 */
export async function optimalTrainingPlans(
  db: DataSource,
  teamId: number,
  asOf: string,
  options: OptimizerOptions,
  budgets: number[],
): Promise<TrainingPlan[]> {
  checkOptimizerOptions(options);
  const deadline = Date.now() + options.timeLimitSeconds * 1000;
  const horizonEnd = horizonEndOf(asOf, options.horizonDays);
  const instance = await loadPlanningInstance(db, teamId, asOf, horizonEnd);
  await checkExamFees(db, options);
  const plans: TrainingPlan[] = [];
  // One after the other: one request should not hold more than one of the optimizer's few
  // worker threads.
  for (const [index, budgetCents] of budgets.entries()) {
    const share = (deadline - Date.now()) / (budgets.length - index);
    const plan = await solveTrainingPlan(instance, { ...options, budgetCents }, Date.now() + share);
    plans.push({ ...plan, teamId });
  }
  return plans;
}

/** BAD_USER_INPUT for an exam fee override of a certification the catalog does not have. */
async function checkExamFees(db: DataSource, options: OptimizerOptions): Promise<void> {
  const ids = [...options.costs.examFeeOverrides.keys()];
  if (ids.length === 0) return;
  const found: Array<{ id: number }> = await db.query(
    'SELECT id FROM certification WHERE id = ANY($1::int[])',
    [ids],
  );
  const known = new Set(found.map((row) => row.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) {
    throw new BadInputError(
      'costs.examFees.certificationId',
      `no certification with id ${unknown} in the catalog`,
      String(unknown),
    );
  }
}

/**
 * The optimizer on an instance already in memory; no database involved. It answers by
 * `deadline` (Date.now() milliseconds; by default the time limit from now), give or take the
 * solver pool's grace: a solve that has not finished by then answers TIME_LIMIT with the plan
 * the solver started from.
 */
export async function solveTrainingPlan(
  instance: PlanningInstance,
  options: OptimizerOptions,
  deadline = Date.now() + options.timeLimitSeconds * 1000,
): Promise<TrainingPlan> {
  checkOptimizerOptions(options);
  const prepared = preparePlan(instance, options);
  const model = buildModel(prepared, options.budgetCents, options.maxPerPersonPerQuarter);
  const start = () =>
    greedyStart(prepared, model, options.budgetCents, options.maxPerPersonPerQuarter);
  let outcome: SolveOutcome;
  if (prepared.options.length === 0) {
    // With nothing to choose from, the empty plan is optimal and HiGHS need not start.
    outcome = { ...EMPTY_OUTCOME };
  } else {
    const values = start();
    const secondsLeft = (deadline - Date.now()) / 1000;
    const began = performance.now();
    try {
      if (secondsLeft <= 0) throw new DeadlineError('no time was left to solve');
      outcome = await solveInWorker(model, secondsLeft, values);
    } catch (error) {
      if (!(error instanceof DeadlineError)) throw error;
      outcome = {
        status: 'TIME_LIMIT',
        values,
        bound: null,
        relativeGap: null,
        costMinimal: false,
        tiesBroken: false,
        seconds: (performance.now() - began) / 1000,
        message: 'the time limit ran out before HiGHS improved on the starting plan, which this is',
      };
    }
  }

  const chosen = new Map<number, number>();
  model.columns.forEach((column, index) => {
    if (column.kind === 'CHOICE' && (outcome.values?.[index] ?? 0) > 0.5) {
      chosen.set(column.option, column.quarter);
    }
  });
  dropUnneeded(prepared, chosen);
  return assemble(instance, prepared, options, outcome, chosen);
}

/**
 * Drops from `chosen` (option index to quarter) each option the plan's value does not need:
 * every requirement it counts toward is still closed as far without it (another of the
 * person's options counts them, or enough other people do), and no other chosen option of
 * the person needs it first. The most expensive go first. A solve cut short in its cost
 * phase can leave such options in (the value phase has no reason to leave them out); the
 * result keeps the value and costs less.
 */
function dropUnneeded(prepared: PreparedPlan, chosen: Map<number, number>): void {
  const index = new Map(prepared.requirements.map((r, i) => [r.row.requirementId, i]));
  // counts[r]: for each person, how many of their chosen options count toward requirement r.
  const counts = prepared.requirements.map(() => new Map<number, number>());
  for (const option of chosen.keys()) {
    const { person, requirementIds } = prepared.options[option];
    for (const id of requirementIds) {
      const count = counts[index.get(id) ?? -1];
      count?.set(person.id, (count.get(person.id) ?? 0) + 1);
    }
  }
  const needed = (option: number) => {
    const { person, certification, requirementIds } = prepared.options[option];
    const loses = requirementIds.some((id) => {
      const r = index.get(id) ?? -1;
      const { weight, projectedGap } = prepared.requirements[r] ?? { weight: 0, projectedGap: 0 };
      return weight > 0 && counts[r].get(person.id) === 1 && counts[r].size <= projectedGap;
    });
    return (
      loses ||
      [...chosen.keys()].some(
        (other) =>
          prepared.options[other].person.id === person.id &&
          prepared.options[other].plannedPrerequisiteIds.includes(certification.id),
      )
    );
  };
  const order = [...chosen.keys()].sort(
    (a, b) =>
      prepared.options[b].cost.total.expectedCents - prepared.options[a].cost.total.expectedCents ||
      (chosen.get(b) ?? 0) - (chosen.get(a) ?? 0) ||
      b - a,
  );
  // Dropping an option can free its prerequisites in turn: repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (const option of order) {
      if (!chosen.has(option) || needed(option)) continue;
      chosen.delete(option);
      changed = true;
      const { person, requirementIds } = prepared.options[option];
      for (const id of requirementIds) {
        const count = counts[index.get(id) ?? -1];
        if (!count) continue;
        const left = (count.get(person.id) ?? 0) - 1;
        if (left > 0) count.set(person.id, left);
        else count.delete(person.id);
      }
    }
  }
}

const EMPTY_OUTCOME: SolveOutcome = {
  status: 'OPTIMAL',
  values: [],
  bound: 0,
  relativeGap: 0,
  costMinimal: true,
  tiesBroken: true,
  seconds: 0,
  message: null,
};

/** The plan the chosen options make, with its totals recomputed from the choices alone. */
function assemble(
  instance: PlanningInstance,
  prepared: PreparedPlan,
  options: OptimizerOptions,
  outcome: SolveOutcome,
  chosen: Map<number, number>,
): TrainingPlan {
  const picked = [...chosen].map(([index, quarter]) => ({
    option: prepared.options[index],
    quarter,
  }));
  const assignments: PlannedAssignment[] = picked
    .map(({ option, quarter }) => ({
      kind: option.kind,
      person: option.person,
      certification: option.certification,
      quarter: prepared.quarters[quarter],
      cost: option.cost,
      requirementIds: option.requirementIds,
      prerequisiteForIds: picked
        .filter((other) => other.option.person.id === option.person.id)
        .filter((other) => other.option.plannedPrerequisiteIds.includes(option.certification.id))
        .map((other) => other.option.certification.id),
      servesCareerGoal: option.person.goalCertificationIds.includes(option.certification.id),
      preparationMonths: option.preparationMonths,
      expiresOn: option.expiresOn,
    }))
    .sort(
      (a, b) =>
        a.quarter.index - b.quarter.index ||
        a.person.id - b.person.id ||
        a.certification.slug.localeCompare(b.certification.slug),
    );

  const requirements = prepared.requirements.map(({ row, weight, projectedGap }) => {
    const counting = assignments.filter((a) => a.requirementIds.includes(row.requirementId));
    const people = new Set(counting.map((a) => a.person.id));
    const closed = Math.min(projectedGap, people.size);
    const renewedPeople = new Set(
      counting.filter((a) => a.kind === 'RENEWAL').map((a) => a.person.id),
    );
    return {
      requirement: row,
      weight,
      projectedGap,
      closed,
      gapLeft: projectedGap - closed,
      trained: people.size - renewedPeople.size,
      renewed: renewedPeople.size,
    };
  });
  const objectiveValue = requirements.reduce((sum, r) => sum + r.weight * r.closed, 0);
  const maxObjectiveValue = requirements.reduce((sum, r) => sum + r.weight * r.projectedGap, 0);
  // A plan that closes every weighted gap is the best there is, whatever stopped the solver.
  const solved = outcome.status === 'OPTIMAL' || outcome.status === 'TIME_LIMIT';
  const optimal = outcome.status === 'OPTIMAL' || (solved && objectiveValue >= maxObjectiveValue);
  const status: SolveStatus = optimal ? 'OPTIMAL' : outcome.status;
  const costMinimal = optimal && outcome.costMinimal;
  // Always at least maxObjectiveValue: nothing is worth more than closing every gap.
  const bound = optimal
    ? objectiveValue
    : Math.max(
        objectiveValue,
        Math.min(
          maxObjectiveValue,
          outcome.bound === null ? maxObjectiveValue : Math.floor(outcome.bound + 1e-6),
        ),
      );
  let message = outcome.message;
  if (optimal && !costMinimal) {
    message =
      'no plan closes more weighted gap, but the time limit ran out before this one was ' +
      'proven the cheapest that does';
  } else if (optimal) {
    message = null;
  }
  return {
    teamId: null,
    asOf: instance.asOf,
    horizonDays: options.horizonDays,
    horizonEnd: instance.horizonEnd,
    options,
    status,
    message,
    objectiveValue,
    bound: solved ? bound : null,
    relativeGap: solved ? (bound === 0 ? 0 : (bound - objectiveValue) / bound) : null,
    costMinimal,
    tiesBroken: costMinimal && outcome.tiesBroken,
    maxObjectiveValue,
    assignments,
    total: sumEstimates(assignments.map((a) => a.cost.total)),
    quarters: prepared.quarters.map((quarter) => {
      const inQuarter = assignments.filter((a) => a.quarter.index === quarter.index);
      return {
        quarter,
        cost: sumEstimates(inQuarter.map((a) => a.cost.total)),
        assignments: inQuarter.length,
      };
    }),
    requirements,
    excluded: prepared.excluded,
    gapClosed: requirements.reduce((sum, r) => sum + r.closed, 0),
    gapLeft: requirements.reduce((sum, r) => sum + r.gapLeft, 0),
    peopleTrained: new Set(assignments.map((a) => a.person.id)).size,
    solveSeconds: outcome.seconds,
  };
}

function sumEstimates(costs: CostEstimate[]): CostEstimate {
  return costs.reduce(
    (sum, cost) => ({
      minCents: sum.minCents + cost.minCents,
      expectedCents: sum.expectedCents + cost.expectedCents,
      maxCents: sum.maxCents + cost.maxCents,
    }),
    { minCents: 0, expectedCents: 0, maxCents: 0 },
  );
}
