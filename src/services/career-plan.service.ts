import type { DataSource } from 'typeorm';
import { estimateCost, type CostEstimate } from '../../seeds/catalog/cost';
import type { Employee } from '../entities/employee.entity';
import { AppError, ConflictError, NotFoundError } from '../schema/errors';
import { addMonths } from './calendar';
import { activeOnSql } from './coverage.service';
import {
  PLAN_CERTIFICATION_COLUMNS,
  sumCosts,
  type CostTotal,
  type PlanCertification,
} from './training-budget.service';

/** Days in a month when a preparation time given in days or weeks becomes months. */
const DAYS_PER_MONTH = 30;

/**
 * Expected preparation time in whole months, or null when the catalog does not know it.
 * The expectation is the midpoint of the range, rounded up to a whole month:
 * - MONTH: ceil((min + max) / 2) ("3-6 months" is 5);
 * - WEEK: ceil(midpoint weeks * 7 / 30) ("4 weeks" is 1);
 * - DAY: ceil(midpoint days / 30).
 * A per-course range ("1-3 days per course") is the midpoint times the course count first
 * (nine courses of 1-3 days are 18 days, so 1 month); with no courses it is unknown.
 */
export function preparationMonths(cert: PlanCertification): number | null {
  const { durationMin: min, durationMax: max, durationUnit: unit } = cert;
  if (min === null || max === null || unit === null) return null;
  const courses = cert.durationPerCourse ? (cert.courseCount ?? 0) : 1;
  if (courses <= 0) return null;
  // Twice the midpoint, times the courses, stays an integer; the division comes last.
  const twiceTotal = (min + max) * courses;
  switch (unit) {
    case 'MONTH':
      return Math.ceil(twiceTotal / 2);
    case 'WEEK':
      return Math.ceil((twiceTotal * 7) / (2 * DAYS_PER_MONTH));
    case 'DAY':
      return Math.ceil(twiceTotal / (2 * DAYS_PER_MONTH));
  }
}

export type StepKind = 'RECOMMENDED' | 'PREREQUISITE';
export type RecommendationSource = 'CAREER_GOAL' | 'EXPERIENCE_LEVEL';

export interface CareerPlanStep {
  certification: PlanCertification;
  kind: StepKind;
  /** Slugs of the later steps that name this one as a prerequisite. */
  requiredBy: string[];
  preparationMonths: number | null;
  cumulativeMonths: number;
  startsOn: string;
  /** Null when the preparation time is unknown; the next step then starts on `startsOn`. */
  finishesOn: string | null;
  cost: CostEstimate | null;
}

export interface CareerPlan {
  employee: Employee;
  careerRoleId: number;
  asOf: string;
  targetDate: string | null;
  steps: CareerPlanStep[];
  /** Recommended credentials the employee already holds active on `asOf`. */
  alreadyHeld: PlanCertification[];
  /** What the level's list adds beyond the role's, not held and not already a step. */
  alternatives: PlanCertification[];
  /** Recommendations that name a category rather than one credential. */
  categories: Array<{ rawName: string; source: RecommendationSource }>;
  /** The sum of the known preparation times. */
  totalMonths: number;
  unknownDuration: { count: number; names: string[] };
  cost: CostTotal;
  /** When the last step of known duration finishes (asOf when nothing is missing). */
  finishesOn: string;
  /** Null without a target date, or when unknown durations leave the answer open. */
  meetsTarget: boolean | null;
}

interface EmployeeWithGoal extends Employee {
  careerRoleId: number | null;
  targetDate: string | null;
}

interface Recommendation {
  forRole: boolean;
  rawName: string;
  certificationId: number | null;
}

/**
 * The employee's path to their career goal on `asOf`. Recommended credentials are the goal
 * role's strategy list, in order; those the employee does not hold active become steps, each
 * preceded by its unheld prerequisites (recursively, in prerequisite order). The level's list
 * only offers alternatives. Steps run one after another from `asOf`.
 * Throws NOT_FOUND without an employee or a goal, and CONFLICT when the catalog's
 * prerequisites form a cycle among the steps (the request is fine; the stored data is not).
 */
