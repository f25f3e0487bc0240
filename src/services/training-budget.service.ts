import type { DataSource } from 'typeorm';
import { estimateCost, type CostEstimate, type CostModel } from '../../seeds/catalog/cost';
import type { ExperienceLevel } from '../entities/enums';
import { levelRank } from './catalog.service';
import { activeOnSql, requirementGaps, type RequirementCoverageRow } from './coverage.service';

/** What the planners need to know about a catalog entry. */
export interface PlanCertification extends CostModel {
  id: number;
  slug: string;
  name: string;
  levelMin: ExperienceLevel | null;
  levelMax: ExperienceLevel | null;
  /** Catalog entries that must be held first; prerequisites that name no entry are left out. */
  prerequisiteIds: number[];
  skillIds: number[];
}

/** The select list that reads a `certification c` row as a PlanCertification. */
export const PLAN_CERTIFICATION_COLUMNS = `
  c.id, c.slug, c.name, c.level_min AS "levelMin", c.level_max AS "levelMax",
  c.cost_kind AS "costKind", c.cost_low_cents AS "costLowCents",
  c.cost_high_cents AS "costHighCents", c.duration_min AS "durationMin",
  c.duration_max AS "durationMax", c.duration_unit AS "durationUnit",
  c.duration_per_course AS "durationPerCourse",
  (SELECT count(*)::int FROM course WHERE course.certification_id = c.id) AS "courseCount",
  ARRAY(SELECT p.prerequisite_id FROM certification_prerequisite p
         WHERE p.certification_id = c.id AND p.prerequisite_id IS NOT NULL
         ORDER BY p.position) AS "prerequisiteIds",
  ARRAY(SELECT cs.skill_id FROM certification_skill cs
         WHERE cs.certification_id = c.id ORDER BY cs.skill_id) AS "skillIds"`;

/** A sum of estimates in cents; items whose cost is unknown are left out and named. */
export interface CostTotal {
  minCents: number;
  expectedCents: number;
  maxCents: number;
  /** How many items the sum left out because their cost is unknown. */
  unknownCount: number;
  /** The distinct names of those items, in the order they first appear. */
  unknownNames: string[];
}

export function sumCosts(items: Array<{ name: string; cost: CostEstimate | null }>): CostTotal {
  const total: CostTotal = {
    minCents: 0,
    expectedCents: 0,
    maxCents: 0,
    unknownCount: 0,
    unknownNames: [],
  };
  for (const { name, cost } of items) {
    if (cost === null) {
      total.unknownCount += 1;
      if (!total.unknownNames.includes(name)) total.unknownNames.push(name);
      continue;
    }
    total.minCents += cost.minCents;
    total.expectedCents += cost.expectedCents;
    total.maxCents += cost.maxCents;
  }
  return total;
}

type RequirementGap = RequirementCoverageRow;

export interface Candidate {
  id: number;
  name: string;
  email: string;
  teamId: number;
  experienceLevel: ExperienceLevel;
  hireDate: string;
  /** The team ids from the analysed team down to the person's own team. */
  teamPath: number[];
  activeCertificationIds: number[];
  /** What the strategy recommends for the person's career goal (empty without a goal). */
  goalCertificationIds: number[];
}

export interface TrainingAssignment {
  requirement: RequirementGap;
  employee: Candidate;
  certification: PlanCertification;
  cost: CostEstimate | null;
  servesCareerGoal: boolean;
}

export type ShortfallReason = 'NO_CERTIFICATION' | 'NO_CANDIDATES' | 'NOT_ENOUGH_ELIGIBLE';

export interface RequirementPlan {
  requirement: RequirementGap;
  /** The credential the plan trains for; for a skill, the one it chose; null if none exists. */
  certification: PlanCertification | null;
  /** People newly assigned for this requirement. */
  assigned: number;
  /** People assigned for an earlier requirement who also close this one. */
  credited: number;
  shortfall: number;
  reason: ShortfallReason | null;
  explanation: string | null;
  /** Candidates left out because they lack a prerequisite (level may be off too). */
  missingPrerequisites: number;
  /** Candidates left out only because their level is outside the credential's range. */
  levelOutOfRange: number;
}

