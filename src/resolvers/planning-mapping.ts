import { Priority } from '../entities/enums';
import { BadInputError } from '../schema/errors';
import { toCostEstimate } from '../schema/types/budget.types';
import type { CostEstimateType } from '../schema/types/catalog.types';
import type { OptimizerArgs } from '../schema/types/planning-inputs.types';
import {
  ExclusionReason,
  type OptimalTrainingPlanType,
  OptimizationStatus,
  PlannedAssignmentKind,
} from '../schema/types/planning.types';
import type { OptimizerOptions, TrainingPlan } from '../services/budget-optimizer.service';
import { DEFAULT_PRIORITY_WEIGHTS } from '../services/optimizer-costs';
import * as valid from '../services/validate';
import { requirementOf } from './coverage.resolver';

/** The service's options from the GraphQL arguments, with the documented defaults. */
export function optionsOf(args: OptimizerArgs, budgetCents: number): OptimizerOptions {
  const costs = args.costs;
  const weights = args.weights ?? {
    critical: DEFAULT_PRIORITY_WEIGHTS.CRITICAL,
    high: DEFAULT_PRIORITY_WEIGHTS.HIGH,
    medium: DEFAULT_PRIORITY_WEIGHTS.MEDIUM,
    low: DEFAULT_PRIORITY_WEIGHTS.LOW,
  };
  return {
    budgetCents,
    horizonDays: args.horizonDays,
    timeLimitSeconds: args.timeLimitSeconds,
    maxPerPersonPerQuarter: args.maxPerPersonPerQuarter,
    fiscalYearStartMonth: args.fiscalYearStartMonth,
    weights: {
      [Priority.CRITICAL]: weights.critical,
      [Priority.HIGH]: weights.high,
      [Priority.MEDIUM]: weights.medium,
      [Priority.LOW]: weights.low,
    },
    costs: {
      examFeeOverrides: examFeeOverrides(costs?.examFees ?? []),
      studyMaterialsCents: costs?.studyMaterials ?? 0,
      practiceExamsCents: costs?.practiceExams ?? 0,
      retakeProbability: costs?.retakeProbability ?? 0,
    },
  };
}

/**
 * Exam fee overrides by certification id. A certification named twice is BAD_USER_INPUT
 * rather than the last fee silently winning; ids missing from the catalog are checked with
 * the data (budget-optimizer.service.ts).
 */
function examFeeOverrides(items: Array<{ certificationId: string; fee: number }>) {
  const overrides = new Map<number, number>();
  for (const item of items) {
    const id = valid.id('costs.examFees.certificationId', item.certificationId);
    if (overrides.has(id)) {
      throw new BadInputError(
        'costs.examFees.certificationId',
        `certification ${id} is given more than one exam fee`,
        item.certificationId,
      );
    }
    overrides.set(id, item.fee);
  }
  return overrides;
}

export function estimate(cost: { minCents: number; expectedCents: number; maxCents: number }) {
  return toCostEstimate(cost) as CostEstimateType;
}

/** The requirement with that id as the organization API shows it (none if not in the plan). */
function requirementById(plan: TrainingPlan, id: number) {
  const outcome = plan.requirements.find((r) => r.requirement.requirementId === id);
  return outcome ? [requirementOf(outcome.requirement)] : [];
}

/** A plan as the API shows it; optimalTrainingPlan and budgetChange both answer with it. */
export function toPlan(plan: TrainingPlan, teamId: number): OptimalTrainingPlanType {
  const { options } = plan;
  return {
    teamId,
    asOf: plan.asOf,
    horizonDays: plan.horizonDays,
    horizonEnd: plan.horizonEnd,
    budget: options.budgetCents,
    weights: {
      critical: options.weights.CRITICAL,
      high: options.weights.HIGH,
      medium: options.weights.MEDIUM,
      low: options.weights.LOW,
    },
    costAssumptions: {
      examFees: [...options.costs.examFeeOverrides].map(([certificationId, fee]) => ({
        certificationId,
        fee,
      })),
      studyMaterials: options.costs.studyMaterialsCents,
      practiceExams: options.costs.practiceExamsCents,
      retakeProbability: options.costs.retakeProbability,
    },
    maxPerPersonPerQuarter: options.maxPerPersonPerQuarter,
    fiscalYearStartMonth: options.fiscalYearStartMonth,
    status: OptimizationStatus[plan.status],
    message: plan.message,
    objectiveValue: plan.objectiveValue,
    bound: plan.bound,
    relativeGap: plan.relativeGap,
    costMinimal: plan.costMinimal,
    tiesBroken: plan.tiesBroken,
    maxObjectiveValue: plan.maxObjectiveValue,
    assignments: plan.assignments.map((a) => ({
      kind: PlannedAssignmentKind[a.kind],
      quarter: a.quarter,
      preparationMonths: a.preparationMonths,
      cost: estimate(a.cost.total),
      costBreakdown: {
        examFee: estimate(a.cost.examFee),
        studyMaterials: a.cost.studyMaterialsCents,
        practiceExams: a.cost.practiceExamsCents,
        retakeAllowance: estimate(a.cost.retakeAllowance),
      },
      requirements: a.requirementIds.flatMap((id) => requirementById(plan, id)),
      servesCareerGoal: a.servesCareerGoal,
      expiresOn: a.expiresOn,
      employeeId: a.person.id,
      certificationId: a.certification.id,
      prerequisiteForIds: a.prerequisiteForIds,
    })),
    total: estimate(plan.total),
    quarters: plan.quarters.map((q) => ({
      quarter: q.quarter,
      cost: estimate(q.cost),
      assignments: q.assignments,
    })),
    requirements: plan.requirements.map((r) => ({
      requirement: requirementOf(r.requirement),
      weight: r.weight,
      coverage: r.requirement.coverage,
      expiringHolders: r.requirement.lostHolderIds.length,
      projectedGap: r.projectedGap,
      closed: r.closed,
      gapLeft: r.gapLeft,
      trained: r.trained,
      renewed: r.renewed,
    })),
    excluded: plan.excluded.map((item) => ({
      reason: ExclusionReason[item.reason],
      requirements: item.requirementIds.flatMap((id) => requirementById(plan, id)),
      certificationId: item.certification.id,
    })),
    gapClosed: plan.gapClosed,
    gapLeft: plan.gapLeft,
    peopleTrained: plan.peopleTrained,
    solveSeconds: plan.solveSeconds,
  };
}
