import type { EntityManager } from 'typeorm';
import type { ImportActor } from './audit-rows';
import type { DateFormat } from './dates';
import type { ColumnSpec, CsvRow } from './read-csv';
import type { ImportRowResult, PlannedRow } from './report';

export type ImportPhase = 'check' | 'write';

export interface ImportSettings {
  /** The last day a credential may have been earned on. */
  today: string;
  dateFormat: DateFormat | null;
  actor: ImportActor;
  /** Lock the existing rows an import will update; off for a dry run. */
  lock: boolean;
  /** Rows checked, then rows written, so far; for a progress bar. */
  progress: (phase: ImportPhase, done: number, total: number) => void;
}

/** A row that passed the checks that need no database, with its parsed values. */
export interface ParsedRow<P> {
  line: number;
  value: P;
}

/** What one kind of record (teams, employees, ...) brings to the common import. */
export interface ImportKindHandler<P, W> {
  columns: ColumnSpec[];
  /** Extra header rules, such as "one of team and teamId". Throws BAD_USER_INPUT. */
  checkHeader?(fields: Set<string>): void;
  /** Reads and validates one row's cells; throws BadInputError with the reason. */
  parse(cells: CsvRow['cells'], settings: ImportSettings): P;
  /** Rows with the same key describe the same record. */
  key(value: P): string;
  /** Looks up what the rows refer to and decides each row's action, in bulk. */
  plan(
    tx: EntityManager,
    rows: Array<ParsedRow<P>>,
    settings: ImportSettings,
  ): Promise<Array<PlannedRow<W> | ImportRowResult>>;
  /** Writes the CREATE and UPDATE rows with a few multi-row statements, and their audit. */
  write(tx: EntityManager, rows: Array<PlannedRow<W>>, settings: ImportSettings): Promise<void>;
}
