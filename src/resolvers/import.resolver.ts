import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../schema/context';
import { ImportReportType } from '../schema/types/import.types';
import { Role } from '../services/auth.service';
import { API_LIMITS, importCsv, ImportKind, ImportMode } from '../services/csv-import';
import { requireRole } from '../services/scope';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReportType, {
    description:
      'Imports a small CSV file (at most 90 kB and 5,000 rows; use `npm run import` beyond) ' +
      'and reports every row by its line. Dates are YYYY-MM-DD, Excel serial numbers, or the ' +
      'layout named by dateFormat (e.g. DD/MM/YYYY). LND_ADMIN only.',
  })
  async importCsv(
    @Ctx() { db, scope, today }: Context,
    @Arg('kind', () => ImportKind) kind: ImportKind,
    @Arg('csv', () => String) csv: string,
    @Arg('mode', () => ImportMode) mode: ImportMode,
    @Arg('dryRun', () => Boolean, { nullable: true }) dryRun: boolean | null,
    @Arg('dateFormat', () => String, { nullable: true }) dateFormat: string | null,
  ): Promise<ImportReportType> {
    const current = await scope();
    requireRole(current, [Role.LND_ADMIN], 'importCsv');
    return importCsv(db, {
      kind,
      csv,
      mode,
      dryRun,
      dateFormat,
      actor: current.viewer,
      today,
      limits: API_LIMITS,
    });
  }
}
