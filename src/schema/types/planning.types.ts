import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDateScalar } from '../scalars/calendar-date.scalar';
import { CentsScalar } from '../scalars/cents.scalar';
import { CostEstimateType } from './catalog.types';
import { TeamRequirementType } from './organization.types';

export enum OptimizationStatus {
  OPTIMAL = 'OPTIMAL',
  TIME_LIMIT = 'TIME_LIMIT',
  INFEASIBLE = 'INFEASIBLE',
  ERROR = 'ERROR',
}
registerEnumType(OptimizationStatus, {
  name: 'OptimizationStatus',
  description: 'How the solve ended.',
  valuesConfig: {
    OPTIMAL: { description: 'No plan within the budget closes more weighted gap.' },
    TIME_LIMIT: { description: 'Stopped at timeLimitSeconds: the best plan found, with bound.' },
    INFEASIBLE: { description: 'No plan satisfies the constraints (never expected).' },
    ERROR: { description: 'The solver failed; message says how.' },
  },
});

export enum PlannedAssignmentKind {
  TRAINING = 'TRAINING',
  RENEWAL = 'RENEWAL',
}
registerEnumType(PlannedAssignmentKind, { name: 'PlannedAssignmentKind' });

export enum ExclusionReason {
  UNKNOWN_COST = 'UNKNOWN_COST',
  UNKNOWN_DURATION = 'UNKNOWN_DURATION',
  UNKNOWN_RENEWAL_COST = 'UNKNOWN_RENEWAL_COST',
}
registerEnumType(ExclusionReason, {
  name: 'ExclusionReason',
  description: 'Why the optimizer could not consider a credential. Unknown is not zero.',
});

@ObjectType('PriorityWeights')
export class PriorityWeightsType {
  @Field(() => Int)
  critical: number;

  @Field(() => Int)
  high: number;

  @Field(() => Int)
  medium: number;

  @Field(() => Int)
  low: number;
}

@ObjectType('ExamFee')
export class ExamFeeType {
  @Field(() => ID)
  certificationId: number;

  @Field(() => CentsScalar)
  fee: number;
}

@ObjectType('CostAssumptions', { description: 'The assumptions the plan was priced with.' })
export class CostAssumptionsType {
  @Field(() => [ExamFeeType])
  examFees: ExamFeeType[];

  @Field(() => CentsScalar)
  studyMaterials: number;

  @Field(() => CentsScalar)
  practiceExams: number;

  @Field(() => Float)
  retakeProbability: number;
}

@ObjectType('FiscalQuarter')
export class FiscalQuarterType {
  @Field(() => String, { description: 'e.g. FY2026 Q1; a fiscal year is named by its end.' })
  label: string;

  @Field(() => Int)
  fiscalYear: number;

  @Field(() => Int)
  quarter: number;

  @Field(() => CalendarDateScalar)
  startsOn: string;

  @Field(() => CalendarDateScalar)
  endsOn: string;
}

@ObjectType('CostBreakdown')
export class CostBreakdownType {
  @Field(() => CostEstimateType)
  examFee: CostEstimateType;

  @Field(() => CentsScalar)
  studyMaterials: number;

  @Field(() => CentsScalar)
  practiceExams: number;

  @Field(() => CostEstimateType)
  retakeAllowance: CostEstimateType;
}

@ObjectType('PlannedAssignment', { description: 'One person to earn or renew one credential.' })
export class PlannedAssignmentType {
  @Field(() => PlannedAssignmentKind)
  kind: PlannedAssignmentKind;

  @Field(() => FiscalQuarterType, { description: 'When the credential is to be earned.' })
  quarter: FiscalQuarterType;

  @Field(() => Int, { nullable: true, description: 'Expected preparation; null for renewals.' })
  preparationMonths: number | null;

  @Field(() => CostEstimateType, { description: 'All components; the budget counts expected.' })
  cost: CostEstimateType;

