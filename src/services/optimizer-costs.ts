import type { CostEstimate } from '../../seeds/catalog/cost';
import { Priority } from '../entities/enums';

/**
 * How much closing one person of gap is worth, by the requirement's priority. The optimizer
 * maximizes the sum of weight x people closed. Whole numbers keep the objective integral,
 * so "optimal" is exact rather than within a tolerance.
 */
export type PriorityWeights = Record<Priority, number>;

/** Each step up in priority doubles the worth: one CRITICAL person is worth eight LOW ones. */
export const DEFAULT_PRIORITY_WEIGHTS: Readonly<PriorityWeights> = {
  [Priority.CRITICAL]: 8,
  [Priority.HIGH]: 4,
  [Priority.MEDIUM]: 2,
  [Priority.LOW]: 1,
};

/**
 * The cost components of earning a credential, after the guide's cost breakdown
 * (`calculate_total_cost`: exam fees, study materials, practice exams, retake fees). The
 * guide names the four but gives numbers only for the first, through each certification's
 * cost; its breakdown sets the other three to 0. So:
 * - exam fee: the catalog estimate (min, expected, max), unless overridden per certification;
 *   an override also prices a certification whose catalog cost is unknown;
 * - study materials and practice exams: a flat amount per credential, default 0;
 * - retake allowance: the probability of a retake times the exam fee (each of min, expected
 *   and max), rounded half up to a cent, default probability 0.
 * Renewals take the same components, with the renewal fee (the exam fee again) as exam fee.
 */
export interface CostAssumptions {
  /** Exam fee by certification id, in cents, replacing the catalog estimate. */
  examFeeOverrides: ReadonlyMap<number, number>;
  studyMaterialsCents: number;
  practiceExamsCents: number;
  retakeProbability: number;
}

export const DEFAULT_COST_ASSUMPTIONS: Readonly<CostAssumptions> = {
  examFeeOverrides: new Map(),
  studyMaterialsCents: 0,
  practiceExamsCents: 0,
  retakeProbability: 0,
};

/** One credential's cost, component by component; `total` is what the budget counts. */
export interface CostBreakdown {
  examFee: CostEstimate;
  studyMaterialsCents: number;
  practiceExamsCents: number;
  retakeAllowance: CostEstimate;
  total: CostEstimate;
}

/**
 * The full cost of one credential from its exam fee (the catalog estimate, or null when
 * unknown), or null when neither the catalog nor an override gives the fee.
 */
export function credentialCost(
  certificationId: number,
  catalogFee: CostEstimate | null,
  assumptions: CostAssumptions,
): CostBreakdown | null {
  const override = assumptions.examFeeOverrides.get(certificationId);
  const examFee =
    override === undefined
      ? catalogFee
      : { minCents: override, expectedCents: override, maxCents: override };
  if (examFee === null) return null;

  // Half up, in integer cents: a probability of 0.15 on a $300 fee is exactly 4500.
  const retake = (cents: number) => Math.floor(cents * assumptions.retakeProbability + 0.5);
  const retakeAllowance = {
    minCents: retake(examFee.minCents),
    expectedCents: retake(examFee.expectedCents),
    maxCents: retake(examFee.maxCents),
  };
  const flat = assumptions.studyMaterialsCents + assumptions.practiceExamsCents;
  return {
    examFee,
    studyMaterialsCents: assumptions.studyMaterialsCents,
    practiceExamsCents: assumptions.practiceExamsCents,
    retakeAllowance,
    total: {
      minCents: examFee.minCents + flat + retakeAllowance.minCents,
      expectedCents: examFee.expectedCents + flat + retakeAllowance.expectedCents,
      maxCents: examFee.maxCents + flat + retakeAllowance.maxCents,
    },
  };
}
