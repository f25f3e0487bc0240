import { Field, Int, ObjectType } from 'type-graphql';
import { CalendarDateScalar } from '../scalars/calendar-date.scalar';
import { TeamRequirementType } from './organization.types';

@ObjectType('RequirementCoverage', {
  description: 'How many distinct people in the requirement team subtree hold it on asOf.',
})
export class RequirementCoverageType {
  @Field(() => TeamRequirementType)
  requirement: TeamRequirementType;

  @Field(() => Int, { description: 'Distinct employees holding an active matching credential.' })
  coverage: number;

  @Field(() => Int, { description: 'The minimum number of holders (minHolders).' })
  required: number;

  @Field(() => Int, { description: 'max(0, required - coverage).' })
  gap: number;

  @Field(() => Boolean)
  met: boolean;

  /** Resolved to employees (ordered by id) through the request's loader. */
  holderIds: number[];
}

@ObjectType('TeamCoverage', {
  description:
    'Coverage of every requirement on the team and the teams below it (teamOnly: its own).',
})
export class TeamCoverageType {
  @Field(() => CalendarDateScalar)
  asOf: string;

  @Field(() => Boolean)
  teamOnly: boolean;

  @Field(() => [RequirementCoverageType], { description: 'By requirement id.' })
  requirements: RequirementCoverageType[];

  @Field(() => Int)
  requirementCount: number;

  @Field(() => Int)
  metCount: number;

  @Field(() => Int, { description: 'The sum of the gaps.' })
  totalGap: number;

  teamId: number;
}