  @Field(() => CostBreakdownType)
  costBreakdown: CostBreakdownType;

  @Field(() => [TeamRequirementType], { description: 'The requirements it counts toward.' })
  requirements: TeamRequirementType[];

  @Field(() => Boolean)
  servesCareerGoal: boolean;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Renewals: the old expiry.' })
  expiresOn: string | null;

  employeeId: number;
  certificationId: number;
  prerequisiteForIds: number[];
}

@ObjectType('RequirementOutcome', { description: 'What the plan does for one requirement.' })
export class RequirementOutcomeType {
  @Field(() => TeamRequirementType)
  requirement: TeamRequirementType;

  @Field(() => Int, { description: 'Priority weight of one person closed.' })
  weight: number;

  @Field(() => Int, { description: 'Active holders on asOf.' })
  coverage: number;

  @Field(() => Int, { description: 'Holders whose matching credentials all expire by horizonEnd.' })
  expiringHolders: number;

  @Field(() => Int, { description: 'max(0, required - holders still counting at horizonEnd).' })
  projectedGap: number;

  @Field(() => Int)
  closed: number;

  @Field(() => Int)
  gapLeft: number;

  @Field(() => Int, { description: 'People trained who count toward it.' })
  trained: number;

  @Field(() => Int, { description: 'Holders renewed who count toward it.' })
  renewed: number;
}

@ObjectType('QuarterSpend')
export class QuarterSpendType {
  @Field(() => FiscalQuarterType)
  quarter: FiscalQuarterType;

  @Field(() => CostEstimateType)
  cost: CostEstimateType;

  @Field(() => Int)
  assignments: number;
}

@ObjectType('ExcludedCertification', { description: 'Left out of the plan, and why.' })
export class ExcludedCertificationType {
  @Field(() => ExclusionReason)
  reason: ExclusionReason;

  @Field(() => [TeamRequirementType], { description: 'The open requirements it would serve.' })
  requirements: TeamRequirementType[];

  certificationId: number;
}

@ObjectType('OptimalTrainingPlan', {
  description:
    'The plan that closes the most priority-weighted gap by horizonEnd within the budget.',
})
export class OptimalTrainingPlanType {
  @Field(() => CalendarDateScalar)
  asOf: string;

  @Field(() => Int)
  horizonDays: number;

  @Field(() => CalendarDateScalar)
  horizonEnd: string;

  @Field(() => CentsScalar)
  budget: number;

  @Field(() => PriorityWeightsType)
  weights: PriorityWeightsType;

  @Field(() => CostAssumptionsType)
  costAssumptions: CostAssumptionsType;

  @Field(() => Int)
  maxPerPersonPerQuarter: number;

  @Field(() => Int)
  fiscalYearStartMonth: number;

  @Field(() => OptimizationStatus)
  status: OptimizationStatus;

  @Field(() => String, { nullable: true, description: 'Why the status is not OPTIMAL.' })
  message: string | null;

  @Field(() => Int, { description: 'Sum of weight x people closed.' })
  objectiveValue: number;

  @Field(() => Int, { nullable: true, description: 'Proven upper bound on objectiveValue.' })
  bound: number | null;

  @Field(() => Float, { nullable: true, description: 'Relative MIP gap; 0 when optimal.' })
  relativeGap: number | null;

  @Field(() => Boolean, { description: 'Proven cheapest among plans of this value.' })
  costMinimal: boolean;

  @Field(() => Boolean, { description: 'The preference among equal plans was solved too.' })
  tiesBroken: boolean;

  @Field(() => Int, { description: 'objectiveValue if every projected gap were closed.' })
  maxObjectiveValue: number;

  @Field(() => [PlannedAssignmentType], { description: 'By quarter, employee, certification.' })
  assignments: PlannedAssignmentType[];

  @Field(() => CostEstimateType)
  total: CostEstimateType;

  @Field(() => [QuarterSpendType], { description: 'Every quarter of the horizon, in order.' })
  quarters: QuarterSpendType[];

