import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../schema/context';
import { CalendarDateScalar } from '../schema/scalars/calendar-date.scalar';
import { toCostEstimate, toCostTotal } from '../schema/types/budget.types';
import {
  CareerPlanStepKind,
  CareerPlanStepType,
  CareerPlanType,
  RecommendationSource,
} from '../schema/types/career-plan.types';
import { CareerRoleType, CertificationType } from '../schema/types/catalog.types';
import { careerPlan } from '../services/career-plan.service';
import { OrganizationService } from '../services/organization.service';
import * as valid from '../services/validate';

@Resolver()
export class CareerPlanQueryResolver {
  @Query(() => CareerPlanType, {
    description:
      "The credentials still missing for the employee's career goal on asOf (default today), " +
      'prerequisites first, with dates, cost and whether the plan meets the target date. ' +
      'NOT_FOUND without a goal; CONFLICT when catalog prerequisites form a cycle.',
  })
  async careerPlan(
    @Ctx() { db, today, scope }: Context,
    @Arg('employeeId', () => ID) employeeId: string,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: string | null,
  ): Promise<CareerPlanType> {
    const id = valid.id('employeeId', employeeId);
    // Someone the viewer may not see has no plan they can read: NOT_FOUND, as if missing.
    await new OrganizationService(db).employee(await scope(), id);
    const plan = await careerPlan(db, id, asOf ?? today);
    return {
      employee: plan.employee,
      careerRoleId: plan.careerRoleId,
      asOf: plan.asOf,
      targetDate: plan.targetDate,
      steps: plan.steps.map(({ certification, kind, cost, ...step }, i) => ({
        ...step,
        position: i + 1,
        kind: CareerPlanStepKind[kind],
        certificationId: certification.id,
        cost: toCostEstimate(cost),
      })),
      categories: plan.categories.map((category) => ({
        rawName: category.rawName,
        source: RecommendationSource[category.source],
      })),
      totalMonths: plan.totalMonths,
      unknownDuration: plan.unknownDuration,
      cost: toCostTotal(plan.cost),
      finishesOn: plan.finishesOn,
      meetsTarget: plan.meetsTarget,
      alreadyHeldIds: plan.alreadyHeld.map((cert) => cert.id),
      alternativeIds: plan.alternatives.map((cert) => cert.id),
    };
  }
}

@Resolver(() => CareerPlanType)
export class CareerPlanResolver {
  @FieldResolver(() => CareerRoleType, { description: 'The role of the career goal.' })
  role(@Root() plan: CareerPlanType, @Ctx() { loaders }: Context) {
    return loaders.careerRole.load(plan.careerRoleId);
  }

  @FieldResolver(() => [CertificationType], {
    description: 'Recommended credentials the employee already holds active on asOf.',
  })
  alreadyHeld(@Root() plan: CareerPlanType, @Ctx() { loaders }: Context) {
    return loaders.certification.loadMany(plan.alreadyHeldIds);
  }

  @FieldResolver(() => [CertificationType], {
    description:
      "Credentials the experience level's list adds beyond the role's, offered as " +
      'alternatives: not held and not already a step.',
  })
  alternatives(@Root() plan: CareerPlanType, @Ctx() { loaders }: Context) {
    return loaders.certification.loadMany(plan.alternativeIds);
  }
}

@Resolver(() => CareerPlanStepType)
export class CareerPlanStepResolver {
  @FieldResolver(() => CertificationType)
  certification(@Root() step: CareerPlanStepType, @Ctx() { loaders }: Context) {
    return loaders.certification.load(step.certificationId);
  }
}
