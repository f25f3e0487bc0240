import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDateScalar } from '../scalars/calendar-date.scalar';
import { CostEstimateType } from './catalog.types';
import { CostTotalType } from './budget.types';
import { EmployeeType } from './organization.types';

export enum CareerPlanStepKind {
  RECOMMENDED = 'RECOMMENDED',
  PREREQUISITE = 'PREREQUISITE',
}
registerEnumType(CareerPlanStepKind, {
  name: 'CareerPlanStepKind',
  description: 'RECOMMENDED for the goal by the strategy, or a PREREQUISITE of a later step.',
});

export enum RecommendationSource {
  CAREER_GOAL = 'CAREER_GOAL',
  EXPERIENCE_LEVEL = 'EXPERIENCE_LEVEL',
}
registerEnumType(RecommendationSource, {
  name: 'RecommendationSource',
  description: "Which of the strategy's lists a recommendation comes from.",
});

@ObjectType('CareerPlanStep', { description: 'One credential to earn, in plan order.' })
export class CareerPlanStepType {
  @Field(() => Int, { description: '1 for the first step.' })
  position: number;

  @Field(() => CareerPlanStepKind)
  kind: CareerPlanStepKind;

  @Field(() => [String], { description: 'Slugs of the later steps that require this one.' })
  requiredBy: string[];

  @Field(() => Int, {
    nullable: true,
    description: 'Expected preparation, the midpoint rounded up to whole months; null if unknown.',
  })
  preparationMonths: number | null;

  @Field(() => Int, { description: 'Known preparation months up to and including this step.' })
  cumulativeMonths: number;

  @Field(() => CalendarDateScalar)
  startsOn: string;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: 'startsOn plus the preparation months, clamped to month end; null if unknown.',
  })
  finishesOn: string | null;

  @Field(() => CostEstimateType, { nullable: true, description: 'Null when the cost is unknown.' })
  cost: CostEstimateType | null;

  certificationId: number;
}

@ObjectType('StrategyCategory', {
  description: 'A recommendation naming a category (no single credential); not a step.',
})
export class StrategyCategoryType {
  @Field(() => String)
  rawName: string;

  @Field(() => RecommendationSource)
  source: RecommendationSource;
}

@ObjectType('UnknownDurations', { description: 'Steps whose preparation time is unknown.' })
export class UnknownDurationsType {
  @Field(() => Int)
  count: number;

  @Field(() => [String])
  names: string[];
}

@ObjectType('CareerPlan', {
  description: "The credentials still missing for an employee's career goal, in study order.",
})
export class CareerPlanType {
  @Field(() => EmployeeType)
  employee: EmployeeType;

  @Field(() => CalendarDateScalar)
  asOf: string;

  @Field(() => CalendarDateScalar, { nullable: true })
  targetDate: string | null;

  @Field(() => [CareerPlanStepType])
  steps: CareerPlanStepType[];

  @Field(() => [StrategyCategoryType])
  categories: StrategyCategoryType[];

  @Field(() => Int, { description: 'The known preparation months of all steps.' })
  totalMonths: number;

  @Field(() => UnknownDurationsType, { description: 'Steps left out of totalMonths.' })
  unknownDuration: UnknownDurationsType;

  @Field(() => CostTotalType)
  cost: CostTotalType;

  @Field(() => CalendarDateScalar, {
    description: 'When the last step of known duration finishes; asOf when nothing is missing.',
  })
  finishesOn: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'finishesOn <= targetDate. Null without a target date, or when a step of unknown ' +
      'duration could still push the finish past a target the known steps meet.',
  })
  meetsTarget: boolean | null;

  careerRoleId: number;
  alreadyHeldIds: number[];
  alternativeIds: number[];
}
