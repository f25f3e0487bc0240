import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../schema/context';
import { CalendarDateScalar } from '../schema/scalars/calendar-date.scalar';
import { EmployeeType, TeamType } from '../schema/types/organization.types';
import { BudgetChangeArgs } from '../schema/types/planning-inputs.types';
import {
  BudgetComparisonType,
  LeaverImpactType,
  LeaverRequirementImpactType,
  SinglePointOfFailureType,
} from '../schema/types/what-if.types';
import { assertTeamVisible } from '../services/scope';
import * as valid from '../services/validate';
import { budgetChange, ifPeopleLeave, singlePointsOfFailure } from '../services/what-if.service';
import { employeesByIds, requirementOf } from './coverage.resolver';
import { estimate, optionsOf, toPlan } from './planning-mapping';

@Resolver()
export class WhatIfQueryResolver {
  @Query(() => BudgetComparisonType, {
    description: 'The optimal plans for budget and for budget + delta, side by side.',
  })
  async budgetChange(
    @Ctx() { db, today, scope }: Context,
    @Args(() => BudgetChangeArgs) args: BudgetChangeArgs,
  ): Promise<BudgetComparisonType> {
    const current = await scope();
    const teamId = valid.id('teamId', args.teamId);
    assertTeamVisible(current, teamId);
    const options = optionsOf(args, args.budget);
    const comparison = await budgetChange(db, teamId, args.asOf ?? today, options, args.delta);
    return {
      before: toPlan(comparison.before, teamId),
      after: toPlan(comparison.after, teamId),
      objectiveDelta: comparison.objectiveDelta,
      gapClosedDelta: comparison.gapClosedDelta,
      costDelta: estimate(comparison.costDelta),
    };
  }

  @Query(() => [SinglePointOfFailureType], {
    description:
      'Requirements of the team (and below) that exactly one active holder meets on asOf ' +
      '(default today). CRITICAL first, then by requirement id.',
  })
  async singlePointsOfFailure(
    @Ctx() { db, today, scope }: Context,
    @Arg('teamId', () => ID) teamIdArg: string,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: string | null,
  ): Promise<SinglePointOfFailureType[]> {
    const current = await scope();
    const teamId = valid.id('teamId', teamIdArg);
    assertTeamVisible(current, teamId);
    const found = await singlePointsOfFailure(db, teamId, asOf ?? today);
    return found.map((item) => ({
      requirement: requirementOf(item.requirement),
      required: item.requirement.required,
      met: item.requirement.gap === 0,
      gapIfHolderLeaves: item.requirement.required,
      uncoveredIfHolderLeaves: item.uncoveredIfLeaves.map(requirementOf),
      holderId: item.holderId,
    }));
  }

  @Query(() => LeaverImpactType, {
    description:
      'The requirements that break if the named people leave: at once, and by asOf + ' +
      'horizonDays once credentials expiring by then lapse (no renewals assumed).',
  })
  async ifPeopleLeave(
    @Ctx() { db, today, scope, loaders }: Context,
    @Arg('teamId', () => ID) teamIdArg: string,
    @Arg('employeeIds', () => [ID]) employeeIdArgs: string[],
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: string | null,
    @Arg('horizonDays', () => Int, { defaultValue: 180 }) horizonDays: number,
  ): Promise<LeaverImpactType> {
    const current = await scope();
    const teamId = valid.id('teamId', teamIdArg);
    assertTeamVisible(current, teamId);
    const requested = employeeIdArgs.map((id) => valid.id('employeeIds', id));
    // Only people the viewer may see count as leavers: otherwise the answer would tell a
    // viewer who sees no one (FINANCE) who is in a team and what they hold. The others come
    // back as ignored, not told apart from people outside the team.
    const people = await Promise.all(requested.map((id) => loaders.employee.load(id)));
    const visible = requested.filter((_, index) => people[index] !== null);
    const impact = await ifPeopleLeave(db, teamId, visible, asOf ?? today, horizonDays);
    const requirements = impact.requirements.map((item) => ({
      ...item,
      requirement: requirementOf(item.requirement),
      required: item.requirement.required,
      coverage: item.requirement.coverage,
    }));
    return {
      ...impact,
      ignoredEmployeeIds: [...new Set(requested.filter((id) => !impact.leaverIds.includes(id)))],
      requirements,
      breaksNowCount: requirements.filter((item) => item.breaksNow).length,
      breaksWithinHorizonCount: requirements.filter((item) => item.breaksWithinHorizon).length,
    };
  }
}

@Resolver(() => SinglePointOfFailureType)
export class SinglePointOfFailureResolver {
  @FieldResolver(() => EmployeeType, {
    nullable: true,
    description: 'The one holder; null for viewers who may not see them.',
  })
  holder(@Root() item: SinglePointOfFailureType, @Ctx() { loaders }: Context) {
    return loaders.employee.load(item.holderId);
  }
}

@Resolver(() => LeaverImpactType)
export class LeaverImpactResolver {
  @FieldResolver(() => TeamType)
  team(@Root() impact: LeaverImpactType, @Ctx() { loaders }: Context) {
    return loaders.team.load(impact.teamId);
  }

  @FieldResolver(() => [EmployeeType], {
    description: 'The named people of the team (and below) the viewer may see; by id.',
  })
  leavers(@Root() impact: LeaverImpactType, @Ctx() { loaders }: Context) {
    return employeesByIds(loaders, impact.leaverIds);
  }
}

@Resolver(() => LeaverRequirementImpactType)
export class LeaverRequirementImpactResolver {
  @FieldResolver(() => [EmployeeType], { description: 'Leavers among its holders; by id.' })
  leavingHolders(@Root() item: LeaverRequirementImpactType, @Ctx() { loaders }: Context) {
    return employeesByIds(loaders, item.leavingHolderIds);
  }
}
