import { parse } from 'csv-parse/sync';
import { BadInputError } from '../../schema/errors';

/** A column the import understands: its field name and the header spellings it accepts. */
export interface ColumnSpec {
  field: string;
  /** Header names, compared without case, spaces, underscores, dashes or dots. */
  names: string[];
  required: boolean;
}

export interface CsvRow {
  /** The file line the record starts on; the header is line 1. */
  line: number;
  /** The cells by field; a field whose column the file lacks is undefined. */
  cells: Record<string, string | undefined>;
  /** Set when the record itself is malformed (a wrong number of cells). */
  error: string | null;
}

export interface CsvTable {
  /** The fields the file has a column for. */
  fields: Set<string>;
  rows: CsvRow[];
  /** Header names that match no field; kept out of the import, reported back. */
  ignoredColumns: string[];
}

/** `Hire Date`, `hire_date` and `hireDate` all read as `hiredate`. */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]/g, '');
}

/**
 * Parses CSV text with a header row: a byte-order mark, quoted cells (with commas, quotes
 * and line breaks inside) and CRLF or LF line ends are all fine; blank lines are skipped.
 * Throws BAD_USER_INPUT when the CSV cannot be read or the header lacks a required column.
 */
export function readCsv(text: string, columns: ColumnSpec[]): CsvTable {
  // One line-end convention, so that the parser's line count is the editor's line number.
  const normalized = text.replace(/\r\n?/g, '\n');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info`, each record comes as { record, info }; the typings do not follow it.
    records = parse(normalized, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    // Matched by code, not class: csv-parse's sync and async entry points are separate
    // module copies, so its error class is not the one `csv-parse` exports.
    const { code, message } = error as { code?: unknown; message?: string };
    if (String(code ?? '').startsWith('CSV_')) {
      throw new BadInputError('csv', `cannot be read as CSV: ${message}`);
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new BadInputError('csv', 'is empty; the first line must name the columns');

  const byKey = new Map(columns.flatMap((c) => c.names.map((n) => [headerKey(n), c.field])));
  const positions = new Map<string, number>();
  const ignoredColumns: string[] = [];
  header.record.forEach((name, index) => {
    const field = byKey.get(headerKey(name));
    if (!field) {
      ignoredColumns.push(name);
      return;
    }
    if (positions.has(field)) {
      throw new BadInputError('csv', `the header names the ${field} column twice ("${name}")`);
    }
    positions.set(field, index);
  });
  const missing = columns.filter((c) => c.required && !positions.has(c.field));
  if (missing.length > 0) {
    throw new BadInputError(
      'csv',
      `the header lacks the column(s) ${missing.map((c) => c.field).join(', ')}; ` +
        `it has ${header.record.map((name) => JSON.stringify(name)).join(', ')}`,
    );
  }

  const rows = body.map(({ record, info }): CsvRow => {
    // `lines` is where the record ends; a quoted cell may span several lines.
    const breaks = record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
    const cells: CsvRow['cells'] = {};
    for (const [field, index] of positions) cells[field] = record[index];
    const error =
      record.length === header.record.length
        ? null
        : `has ${record.length} cells; the header has ${header.record.length}`;
    return { line: info.lines - breaks, cells, error };
  });
  return { fields: new Set(positions.keys()), rows, ignoredColumns };
}
