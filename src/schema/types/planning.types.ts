import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDateScalar } from '../scalars/calendar-date.scalar';
import { CentsScalar } from '../scalars/cents.scalar';
import { CostEstimateType } from './catalog.types';
import { TeamRequirementType } from './organization.types';
import { CostAssumptionsType, PriorityWeightsType } from './planning-assumptions.types';

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
    OPTIMAL: {
      description:
        'No plan within the budget closes more weighted gap (costMinimal: and none that ' +
        'closes as much costs less).',
    },
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
  PREPARATION_BEYOND_HORIZON = 'PREPARATION_BEYOND_HORIZON',
}
registerEnumType(ExclusionReason, {
  name: 'ExclusionReason',
  description: 'Why the optimizer could not consider a credential. Unknown is not zero.',
  valuesConfig: {
    PREPARATION_BEYOND_HORIZON: {
      description:
        'No one who lacks it could earn it by horizonEnd: its preparation, after the ' +
        'prerequisites they would need first, ends later.',
    },
  },
});

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

  @Field(() => String, {
    nullable: true,
    description: 'Why the status is not OPTIMAL, or what the time limit left unproven.',
  })
  message: string | null;

  @Field(() => Int, { description: 'Sum of weight x people closed.' })
  objectiveValue: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Proven upper bound on objectiveValue, at most maxObjectiveValue.',
  })
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
