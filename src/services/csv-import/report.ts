/** What a CSV import reads: one kind of record per file. */
export enum ImportKind {
  TEAMS = 'TEAMS',
  EMPLOYEES = 'EMPLOYEES',
  HELD_CERTIFICATIONS = 'HELD_CERTIFICATIONS',
}

export enum ImportMode {
  /** One transaction; nothing is written when any row has an error. */
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  /** One transaction with every row that has no error; the others are reported. */
  APPLY_VALID = 'APPLY_VALID',
}

export enum ImportAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
  ERROR = 'ERROR',
}

export interface ImportRowResult {
  /** The line the record starts on in the file; the header is line 1. */
  line: number;
  action: ImportAction;
  /** Why the row failed, which fields an update changes, or which line a repeat repeats. */
  reason: string | null;
}

export interface ImportReport {
  kind: ImportKind;
  mode: ImportMode;
  dryRun: boolean;
  /** Whether anything was written: false for a dry run and a refused ALL_OR_NOTHING. */
  applied: boolean;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Header names that match no column of this kind; their cells were not read. */
  ignoredColumns: string[];
  /** One result per data row, by line. */
  rows: ImportRowResult[];
}

/** A row that passed its own checks, on its way to the database. */
export interface PlannedRow<T> {
  line: number;
  action: ImportAction;
  reason: string | null;
  /** The values to write: set for CREATE and UPDATE. */
  value: T;
}

export function errorRow(line: number, reason: string): ImportRowResult {
  return { line, action: ImportAction.ERROR, reason };
}

/** "changes name, hireDate" for the fields whose values differ; null when none do. */
export function changedFields<T extends object>(before: T, after: T, fields: Array<keyof T>) {
  const changed = fields.filter((field) => before[field] !== after[field]);
  return changed.length === 0 ? null : `changes ${changed.map(String).join(', ')}`;
}
