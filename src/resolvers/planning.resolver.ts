import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Priority } from '../entities/enums';
import type { Context } from '../schema/context';
import { CalendarDateScalar } from '../schema/scalars/calendar-date.scalar';
import { CentsScalar } from '../schema/scalars/cents.scalar';
import { toCostEstimate } from '../schema/types/budget.types';
import { CertificationType, type CostEstimateType } from '../schema/types/catalog.types';
import { EmployeeType, TeamType } from '../schema/types/organization.types';
import {
  BudgetComparisonType,
  ExcludedCertificationType,
  ExclusionReason,
  LeaverImpactType,
  LeaverRequirementImpactType,
  OptimalTrainingPlanType,
  OptimizationStatus,
  PlannedAssignmentKind,
  PlannedAssignmentType,
  SinglePointOfFailureType,
} from '../schema/types/planning.types';
import {
  optimalTrainingPlan,
  type OptimizerOptions,
  type TrainingPlan,
} from '../services/budget-optimizer.service';
import { DEFAULT_PRIORITY_WEIGHTS } from '../services/optimizer-costs';
import { assertTeamVisible } from '../services/scope';
import * as valid from '../services/validate';
import { budgetChange, ifPeopleLeave, singlePointsOfFailure } from '../services/what-if.service';
import { employeesByIds, requirementOf } from './coverage.resolver';

@InputType('PriorityWeightsInput', {
  description: 'Worth of closing one person of gap, by priority. Defaults 8, 4, 2, 1.',
})
export class PriorityWeightsInput {
  @Field(() => Int, { defaultValue: DEFAULT_PRIORITY_WEIGHTS.CRITICAL })
  critical: number;

  @Field(() => Int, { defaultValue: DEFAULT_PRIORITY_WEIGHTS.HIGH })
  high: number;

  @Field(() => Int, { defaultValue: DEFAULT_PRIORITY_WEIGHTS.MEDIUM })
  medium: number;

  @Field(() => Int, { defaultValue: DEFAULT_PRIORITY_WEIGHTS.LOW })
  low: number;
}

@InputType('ExamFeeInput', { description: 'An exam fee to use instead of the catalog cost.' })
export class ExamFeeInput {
  @Field(() => ID)
  certificationId: string;

  @Field(() => CentsScalar)
  fee: number;
}

@InputType('CostAssumptionsInput', {
  description:
    "The guide's cost breakdown: exam fees, study materials, practice exams, retake fees. The " +
    'guide gives numbers only for exam fees (the catalog cost); the others default to 0.',
})
export class CostAssumptionsInput {
  @Field(() => [ExamFeeInput], {
    defaultValue: [],
    description: 'Overrides of the catalog exam fee; also prices a credential of unknown cost.',
  })
  examFees: ExamFeeInput[];

  @Field(() => CentsScalar, { defaultValue: 0, description: 'Per credential.' })
  studyMaterials: number;

  @Field(() => CentsScalar, { defaultValue: 0, description: 'Per credential.' })
  practiceExams: number;

  @Field(() => Float, {
    defaultValue: 0,
    description: 'Retake allowance = this probability x the exam fee, rounded to a cent.',
  })
  retakeProbability: number;
}

@ArgsType()
export class OptimizerArgs {
  @Field(() => ID)
  teamId: string;

  @Field(() => CentsScalar, { description: 'The cap on the sum of expected costs.' })
  budget: number;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  asOf: string | null;

  @Field(() => Int, { defaultValue: 365 })
  horizonDays: number;

  @Field(() => PriorityWeightsInput, { nullable: true })
  weights: PriorityWeightsInput | null;

  @Field(() => CostAssumptionsInput, { nullable: true })
  costs: CostAssumptionsInput | null;

  @Field(() => Int, { defaultValue: 1, description: 'Credentials (renewals too) a person.' })
  maxPerPersonPerQuarter: number;

  @Field(() => Float, { defaultValue: 10, description: 'For the whole solve; at most 60.' })
  timeLimitSeconds: number;

  @Field(() => Int, { defaultValue: 1, description: '1 = January: the calendar year.' })
  fiscalYearStartMonth: number;
}

@ArgsType()
export class BudgetChangeArgs extends OptimizerArgs {
  @Field(() => CentsScalar, { description: 'Added to budget; for a cut, pass the lower budget.' })
  delta: number;
}

