import { estimateCost } from '../../../seeds/catalog/cost';
import { addMonths } from '../../../src/services/calendar';
import { preparationMonths } from '../../../src/services/career-plan.service';
import type { OptimizerOptions } from '../../../src/services/budget-optimizer.service';
import type { PlanningInstance } from '../../../src/services/optimizer-candidates';
import { credentialCost } from '../../../src/services/optimizer-costs';
import { fiscalQuarters, quarterIndex } from '../../../src/services/optimizer-quarters';
import type { Candidate, PlanCertification } from '../../../src/services/training-budget.service';

const LEVELS = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'];

interface Step {
  cert: PlanCertification;
  /** Completion quarter; a renewal's is fixed. */
  quarter: number;
  renewal: boolean;
  cost: number;
}

export interface BruteForceAnswer {
  value: number;
  /** The least expected cost of a plan of that value. */
  cost: number;
  /** How many per-person schedules were enumerated, to keep the search honest about its size. */
  schedules: number;
}

/**
 * The best plan by exhaustive search, written from the rules rather than from the model:
 * every person's every schedule (each catalog credential they lack in any quarter or not at
 * all, each expiring credential renewed or not) is checked against the rules, then people
 * are combined. Combining keeps, for each vector of people counted per requirement (capped at
 * the projected gap), only the cheapest way to reach it: two combinations with the same
 * vector are worth the same, so that loses nothing and keeps the search small.
 */
export function bruteForce(
  instance: PlanningInstance,
  options: OptimizerOptions,
): BruteForceAnswer {
  const { asOf, horizonEnd } = instance;
  const startMonth = options.fiscalYearStartMonth;
  const quarterCount = fiscalQuarters(asOf, horizonEnd, startMonth).length;
  const gaps = instance.requirements.map((r) =>
    Math.max(0, r.required - r.holderIds.length + r.lostHolderIds.length),
  );
  const meets = (r: (typeof instance.requirements)[number], cert: PlanCertification) =>
    r.certificationId !== null
      ? r.certificationId === cert.id
      : cert.skillIds.includes(r.skillId ?? -1);
  const costOf = (cert: PlanCertification, fee: number | null) => {
    const catalogFee =
      fee === null ? estimateCost(cert) : { minCents: fee, expectedCents: fee, maxCents: fee };
    return credentialCost(cert.id, catalogFee, options.costs)?.total.expectedCents ?? null;
  };

  let schedules = 0;
  let states = new Map<string, number>([[gaps.map(() => 0).join(','), 0]]);
  for (const person of instance.people) {
    const choices = personSchedules(person);
    schedules += choices.length;
    const next = new Map<string, number>();
    for (const [key, cost] of states) {
      const counts = key.split(',').map(Number);
      for (const schedule of choices) {
        const total = cost + schedule.reduce((sum, step) => sum + step.cost, 0);
        if (total > options.budgetCents) continue;
        const reached = counts.map((count, r) => {
          const requirement = instance.requirements[r];
          const counted = schedule.some((step) =>
            step.renewal
              ? requirement.lostHolderIds.includes(person.id) && meets(requirement, step.cert)
              : person.teamPath.includes(requirement.teamId) &&
                !requirement.holderIds.includes(person.id) &&
                meets(requirement, step.cert),
          );
          return Math.min(gaps[r], count + (counted ? 1 : 0));
        });
        const nextKey = reached.join(',');
        if ((next.get(nextKey) ?? Infinity) > total) next.set(nextKey, total);
      }
    }
    states = next;
  }

  let best = { value: -1, cost: Infinity };
  for (const [key, cost] of states) {
    const value = key
      .split(',')
      .map(Number)
      .reduce(
        (sum, count, r) => sum + count * options.weights[instance.requirements[r].priority],
        0,
      );
    if (value > best.value || (value === best.value && cost < best.cost)) best = { value, cost };
  }
  return { ...best, schedules };

  /** Every schedule the rules allow one person, the empty one included. */
  function personSchedules(person: Candidate): Step[][] {
    const level = LEVELS.indexOf(person.experienceLevel);
    const fits = (cert: PlanCertification) =>
      (cert.levelMin === null || level >= LEVELS.indexOf(cert.levelMin)) &&
      (cert.levelMax === null || level <= LEVELS.indexOf(cert.levelMax));
    const learnable = instance.catalog.filter(
      (cert) =>
        !person.activeCertificationIds.includes(cert.id) &&
        fits(cert) &&
        costOf(cert, null) !== null &&
        preparationMonths(cert) !== null,
    );
    const renewals = instance.expiring
      .filter((e) => e.employeeId === person.id && e.renewalFeeCents !== null)
      .flatMap((e) => {
        const cert = instance.catalog.find((c) => c.id === e.certificationId);
        const examBy = addMonths(e.expiresOn, -1);
        const quarter = quarterIndex(asOf, examBy > asOf ? examBy : asOf, startMonth);
        const cost = cert ? costOf(cert, e.renewalFeeCents) : null;
        return cert && cost !== null ? [{ cert, quarter, renewal: true, cost }] : [];
      });

    const results: Step[][] = [];
    const walk = (index: number, steps: Step[]) => {
      if (index < learnable.length) {
        walk(index + 1, steps);
        const cert = learnable[index];
        const cost = costOf(cert, null) ?? 0;
        for (let quarter = 0; quarter < quarterCount; quarter += 1) {
          walk(index + 1, [...steps, { cert, quarter, renewal: false, cost }]);
        }
        return;
      }
      const renewIndex = index - learnable.length;
      if (renewIndex < renewals.length) {
        walk(index + 1, steps);
        walk(index + 1, [...steps, renewals[renewIndex]]);
        return;
      }
      if (allowed(person, steps)) results.push(steps);
    };
    walk(0, []);
    return results;
  }

  function allowed(person: Candidate, steps: Step[]): boolean {
    for (let quarter = 0; quarter < quarterCount; quarter += 1) {
      const completions = steps.filter((step) => step.quarter === quarter).length;
      if (completions > options.maxPerPersonPerQuarter) return false;
    }
    return steps.every((step) => {
      if (step.renewal) return true;
      const months = preparationMonths(step.cert) ?? 0;
      if (step.quarter < quarterIndex(asOf, addMonths(asOf, months), startMonth)) return false;
      const lag = Math.max(1, Math.ceil(months / 3));
      return step.cert.prerequisiteIds.every(
        (id) =>
          person.activeCertificationIds.includes(id) ||
          steps.some(
            (other) =>
              !other.renewal && other.cert.id === id && other.quarter <= step.quarter - lag,
          ),
      );
    });
  }
}
