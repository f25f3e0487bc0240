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
import { solveInWorker } from './optimizer-pool';
import type { SolveOutcome, SolveStatus } from './optimizer-solver';
import { greedyStart } from './optimizer-start';
import type { Candidate, PlanCertification } from './training-budget.service';

export const MAX_TIME_LIMIT_SECONDS = 60;
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
export function checkOptimizerOptions(options: OptimizerOptions): void {
  const { maxPerPersonPerQuarter: perQuarter, timeLimitSeconds: seconds } = options;
  if (!Number.isInteger(perQuarter) || perQuarter < 1 || perQuarter > MAX_PER_PERSON_PER_QUARTER) {
    throw new BadInputError(
      'maxPerPersonPerQuarter',
      `must be a whole number from 1 to ${MAX_PER_PERSON_PER_QUARTER}, got ${perQuarter}`,
      perQuarter,
    );
  }
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIME_LIMIT_SECONDS) {
    throw new BadInputError(
      'timeLimitSeconds',
      `must be more than 0 and at most ${MAX_TIME_LIMIT_SECONDS}, got ${seconds}`,
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
 * once, so that the plans differ only by budget. Each solve gets the full time limit.
 */
export async function optimalTrainingPlans(
  db: DataSource,
  teamId: number,
  asOf: string,
  options: OptimizerOptions,
  budgets: number[],
): Promise<TrainingPlan[]> {
  checkOptimizerOptions(options);
  const horizonEnd = horizonEndOf(asOf, options.horizonDays);
  const instance = await loadPlanningInstance(db, teamId, asOf, horizonEnd);
  const plans: TrainingPlan[] = [];
  // One after the other: each solve gets the full time limit, and one request should not hold
  // more than one of the optimizer's few worker threads.
  for (const budgetCents of budgets) {
    plans.push({ ...(await solveTrainingPlan(instance, { ...options, budgetCents })), teamId });
  }
  return plans;
}

/** The optimizer on an instance already in memory; no database involved. */
export async function solveTrainingPlan(
  instance: PlanningInstance,
  options: OptimizerOptions,
): Promise<TrainingPlan> {
  checkOptimizerOptions(options);
  const prepared = preparePlan(instance, options);
  const model = buildModel(prepared, options.budgetCents, options.maxPerPersonPerQuarter);
  // With nothing to choose from, the empty plan is optimal and HiGHS need not start.
  const outcome: SolveOutcome =
    prepared.options.length === 0
      ? { ...EMPTY_OUTCOME }
      : await solveInWorker(
          model,
          options.timeLimitSeconds,
          greedyStart(prepared, model, options.budgetCents, options.maxPerPersonPerQuarter),
        );

  const chosen = new Map<number, number>();
  model.columns.forEach((column, index) => {
    if (column.kind === 'CHOICE' && (outcome.values?.[index] ?? 0) > 0.5) {
      chosen.set(column.option, column.quarter);
    }
  });
  return assemble(instance, prepared, options, outcome, chosen);
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
  return {
    teamId: null,
    asOf: instance.asOf,
    horizonDays: options.horizonDays,
    horizonEnd: instance.horizonEnd,
    options,
    status: outcome.status,
    message: outcome.message,
    objectiveValue,
    bound:
      outcome.bound === null ? null : Math.max(objectiveValue, Math.floor(outcome.bound + 1e-6)),
    relativeGap: outcome.relativeGap,
    costMinimal: outcome.costMinimal,
    tiesBroken: outcome.tiesBroken,
    maxObjectiveValue: requirements.reduce((sum, r) => sum + r.weight * r.projectedGap, 0),
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