  @Field(() => [RequirementOutcomeType], { description: 'By requirement id.' })
  requirements: RequirementOutcomeType[];

  @Field(() => [ExcludedCertificationType])
  excluded: ExcludedCertificationType[];

  @Field(() => Int)
  gapClosed: number;

  @Field(() => Int)
  gapLeft: number;

  @Field(() => Int)
  peopleTrained: number;

  @Field(() => Float)
  solveSeconds: number;

  teamId: number;
}

@ObjectType('BudgetComparison', { description: 'The optimal plans for two budgets.' })
export class BudgetComparisonType {
  @Field(() => OptimalTrainingPlanType)
  before: OptimalTrainingPlanType;

  @Field(() => OptimalTrainingPlanType, { description: 'With budget + delta.' })
  after: OptimalTrainingPlanType;

  @Field(() => Int)
  objectiveDelta: number;

  @Field(() => Int, { description: 'People of gap closed, after minus before.' })
  gapClosedDelta: number;

  @Field(() => CostEstimateType, { description: 'Total cost, after minus before.' })
  costDelta: CostEstimateType;
}

@ObjectType('SinglePointOfFailure', {
  description: 'A requirement exactly one active holder meets (coverage 1, at least 1 needed).',
})
export class SinglePointOfFailureType {
  @Field(() => TeamRequirementType)
  requirement: TeamRequirementType;

  @Field(() => Int)
  required: number;

  @Field(() => Boolean, { description: 'True when 1 holder is all it needs (N = 1).' })
  met: boolean;

  @Field(() => Int, { description: 'The gap if the holder leaves: N.' })
  gapIfHolderLeaves: number;

  @Field(() => [TeamRequirementType], {
    description: 'Every requirement that goes uncovered if the holder leaves (this one too).',
  })
  uncoveredIfHolderLeaves: TeamRequirementType[];

  holderId: number;
}

@ObjectType('LeaverRequirementImpact')
export class LeaverRequirementImpactType {
  @Field(() => TeamRequirementType)
  requirement: TeamRequirementType;

  @Field(() => Int)
  required: number;

  @Field(() => Int, { description: 'Active holders on asOf, leavers included.' })
  coverage: number;

  @Field(() => Int)
  coverageAfterLeaving: number;

  @Field(() => Int, { description: 'Also without holders whose credentials lapse by then.' })
  coverageAtHorizonEnd: number;

  @Field(() => Int)
  gapAfterLeaving: number;

  @Field(() => Int)
  gapAtHorizonEnd: number;

  @Field(() => Boolean, { description: 'Met on asOf, short once the leavers go.' })
  breaksNow: boolean;

  @Field(() => Boolean, { description: 'Met on asOf, short by horizonEnd in this scenario.' })
  breaksWithinHorizon: boolean;

  @Field(() => Boolean, { description: 'Short by horizonEnd from expiries alone.' })
  wouldBreakAnyway: boolean;

  leavingHolderIds: number[];
}

@ObjectType('LeaverImpact', { description: 'What breaks if the named people leave.' })
export class LeaverImpactType {
  @Field(() => CalendarDateScalar)
  asOf: string;

  @Field(() => Int)
  horizonDays: number;

  @Field(() => CalendarDateScalar)
  horizonEnd: string;

  // People the viewer may not see are among them too: to that viewer they are not in the team.
  @Field(() => [ID], { description: 'Named ids that are not people of the team or below.' })
  ignoredEmployeeIds: number[];

  @Field(() => [LeaverRequirementImpactType], {
    description: 'Requirements a leaver holds, and those the scenario breaks by horizonEnd.',
  })
  requirements: LeaverRequirementImpactType[];

  @Field(() => Int)
  breaksNowCount: number;

  @Field(() => Int)
  breaksWithinHorizonCount: number;

  teamId: number;
  leaverIds: number[];
}
