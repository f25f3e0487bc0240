/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone shifts a day.
 * The API speaks calendar dates; so does this file.
 */

export interface Month {
  /** `YYYY-MM` */
  key: string;
  label: string;
}

const MONTH_LABEL = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function parse(date: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a calendar date: ${date}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar month of asOf and the next eleven. */
export function twelveMonths(asOf: string): Month[] {
  const start = parse(asOf);
  return Array.from({ length: 12 }, (_, i) => {
    const first = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1));
    return { key: iso(first).slice(0, 7), label: MONTH_LABEL.format(first) };
  });
}

/**
 * Days from asOf to the last day of the twelfth month, the renewal horizon: whole calendar
 * months make bars that compare, where a flat 365 days would add a sliver of a thirteenth.
 */
export function horizonDays(asOf: string): number {
  const start = parse(asOf);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 12, 0));
  return Math.round((end.getTime() - start.getTime()) / 86_400_000);
}
