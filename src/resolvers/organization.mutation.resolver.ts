import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../schema/context';
import { ExperienceLevel, Priority } from '../schema/enums';
import { CalendarDateScalar } from '../schema/scalars/calendar-date.scalar';
import {
  CareerGoalType,
  EmployeeType,
  HeldCertificationType,
  TeamRequirementType,
} from '../schema/types/organization.types';
import { EmployeeService } from '../services/employee.service';
import { HeldCertificationService } from '../services/held-certification.service';
import { RequirementService } from '../services/requirement.service';

@InputType()
class CreateEmployeeInput {
  @Field(() => String)
  name: string;

  @Field(() => String)
  email: string;

  @Field(() => ID)
  teamId: string;

  @Field(() => ExperienceLevel)
  experienceLevel: ExperienceLevel;

  @Field(() => CalendarDateScalar)
  hireDate: string;
}

@InputType({ description: 'Only the fields given change.' })
class UpdateEmployeeInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;

  @Field(() => ExperienceLevel, { nullable: true })
  experienceLevel?: ExperienceLevel | null;

  @Field(() => CalendarDateScalar, { nullable: true })
  hireDate?: string | null;
}

@InputType()
class RecordCertificationInput {
  @Field(() => ID)
  employeeId: string;

  @Field(() => String, { description: 'Catalog slug, e.g. aws_ml_specialty.' })
  certificationSlug: string;

  @Field(() => CalendarDateScalar)
  earnedOn: string;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: 'Left out: earnedOn plus the catalog validity, clamped to the month end.',
  })
  expiresOn?: string | null;

  @Field(() => String, { nullable: true })
  credentialId?: string | null;
}

@InputType({ description: 'Exactly one of certificationSlug and skillSlug.' })
class TeamRequirementInput {
  @Field(() => ID)
  teamId: string;

  @Field(() => String, { nullable: true })
  certificationSlug?: string | null;

  @Field(() => String, { nullable: true })
  skillSlug?: string | null;

  @Field(() => Int)
  minHolders: number;

  @Field(() => Priority)
  priority: Priority;
}

@InputType()
class CareerGoalInput {
  @Field(() => ID)
  employeeId: string;

  @Field(() => String, { description: 'data_scientist, ml_engineer, research_scientist, ...' })
  roleSlug: string;

  @Field(() => CalendarDateScalar, { nullable: true })
  targetDate?: string | null;
}

@Resolver()
export class OrganizationMutationResolver {
  @Mutation(() => EmployeeType)
  createEmployee(
    @Ctx() { db }: Context,
    @Arg('input', () => CreateEmployeeInput) input: CreateEmployeeInput,
  ) {
    return new EmployeeService(db).create(input);
  }

  @Mutation(() => EmployeeType)
  updateEmployee(
    @Ctx() { db }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEmployeeInput) input: UpdateEmployeeInput,
  ) {
    return new EmployeeService(db).update(id, input);
  }

  @Mutation(() => HeldCertificationType, { description: 'Records a credential an employee earned.' })
  recordCertification(
    @Ctx() { db, today }: Context,
    @Arg('input', () => RecordCertificationInput) input: RecordCertificationInput,
  ) {
    return new HeldCertificationService(db).record(input, today);
  }

  @Mutation(() => HeldCertificationType, {
    description: 'Revokes a held certification; it stays on record and stops counting.',
  })
  revokeCertification(
    @Ctx() { db, today }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('revokedOn', () => CalendarDateScalar, { nullable: true }) revokedOn: string | null,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) {
    return new HeldCertificationService(db).revoke(id, { revokedOn: revokedOn ?? today, reason });
  }

  @Mutation(() => TeamRequirementType, {
    description: "Creates or updates the team's requirement for a certification or skill.",
  })
  setTeamRequirement(
    @Ctx() { db }: Context,
    @Arg('input', () => TeamRequirementInput) input: TeamRequirementInput,
  ) {
    return new RequirementService(db).setTeamRequirement(input);
  }

  @Mutation(() => Boolean)
  removeTeamRequirement(@Ctx() { db }: Context, @Arg('id', () => ID) id: string) {
    return new RequirementService(db).removeTeamRequirement(id);
  }

  @Mutation(() => CareerGoalType)
  setCareerGoal(@Ctx() { db }: Context, @Arg('input', () => CareerGoalInput) input: CareerGoalInput) {
    return new RequirementService(db).setCareerGoal(input);
  }
}
