import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../schema/context';
import { CertificationType } from '../schema/types/catalog.types';
import { EmployeeType, TeamType } from '../schema/types/organization.types';
import { OptimizerArgs } from '../schema/types/planning-inputs.types';
import {
  ExcludedCertificationType,
  OptimalTrainingPlanType,
  PlannedAssignmentType,
} from '../schema/types/planning.types';
import { optimalTrainingPlan } from '../services/budget-optimizer.service';
import { assertTeamVisible } from '../services/scope';
import * as valid from '../services/validate';
import { optionsOf, toPlan } from './planning-mapping';

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
