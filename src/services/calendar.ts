import { DateTimeParseException, LocalDate } from '@js-joda/core';

/**
 * Calendar-date arithmetic on `YYYY-MM-DD` strings. Dates in certscope carry no time of day
 * and no zone, so they never pass through a JavaScript Date (which would shift a day in any
 * zone west of UTC). js-joda's LocalDate does the month arithmetic, clamping to month end.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class InvalidDateError extends Error {
  constructor(readonly value: string) {
    super(`"${value}" is not a calendar date; expected YYYY-MM-DD, e.g. 2025-03-31`);
  }
}

/** Parses a strict `YYYY-MM-DD` string; rejects impossible dates such as 2025-02-30. */
export function parseDate(value: string): LocalDate {
  if (!ISO_DATE.test(value)) throw new InvalidDateError(value);
  try {
    return LocalDate.parse(value);
  } catch (error) {
    if (error instanceof DateTimeParseException) throw new InvalidDateError(value);
    throw error;
  }
}

/**
 * Dates already found valid. Every date a response carries is checked on the way out, and
 * the same few thousand recur; parsing each again dominated large employee lists. Bounded.
 */
const validDates = new Set<string>();
const MAX_REMEMBERED_DATES = 50_000;

/**
 * The dates certscope accepts as input. Earlier years are typos (and PostgreSQL has no year
 * 0); later ones leave room for plans that run centuries ahead without leaving YYYY-MM-DD.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_INPUT_DATE = '2999-12-31';

/** A valid calendar date within FIRST_DATE..LAST_INPUT_DATE. */
export function isAcceptedDate(value: string): boolean {
  return isValidDate(value) && value >= FIRST_DATE && value <= LAST_INPUT_DATE;
}

export function isValidDate(value: string): boolean {
  if (validDates.has(value)) return true;
  try {
    parseDate(value);
  } catch {
    return false;
  }
  if (validDates.size >= MAX_REMEMBERED_DATES) validDates.clear();
  validDates.add(value);
  return true;
}

/** `date` plus `months`, clamped to the end of the month (2024-01-31 + 1 = 2024-02-29). */
export function addMonths(date: string, months: number): string {
  return parseDate(date).plusMonths(months).toString();
}

export function addDays(date: string, days: number): string {
  return parseDate(date).plusDays(days).toString();
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return parseDate(to).toEpochDay() - parseDate(from).toEpochDay();
}

/**
 * The expiry of a credential earned on `earnedOn` with a validity of `validityMonths`;
 * null for lifetime or unknown validity, which never expire in the analyses.
 */
export function expiryDate(earnedOn: string, validityMonths: number | null): string | null {
  return validityMonths === null ? null : addMonths(earnedOn, validityMonths);
}

/** Today in the given IANA zone (the server's configured zone), as `YYYY-MM-DD`. */
export function today(zone: string): string {
  // en-CA formats as YYYY-MM-DD; Intl carries the zone database, so no extra package is needed.
  // Building a formatter costs far more than using one, and every request asks for today.
  let format = todayFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    todayFormats.set(zone, format);
  }
  return format.format(new Date());
}

const todayFormats = new Map<string, Intl.DateTimeFormat>();
