import type { DataSource } from 'typeorm';
import { BadInputError } from '../schema/errors';
import type { Priority } from '../entities/enums';
import {
  optimalTrainingPlans,
  type OptimizerOptions,
  type TrainingPlan,
} from './budget-optimizer.service';
import {
  byPriorityThenSize,
  requirementCoverage,
  type RequirementCoverageRow,
} from './coverage.service';
import { coverageWithLosses, horizonEndOf } from './optimizer-load';

/** The most people one ifPeopleLeave question may name. */
export const MAX_LEAVERS = 1000;

export interface SinglePointOfFailure {
  requirement: RequirementCoverageRow;
  /** The one active holder. */
  holderId: number;
  /** Every requirement this holder is the only one to meet: what goes uncovered if they leave. */
  uncoveredIfLeaves: RequirementCoverageRow[];
}

/**
 * The requirements of the team (and below) that exactly one active holder meets on `asOf`
 * (domain.md): coverage is exactly 1 and at least one holder is required. With N = 1 the
 * requirement is met and hangs on that person; with N > 1 it is already short, and losing
 * them leaves it uncovered altogether. Met requirements with two or more holders are not
 * single points of failure, even where losing one would put them under N: no single person
 * is the one who meets them. CRITICAL first, then by requirement id.
 */
export async function singlePointsOfFailure(
  db: DataSource,
  teamId: number,
  asOf: string,
): Promise<SinglePointOfFailure[]> {
  const rows = await requirementCoverage(db, teamId, asOf, { teamOnly: false });
  const single = rows
    .filter((row) => row.coverage === 1 && row.required >= 1)
    .sort(byPriorityThenSize(() => 0));
  return single.map((requirement) => ({
    requirement,
    holderId: requirement.holderIds[0],
    uncoveredIfLeaves: single.filter((other) => other.holderIds[0] === requirement.holderIds[0]),
  }));
}

export interface LeaverRequirementImpact {
  requirement: RequirementCoverageRow;
  /** The leavers among its active holders; ascending ids. */
  leavingHolderIds: number[];
  coverageAfterLeaving: number;
  /** After the leavers go and the holders whose credentials all lapse by horizonEnd. */
  coverageAtHorizonEnd: number;
  gapAfterLeaving: number;
  gapAtHorizonEnd: number;
  /** Met on asOf, short of N once the leavers go. */
  breaksNow: boolean;
  /** Met on asOf, short of N by horizonEnd once the leavers go and expiries lapse. */
  breaksWithinHorizon: boolean;
  /** Short of N by horizonEnd from expiries alone, even if nobody left. */
  wouldBreakAnyway: boolean;
}

interface RankedImpact {
  priority: Priority;
  requirementId: number;
  gapAtHorizonEnd: number;
}

export interface LeaverImpact {
  teamId: number;
  asOf: string;
  horizonDays: number;
  horizonEnd: string;
  /** The named people who belong to the team or a team below it; ascending. */
  leaverIds: number[];
  /** Named ids that are not people of the team (or below it): they change nothing here. */
  ignoredEmployeeIds: number[];
  requirements: LeaverRequirementImpact[];
}

/**
 * What breaks if the named people leave: coverage without them on `asOf`, and again at the
 * horizon's end once holders whose matching credentials all expire by then stop counting
 * (no renewal assumed). Lists every requirement a leaver holds, and every requirement met
 * today that the scenario breaks by the horizon's end, flagged when expiries alone would
 * have broken it. CRITICAL first, then the larger gap at the horizon's end, then by id.
 */
export async function ifPeopleLeave(
  db: DataSource,
  teamId: number,
  employeeIds: number[],
  asOf: string,
  horizonDays: number,
): Promise<LeaverImpact> {
  if (employeeIds.length > MAX_LEAVERS) {
    throw new BadInputError(
      'employeeIds',
      `may name at most ${MAX_LEAVERS} people, got ${employeeIds.length}`,
    );
  }
  const horizonEnd = horizonEndOf(asOf, horizonDays);
  const rows = await coverageWithLosses(db, teamId, asOf, horizonEnd);
  const members: Array<{ id: number }> = await db.query(
    `WITH RECURSIVE scope(id) AS (
       SELECT id FROM team WHERE id = $1
       UNION
       SELECT t.id FROM team t JOIN scope s ON t.parent_id = s.id
     )
     SELECT e.id FROM employee e JOIN scope s ON s.id = e.team_id
      WHERE e.id = ANY($2::int[]) ORDER BY e.id`,
    [teamId, employeeIds],
  );
  const leaving = new Set(members.map((member) => member.id));

  const requirements = rows
    .map((row) => {
      const staying = row.holderIds.filter((id) => !leaving.has(id));
      const lost = new Set(row.lostHolderIds);
      const lasting = staying.filter((id) => !lost.has(id)).length;
      const met = row.coverage >= row.required;
      const { lostHolderIds: _lost, ...requirement } = row;
      return {
        requirement,
        leavingHolderIds: row.holderIds.filter((id) => leaving.has(id)),
        coverageAfterLeaving: staying.length,
        coverageAtHorizonEnd: lasting,
        gapAfterLeaving: Math.max(0, row.required - staying.length),
        gapAtHorizonEnd: Math.max(0, row.required - lasting),
        breaksNow: met && staying.length < row.required,
        breaksWithinHorizon: met && lasting < row.required,
        wouldBreakAnyway: met && row.coverage - row.lostHolderIds.length < row.required,
      };
    })
    .filter((impact) => impact.leavingHolderIds.length > 0 || impact.breaksWithinHorizon);
  const order = byPriorityThenSize<RankedImpact>((key) => key.gapAtHorizonEnd);
  const key = (impact: LeaverRequirementImpact): RankedImpact => ({
    priority: impact.requirement.priority,
    requirementId: impact.requirement.requirementId,
    gapAtHorizonEnd: impact.gapAtHorizonEnd,
  });
  requirements.sort((a, b) => order(key(a), key(b)));
  return {
    teamId,
    asOf,
    horizonDays,
    horizonEnd,
    leaverIds: [...leaving],
    ignoredEmployeeIds: [...new Set(employeeIds.filter((id) => !leaving.has(id)))],
    requirements,
  };
}

export interface BudgetComparison {
  before: TrainingPlan;
  after: TrainingPlan;
  objectiveDelta: number;
  gapClosedDelta: number;
  costDelta: { minCents: number; expectedCents: number; maxCents: number };
}

/**
 * The optimal plan for `options.budgetCents` and for that budget plus `deltaCents`, from the
 * same data (loaded once), with the differences after minus before.
 */
export async function budgetChange(
  db: DataSource,
  teamId: number,
  asOf: string,
  options: OptimizerOptions,
  deltaCents: number,
): Promise<BudgetComparison> {
  const budgets = [options.budgetCents, options.budgetCents + deltaCents];
  const [before, after] = await optimalTrainingPlans(db, teamId, asOf, options, budgets);
  return {
    before,
    after,
    objectiveDelta: after.objectiveValue - before.objectiveValue,
    gapClosedDelta: after.gapClosed - before.gapClosed,
    costDelta: {
      minCents: after.total.minCents - before.total.minCents,
      expectedCents: after.total.expectedCents - before.total.expectedCents,
      maxCents: after.total.maxCents - before.total.maxCents,
    },
  };
}
