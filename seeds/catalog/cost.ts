import type { CostKind, DurationUnit, ValidityKind } from './parse';

export interface CostModel {
  costKind: CostKind;
  costLowCents: number | null;
  costHighCents: number | null;
  durationMin: number | null;
  durationMax: number | null;
  durationUnit: DurationUnit | null;
  durationPerCourse: boolean;
  /** How many courses the credential has; only a per-course fee needs it. */
  courseCount: number | null;
}

export interface CostEstimate {
  minCents: number;
  expectedCents: number;
  maxCents: number;
}

/**
 * The cost of earning a credential, in integer USD cents, or null when the guide does not
 * give enough to know it:
 * - ONE_TIME ("$300"): min, expected and max are all the fee.
 * - MONTHLY ("$39/month", "3-6 months"): the fee times the minimum months, times the midpoint
 *   rounded up to a whole month, and times the maximum months (3-6 months: 3, 5, 6). The
 *   preparation duration must be in months; otherwise the estimate is unknown.
 * - PER_COURSE ("$50-200 per course"): the course count times the low fee, times the midpoint
 *   fee (rounded half up to a cent), and times the high fee.
 * - UNKNOWN: null. Unknown is not zero.
 */
export function estimateCost(c: CostModel): CostEstimate | null {
  const { costLowCents: low, costHighCents: high } = c;
  if (low === null || high === null) return null;

  switch (c.costKind) {
    case 'ONE_TIME':
      return { minCents: low, expectedCents: low, maxCents: low };
    case 'MONTHLY': {
      const { durationMin: min, durationMax: max } = c;
      if (min === null || max === null || c.durationUnit !== 'MONTH' || c.durationPerCourse) {
        return null;
      }
      return {
        minCents: low * min,
        expectedCents: low * Math.ceil((min + max) / 2),
        maxCents: low * max,
      };
    }
    case 'PER_COURSE': {
      const courses = c.courseCount;
      if (courses === null || courses <= 0) return null;
      // Cents are integers, so the midpoint is whole or ends in .5; this rounds .5 up.
      const midpoint = Math.floor((low + high + 1) / 2);
      return {
        minCents: courses * low,
        expectedCents: courses * midpoint,
        maxCents: courses * high,
      };
    }
    case 'UNKNOWN':
      return null;
  }
}

export interface RenewalModel {
  costKind: CostKind;
  costLowCents: number | null;
  validityKind: ValidityKind;
}

/**
 * What keeping a credential costs when it expires, in cents: an exam-based credential
 * (one-time fee) with a fixed validity is renewed by passing the exam again, so the exam fee;
 * a lifetime credential costs nothing; anything else (unknown validity, or a fixed validity on
 * a subscription or per-course credential, which the guide gives no renewal rule for) is null.
 */
export function renewalCostCents(c: RenewalModel): number | null {
  if (c.validityKind === 'LIFETIME') return 0;
  if (c.validityKind === 'FIXED' && c.costKind === 'ONE_TIME') return c.costLowCents;
  return null;
}
