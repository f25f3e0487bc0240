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
import { Role, type Viewer } from '../services/auth.service';
import { OrganizationService } from '../services/organization.service';
import { requireRole } from '../services/scope';
import * as valid from '../services/validate';

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

/** Checks that the viewer is an L&D administrator and returns them, for the audit log. */
async function administrator({ scope }: Context, action: string): Promise<Viewer> {
  const current = await scope();
  requireRole(current, [Role.LND_ADMIN], action);
  return current.viewer;
}

@Resolver()
export class OrganizationMutationResolver {
  @Mutation(() => EmployeeType, { description: 'LND_ADMIN only.' })
  async createEmployee(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateEmployeeInput) input: CreateEmployeeInput,
  ) {
    const actor = await administrator(ctx, 'createEmployee');
    return new EmployeeService(ctx.db).create(actor, input);
  }

  @Mutation(() => EmployeeType, { description: 'LND_ADMIN only.' })
  async updateEmployee(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateEmployeeInput) input: UpdateEmployeeInput,
  ) {
    const actor = await administrator(ctx, 'updateEmployee');
    return new EmployeeService(ctx.db).update(actor, id, input);
  }

  @Mutation(() => HeldCertificationType, {
    description: 'Records a credential an employee earned. LND_ADMIN only.',
  })
  async recordCertification(
    @Ctx() ctx: Context,
    @Arg('input', () => RecordCertificationInput) input: RecordCertificationInput,
  ) {
    const actor = await administrator(ctx, 'recordCertification');
    return new HeldCertificationService(ctx.db).record(actor, input, ctx.today);
  }

  @Mutation(() => HeldCertificationType, {
    description: 'Revokes a held certification; it stays on record and stops counting. LND_ADMIN.',
  })
  async revokeCertification(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('revokedOn', () => CalendarDateScalar, { nullable: true }) revokedOn: string | null,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) {
    const actor = await administrator(ctx, 'revokeCertification');
    return new HeldCertificationService(ctx.db).revoke(actor, id, {
      revokedOn: revokedOn ?? ctx.today,
      reason,
      today: ctx.today,
    });
  }

  @Mutation(() => TeamRequirementType, {
    description:
      "Creates or updates the team's requirement for a certification or skill. LND_ADMIN.",
  })
  async setTeamRequirement(
    @Ctx() ctx: Context,
    @Arg('input', () => TeamRequirementInput) input: TeamRequirementInput,
  ) {
    const actor = await administrator(ctx, 'setTeamRequirement');
    return new RequirementService(ctx.db).setTeamRequirement(actor, input);
  }

  @Mutation(() => Boolean, { description: 'LND_ADMIN only.' })
  async removeTeamRequirement(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    const actor = await administrator(ctx, 'removeTeamRequirement');
    return new RequirementService(ctx.db).removeTeamRequirement(actor, id);
  }

  @Mutation(() => CareerGoalType, {
    description: 'Anyone for themself; a MANAGER for the people of their teams; LND_ADMIN for all.',
  })
  async setCareerGoal(
    @Ctx() { db, scope }: Context,
    @Arg('input', () => CareerGoalInput) input: CareerGoalInput,
  ) {
    const current = await scope();
    const employee = await new OrganizationService(db).employee(
      current,
      valid.id('employeeId', input.employeeId),
    );
    const own = employee.id === current.viewer.employeeId;
    if (!own) requireRole(current, [Role.MANAGER, Role.LND_ADMIN], "setting another person's goal");
    return new RequirementService(db).setCareerGoal(current.viewer, input);
  }
}
