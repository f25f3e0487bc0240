import { addDays, addMonths, parseDate } from './calendar';

/**
 * Fiscal quarters for the training optimizer. A fiscal year starts on the first day of
 * `startMonth` (1 = January, so the fiscal year is the calendar year) and is named by the
 * calendar year it ends in, the usual convention: with an October start, 2025-10-01 to
 * 2026-09-30 is FY2026.
 */
export interface FiscalQuarter {
  /** 0 for the quarter holding the plan's asOf, then 1, 2, ... */
  index: number;
  fiscalYear: number;
  /** 1 to 4. */
  quarter: number;
  label: string;
  startsOn: string;
  endsOn: string;
}

/** Months since year 0 of the first day of the fiscal quarter that holds `date`. */
function quarterStartMonth(date: string, startMonth: number): number {
  const day = parseDate(date);
  const months = day.year() * 12 + (day.monthValue() - 1);
  const offset = (((months - (startMonth - 1)) % 3) + 3) % 3;
  return months - offset;
}

function monthDate(months: number): string {
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

function describe(startMonths: number, startMonth: number, index: number): FiscalQuarter {
  const startsOn = monthDate(startMonths);
  // Months into the fiscal year: 0..11; the fiscal year ends in the calendar year of its
  // last month.
  const intoYear = ((((startMonths % 12) - (startMonth - 1)) % 12) + 12) % 12;
  const lastMonthOfYear = startMonths - intoYear + 11;
  const fiscalYear = Math.floor(lastMonthOfYear / 12);
  const quarter = Math.floor(intoYear / 3) + 1;
  return {
    index,
    fiscalYear,
    quarter,
    label: `FY${fiscalYear} Q${quarter}`,
    startsOn,
    endsOn: addDays(addMonths(startsOn, 3), -1),
  };
}

/** The fiscal quarters from the one holding `from` to the one holding `to`, in order. */
export function fiscalQuarters(from: string, to: string, startMonth: number): FiscalQuarter[] {
  const first = quarterStartMonth(from, startMonth);
  const last = quarterStartMonth(to, startMonth);
  const quarters: FiscalQuarter[] = [];
  for (let months = first; months <= last; months += 3) {
    quarters.push(describe(months, startMonth, quarters.length));
  }
  return quarters;
}

/**
 * The index of the quarter holding `date`, counted from the quarter holding `from`
 * (negative before it). Dates are compared by month, so this is exact on any day.
 */
export function quarterIndex(from: string, date: string, startMonth: number): number {
  return (quarterStartMonth(date, startMonth) - quarterStartMonth(from, startMonth)) / 3;
}