export interface TrainingBudget {
  teamId: number;
  asOf: string;
  teamOnly: boolean;
  /** Assignments with a known cost; they make up the total. */
  assignments: TrainingAssignment[];
  /** Assignments whose certification has no known cost, kept out of the total. */
  unknownCostAssignments: TrainingAssignment[];
  total: CostTotal;
  requirements: RequirementPlan[];
  peopleTrained: number;
}

/**
 * Prices a plan that closes team `teamId`'s certification gaps on `asOf` (the team and every
 * team below it, or the team alone with `teamOnly`). It is a greedy plan, not an optimizer:
 *
 * - Requirements are taken in the order of their gaps: priority (CRITICAL first), then the
 *   larger gap, then the requirement id.
 * - A certification requirement trains for that certification. A skill requirement trains
 *   for the cheapest certification covering the skill whose cost is known (by expected, then
 *   minimum cost, then slug); only when none has a known cost does it take an unknown-cost
 *   one (by slug), which is then listed apart from the total.
 * - Someone assigned earlier in the plan who falls in a later requirement's scope and whose
 *   assigned credential meets it counts toward that requirement, so no one is trained twice
 *   for what one credential closes and no requirement gets more people than its gap.
 * - Candidates are the people of the requirement's team and the teams below it (only the
 *   analysed team's own people with `teamOnly`) who hold no active matching credential and
 *   are not already assigned one. Only eligible candidates are assigned: every prerequisite
 *   that names a catalog entry is held active on `asOf`, and the person's level lies within
 *   the certification's range (a missing bound allows any level). Among them, people who
 *   would also close more of the gaps still to come come first (a sub-team member closes
 *   both the department's and the sub-team's requirement), then people whose career goal
 *   the strategy serves with that certification, then higher experience, then the lower id.
 * - When too few are eligible, the requirement is reported with its shortfall and the reason.
 * - Each assignment costs the certification's estimate (min, expected, max); the total sums
 *   the known ones in integer cents and names what it left out.
 */
export async function trainingBudget(
  db: DataSource,
  teamId: number,
  asOf: string,
  options: { teamOnly: boolean },
): Promise<TrainingBudget> {
  // Also the existence check: NOT_FOUND for an unknown team.
  const gaps = await requirementGaps(db, teamId, asOf, options);
  const [candidates, catalog] = await Promise.all([
    loadCandidates(db, teamId, asOf, options.teamOnly),
    loadCatalog(db, gaps),
  ]);

  const planner = new Planner(catalog, candidates, options.teamOnly);
  const requirements = gaps.map((gap, i) => planner.plan(gap, gaps.slice(i + 1)));
  const known = planner.assignments.filter((a) => a.cost !== null);
  const unknown = planner.assignments.filter((a) => a.cost === null);
  return {
    teamId,
    asOf,
    teamOnly: options.teamOnly,
    assignments: known,
    unknownCostAssignments: unknown,
    total: sumCosts(planner.assignments.map((a) => ({ name: a.certification.name, cost: a.cost }))),
    requirements,
    peopleTrained: new Set(planner.assignments.map((a) => a.employee.id)).size,
  };
}

/** Everyone in scope, with what they hold on `asOf` and what their career goal recommends. */
export async function loadCandidates(
  db: DataSource,
  teamId: number,
  asOf: string,
  teamOnly: boolean,
): Promise<Candidate[]> {
  // The path says which requirement teams each person falls under; the guard on it ends the
  // walk even in a corrupt, cyclic tree.
  const scope = teamOnly
    ? 'WITH RECURSIVE scope(id, path) AS (SELECT $1::int, ARRAY[$1::int])'
    : `WITH RECURSIVE scope(id, path) AS (
         SELECT id, ARRAY[id] FROM team WHERE id = $1
         UNION ALL
         SELECT t.id, s.path || t.id FROM team t JOIN scope s ON t.parent_id = s.id
          WHERE t.id <> ALL (s.path)
       )`;
  return db.query(
    `${scope}
     SELECT e.id, e.name, e.email, e.team_id AS "teamId",
            e.experience_level AS "experienceLevel", e.hire_date AS "hireDate",
            s.path AS "teamPath",
            ARRAY(SELECT DISTINCT h.certification_id FROM held_certification h
                   WHERE h.employee_id = e.id AND ${activeOnSql('h', '$2::date')}
                 ) AS "activeCertificationIds",
            ARRAY(SELECT r.certification_id
                    FROM career_goal g
                    JOIN strategy_recommendation r ON r.career_role_id = g.career_role_id
                   WHERE g.employee_id = e.id AND r.certification_id IS NOT NULL
                ) AS "goalCertificationIds"
       FROM employee e JOIN scope s ON s.id = e.team_id
      ORDER BY e.id`,
    [teamId, asOf],
  );
}

