import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../schema/context';
import { BadInputError } from '../schema/errors';
import { AuditLogPageType } from '../schema/types/audit.types';
import { auditEntries } from '../services/audit.service';
import { Role } from '../services/auth.service';
import { requireRole } from '../services/scope';
import * as valid from '../services/validate';

@Resolver()
export class AuditResolver {
  @Query(() => AuditLogPageType, {
    description: 'Changes made through the API, newest first. LND_ADMIN only.',
  })
  async auditLog(
    @Ctx() { db, scope }: Context,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('before', () => ID, { nullable: true, description: 'An entry id: older ones follow.' })
    before: string | null,
    @Arg('entity', () => String, { nullable: true }) entity: string | null,
  ): Promise<AuditLogPageType> {
    requireRole(await scope(), [Role.LND_ADMIN], 'reading the audit log');
    if (!Number.isInteger(first) || first < 1 || first > 500) {
      throw new BadInputError('first', 'must be between 1 and 500', first);
    }
    const page = await auditEntries(db, {
      first,
      before: before == null ? null : valid.id('before', before),
      entity,
    });
    return {
      hasNextPage: page.hasNextPage,
      entries: page.entries.map((entry) => ({
        ...entry,
        at: entry.at.toISOString(),
        before: entry.before === null ? null : JSON.stringify(entry.before),
        after: entry.after === null ? null : JSON.stringify(entry.after),
      })),
    };
  }
}
