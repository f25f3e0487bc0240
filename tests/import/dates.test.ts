import { describe, expect, it } from 'vitest';
import { fromExcelSerial, importDate, parseDateFormat } from '../../src/services/csv-import/dates';

const dmy = parseDateFormat('DD/MM/YYYY');
const mdy = parseDateFormat('mm/dd/yyyy');

describe('dates in imported files', () => {
  it('reads ISO dates everywhere and refuses impossible ones', () => {
    expect(importDate('hireDate', ' 2024-04-03 ', null)).toBe('2024-04-03');
    expect(importDate('hireDate', '2024-04-03', dmy)).toBe('2024-04-03');
    expect(() => importDate('hireDate', '2023-02-29', null)).toThrow(
      'hireDate: is not a calendar date (2023-02-29)',
    );
  });

  it('refuses 03/04/2024 as ambiguous without a named format', () => {
    expect(() => importDate('hireDate', '03/04/2024', null)).toThrow(
      /hireDate: is not a YYYY-MM-DD date or an Excel serial number; .* 03\/04\/2024 is ambiguous/,
    );
  });

  it('reads the layout the caller names, leading zeros optional', () => {
    expect(importDate('d', '03/04/2024', dmy)).toBe('2024-04-03');
    expect(importDate('d', '03/04/2024', mdy)).toBe('2024-03-04');
    expect(importDate('d', '3/4/2024', dmy)).toBe('2024-04-03');
    expect(importDate('d', '31.12.2024', parseDateFormat('DD.MM.YYYY'))).toBe('2024-12-31');
    expect(() => importDate('d', '13/31/2024', mdy)).toThrow(
      'd: is not a calendar date (2024-13-31)',
    );
    expect(() => importDate('d', '2024/03/04', dmy)).toThrow(
      'd: does not match the date format DD/MM/YYYY',
    );
  });

  it('refuses a format that is not DD, MM and YYYY once each', () => {
    expect(() => parseDateFormat('DD/DD/YYYY')).toThrow('dateFormat: must arrange DD, MM and YYYY');
    expect(() => parseDateFormat('YYYY-MM-DD HH')).toThrow('dateFormat:');
  });

  it('reads Excel serial numbers in the 1900 date system, leap-year bug included', () => {
    expect(fromExcelSerial('d', '1')).toBe('1900-01-01');
    expect(fromExcelSerial('d', '59')).toBe('1900-02-28');
    expect(() => fromExcelSerial('d', '60')).toThrow('1900-02-29, a day that did not exist');
    expect(fromExcelSerial('d', '61')).toBe('1900-03-01');
    expect(importDate('d', '45383', null)).toBe('2024-04-01');
    expect(importDate('d', '45383.75', dmy)).toBe('2024-04-01');
    expect(importDate('d', '2958465', null)).toBe('9999-12-31');
    expect(() => importDate('d', '0', null)).toThrow('as an Excel serial date must be from 1 to');
  });
});
