import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  expiryDate,
  isValidDate,
  parseDate,
} from '../../src/services/calendar';

describe('calendar dates', () => {
  it('clamps to the month end when adding months', () => {
    expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2027-08-31', -6)).toBe('2027-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('derives expiry from validity months, none for lifetime or unknown', () => {
    expect(expiryDate('2023-08-31', 24)).toBe('2025-08-31');
    expect(expiryDate('2023-12-31', 2)).toBe('2024-02-29');
    expect(expiryDate('2023-08-31', null)).toBeNull();
  });

  it('counts days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-06-15', '2025-06-15')).toBe(0);
    expect(addDays('2024-12-31', 180)).toBe('2025-06-29');
  });

  it('rejects impossible and malformed dates', () => {
    for (const bad of ['2025-02-30', '2023-02-29', '2025-13-01', '2025-1-01', '20250101', '']) {
      expect(isValidDate(bad), bad).toBe(false);
    }
    expect(() => parseDate('2025-02-30')).toThrow('"2025-02-30" is not a calendar date');
    expect(isValidDate('2024-02-29')).toBe(true);
  });
});
