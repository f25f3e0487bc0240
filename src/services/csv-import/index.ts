import type { DataSource } from 'typeorm';
import { BadInputError } from '../../schema/errors';
import type { ImportActor } from './audit-rows';
import { parseDateFormat } from './dates';
import { employees } from './employees';
import { heldCertifications } from './held-certifications';
import type { ImportKindHandler, ImportPhase } from './kind';
import { ImportKind, ImportMode, type ImportReport } from './report';
import { runImport } from './run-import';
import { teams } from './teams';

export { ImportAction, ImportKind, ImportMode } from './report';
export type { ImportReport, ImportRowResult } from './report';
export type { ImportActor } from './audit-rows';
export type { ImportPhase } from './kind';

/**
 * What the GraphQL mutation accepts; larger files go through `npm run import`. The byte cap
 * sits under the 100 kB request body limit, leaving room for the JSON around the CSV.
 */
export const API_LIMITS = { maxBytes: 90_000, maxRows: 5_000 };
/** What the command line accepts: the whole file is held in memory. */
export const CLI_LIMITS = { maxBytes: 256 * 1_048_576, maxRows: 1_000_000 };

export interface ImportCsvOptions {
  kind: ImportKind;
  csv: string;
  mode: ImportMode;
  dryRun?: boolean | null;
  /** How the file writes dates other than YYYY-MM-DD, e.g. DD/MM/YYYY. */
  dateFormat?: string | null;
  actor: ImportActor;
  /** Credentials earned after this day are refused. */
  today: string;
  limits: { maxBytes: number; maxRows: number };
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

// Each handler's row types differ; the runner only passes them through.
const HANDLERS: Record<ImportKind, ImportKindHandler<any, any>> = {
  [ImportKind.TEAMS]: teams,
  [ImportKind.EMPLOYEES]: employees,
  [ImportKind.HELD_CERTIFICATIONS]: heldCertifications,
};

/**
 * Imports one CSV file of teams, employees or held certifications and reports every row:
 * CREATE, UPDATE, UNCHANGED or ERROR with the reason. Throws BAD_USER_INPUT (nothing read)
 * when the file is too large, cannot be read as CSV or lacks a required column.
 */
export async function importCsv(db: DataSource, options: ImportCsvOptions): Promise<ImportReport> {
  const bytes = Buffer.byteLength(options.csv, 'utf8');
  if (bytes > options.limits.maxBytes) {
    throw new BadInputError(
      'csv',
      `is ${bytes} bytes; at most ${options.limits.maxBytes} are accepted here`,
    );
  }
  const dryRun = options.dryRun ?? false;
  return runImport(
    db,
    HANDLERS[options.kind],
    {
      kind: options.kind,
      csv: options.csv,
      mode: options.mode,
      dryRun,
      maxRows: options.limits.maxRows,
    },
    {
      today: options.today,
      dateFormat: options.dateFormat ? parseDateFormat(options.dateFormat) : null,
      actor: options.actor,
      lock: !dryRun,
      progress: options.onProgress ?? (() => undefined),
    },
  );
}
