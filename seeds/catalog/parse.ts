/**
 * Pure parsers for the raw strings of the guide ("$39/month", "3-6 months", "15-20%",
 * "Lifetime", "Beginner to Advanced"). Each returns typed values or throws an Error that
 * quotes the input; a missing value (undefined or null) is UNKNOWN where the guide allows it.
 */

export type CostKind = 'ONE_TIME' | 'MONTHLY' | 'PER_COURSE' | 'UNKNOWN';
export type DurationUnit = 'DAY' | 'WEEK' | 'MONTH';
export type ValidityKind = 'FIXED' | 'LIFETIME' | 'UNKNOWN';
export type ExperienceLevel = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED';

export const EXPERIENCE_LEVELS: readonly ExperienceLevel[] = [
  'BEGINNER',
  'INTERMEDIATE',
  'ADVANCED',
];

export interface ParsedCost {
  kind: CostKind;
  /** The fee (per month or per course where the kind says so); null when unknown. */
  lowCents: number | null;
  highCents: number | null;
}

export interface ParsedDuration {
  min: number;
  max: number;
  unit: DurationUnit;
  /** "1-3 days per course": the range applies to each course, not to the whole credential. */
  perCourse: boolean;
}

export interface ParsedValidity {
  kind: ValidityKind;
  /** Months for FIXED validity, null otherwise. */
  months: number | null;
}

export interface ParsedRange {
  min: number;
  max: number;
}

export interface ParsedLevel {
  min: ExperienceLevel;
  max: ExperienceLevel;
}

export interface ParsedExamTopic {
  name: string;
  /** "20%" or "15-20%" as written, or null for a topic the guide gives no weight. */
  weightRaw: string | null;
  weight: ParsedRange | null;
}

const AMOUNT = String.raw`\$\s?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{2}))?`;
const COST_PATTERN = new RegExp(
  String.raw`^${AMOUNT}(?:\s?-\s?(?:\$\s?)?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{2}))?)?` +
    String.raw`\s*(/\s*month|per month|a month|per course|/\s*course)?$`,
  'i',
);
const NUMBER_RANGE = String.raw`(\d+)(?:\s?-\s?(\d+))?`;
const DURATION_PATTERN = new RegExp(
  String.raw`^${NUMBER_RANGE}\s+(days?|weeks?|months?)(\s+per course|\s+total)?$`,
  'i',
);
const UNITS: Record<string, DurationUnit> = { day: 'DAY', week: 'WEEK', month: 'MONTH' };

function fail(what: string, raw: string, expected: string): never {
  throw new Error(`Cannot parse ${what} ${JSON.stringify(raw)}: expected ${expected}`);
}

function toCents(whole: string, fraction: string | undefined): number {
  return Number(whole.replace(/,/g, '')) * 100 + Number(fraction ?? '0');
}

/** A range of whole numbers "a-b" or "a"; throws when a > b. */
function toRange(what: string, raw: string, low: string, high: string | undefined): ParsedRange {
  const min = Number(low);
  const max = high === undefined ? min : Number(high);
  if (min > max) fail(what, raw, 'a range whose low end is not above its high end');
  return { min, max };
}

/**
 * "$300" and "$1,350" are one-time fees, "$39/month" a monthly fee, "$50-200 per course" a
 * per-course fee range; only a per-course fee may be a range. Missing is UNKNOWN.
 */
export function parseCost(raw: string | null | undefined): ParsedCost {
  if (raw === null || raw === undefined) {
    return { kind: 'UNKNOWN', lowCents: null, highCents: null };
  }

  const match = COST_PATTERN.exec(raw.trim());
  const expected = `a dollar amount such as "$300", "$1,350", "$39/month" or "$50-200 per course"`;
  if (!match) fail('cost', raw, expected);

  const [, lowWhole, lowFraction, highWhole, highFraction, suffix] = match;
  const lowCents = toCents(lowWhole, lowFraction);
  const highCents = highWhole === undefined ? lowCents : toCents(highWhole, highFraction);
  const per = suffix?.toLowerCase() ?? '';
  const kind: CostKind = per.includes('course')
    ? 'PER_COURSE'
    : per.includes('month')
      ? 'MONTHLY'
      : 'ONE_TIME';

  if (highCents < lowCents) fail('cost', raw, 'a range whose low end is not above its high end');
  if (kind !== 'PER_COURSE' && highWhole !== undefined) {
    fail('cost', raw, 'a single fee (a range is understood only "per course")');
  }
  return { kind, lowCents, highCents };
}

