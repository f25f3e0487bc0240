import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../schema/context';
import { CalendarDateScalar } from '../schema/scalars/calendar-date.scalar';
import {
  RequirementTrainingPlanType,
  ShortfallReason,
  TrainingAssignmentType,
  TrainingBudgetType,
  toCostEstimate,
  toCostTotal,
} from '../schema/types/budget.types';
import { CertificationType } from '../schema/types/catalog.types';
import { TeamType } from '../schema/types/organization.types';
import {
  trainingBudget,
  type RequirementPlan,
  type TrainingAssignment,
} from '../services/training-budget.service';
import { assertTeamVisible, canSeePerson, type Scope } from '../services/scope';
import * as valid from '../services/validate';
import { requirementOf } from './coverage.resolver';

@Resolver()
export class TrainingBudgetQueryResolver {
  @Query(() => TrainingBudgetType, {
    description:
      "The cost of training people to close the team's gaps (with the teams below it unless " +
      'teamOnly) on asOf (default today). A greedy plan: eligible people first, then those ' +
      'whose career goal the credential serves, never more than the gap.',
  })
  async trainingBudget(
    @Ctx() { db, today, scope }: Context,
    @Arg('teamId', () => ID) teamId: string,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: string | null,
    @Arg('teamOnly', () => Boolean, { defaultValue: false }) teamOnly: boolean,
  ): Promise<TrainingBudgetType> {
    const current = await scope();
    const id = valid.id('teamId', teamId);
    assertTeamVisible(current, id);
    const budget = await trainingBudget(db, id, asOf ?? today, { teamOnly });
    const toAssignment = (assignment: TrainingAssignment) => assignmentFor(current, assignment);
    const unknown = budget.unknownCostAssignments.map(toAssignment);
    const requirements = budget.requirements.map(toRequirementPlan);
    return {
      teamId: budget.teamId,
      asOf: budget.asOf,
      teamOnly: budget.teamOnly,
      assignments: budget.assignments.map(toAssignment),
      unknownCost: {
        count: budget.total.unknownCount,
        names: budget.total.unknownNames,
        assignments: unknown,
      },
      total: toCostTotal(budget.total),
      requirements,
      shortfalls: requirements.filter((plan) => plan.shortfall > 0),
      peopleTrained: budget.peopleTrained,
    };
  }
}

function assignmentFor(scope: Scope, assignment: TrainingAssignment): TrainingAssignmentType {
  return {
    requirement: requirementOf(assignment.requirement),
    employee: canSeePerson(scope, assignment.employee) ? assignment.employee : null,
    certificationId: assignment.certification.id,
    cost: toCostEstimate(assignment.cost),
    servesCareerGoal: assignment.servesCareerGoal,
  };
}

function toRequirementPlan(plan: RequirementPlan): RequirementTrainingPlanType {
  return {
    requirement: requirementOf(plan.requirement),
    coverage: plan.requirement.coverage,
    gap: plan.requirement.gap,
    assigned: plan.assigned,
    credited: plan.credited,
    shortfall: plan.shortfall,
    reason: plan.reason === null ? null : ShortfallReason[plan.reason],
    explanation: plan.explanation,
    missingPrerequisites: plan.missingPrerequisites,
    levelOutOfRange: plan.levelOutOfRange,
    certificationId: plan.certification?.id ?? null,
  };
}

@Resolver(() => TrainingBudgetType)
export class TrainingBudgetResolver {
  @FieldResolver(() => TeamType)
  team(@Root() budget: TrainingBudgetType, @Ctx() { loaders }: Context) {
    return loaders.team.load(budget.teamId);
  }
}

@Resolver(() => TrainingAssignmentType)
export class TrainingAssignmentResolver {
  @FieldResolver(() => CertificationType)
  certification(@Root() assignment: TrainingAssignmentType, @Ctx() { loaders }: Context) {
    return loaders.certification.load(assignment.certificationId);
  }
}

@Resolver(() => RequirementTrainingPlanType)
export class RequirementTrainingPlanResolver {
  @FieldResolver(() => CertificationType, {
    nullable: true,
    description: 'What the plan trains for (for a skill, the one it chose); null if none exists.',
  })
  certification(@Root() plan: RequirementTrainingPlanType, @Ctx() { loaders }: Context) {
    return plan.certificationId === null ? null : loaders.certification.load(plan.certificationId);
  }
}
