import { describe, expect, it } from 'vitest';
import { readCsv, type ColumnSpec } from '../../src/services/csv-import/read-csv';

const COLUMNS: ColumnSpec[] = [
  { field: 'name', names: ['name', 'full name'], required: true },
  { field: 'email', names: ['email'], required: true },
  { field: 'hireDate', names: ['hire date'], required: false },
];

describe('reading an HR export', () => {
  it('takes a byte-order mark, CRLF, quoted commas and headers in any order and case', () => {
    const csv = '\ufeffE-Mail ,Full_Name,HIRE DATE\r\nada@x.io,"Lovelace, Ada",2020-01-01\r\n';
    const table = readCsv(csv.replace('E-Mail ', 'Email'), COLUMNS);
    expect([...table.fields].sort()).toEqual(['email', 'hireDate', 'name']);
    expect(table.rows).toEqual([
      {
        line: 2,
        cells: { email: 'ada@x.io', name: 'Lovelace, Ada', hireDate: '2020-01-01' },
        error: null,
      },
    ]);
  });

  it('numbers rows by the file line they start on: blank lines and multi-line cells count', () => {
    const csv = [
      'name,email,notes',
      'A,a@x.io,one',
      '',
      'B,b@x.io,"two',
      'lines"',
      'C,c@x.io,"three ""quoted"""',
    ].join('\n');
    const table = readCsv(csv, COLUMNS);
    expect(table.rows.map((row) => [row.line, row.cells.name])).toEqual([
      [2, 'A'],
      [4, 'B'],
      [6, 'C'],
    ]);
    expect(table.ignoredColumns).toEqual(['notes']);
  });

  it('flags a row with a wrong number of cells, and keeps going', () => {
    const table = readCsv('name,email\nA,a@x.io,extra\nB,b@x.io\n', COLUMNS);
    expect(table.rows.map((row) => [row.line, row.error])).toEqual([
      [2, 'has 3 cells; the header has 2'],
      [3, null],
    ]);
  });

  it('refuses a header without a required column, naming what it found', () => {
    expect(() => readCsv('name,mail\nA,a@x.io\n', COLUMNS)).toThrow(
      'csv: the header lacks the column(s) email; it has "name", "mail"',
    );
    expect(() => readCsv('', COLUMNS)).toThrow('csv: is empty');
    expect(() => readCsv('name,email,Name\n', COLUMNS)).toThrow('names the name column twice');
  });

  it('refuses text that is not CSV, with the line', () => {
    expect(() => readCsv('name,email\n"A,a@x.io\n', COLUMNS)).toThrow(
      /csv: cannot be read as CSV: .*line/i,
    );
  });
});