/** The service's options from the GraphQL arguments, with the documented defaults. */
function optionsOf(args: OptimizerArgs, budgetCents: number): OptimizerOptions {
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
      examFeeOverrides: new Map(
        (costs?.examFees ?? []).map((item) => [
          valid.id('costs.examFees.certificationId', item.certificationId),
          item.fee,
        ]),
      ),
      studyMaterialsCents: costs?.studyMaterials ?? 0,
      practiceExamsCents: costs?.practiceExams ?? 0,
      retakeProbability: costs?.retakeProbability ?? 0,
    },
  };
}

function estimate(cost: { minCents: number; expectedCents: number; maxCents: number }) {
  return toCostEstimate(cost) as CostEstimateType;
}

/** The requirement with that id as the organization API shows it (none if not in the plan). */
function requirementById(plan: TrainingPlan, id: number) {
  const outcome = plan.requirements.find((r) => r.requirement.requirementId === id);
  return outcome ? [requirementOf(outcome.requirement)] : [];
}

function toPlan(plan: TrainingPlan, teamId: number): OptimalTrainingPlanType {
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

@Resolver()
export class PlanningQueryResolver {
  @Query(() => OptimalTrainingPlanType, {
    description:
      'Who should earn or renew which credential, and in which fiscal quarter, to close the ' +
      "most priority-weighted gap of the team (and below it) by the horizon's end with the " +
      'sum of expected costs within budget. An integer program solved exactly by HiGHS.',
  })
  async optimalTrainingPlan(
    @Ctx() { db, today, scope }: Context,
    @Args(() => OptimizerArgs) args: OptimizerArgs,
  ): Promise<OptimalTrainingPlanType> {
    const current = await scope();
    const teamId = valid.id('teamId', args.teamId);
    assertTeamVisible(current, teamId);
    const plan = await optimalTrainingPlan(
      db,
      teamId,
      args.asOf ?? today,
      optionsOf(args, args.budget),
    );
    return toPlan(plan, teamId);
  }

  @Query(() => BudgetComparisonType, {
    description: 'The optimal plans for budget and for budget + delta, side by side.',
  })
  async budgetChange(
    @Ctx() { db, today, scope }: Context,
    @Args(() => BudgetChangeArgs) args: BudgetChangeArgs,
  ): Promise<BudgetComparisonType> {
    const current = await scope();
    const teamId = valid.id('teamId', args.teamId);
    assertTeamVisible(current, teamId);
    const options = optionsOf(args, args.budget);
    const comparison = await budgetChange(db, teamId, args.asOf ?? today, options, args.delta);
    return {
      before: toPlan(comparison.before, teamId),
      after: toPlan(comparison.after, teamId),
      objectiveDelta: comparison.objectiveDelta,
      gapClosedDelta: comparison.gapClosedDelta,
      costDelta: estimate(comparison.costDelta),
    };
  }

  @Query(() => [SinglePointOfFailureType], {
    description:
      'Requirements of the team (and below) that exactly one active holder meets on asOf ' +
      '(default today). CRITICAL first, then by requirement id.',
  })
  async singlePointsOfFailure(
    @Ctx() { db, today, scope }: Context,
    @Arg('teamId', () => ID) teamIdArg: string,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: string | null,
  ): Promise<SinglePointOfFailureType[]> {
    const current = await scope();
    const teamId = valid.id('teamId', teamIdArg);
    assertTeamVisible(current, teamId);
    const found = await singlePointsOfFailure(db, teamId, asOf ?? today);
    return found.map((item) => ({
      requirement: requirementOf(item.requirement),
      required: item.requirement.required,
      met: item.requirement.gap === 0,
      gapIfHolderLeaves: item.requirement.required,
      uncoveredIfHolderLeaves: item.uncoveredIfLeaves.map(requirementOf),
      holderId: item.holderId,
    }));
  }

  @Query(() => LeaverImpactType, {
    description:
      'The requirements that break if the named people leave: at once, and by asOf + ' +
      'horizonDays once credentials expiring by then lapse (no renewals assumed).',
  })
  async ifPeopleLeave(
    @Ctx() { db, today, scope, loaders }: Context,
    @Arg('teamId', () => ID) teamIdArg: string,
    @Arg('employeeIds', () => [ID]) employeeIdArgs: string[],
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: string | null,
    @Arg('horizonDays', () => Int, { defaultValue: 180 }) horizonDays: number,
  ): Promise<LeaverImpactType> {
    const current = await scope();
    const teamId = valid.id('teamId', teamIdArg);
    assertTeamVisible(current, teamId);
    const requested = employeeIdArgs.map((id) => valid.id('employeeIds', id));
    // Only people the viewer may see count as leavers: otherwise the answer would tell a
    // viewer who sees no one (FINANCE) who is in a team and what they hold. The others come
    // back as ignored, not told apart from people outside the team.
    const people = await Promise.all(requested.map((id) => loaders.employee.load(id)));
    const visible = requested.filter((_, index) => people[index] !== null);
    const impact = await ifPeopleLeave(db, teamId, visible, asOf ?? today, horizonDays);
    const requirements = impact.requirements.map((item) => ({
      ...item,
      requirement: requirementOf(item.requirement),
      required: item.requirement.required,
      coverage: item.requirement.coverage,
    }));
    return {
      ...impact,
      ignoredEmployeeIds: [...new Set(requested.filter((id) => !impact.leaverIds.includes(id)))],
      requirements,
      breaksNowCount: requirements.filter((item) => item.breaksNow).length,
      breaksWithinHorizonCount: requirements.filter((item) => item.breaksWithinHorizon).length,
    };
  }
}

@Resolver(() => OptimalTrainingPlanType)
export class OptimalTrainingPlanResolver {
  @FieldResolver(() => TeamType)
  team(@Root() plan: OptimalTrainingPlanType, @Ctx() { loaders }: Context) {
    return loaders.team.load(plan.teamId);
  }
}

@Resolver(() => PlannedAssignmentType)
export class PlannedAssignmentResolver {
  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description: 'Null for viewers who may not see the person (FINANCE sees only costs).',
  })
  employee(@Root() assignment: PlannedAssignmentType, @Ctx() { loaders }: Context) {
    return loaders.employee.load(assignment.employeeId);
  }

  @FieldResolver(() => CertificationType)
  certification(@Root() assignment: PlannedAssignmentType, @Ctx() { loaders }: Context) {
    return loaders.certification.load(assignment.certificationId);
  }

  @FieldResolver(() => [CertificationType], {
    description: "Credentials later in the same person's plan that need this one first.",
  })
  async prerequisiteFor(@Root() assignment: PlannedAssignmentType, @Ctx() { loaders }: Context) {
    const certs = await Promise.all(
      assignment.prerequisiteForIds.map((id) => loaders.certification.load(id)),
    );
    return certs.filter((cert) => cert !== null);
  }
}

