import { isDeepStrictEqual } from 'node:util';
import type { DataSource } from 'typeorm';
import { BadInputError, ConflictError } from '../../schema/errors';
import { isUniqueViolation } from '../pg-errors';
import { addToGroup } from './group';
import type { ImportKindHandler, ImportSettings, ParsedRow } from './kind';
import { readCsv } from './read-csv';
import {
  errorRow,
  ImportAction,
  type ImportKind,
  ImportMode,
  type ImportReport,
  type ImportRowResult,
  type PlannedRow,
} from './report';

export interface RunOptions {
  kind: ImportKind;
  csv: string;
  mode: ImportMode;
  dryRun: boolean;
  /** Data rows one import may hold; more is refused before anything is checked. */
  maxRows: number;
}

/**
 * The import every kind shares: read the CSV, check each row on its own, report repeated
 * keys, then in one transaction look up what the rows refer to, decide each row's action
 * and, unless this is a dry run or an ALL_OR_NOTHING import with a bad row, write.
 */
export async function runImport<P, W>(
  db: DataSource,
  handler: ImportKindHandler<P, W>,
  options: RunOptions,
  settings: ImportSettings,
): Promise<ImportReport> {
  const table = readCsv(options.csv, handler.columns);
  handler.checkHeader?.(table.fields);
  if (table.rows.length > options.maxRows) {
    throw new BadInputError(
      'csv',
      `has ${table.rows.length} data rows; at most ${options.maxRows} are accepted here`,
    );
  }

  const results: ImportRowResult[] = [];
  const parsed: Array<ParsedRow<P>> = [];
  table.rows.forEach((row, index) => {
    if (index % 1000 === 0) settings.progress('check', index, table.rows.length);
    if (row.error) {
      results.push(errorRow(row.line, row.error));
      return;
    }
    try {
      parsed.push({ line: row.line, value: handler.parse(row.cells, settings) });
    } catch (error) {
      if (!(error instanceof BadInputError)) throw error;
      results.push(errorRow(row.line, error.message));
    }
  });
  settings.progress('check', table.rows.length, table.rows.length);
  const unique = withoutRepeats(handler, parsed, results);

  return db.transaction(async (tx) => {
    const planned = await handler.plan(tx, unique, settings);
    const changes: Array<PlannedRow<W>> = [];
    for (const row of planned) {
      results.push({ line: row.line, action: row.action, reason: row.reason });
      if (row.action === ImportAction.CREATE || row.action === ImportAction.UPDATE) {
        changes.push(row as PlannedRow<W>);
      }
    }
    const failed = results.filter((row) => row.action === ImportAction.ERROR).length;
    const apply = !options.dryRun && (failed === 0 || options.mode === ImportMode.APPLY_VALID);
    if (apply) await handler.write(tx, changes, settings);
    return summarize(options, results, apply && changes.length > 0, table.ignoredColumns);
  });
}

/**
 * Rows that repeat an earlier row exactly are UNCHANGED ("repeats line 3"); rows that share
 * a key but disagree are all errors, since nothing says which one is right.
 */
function withoutRepeats<P, W>(
  handler: ImportKindHandler<P, W>,
  rows: Array<ParsedRow<P>>,
  results: ImportRowResult[],
): Array<ParsedRow<P>> {
  const byKey = new Map<string, Array<ParsedRow<P>>>();
  for (const row of rows) {
    const key = handler.key(row.value);
    addToGroup(byKey, key, row);
  }
  const kept: Array<ParsedRow<P>> = [];
  for (const group of byKey.values()) {
    const [first, ...rest] = group;
    if (!first) continue;
    if (rest.every((row) => isDeepStrictEqual(row.value, first.value))) {
      kept.push(first);
      for (const row of rest) {
        results.push({
          line: row.line,
          action: ImportAction.UNCHANGED,
          reason: `repeats line ${first.line}`,
        });
      }
      continue;
    }
    const lines = group.map((row) => row.line);
    for (const row of group) {
      const others = lines.filter((line) => line !== row.line).join(', ');
      results.push(
        errorRow(row.line, `describes the same record as line(s) ${others} differently`),
      );
    }
  }
  return kept;
}

function summarize(
  options: RunOptions,
  results: ImportRowResult[],
  applied: boolean,
  ignoredColumns: string[],
): ImportReport {
  const rows = results.sort((a, b) => a.line - b.line);
  const count = (action: ImportAction) => rows.filter((row) => row.action === action).length;
  return {
    kind: options.kind,
    mode: options.mode,
    dryRun: options.dryRun,
    applied,
    rowCount: rows.length,
    created: count(ImportAction.CREATE),
    updated: count(ImportAction.UPDATE),
    unchanged: count(ImportAction.UNCHANGED),
    failed: count(ImportAction.ERROR),
    ignoredColumns,
    rows,
  };
}

/** A database error on a unique key, raised while writing: someone changed the data meanwhile. */
export function concurrentChange(error: unknown): ConflictError | null {
  if (!isUniqueViolation(error)) return null;
  return new ConflictError(
    'the data changed while the import ran (a key it creates now exists); nothing was written, ' +
      'run the import again',
  );
}