/**
 * The certifications the requirements name, and every certification covering a skill they
 * name, ordered by slug. With `prerequisites`, also everything those require, transitively
 * (UNION stops at rows already seen, so a cycle in the catalog cannot loop forever).
 */
export async function loadCatalog(
  db: DataSource,
  requirements: Array<Pick<RequirementGap, 'certificationId' | 'skillId'>>,
  options: { prerequisites: boolean } = { prerequisites: false },
): Promise<PlanCertification[]> {
  const certificationIds = requirements.flatMap((g) => g.certificationId ?? []);
  const skillIds = requirements.flatMap((g) => g.skillId ?? []);
  if (certificationIds.length === 0 && skillIds.length === 0) return [];
  return db.query(
    `WITH RECURSIVE wanted(id) AS (
       SELECT c.id FROM certification c
        WHERE c.id = ANY($1::int[])
           OR EXISTS (SELECT 1 FROM certification_skill cs
                       WHERE cs.certification_id = c.id AND cs.skill_id = ANY($2::int[]))
       UNION
       SELECT p.prerequisite_id FROM certification_prerequisite p
         JOIN wanted w ON p.certification_id = w.id
        WHERE $3::boolean AND p.prerequisite_id IS NOT NULL
     )
     SELECT ${PLAN_CERTIFICATION_COLUMNS}
       FROM certification c JOIN wanted w ON w.id = c.id
      ORDER BY c.slug`,
    [certificationIds, skillIds, options.prerequisites],
  );
}

/** Whether holding `cert` meets a requirement: it is the certification, or covers the skill. */
export function certificationMeets(
  requirement: Pick<RequirementGap, 'certificationId' | 'skillId'>,
  cert: PlanCertification | undefined,
): boolean {
  if (cert === undefined) return false;
  if (requirement.certificationId !== null) return requirement.certificationId === cert.id;
  return requirement.skillId !== null && cert.skillIds.includes(requirement.skillId);
}

/** Whether a person's level lies within the credential's range (a missing bound allows any). */
export function levelFits(level: ExperienceLevel, cert: PlanCertification): boolean {
  const rank = levelRank(level);
  if (cert.levelMin !== null && rank < levelRank(cert.levelMin)) return false;
  return cert.levelMax === null || rank <= levelRank(cert.levelMax);
}

type Eligibility = 'ELIGIBLE' | 'MISSING_PREREQUISITE' | 'LEVEL_OUT_OF_RANGE';

/** Walks the gaps in order, remembering who it has assigned so far. */
class Planner {
  readonly assignments: TrainingAssignment[] = [];
  private readonly byId: Map<number, PlanCertification>;

  constructor(
    private readonly catalog: PlanCertification[],
    private readonly candidates: Candidate[],
    private readonly teamOnly: boolean,
  ) {
    this.byId = new Map(catalog.map((cert) => [cert.id, cert]));
  }

