import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../schema/context';
import { CalendarDateScalar } from '../schema/scalars/calendar-date.scalar';
import { RequirementCoverageType, TeamCoverageType } from '../schema/types/coverage.types';
import { EmployeeType, TeamRequirementType, TeamType } from '../schema/types/organization.types';
import {
  requirementCoverage,
  requirementGaps,
  type RequirementCoverageRow,
} from '../services/coverage.service';
import { assertTeamVisible } from '../services/scope';
import * as valid from '../services/validate';

/** The requirement itself, as the organization API shows it; no query needed. */
export function requirementOf(row: RequirementCoverageRow): TeamRequirementType {
  return {
    id: row.requirementId,
    teamId: row.teamId,
    certificationId: row.certificationId,
    skillId: row.skillId,
    minHolders: row.required,
    priority: row.priority,
  };
}

function toCoverage(row: RequirementCoverageRow): RequirementCoverageType {
  return {
    requirement: requirementOf(row),
    coverage: row.coverage,
    required: row.required,
    gap: row.gap,
    met: row.gap === 0,
    holderIds: row.holderIds,
  };
}

/** Employees by id, in the order given, through the request's batching loader. */
export async function employeesByIds(
  loaders: Context['loaders'],
  ids: number[],
): Promise<EmployeeType[]> {
  const employees = await Promise.all(ids.map((id) => loaders.employee.load(id)));
  return employees.filter((employee) => employee !== null);
}

@Resolver()
export class CoverageQueryResolver {
  @Query(() => TeamCoverageType, {
    description: 'Coverage on asOf (default today) of the requirements of a team and below it.',
  })
  async coverage(
    @Ctx() { db, today, scope }: Context,
    @Arg('teamId', () => ID) teamId: string,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: string | null,
    @Arg('teamOnly', () => Boolean, { defaultValue: false }) teamOnly: boolean,
  ): Promise<TeamCoverageType> {
    const id = valid.id('teamId', teamId);
    assertTeamVisible(await scope(), id);
    const day = asOf ?? today;
    const rows = await requirementCoverage(db, id, day, { teamOnly });
    return {
      teamId: id,
      asOf: day,
      teamOnly,
      requirements: rows.map(toCoverage),
      requirementCount: rows.length,
      metCount: rows.filter((row) => row.gap === 0).length,
      totalGap: rows.reduce((sum, row) => sum + row.gap, 0),
    };
  }

  @Query(() => [RequirementCoverageType], {
    description: 'Unmet requirements: CRITICAL first, then the larger gap, then requirement id.',
  })
  async gaps(
    @Ctx() { db, today, scope }: Context,
    @Arg('teamId', () => ID) teamId: string,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: string | null,
    @Arg('teamOnly', () => Boolean, { defaultValue: false }) teamOnly: boolean,
  ): Promise<RequirementCoverageType[]> {
    const id = valid.id('teamId', teamId);
    assertTeamVisible(await scope(), id);
    const rows = await requirementGaps(db, id, asOf ?? today, {
      teamOnly,
    });
    return rows.map(toCoverage);
  }
}

@Resolver(() => TeamCoverageType)
export class TeamCoverageResolver {
  @FieldResolver(() => TeamType)
  team(@Root() coverage: TeamCoverageType, @Ctx() { loaders }: Context) {
    return loaders.team.load(coverage.teamId);
  }
}

@Resolver(() => RequirementCoverageType)
export class RequirementCoverageResolver {
  @FieldResolver(() => [EmployeeType], { description: 'By id.' })
  holders(@Root() coverage: RequirementCoverageType, @Ctx() { loaders }: Context) {
    return employeesByIds(loaders, coverage.holderIds);
  }
}
