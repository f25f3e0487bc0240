import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../schema/context';
import { CalendarDateScalar } from '../schema/scalars/calendar-date.scalar';
import { CertificationType } from '../schema/types/catalog.types';
import { EmployeeType, TeamType } from '../schema/types/organization.types';
import {
  ExpiringCredentialType,
  RenewalExposureType,
  RequirementAtRiskType,
} from '../schema/types/renewal.types';
import { renewalExposure } from '../services/renewal-exposure.service';
import * as valid from '../services/validate';
import { employeesByIds, requirementOf } from './coverage.resolver';

@Resolver(() => RenewalExposureType)
export class RenewalExposureResolver {
  @Query(() => RenewalExposureType, {
    description:
      'Credentials of a team (and below it; the whole organization without teamId) that ' +
      'expire within horizonDays of asOf, their renewal cost, and the requirements at risk.',
  })
  async renewalExposure(
    @Ctx() { db, today, scope }: Context,
    @Arg('teamId', () => ID, { nullable: true }) teamId: string | null | undefined,
    @Arg('asOf', () => CalendarDateScalar, { nullable: true }) asOf: string | null,
    @Arg('horizonDays', () => Int, { defaultValue: 180 }) horizonDays: number,
  ): Promise<RenewalExposureType> {
    // An omitted argument arrives as undefined, an explicit null as null: both mean everyone.
    const id = teamId === null || teamId === undefined ? null : valid.id('teamId', teamId);
    const exposure = await renewalExposure(db, await scope(), id, asOf ?? today, horizonDays);
    return {
      ...exposure,
      expiring: exposure.expiring.map((item) => ({ ...item, renewalCost: item.renewalCostCents })),
      totalRenewalCost: exposure.totalRenewalCostCents,
      requirementsAtRisk: exposure.requirementsAtRisk.map((row) => ({
        ...row,
        requirement: requirementOf(row),
      })),
    };
  }

  @FieldResolver(() => TeamType, { nullable: true, description: 'Null for the organization.' })
  team(@Root() exposure: RenewalExposureType, @Ctx() { loaders }: Context) {
    return exposure.teamId === null ? null : loaders.team.load(exposure.teamId);
  }
}

@Resolver(() => ExpiringCredentialType)
export class ExpiringCredentialResolver {
  @FieldResolver(() => EmployeeType)
  holder(@Root() item: ExpiringCredentialType, @Ctx() { loaders }: Context) {
    return loaders.employee.load(item.employeeId);
  }

  @FieldResolver(() => CertificationType)
  certification(@Root() item: ExpiringCredentialType, @Ctx() { loaders }: Context) {
    return loaders.certification.load(item.certificationId);
  }
}

@Resolver(() => RequirementAtRiskType)
export class RequirementAtRiskResolver {
  @FieldResolver(() => [EmployeeType], {
    description:
      'Holders who stop counting if their expiring credentials lapse: none of their matching ' +
      'credentials lasts past the horizon. By id.',
  })
  expiringHolders(@Root() risk: RequirementAtRiskType, @Ctx() { loaders }: Context) {
    return employeesByIds(loaders, risk.expiringHolderIds);
  }
}
