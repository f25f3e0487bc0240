import { afterEach, describe, expect, it, vi } from 'vitest';
import { Priority } from '../../src/entities/enums';
import { solveTrainingPlan, type TrainingPlan } from '../../src/services/budget-optimizer.service';
import type { PlanningInstance } from '../../src/services/optimizer-candidates';
import type { MipModel } from '../../src/services/optimizer-model';
import { DeadlineError, solveInWorker } from '../../src/services/optimizer-pool';
import type { SolveOutcome } from '../../src/services/optimizer-solver';
import { certification, defaultOptions, person, requirement } from './support/random-instance';

// The pool stands in for HiGHS where a test needs a solve cut short at a chosen point; the
// others go through to the real one.
const real = vi.hoisted(() => ({ solve: null as null | typeof solveInWorker }));
vi.mock('../../src/services/optimizer-pool', async (original) => {
  const actual = await original<typeof import('../../src/services/optimizer-pool')>();
  real.solve = actual.solveInWorker;
  return { ...actual, solveInWorker: vi.fn(actual.solveInWorker) };
});
const solve = vi.mocked(solveInWorker);

const AS_OF = '2025-01-15';
const DEPARTMENT = 1;
const SUB_TEAM = 2;

/**
 * Nested requirements: the department needs one holder of A and one of B, and so does its
 * sub-team. Whoever of the sub-team earns a credential counts toward both, so one person a
 * credential closes everything; a department-only person closes only the department's.
 * A third requirement, on C, is out of reach of any budget used here.
 */
function nestedInstance(): PlanningInstance {
  const catalog = [
    certification(11, { feeCents: 30000 }),
    certification(12, { feeCents: 45000 }),
    certification(13, { feeCents: 900000 }),
  ];
  const sub = { teamId: SUB_TEAM, teamPath: [DEPARTMENT, SUB_TEAM] };
  const people = [
    person(1),
    person(2),
    person(3, sub),
    person(4, sub),
    person(5, sub),
    person(6, sub),
  ];
  const context = { people, catalog, expiring: [] };
  const onSubTeam = (row: ReturnType<typeof requirement>) => ({ ...row, teamId: SUB_TEAM });
  return {
    asOf: AS_OF,
    horizonEnd: '2026-01-15',
    requirements: [
      requirement(1, { certificationId: 11 }, 1, Priority.HIGH, context),
      requirement(2, { certificationId: 12 }, 1, Priority.MEDIUM, context),
      onSubTeam(requirement(3, { certificationId: 11 }, 1, Priority.HIGH, context)),
      onSubTeam(requirement(4, { certificationId: 12 }, 1, Priority.LOW, context)),
      requirement(5, { certificationId: 13 }, 1, Priority.LOW, context),
    ],
    people,
    catalog,
    expiring: [],
  };
}

/**
 * What the value phase alone may leave within the budget: every option on A and B chosen,
 * each in its first quarter (the per-quarter limit does not matter to the service).
 */
function everythingAffordable(model: MipModel): number[] {
  const seen = new Set<number>();
  return model.columns.map((column, index) => {
    if (column.kind !== 'CHOICE' || seen.has(column.option) || model.cost[index] > 50000) {
      return 0;
    }
    seen.add(column.option);
    return 1;
  });
}

function expectNoRequirementPastItsGap(plan: TrainingPlan) {
  for (const outcome of plan.requirements) {
    const context = `requirement ${outcome.requirement.requirementId}`;
    expect(outcome.trained + outcome.renewed, context).toBeLessThanOrEqual(outcome.projectedGap);
  }
}

afterEach(() => {
  if (real.solve) solve.mockImplementation(real.solve);
});

describe('the optimizer at its time limit, on nested requirements', () => {
  const budget = 200_000;

  it('trains no one the gaps do not need when the cost phase is cut short', async () => {
    solve.mockImplementation(async (model): Promise<SolveOutcome> => ({
      // The value phase proved its value; the cost phase ran out of time.
      status: 'OPTIMAL',
      values: everythingAffordable(model as MipModel),
      bound: 20,
      relativeGap: 0,
      costMinimal: false,
      tiesBroken: false,
      seconds: 0.1,
      message: null,
    }));
    const plan = await solveTrainingPlan(
      nestedInstance(),
      defaultOptions({ budgetCents: budget, timeLimitSeconds: 0.1 }),
    );
    expectNoRequirementPastItsGap(plan);
    // One sub-team person for A and one for B close all four nested requirements.
    expect(plan.assignments.map((a) => a.certification.id).sort()).toEqual([11, 12]);
    expect(plan.assignments.every((a) => a.person.teamId === SUB_TEAM)).toBe(true);
    expect(plan.total.expectedCents).toBe(75000);
    expect(plan).toMatchObject({
      status: 'OPTIMAL',
      objectiveValue: 4 + 2 + 4 + 1,
      maxObjectiveValue: 4 + 2 + 4 + 1 + 1,
      costMinimal: false,
      tiesBroken: false,
    });
    // Not proven cheapest, and the answer says so.
    expect(plan.message).toContain('cheapest');
  });

  it('answers with the starting plan, TIME_LIMIT and a bound when the solve overruns', async () => {
    solve.mockRejectedValue(new DeadlineError('the optimizer ran past its time limit'));
    const plan = await solveTrainingPlan(
      nestedInstance(),
      defaultOptions({ budgetCents: budget, timeLimitSeconds: 0.1 }),
    );
    expectNoRequirementPastItsGap(plan);
    expect(plan.status).toBe('TIME_LIMIT');
    expect(plan.message).toContain('time limit');
    expect(plan.costMinimal).toBe(false);
    expect(plan.objectiveValue).toBe(11);
    // C is unaffordable, but only the solver could tell: the bound is every gap closed.
    expect(plan.bound).toBe(plan.maxObjectiveValue);
    expect(plan.relativeGap).toBeCloseTo(1 / 12);
    expect(plan.total.expectedCents).toBeLessThanOrEqual(budget);
  });

  it('with the shortest time limit allowed, tells the truth every time', async () => {
    for (let run = 0; run < 5; run += 1) {
      const plan = await solveTrainingPlan(
        nestedInstance(),
        defaultOptions({ budgetCents: budget, timeLimitSeconds: 0.1 }),
      );
      expectNoRequirementPastItsGap(plan);
      expect(plan.objectiveValue).toBe(11);
      expect(plan.total.expectedCents).toBe(75000);
      if (plan.status === 'OPTIMAL' && plan.costMinimal) expect(plan.message).toBeNull();
      else expect(plan.message).not.toBeNull();
      expect(plan.bound).toBeGreaterThanOrEqual(plan.objectiveValue);
    }
  });

  it('is OPTIMAL when the plan closes every weighted gap, even at the time limit', async () => {
    solve.mockImplementation(async (_model, _seconds, start): Promise<SolveOutcome> => ({
      status: 'TIME_LIMIT',
      values: start,
      bound: null,
      relativeGap: null,
      costMinimal: false,
      tiesBroken: false,
      seconds: 0.1,
      message: 'HiGHS stopped at the time limit before proving this plan the best',
    }));
    const plan = await solveTrainingPlan(
      nestedInstance(),
      defaultOptions({ budgetCents: 10_000_000, timeLimitSeconds: 0.1 }),
    );
    expect(plan.objectiveValue).toBe(plan.maxObjectiveValue);
    expect(plan).toMatchObject({ status: 'OPTIMAL', bound: 12, relativeGap: 0 });
    expect(plan.costMinimal).toBe(false);
    expectNoRequirementPastItsGap(plan);
  });
});
