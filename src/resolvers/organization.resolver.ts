import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../schema/context';
import { CalendarDateScalar } from '../schema/scalars/calendar-date.scalar';
import { CareerRoleType, CertificationType, SkillType } from '../schema/types/catalog.types';
import {
  CareerGoalType,
  CredentialStatus,
  EmployeeConnectionType,
  EmployeeType,
  HeldCertificationType,
  TeamRequirementType,
  TeamType,
} from '../schema/types/organization.types';
import { credentialStatus } from '../services/credential-status';
import { catalogPrimer, primeHeld } from '../services/employee-reads';
import { selectsPath } from '../services/field-selection';
import { encodeCursor, OrganizationService } from '../services/organization.service';
import * as valid from '../services/validate';

@Resolver()
export class OrganizationQueryResolver {
  @Query(() => [TeamType], { description: 'The top of the team tree; walk down with children.' })
  async teams(@Ctx() { db, scope }: Context) {
    return new OrganizationService(db).rootTeams(await scope());
  }

  @Query(() => TeamType)
  async team(@Ctx() { db, scope }: Context, @Arg('id', () => ID) id: string) {
    return new OrganizationService(db).team(await scope(), valid.id('id', id));
  }

  @Query(() => EmployeeType)
  async employee(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID) id: string,
  ) {
    return employeeWithLookAhead(ctx, info, valid.id('id', id));
  }

  @Query(() => EmployeeType, { description: 'The signed-in employee.' })
  async me(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return employeeWithLookAhead(ctx, info, (await ctx.scope()).viewer.employeeId);
  }

  @Query(() => EmployeeConnectionType, {
    description: 'Employees of a team and, unless teamOnly, of every team below it; by id.',
  })
  employees(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('teamId', () => ID) teamId: string,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('teamOnly', () => Boolean, { defaultValue: false }) teamOnly: boolean,
  ) {
    return employeeConnection(ctx, info, teamId, { first, after, teamOnly });
  }
}

/**
 * Gives a row read as plain JSON the prototype of its GraphQL type. type-graphql copies a
 * root that is not an instance of the resolver's type into a new one, twice on every field
 * resolver call; an instance is used as it is.
 */
function asType<T extends object>(type: new () => T, row: object): T {
  if (!(row instanceof type)) Object.setPrototypeOf(row, type.prototype);
  return row as T;
}

/** The employee; their certifications come in the same statement when the query wants them. */
async function employeeWithLookAhead(
  { db, scope, loaders }: Context,
  info: GraphQLResolveInfo,
  id: number,
) {
  const service = new OrganizationService(db);
  const read = await service.employeeRead(await scope(), id, selectsPath(info, ['certifications']));
  const employee = primeHeld(
    loaders.heldCertifications,
    read,
    catalogPrimer(loaders.certification),
  );
  return asType(EmployeeType, employee);
}

async function employeeConnection(
  { db, scope, loaders }: Context,
  info: GraphQLResolveInfo,
  teamId: string | number,
  options: { first: number; after: string | null; teamOnly: boolean },
): Promise<EmployeeConnectionType> {
  const page = await new OrganizationService(db).employees(
    await scope(),
    valid.id('teamId', teamId),
    options,
    loaders.employeePages,
    selectsPath(info, ['edges', 'node', 'certifications']),
  );
  const edges = page.employees.map((read) => {
    const node = asType(EmployeeType, primeHeld(loaders.heldCertifications, read));
    return { cursor: encodeCursor(node.id), node };
  });
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: page.totalCount,
  };
}

@Resolver(() => TeamType)
export class TeamResolver {
  @FieldResolver(() => TeamType, { nullable: true })
  parent(@Root() team: TeamType, @Ctx() { loaders }: Context) {
    return team.parentId === null ? null : loaders.team.load(team.parentId);
  }

  @FieldResolver(() => [TeamType])
  children(@Root() team: TeamType, @Ctx() { loaders }: Context) {
    return loaders.teamChildren.load(team.id);
  }

  @FieldResolver(() => EmployeeType, { nullable: true })
  manager(@Root() team: TeamType, @Ctx() { loaders }: Context) {
    return team.managerId === null ? null : loaders.employee.load(team.managerId);
  }

