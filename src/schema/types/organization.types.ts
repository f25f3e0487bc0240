import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ExperienceLevel, Priority } from '../enums';
import { CalendarDateScalar } from '../scalars/calendar-date.scalar';

export enum CredentialStatus {
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  NOT_YET_EARNED = 'NOT_YET_EARNED',
}
registerEnumType(CredentialStatus, {
  name: 'CredentialStatus',
  description: 'A held certification on a given day.',
});

@ObjectType('Team', {
  description: 'A node of the organization tree: department > team > sub-team.',
})
export class TeamType {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  name: string;

  parentId: number | null;
  managerId: number | null;
}

@ObjectType('Employee')
export class EmployeeType {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => ExperienceLevel)
  experienceLevel: ExperienceLevel;

  @Field(() => CalendarDateScalar)
  hireDate: string;

  teamId: number;
}

@ObjectType('HeldCertification', {
  description: "An employee's credential; a renewal is a new one.",
})
export class HeldCertificationType {
  @Field(() => ID)
  id: number;

  @Field(() => CalendarDateScalar)
  earnedOn: string;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: 'Null when it never expires (lifetime) or the catalog does not know its validity.',
  })
  expiresOn: string | null;

  @Field(() => String, { nullable: true })
  credentialId: string | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  revokedOn: string | null;

  @Field(() => String, { nullable: true })
  revokeReason: string | null;

  employeeId: number;
  certificationId: number;
}

@ObjectType('TeamRequirement', {
  description: 'The team needs at least minHolders people holding the certification (or skill).',
})
export class TeamRequirementType {
  @Field(() => ID)
  id: number;

  @Field(() => Int)
  minHolders: number;

  @Field(() => Priority)
  priority: Priority;

  teamId: number;
  certificationId: number | null;
  skillId: number | null;
}

@ObjectType('CareerGoal')
export class CareerGoalType {
  @Field(() => ID)
  id: number;

  @Field(() => CalendarDateScalar, { nullable: true })
  targetDate: string | null;

  employeeId: number;
  careerRoleId: number;
}

@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('EmployeeEdge')
export class EmployeeEdgeType {
  @Field(() => String)
  cursor: string;

  @Field(() => EmployeeType)
  node: EmployeeType;
}

@ObjectType('EmployeeConnection')
export class EmployeeConnectionType {
  @Field(() => [EmployeeEdgeType])
  edges: EmployeeEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int, { description: 'All employees in scope, across pages.' })
  totalCount: number;
}
