import { Router, type Request, type Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import { AppError, BadInputError } from '../schema/errors';
import { createContext } from '../schema/create-context';
import type { Authenticator } from './auth.service';
import {
  requirementCoverage,
  requirementGaps,
  type RequirementCoverageRow,
} from './coverage.service';
import { renewalExposure } from './renewal-exposure.service';
import { assertTeamVisible, type Scope } from './scope';
import * as valid from './validate';

export type ExportReport = 'coverage' | 'gaps' | 'renewal-exposure';
export const EXPORT_REPORTS: ExportReport[] = ['coverage', 'gaps', 'renewal-exposure'];

/** The query string of an export, as text: `teamId`, `asOf`, `teamOnly`, `horizonDays`. */
export type ExportParams = Record<string, string | undefined>;

export interface ExportTable {
  columns: string[];
  rows: Array<Array<string | number | boolean | null>>;
}

const REQUIREMENT_COLUMNS = [
  'requirement_id',
  'team_id',
  'team_name',
  'certification_slug',
  'skill_slug',
  'priority',
  'required',
  'coverage',
  'gap',
  'met',
];

/**
 * One report as a table, for the viewer's scope, with the same checks as the GraphQL
 * queries: a team out of scope is NOT_FOUND, a bad parameter BAD_USER_INPUT.
 */
export async function exportTable(
  db: DataSource,
  scope: Scope,
  today: string,
  report: ExportReport,
  params: ExportParams,
): Promise<ExportTable> {
  const asOf = params.asOf ? valid.date('asOf', params.asOf) : today;
  const teamOnly = flag('teamOnly', params.teamOnly);
  if (report === 'renewal-exposure') return renewalTable(db, scope, asOf, params);

  if (!params.teamId) throw new BadInputError('teamId', 'is required for this report');
  const teamId = valid.id('teamId', params.teamId);
  assertTeamVisible(scope, teamId);
  const rows =
    report === 'coverage'
      ? await requirementCoverage(db, teamId, asOf, { teamOnly })
      : await requirementGaps(db, teamId, asOf, { teamOnly });
  return { columns: REQUIREMENT_COLUMNS, rows: await requirementRows(db, rows) };
}

async function requirementRows(db: DataSource, rows: RequirementCoverageRow[]) {
  const names: Array<{ id: number; team: string; cert: string | null; skill: string | null }> =
    await db.query(
      `SELECT r.id, t.name AS team, c.slug AS cert, s.slug AS skill
         FROM team_requirement r JOIN team t ON t.id = r.team_id
         LEFT JOIN certification c ON c.id = r.certification_id
         LEFT JOIN skill s ON s.id = r.skill_id
        WHERE r.id = ANY($1)`,
      [rows.map((row) => row.requirementId)],
    );
  const byId = new Map(names.map((name) => [name.id, name]));
  return rows.map((row) => {
    const name = byId.get(row.requirementId);
    return [
      row.requirementId,
      row.teamId,
      name?.team ?? null,
      name?.cert ?? null,
      name?.skill ?? null,
      row.priority,
      row.required,
      row.coverage,
      row.gap,
      row.gap === 0,
    ];
  });
}

async function renewalTable(
  db: DataSource,
  scope: Scope,
  asOf: string,
  params: ExportParams,
): Promise<ExportTable> {
  const teamId = params.teamId ? valid.id('teamId', params.teamId) : null;
  // An absent or empty parameter takes the default; anything else must be a whole number.
  const raw = params.horizonDays;
  const horizonDays = raw === undefined || raw === '' ? 180 : Number(raw);
  const exposure = await renewalExposure(db, scope, teamId, asOf, horizonDays);
  const people: Array<{ id: number; name: string }> = await db.query(
    'SELECT id, name FROM employee WHERE id = ANY($1)',
    [exposure.expiring.map((item) => item.employeeId)],
  );
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  return {
    columns: [
      'held_certification_id',
      'employee_id',
      'employee_name',
      'team_id',
      'certification_id',
      'certification_name',
      'earned_on',
      'expires_on',
      'days_left',
      'renewal_cost_cents',
      'renewal_cost_dollars',
    ],
    rows: exposure.expiring.map((item) => [
      item.heldCertification.id,
      item.employeeId,
      nameOf.get(item.employeeId) ?? null,
      item.teamId,
      item.certificationId,
      item.certificationName,
      item.heldCertification.earnedOn,
      item.expiresOn,
      item.daysLeft,
      item.renewalCostCents,
      item.renewalCostCents === null ? null : dollars(item.renewalCostCents),
    ]),
  };
}

/** Whole cents as dollars with two decimals, without passing through a float. */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function flag(field: string, value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new BadInputError(field, 'must be true or false', value);
}

/**
 * The table as CSV with a header row. A text cell that a spreadsheet would run as a formula
 * (it starts with =, +, -, @, tab or carriage return) is prefixed with a single quote.
 */
export function toCsv(table: ExportTable): string {
  const safe = (cell: string | number | boolean | null) =>
    typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return stringify([table.columns, ...table.rows.map((row) => row.map(safe))], {
    cast: { boolean: (value) => String(value) },
  });
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/**
 * GET /export/coverage.csv, /export/gaps.csv and /export/renewal-exposure.csv: the reports
 * as CSV, for the viewer of the bearer token, with what they may see in GraphQL.
 */
export function csvExportRouter(options: {
  db: DataSource;
  authenticator: Authenticator;
  today: () => string;
  logError: (error: unknown) => void;
}): Router {
  const router = Router();
  for (const report of EXPORT_REPORTS) {
    router.get(`/${report}.csv`, async (req: Request, res: Response) => {
      try {
        const today = options.today();
        const context = await createContext(
          options.db,
          options.authenticator,
          req.headers.authorization,
          today,
        );
        const params = Object.fromEntries(
          Object.entries(req.query).map(([key, value]) => [
            key,
            typeof value === 'string' ? value : undefined,
          ]),
        );
        const table = await exportTable(options.db, await context.scope(), today, report, params);
        res
          .status(200)
          .set({
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="${report}-${params.asOf ?? today}.csv"`,
            'cache-control': 'no-store',
          })
          .send(toCsv(table));
      } catch (error) {
        const status =
          error instanceof AppError ? (STATUS[String(error.extensions.code)] ?? 500) : 500;
        if (status === 500) options.logError(error);
        const message =
          status === 500
            ? 'Internal server error; the details are in the server log.'
            : (error as Error).message;
        const code =
          status === 500 ? 'INTERNAL_SERVER_ERROR' : String((error as AppError).extensions.code);
        res.status(status).json({ errors: [{ message, extensions: { code } }] });
      }
    });
  }
  return router;
}