  @FieldResolver(() => [TeamRequirementType], { description: "This team's own requirements." })
  requirements(@Root() team: TeamType, @Ctx() { loaders }: Context) {
    return loaders.teamRequirements.load(team.id);
  }

  @FieldResolver(() => EmployeeConnectionType)
  employees(
    @Root() team: TeamType,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('teamOnly', () => Boolean, { defaultValue: false }) teamOnly: boolean,
  ) {
    return employeeConnection(ctx, info, team.id, { first, after, teamOnly });
  }
}

@Resolver(() => EmployeeType)
export class EmployeeResolver {
  @FieldResolver(() => TeamType)
  team(@Root() employee: EmployeeType, @Ctx() { loaders }: Context) {
    return loaders.team.load(employee.teamId);
  }

  @FieldResolver(() => [TeamType], { description: 'Teams this person manages.' })
  managedTeams(@Root() employee: EmployeeType, @Ctx() { loaders }: Context) {
    return loaders.managedTeams.load(employee.id);
  }

  @FieldResolver(() => [HeldCertificationType], {
    description: 'Newest first. With activeOn, only those active on that day.',
  })
  certifications(
    @Root() employee: EmployeeType,
    @Ctx() { loaders }: Context,
    @Arg('activeOn', () => CalendarDateScalar, { nullable: true }) activeOn: string | null,
  ) {
    const pick = (held: HeldCertificationType[]) => {
      for (const h of held) asType(HeldCertificationType, h);
      return activeOn === null
        ? held
        : held.filter((h) => credentialStatus(h, activeOn) === CredentialStatus.ACTIVE);
    };
    // Synchronous when the list was read along with the employee: no promise per person.
    const held = loaders.heldCertifications.get(employee.id);
    return held instanceof Promise ? held.then(pick) : pick(held);
  }

  @FieldResolver(() => CareerGoalType, { nullable: true })
  async careerGoal(@Root() employee: EmployeeType, @Ctx() { loaders }: Context) {
    return (await loaders.careerGoal.load(employee.id))[0] ?? null;
  }
}

@Resolver(() => HeldCertificationType)
export class HeldCertificationResolver {
  @FieldResolver(() => CertificationType)
  certification(@Root() held: HeldCertificationType, @Ctx() { loaders }: Context) {
    return loaders.certification.get(held.certificationId);
  }

  @FieldResolver(() => EmployeeType)
  employee(@Root() held: HeldCertificationType, @Ctx() { loaders }: Context) {
    return loaders.employee.load(held.employeeId);
  }

  @FieldResolver(() => CredentialStatus, { description: 'Its state on asOf (default today).' })
  status(
    @Root() held: HeldCertificationType,
    @Ctx() { today }: Context,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: string | null,
  ): CredentialStatus {
    return credentialStatus(held, asOf ?? today);
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the catalog does not know how long it stays valid (no expiresOn).',
  })
  async validityUnknown(@Root() held: HeldCertificationType, @Ctx() { loaders }: Context) {
    const cert = await loaders.certification.load(held.certificationId);
    return held.expiresOn === null && cert?.validityKind === 'UNKNOWN';
  }
}

@Resolver(() => TeamRequirementType)
export class TeamRequirementResolver {
  @FieldResolver(() => TeamType)
  team(@Root() requirement: TeamRequirementType, @Ctx() { loaders }: Context) {
    return loaders.team.load(requirement.teamId);
  }

  @FieldResolver(() => CertificationType, { nullable: true })
  certification(@Root() requirement: TeamRequirementType, @Ctx() { loaders }: Context) {
    const id = requirement.certificationId;
    return id === null ? null : loaders.certification.load(id);
  }

  @FieldResolver(() => SkillType, { nullable: true })
  skill(@Root() requirement: TeamRequirementType, @Ctx() { loaders }: Context) {
    return requirement.skillId === null ? null : loaders.skill.load(requirement.skillId);
  }
}

@Resolver(() => CareerGoalType)
export class CareerGoalResolver {
  @FieldResolver(() => CareerRoleType)
  role(@Root() goal: CareerGoalType, @Ctx() { loaders }: Context) {
    return loaders.careerRole.load(goal.careerRoleId);
  }

  @FieldResolver(() => EmployeeType)
  employee(@Root() goal: CareerGoalType, @Ctx() { loaders }: Context) {
    return loaders.employee.load(goal.employeeId);
  }
}