@Resolver(() => ExcludedCertificationType)
export class ExcludedCertificationResolver {
  @FieldResolver(() => CertificationType)
  certification(@Root() item: ExcludedCertificationType, @Ctx() { loaders }: Context) {
    return loaders.certification.load(item.certificationId);
  }
}

@Resolver(() => SinglePointOfFailureType)
export class SinglePointOfFailureResolver {
  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description: 'The one holder; null for viewers who may not see them.',
  })
  holder(@Root() item: SinglePointOfFailureType, @Ctx() { loaders }: Context) {
    return loaders.employee.load(item.holderId);
  }
}

@Resolver(() => LeaverImpactType)
export class LeaverImpactResolver {
  @FieldResolver(() => TeamType)
  team(@Root() impact: LeaverImpactType, @Ctx() { loaders }: Context) {
    return loaders.team.load(impact.teamId);
  }

  @FieldResolver(() => [EmployeeType], {
    description: 'The named people of the team (and below) the viewer may see; by id.',
  })
  leavers(@Root() impact: LeaverImpactType, @Ctx() { loaders }: Context) {
    return employeesByIds(loaders, impact.leaverIds);
  }
}

@Resolver(() => LeaverRequirementImpactType)
export class LeaverRequirementImpactResolver {
  @FieldResolver(() => [EmployeeType], { description: 'Leavers among its holders; by id.' })
  leavingHolders(@Root() item: LeaverRequirementImpactType, @Ctx() { loaders }: Context) {
    return employeesByIds(loaders, item.leavingHolderIds);
  }
}
