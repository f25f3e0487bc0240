import { describe, expect, it } from 'vitest';
import { estimateCost, renewalCostCents, type CostModel } from '../../seeds/catalog/cost';

function model(overrides: Partial<CostModel>): CostModel {
  return {
    costKind: 'ONE_TIME',
    costLowCents: 30000,
    costHighCents: 30000,
    durationMin: 3,
    durationMax: 6,
    durationUnit: 'MONTH',
    durationPerCourse: false,
    courseCount: null,
    ...overrides,
  };
}

describe('estimateCost', () => {
  it('gives the fee three times for a one-time fee', () => {
    expect(estimateCost(model({}))).toEqual({
      minCents: 30000,
      expectedCents: 30000,
      maxCents: 30000,
    });
  });

  it('multiplies a monthly fee by 3, 5 and 6 months for 3-6 months', () => {
    // $39 x 3 = $117; midpoint 4.5 rounds up to 5 months: $195; x 6 = $234.
    const ibm = model({ costKind: 'MONTHLY', costLowCents: 3900, costHighCents: 3900 });
    expect(estimateCost(ibm)).toEqual({ minCents: 11700, expectedCents: 19500, maxCents: 23400 });
  });

  it('uses the exact midpoint when the month range has one', () => {
    // $25 x 6 = $150, x 9 = $225, x 12 = $300.
    const datacamp = model({
      costKind: 'MONTHLY',
      costLowCents: 2500,
      costHighCents: 2500,
      durationMin: 6,
      durationMax: 12,
    });
    expect(estimateCost(datacamp)).toEqual({
      minCents: 15000,
      expectedCents: 22500,
      maxCents: 30000,
    });
  });

  it('multiplies the per-course low, midpoint and high fee by the course count', () => {
    // 9 courses x $50 = $450; midpoint $125 x 9 = $1,125; 9 x $200 = $1,800.
    const nvidia = model({
      costKind: 'PER_COURSE',
      costLowCents: 5000,
      costHighCents: 20000,
      durationMin: 1,
      durationMax: 3,
      durationUnit: 'DAY',
      durationPerCourse: true,
      courseCount: 9,
    });
    expect(estimateCost(nvidia)).toEqual({
      minCents: 45000,
      expectedCents: 112500,
      maxCents: 180000,
    });
  });

  it('rounds a half-cent per-course midpoint up', () => {
    // Midpoint of 1001 and 2000 cents is 1500.5, rounded up to 1501; x 2 courses.
    const odd = model({
      costKind: 'PER_COURSE',
      costLowCents: 1001,
      costHighCents: 2000,
      courseCount: 2,
    });
    expect(estimateCost(odd)).toEqual({ minCents: 2002, expectedCents: 3002, maxCents: 4000 });
  });

  it('is unknown when the cost is unknown', () => {
    expect(
      estimateCost(model({ costKind: 'UNKNOWN', costLowCents: null, costHighCents: null })),
    ).toBeNull();
  });

  it('is unknown for a monthly fee without a duration in months', () => {
    const base = { costKind: 'MONTHLY' as const, costLowCents: 3900, costHighCents: 3900 };
    expect(estimateCost(model({ ...base, durationMin: null, durationMax: null }))).toBeNull();
    expect(estimateCost(model({ ...base, durationUnit: 'WEEK' }))).toBeNull();
  });

  it('is unknown for a per-course fee without a course count', () => {
    expect(estimateCost(model({ costKind: 'PER_COURSE', courseCount: null }))).toBeNull();
  });
});

describe('renewalCostCents', () => {
  it('is the exam fee again for an exam with a fixed validity', () => {
    expect(
      renewalCostCents({ costKind: 'ONE_TIME', costLowCents: 30000, validityKind: 'FIXED' }),
    ).toBe(30000);
  });

  it('is zero for a lifetime credential', () => {
    expect(
      renewalCostCents({ costKind: 'MONTHLY', costLowCents: 3900, validityKind: 'LIFETIME' }),
    ).toBe(0);
  });

  it('is unknown when the validity is unknown', () => {
    const mit = { costKind: 'ONE_TIME', costLowCents: 135000, validityKind: 'UNKNOWN' } as const;
    expect(renewalCostCents(mit)).toBeNull();
  });
});