export async function careerPlan(
  db: DataSource,
  employeeId: number,
  asOf: string,
): Promise<CareerPlan> {
  const [person]: EmployeeWithGoal[] = await db.query(
    `SELECT e.id, e.name, e.email, e.team_id AS "teamId",
            e.experience_level AS "experienceLevel", e.hire_date AS "hireDate",
            g.career_role_id AS "careerRoleId", g.target_date AS "targetDate"
       FROM employee e LEFT JOIN career_goal g ON g.employee_id = e.id
      WHERE e.id = $1`,
    [employeeId],
  );
  if (person === undefined) throw new NotFoundError('employee', 'id', employeeId);
  const { careerRoleId, targetDate, ...employee } = person;
  if (careerRoleId === null) {
    throw new AppError(
      `employee ${employeeId} has no career goal; set one with the setCareerGoal mutation`,
      'NOT_FOUND',
      { entity: 'career goal', key: 'employeeId' },
    );
  }

  const strategy = `FROM strategy_recommendation r
      WHERE r.career_role_id = $1 OR r.experience_level = $2`;
  const [recommendations, held, catalog] = await Promise.all([
    db.query(
      `SELECT r.career_role_id IS NOT NULL AS "forRole", r.raw_name AS "rawName",
              r.certification_id AS "certificationId"
         ${strategy}
        ORDER BY r.career_role_id IS NULL, r.position, r.id`,
      [careerRoleId, employee.experienceLevel],
    ) as Promise<Recommendation[]>,
    db.query(
      `SELECT DISTINCT h.certification_id AS id FROM held_certification h
        WHERE h.employee_id = $1 AND ${activeOnSql('h', '$2::date')}`,
      [employeeId, asOf],
    ) as Promise<Array<{ id: number }>>,
    // Every recommended credential and, transitively, everything it requires; UNION (not
    // UNION ALL) stops at rows already seen, so a cycle in the catalog cannot loop forever.
    db.query(
      `WITH RECURSIVE needed(id) AS (
         SELECT r.certification_id ${strategy} AND r.certification_id IS NOT NULL
         UNION
         SELECT p.prerequisite_id FROM certification_prerequisite p
           JOIN needed n ON p.certification_id = n.id
          WHERE p.prerequisite_id IS NOT NULL
       )
       SELECT ${PLAN_CERTIFICATION_COLUMNS} FROM certification c JOIN needed n ON n.id = c.id`,
      [careerRoleId, employee.experienceLevel],
    ) as Promise<PlanCertification[]>,
  ]);

  const heldIds = new Set(held.map((row) => row.id));
  const byId = new Map(catalog.map((cert) => [cert.id, cert]));
  const lookup = (id: number): PlanCertification => {
    const cert = byId.get(id);
    if (cert === undefined) throw new Error(`certification ${id} missing from the plan catalog`);
    return cert;
  };

  const roleIds = unique(recommendations.filter((r) => r.forRole).flatMap(certificationOf));
  const missing = roleIds.filter((id) => !heldIds.has(id));
  const order = prerequisiteOrder(missing, lookup, heldIds);
  const stepIds = new Set(order.map((step) => step.id));
  const steps = schedule(order, new Set(missing), lookup, asOf);

  const finishesOn = steps.reduce((last, step) => step.finishesOn ?? last, asOf);
  const unknown = steps.filter((step) => step.preparationMonths === null);
  const unknownDuration = {
    count: unknown.length,
    names: unknown.map((step) => step.certification.name),
  };
  return {
    employee,
    careerRoleId,
    asOf,
    targetDate,
    steps,
    alreadyHeld: roleIds.filter((id) => heldIds.has(id)).map(lookup),
    alternatives: unique(recommendations.filter((r) => !r.forRole).flatMap(certificationOf))
      .filter((id) => !roleIds.includes(id) && !heldIds.has(id) && !stepIds.has(id))
      .map(lookup),
    categories: recommendations
      .filter((r) => r.certificationId === null)
      .map((r) => ({
        rawName: r.rawName,
        source: r.forRole ? ('CAREER_GOAL' as const) : ('EXPERIENCE_LEVEL' as const),
      })),
    totalMonths: steps.at(-1)?.cumulativeMonths ?? 0,
    unknownDuration,
    cost: sumCosts(steps.map((step) => ({ name: step.certification.name, cost: step.cost }))),
    finishesOn,
    meetsTarget: meetsTarget(finishesOn, targetDate, unknownDuration.count),
  };
}

function certificationOf(r: Recommendation): number[] {
  return r.certificationId === null ? [] : [r.certificationId];
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)];
}

/**
 * The missing credentials with their unheld prerequisites, each after everything it needs.
 * A depth-first walk in strategy order (prerequisites in catalog position order) keeps the
 * strategy's order wherever prerequisites allow. A held prerequisite ends the walk there.
 */
function prerequisiteOrder(
  missing: number[],
  lookup: (id: number) => PlanCertification,
  heldIds: Set<number>,
): Array<{ id: number; requiredBy: number[] }> {
  const order: number[] = [];
  const requiredBy = new Map<number, number[]>();
  const done = new Set<number>();
  const path: number[] = [];

  const visit = (id: number) => {
    if (done.has(id)) return;
    const onPath = path.indexOf(id);
    if (onPath >= 0) {
      const cycle = [...path.slice(onPath), id].map((step) => lookup(step).slug);
      throw new ConflictError(
        `the catalog's prerequisites form a cycle (${cycle.join(' -> ')}), ` +
          'so no order of study can respect them',
        { cycle },
      );
    }
    path.push(id);
    for (const prerequisite of lookup(id).prerequisiteIds) {
      if (heldIds.has(prerequisite)) continue;
      const needing = requiredBy.get(prerequisite) ?? [];
      if (!needing.includes(id)) needing.push(id);
      requiredBy.set(prerequisite, needing);
      visit(prerequisite);
    }
    path.pop();
    done.add(id);
    order.push(id);
  };
  for (const id of missing) visit(id);
  // Read only now: a credential met early may be required again by a later step.
  return order.map((id) => ({ id, requiredBy: requiredBy.get(id) ?? [] }));
}

/** Dates and running totals: each step starts when the previous known one finishes. */
function schedule(
  order: Array<{ id: number; requiredBy: number[] }>,
  recommended: Set<number>,
  lookup: (id: number) => PlanCertification,
  asOf: string,
): CareerPlanStep[] {
  let startsOn = asOf;
  let cumulativeMonths = 0;
  return order.map(({ id, requiredBy }) => {
    const certification = lookup(id);
    const months = preparationMonths(certification);
    const finishesOn = months === null ? null : addMonths(startsOn, months);
    cumulativeMonths += months ?? 0;
    const step: CareerPlanStep = {
      certification,
      kind: recommended.has(id) ? 'RECOMMENDED' : 'PREREQUISITE',
      requiredBy: requiredBy.map((needing) => lookup(needing).slug),
      preparationMonths: months,
      cumulativeMonths,
      startsOn,
      finishesOn,
      cost: estimateCost(certification),
    };
    startsOn = finishesOn ?? startsOn;
    return step;
  });
}

/** Unknown is not zero: a plan with unknown durations can only be known to miss its target. */
function meetsTarget(finishesOn: string, targetDate: string | null, unknown: number) {
  if (targetDate === null) return null;
  if (finishesOn > targetDate) return false;
  return unknown > 0 ? null : true;
}
