import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDateScalar } from '../scalars/calendar-date.scalar';
import { CostEstimateType } from './catalog.types';
import { EmployeeType, TeamRequirementType } from './organization.types';

export enum ShortfallReason {
  NO_CERTIFICATION = 'NO_CERTIFICATION',
  NO_CANDIDATES = 'NO_CANDIDATES',
  NOT_ENOUGH_ELIGIBLE = 'NOT_ENOUGH_ELIGIBLE',
}
registerEnumType(ShortfallReason, {
  name: 'ShortfallReason',
  description: 'Why a plan cannot close a gap.',
  valuesConfig: {
    NO_CERTIFICATION: { description: 'No catalog certification covers the required skill.' },
    NO_CANDIDATES: {
      description: 'Too few people in scope lack a matching credential and its assignment.',
    },
    NOT_ENOUGH_ELIGIBLE: {
      description: 'The others lack a prerequisite or have a level outside its range.',
    },
  },
});

@ObjectType('CostTotal', {
  description:
    'A sum of cost estimates in integer cents. Items of unknown cost are not in it; ' +
    'unknownCount and unknownNames say what was left out.',
})
export class CostTotalType extends CostEstimateType {
  @Field(() => Boolean, { description: 'True when no item was left out.' })
  complete: boolean;

  @Field(() => Int, { description: 'How many items were left out for an unknown cost.' })
  unknownCount: number;

  @Field(() => [String], { description: 'The distinct names of what was left out.' })
  unknownNames: string[];
}

@ObjectType('TrainingAssignment', { description: 'One person to train for one credential.' })
export class TrainingAssignmentType {
  @Field(() => TeamRequirementType, { description: 'The requirement it was made for.' })
  requirement: TeamRequirementType;

  @Field(() => EmployeeType, {
    nullable: true,
    description: 'Null for viewers who see costs but not people (FINANCE).',
  })
  employee: EmployeeType | null;

  @Field(() => CostEstimateType, { nullable: true, description: 'Null when the cost is unknown.' })
  cost: CostEstimateType | null;

  @Field(() => Boolean, {
    description: "True when the strategy for the person's career goal recommends it.",
  })
  servesCareerGoal: boolean;

  certificationId: number;
}

@ObjectType('UnknownCostAssignments', {
  description: 'Assignments whose certification has no known cost; not in the total.',
})
export class UnknownCostAssignmentsType {
  @Field(() => Int)
  count: number;

  @Field(() => [String], { description: 'The distinct certification names.' })
  names: string[];

  @Field(() => [TrainingAssignmentType])
  assignments: TrainingAssignmentType[];
}

@ObjectType('RequirementTrainingPlan', { description: 'How the plan treats one gap.' })
export class RequirementTrainingPlanType {
  @Field(() => TeamRequirementType)
  requirement: TeamRequirementType;

  @Field(() => Int, { description: 'Active holders on asOf.' })
  coverage: number;

  @Field(() => Int)
  gap: number;

  @Field(() => Int, { description: 'People newly assigned for this requirement.' })
  assigned: number;

  @Field(() => Int, {
    description: 'People assigned for an earlier requirement whose credential also meets this one.',
  })
  credited: number;

  @Field(() => Int, { description: 'What the plan leaves open: gap - assigned - credited.' })
  shortfall: number;

  @Field(() => ShortfallReason, { nullable: true, description: 'Null when nothing is left open.' })
  reason: ShortfallReason | null;

  @Field(() => String, { nullable: true })
  explanation: string | null;

  @Field(() => Int, { description: 'Candidates passed over for a missing prerequisite.' })
  missingPrerequisites: number;

  @Field(() => Int, { description: 'Candidates passed over only for a level out of range.' })
  levelOutOfRange: number;

  certificationId: number | null;
}

@ObjectType('TrainingBudget', {
  description: 'A greedy plan that closes the gaps by training eligible people, and its cost.',
})
export class TrainingBudgetType {
  @Field(() => CalendarDateScalar)
  asOf: string;

  @Field(() => Boolean)
  teamOnly: boolean;

  @Field(() => [TrainingAssignmentType], { description: 'Assignments of known cost.' })
  assignments: TrainingAssignmentType[];

  @Field(() => UnknownCostAssignmentsType)
  unknownCost: UnknownCostAssignmentsType;

  @Field(() => CostTotalType, { description: 'The sum of the assignments of known cost.' })
  total: CostTotalType;

  @Field(() => [RequirementTrainingPlanType], { description: 'Every gap, in plan order.' })
  requirements: RequirementTrainingPlanType[];

  @Field(() => [RequirementTrainingPlanType], { description: 'The gaps the plan leaves open.' })
  shortfalls: RequirementTrainingPlanType[];

  @Field(() => Int, { description: 'Distinct people with at least one assignment.' })
  peopleTrained: number;

  teamId: number;
}

/** The GraphQL shape of an estimate in cents (null stays null: unknown is not zero). */
export function toCostEstimate(
  cost: { minCents: number; expectedCents: number; maxCents: number } | null,
): CostEstimateType | null {
  return cost && { min: cost.minCents, expected: cost.expectedCents, max: cost.maxCents };
}

export function toCostTotal(total: {
  minCents: number;
  expectedCents: number;
  maxCents: number;
  unknownCount: number;
  unknownNames: string[];
}): CostTotalType {
  return {
    min: total.minCents,
    expected: total.expectedCents,
    max: total.maxCents,
    complete: total.unknownCount === 0,
    unknownCount: total.unknownCount,
    unknownNames: total.unknownNames,
  };
}