  /** Fills `gap`; `later` are the gaps still to come, which a well-placed trainee also closes. */
  plan(gap: RequirementGap, later: RequirementGap[] = []): RequirementPlan {
    const certification = this.target(gap);
    const counts = { missingPrerequisites: 0, levelOutOfRange: 0 };
    const result = (assigned: number, credited: number, reason: ShortfallReason | null) => {
      const shortfall = gap.gap - assigned - credited;
      return {
        requirement: gap,
        certification,
        assigned,
        credited,
        shortfall,
        reason: shortfall > 0 ? reason : null,
        explanation: shortfall > 0 && reason ? explain(reason, shortfall, counts) : null,
        ...counts,
      };
    };
    if (certification === null) return result(0, 0, 'NO_CERTIFICATION');

    const holders = new Set(gap.holderIds);
    const inScope = (person: Candidate) => this.teamOnly || person.teamPath.includes(gap.teamId);
    const credited = this.assignments.filter(
      (a) =>
        inScope(a.employee) && !holders.has(a.employee.id) && this.meets(gap, a.certification.id),
    );
    const creditedIds = new Set(credited.map((a) => a.employee.id));
    const needed = Math.max(0, gap.gap - creditedIds.size);

    const pool = this.candidates.filter(
      (person) =>
        inScope(person) &&
        !holders.has(person.id) &&
        !creditedIds.has(person.id) &&
        !person.activeCertificationIds.some((id) => this.meets(gap, id)),
    );
    const eligible: Candidate[] = [];
    for (const person of pool) {
      const verdict = eligibility(person, certification);
      if (verdict === 'ELIGIBLE') eligible.push(person);
      else if (verdict === 'MISSING_PREREQUISITE') counts.missingPrerequisites += 1;
      else counts.levelOutOfRange += 1;
    }
    // Someone who would also close a later gap (a sub-team's requirement for the same
    // credential) is worth more than someone who closes this one alone.
    const alsoCloses = (person: Candidate) =>
      later.filter(
        (next) =>
          next.gap > 0 &&
          (this.teamOnly || person.teamPath.includes(next.teamId)) &&
          !next.holderIds.includes(person.id) &&
          this.meets(next, certification.id),
      ).length;
    const chosen = eligible
      .sort((a, b) => alsoCloses(b) - alsoCloses(a) || byPreference(certification.id)(a, b))
      .slice(0, needed);
    for (const person of chosen) {
      this.assignments.push({
        requirement: gap,
        employee: person,
        certification,
        cost: estimateCost(certification),
        servesCareerGoal: person.goalCertificationIds.includes(certification.id),
      });
    }
    const passedOver = counts.missingPrerequisites + counts.levelOutOfRange;
    const reason = passedOver === 0 ? 'NO_CANDIDATES' : 'NOT_ENOUGH_ELIGIBLE';
    return result(chosen.length, gap.gap - needed, reason);
  }

  /** Whether holding `certificationId` meets the requirement. */
  private meets(gap: RequirementGap, certificationId: number): boolean {
    return certificationMeets(gap, this.byId.get(certificationId));
  }

  private target(gap: RequirementGap): PlanCertification | null {
    if (gap.certificationId !== null) return this.byId.get(gap.certificationId) ?? null;
    const covering = this.catalog.filter((cert) => this.meets(gap, cert.id));
    const priced = covering
      .map((cert) => ({ cert, cost: estimateCost(cert) }))
      .filter((row): row is { cert: PlanCertification; cost: CostEstimate } => row.cost !== null)
      .sort(
        (a, b) =>
          a.cost.expectedCents - b.cost.expectedCents ||
          a.cost.minCents - b.cost.minCents ||
          (a.cert.slug < b.cert.slug ? -1 : 1),
      );
    // The catalog rows come ordered by slug, so the fallback is the first unknown-cost one.
    return priced[0]?.cert ?? covering[0] ?? null;
  }
}

function eligibility(person: Candidate, cert: PlanCertification): Eligibility {
  if (!cert.prerequisiteIds.every((id) => person.activeCertificationIds.includes(id))) {
    return 'MISSING_PREREQUISITE';
  }
  return levelFits(person.experienceLevel, cert) ? 'ELIGIBLE' : 'LEVEL_OUT_OF_RANGE';
}

function byPreference(certificationId: number) {
  const serves = (person: Candidate) =>
    person.goalCertificationIds.includes(certificationId) ? 1 : 0;
  return (a: Candidate, b: Candidate) =>
    serves(b) - serves(a) ||
    levelRank(b.experienceLevel) - levelRank(a.experienceLevel) ||
    a.id - b.id;
}

function explain(
  reason: ShortfallReason,
  shortfall: number,
  counts: { missingPrerequisites: number; levelOutOfRange: number },
): string {
  const people = shortfall === 1 ? '1 more person' : `${shortfall} more people`;
  switch (reason) {
    case 'NO_CERTIFICATION':
      return `no catalog certification covers the required skill; ${people} needed`;
    case 'NO_CANDIDATES':
      return `${people} needed; no one else in scope is free to train for it`;
    case 'NOT_ENOUGH_ELIGIBLE':
      return (
        `${people} needed; the other candidates are not eligible ` +
        `(missing a prerequisite: ${counts.missingPrerequisites}; ` +
        `level outside the certification's range: ${counts.levelOutOfRange})`
      );
  }
}
