import { describe, expect, it } from 'vitest';
import {
  parseCost,
  parseDuration,
  parseExamTopic,
  parseLevel,
  parseValidity,
  parseWeight,
} from '../../seeds/catalog/parse';

describe('parseCost', () => {
  it('reads a one-time fee in cents', () => {
    expect(parseCost('$300')).toEqual({ kind: 'ONE_TIME', lowCents: 30000, highCents: 30000 });
  });

  it('reads thousands separators', () => {
    expect(parseCost('$1,350')).toEqual({ kind: 'ONE_TIME', lowCents: 135000, highCents: 135000 });
  });

  it('reads a monthly fee as the fee per month', () => {
    expect(parseCost('$39/month')).toEqual({ kind: 'MONTHLY', lowCents: 3900, highCents: 3900 });
  });

  it('reads a per-course range', () => {
    expect(parseCost('$50-200 per course')).toEqual({
      kind: 'PER_COURSE',
      lowCents: 5000,
      highCents: 20000,
    });
  });

  it('reads cents after a decimal point', () => {
    expect(parseCost('$49.99/month')).toEqual({ kind: 'MONTHLY', lowCents: 4999, highCents: 4999 });
  });

  it('makes a missing cost unknown, not zero', () => {
    expect(parseCost(undefined)).toEqual({ kind: 'UNKNOWN', lowCents: null, highCents: null });
    expect(parseCost(null)).toEqual({ kind: 'UNKNOWN', lowCents: null, highCents: null });
  });

  it.each(['$', '$-5', '300', 'free', '$200-50 per course', '$50-200', ''])(
    'rejects %j, quoting it',
    (raw) => {
      expect(() => parseCost(raw)).toThrow(`Cannot parse cost ${JSON.stringify(raw)}`);
    },
  );
});

describe('parseDuration', () => {
  it('reads a month range', () => {
    expect(parseDuration('3-6 months')).toEqual({
      min: 3,
      max: 6,
      unit: 'MONTH',
      perCourse: false,
    });
  });

  it('reads a per-course day range', () => {
    expect(parseDuration('1-3 days per course')).toEqual({
      min: 1,
      max: 3,
      unit: 'DAY',
      perCourse: true,
    });
  });

  it('reads two-digit ranges', () => {
    expect(parseDuration('12-18 months')).toEqual({
      min: 12,
      max: 18,
      unit: 'MONTH',
      perCourse: false,
    });
  });

  it('reads a single number of months', () => {
    expect(parseDuration('3 months')).toEqual({ min: 3, max: 3, unit: 'MONTH', perCourse: false });
  });

  it('reads weeks', () => {
    expect(parseDuration('4 weeks')).toEqual({ min: 4, max: 4, unit: 'WEEK', perCourse: false });
  });

  it('reads a total timeline', () => {
    expect(parseDuration('6-12 months total')).toEqual({
      min: 6,
      max: 12,
      unit: 'MONTH',
      perCourse: false,
    });
  });

  it.each(['three months', '6-3 months', '0 months', '2 years', '3-6', ''])('rejects %j', (raw) => {
    expect(() => parseDuration(raw)).toThrow(`Cannot parse duration ${JSON.stringify(raw)}`);
  });
});

describe('parseValidity', () => {
  it('reads years as months', () => {
    expect(parseValidity('3 years')).toEqual({ kind: 'FIXED', months: 36 });
    expect(parseValidity('2 years')).toEqual({ kind: 'FIXED', months: 24 });
  });

  it('reads lifetime as no expiry', () => {
    expect(parseValidity('Lifetime')).toEqual({ kind: 'LIFETIME', months: null });
  });

  it('makes a missing validity unknown, not lifetime', () => {
    expect(parseValidity(undefined)).toEqual({ kind: 'UNKNOWN', months: null });
  });

  it.each(['forever', '0 years', 'three years'])('rejects %j', (raw) => {
    expect(() => parseValidity(raw)).toThrow(`Cannot parse validity ${JSON.stringify(raw)}`);
  });
});

describe('parseWeight and parseExamTopic', () => {
  it('reads a weight range and a single weight', () => {
    expect(parseWeight('15-20%')).toEqual({ min: 15, max: 20 });
    expect(parseWeight('20%')).toEqual({ min: 20, max: 20 });
  });

  it.each(['120%', '20', '20-15%', '%'])('rejects %j', (raw) => {
    expect(() => parseWeight(raw)).toThrow(`Cannot parse weight ${JSON.stringify(raw)}`);
  });

  it('splits a topic from its weight', () => {
    expect(parseExamTopic('Plan and manage an Azure AI solution (15-20%)')).toEqual({
      name: 'Plan and manage an Azure AI solution',
      weightRaw: '15-20%',
      weight: { min: 15, max: 20 },
    });
  });

  it('keeps a topic without a weight', () => {
    expect(parseExamTopic('Time series')).toEqual({
      name: 'Time series',
      weightRaw: null,
      weight: null,
    });
  });

  it('rejects a topic with a bad weight', () => {
    expect(() => parseExamTopic('Modeling (136%)')).toThrow('Cannot parse weight "136%"');
  });
});

describe('parseLevel', () => {
  it('reads a range', () => {
    expect(parseLevel('Beginner to Advanced')).toEqual({ min: 'BEGINNER', max: 'ADVANCED' });
    expect(parseLevel('Intermediate to Advanced')).toEqual({
      min: 'INTERMEDIATE',
      max: 'ADVANCED',
    });
  });

  it('reads a single level as both ends', () => {
    expect(parseLevel('Intermediate')).toEqual({ min: 'INTERMEDIATE', max: 'INTERMEDIATE' });
  });

  it.each(['Expert', 'Advanced to Beginner', ''])('rejects %j', (raw) => {
    expect(() => parseLevel(raw)).toThrow(`Cannot parse level ${JSON.stringify(raw)}`);
  });
});
