import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CalendarDateScalar } from '../scalars/calendar-date.scalar';
import { CostEstimateType } from './catalog.types';
import { TeamRequirementType } from './organization.types';
import { OptimalTrainingPlanType } from './planning.types';

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