/**
 * "3-6 months", "3 months", "4 weeks", "1-3 days per course", "6-12 months total".
 * Missing input is an error here: callers decide what an absent duration means.
 */
export function parseDuration(raw: string): ParsedDuration {
  const match = DURATION_PATTERN.exec(raw.trim());
  if (!match) fail('duration', raw, 'a number or range and a unit, such as "3-6 months"');

  const [, low, high, unit, qualifier] = match;
  const range = toRange('duration', raw, low, high);
  if (range.min === 0) fail('duration', raw, 'a length above zero');
  return {
    ...range,
    unit: UNITS[unit.toLowerCase().replace(/s$/, '')],
    perCourse: qualifier?.trim().toLowerCase() === 'per course',
  };
}

/** "3 years" (36 months), "18 months", "Lifetime"; missing is UNKNOWN (not lifetime). */
export function parseValidity(raw: string | null | undefined): ParsedValidity {
  if (raw === null || raw === undefined) return { kind: 'UNKNOWN', months: null };

  const text = raw.trim();
  if (/^lifetime$/i.test(text)) return { kind: 'LIFETIME', months: null };

  const match = /^(\d+)\s+(years?|months?)$/i.exec(text);
  if (!match || Number(match[1]) === 0) {
    fail('validity', raw, 'a number of years or months, or "Lifetime"');
  }
  const count = Number(match[1]);
  return { kind: 'FIXED', months: /^year/i.test(match[2]) ? count * 12 : count };
}

/** "20%" or "15-20%": whole percentages from 0 to 100. */
export function parseWeight(raw: string): ParsedRange {
  const match = new RegExp(String.raw`^${NUMBER_RANGE}\s?%$`).exec(raw.trim());
  if (!match) fail('weight', raw, 'a percentage such as "20%" or "15-20%"');

  const range = toRange('weight', raw, match[1], match[2]);
  if (range.max > 100) fail('weight', raw, 'a percentage from 0 to 100');
  return range;
}

/** "Modeling (36%)" → name and weight; a topic with no "(…%)" has no weight. */
export function parseExamTopic(raw: string): ParsedExamTopic {
  const match = /^(.*\S)\s*\(([^()]*%)\)$/.exec(raw.trim());
  if (!match) {
    if (raw.trim() === '') fail('exam topic', raw, 'a topic name');
    return { name: raw.trim(), weightRaw: null, weight: null };
  }
  return { name: match[1], weightRaw: match[2], weight: parseWeight(match[2]) };
}

function parseOneLevel(raw: string, word: string): ExperienceLevel {
  const level = word.trim().toUpperCase();
  const found = EXPERIENCE_LEVELS.find((candidate) => candidate === level);
  if (!found) {
    fail('level', raw, '"Beginner", "Intermediate" or "Advanced", or "<level> to <level>"');
  }
  return found;
}

/** "Intermediate" or "Beginner to Advanced" → the lowest and highest level. */
export function parseLevel(raw: string): ParsedLevel {
  const parts = raw.split(/\s+to\s+/i);
  if (parts.length > 2) fail('level', raw, 'at most two levels');

  const min = parseOneLevel(raw, parts[0]);
  const max = parseOneLevel(raw, parts[parts.length - 1]);
  if (EXPERIENCE_LEVELS.indexOf(min) > EXPERIENCE_LEVELS.indexOf(max)) {
    fail('level', raw, 'the lower level first');
  }
  return { min, max };
}
