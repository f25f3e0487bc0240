import type { DataSource } from 'typeorm';
import { Priority } from '../entities/enums';
import { NotFoundError } from '../schema/errors';

export interface RequirementCoverageRow {
  requirementId: number;
  teamId: number;
  certificationId: number | null;
  skillId: number | null;
  required: number;
  /** The string enum: its values are 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW'. */
  priority: Priority;
  coverage: number;
  gap: number;
  holderIds: number[];
}

/** The SQL condition "held certification `h` is active on the date `on`" (see domain.md). */
export function activeOnSql(h: string, on: string): string {
  return `${h}.earned_on <= ${on}
      AND (${h}.expires_on IS NULL OR ${h}.expires_on >= ${on})
      AND (${h}.revoked_on IS NULL OR ${h}.revoked_on > ${on})`;
}

/**
 * The common table expressions every requirement analysis starts from. Parameters:
 * `$1` the team (null: the whole organization), `$2` the asOf date, `$3` teamOnly.
 * - `scope`: the team and the teams below it (with teamOnly, the team alone), each with its
 *   path from the team down;
 * - `reach`: each team of the scope paired with itself and every team below it, since a
 *   requirement on team T counts the people of T's subtree (with teamOnly, T's own people).
 *   It is read off the paths: a recursive pairing misleads the planner (an estimate of ~100,000
 *   pairs for a department's 24) into reading all of employee and held_certification;
 * - `req`: the requirements defined on a team of the scope;
 * - `matching`: the certifications that meet each requirement (itself, or those of its skill);
 * - `holding`: one row per active matching credential of each person a requirement counts.
 * The walk down stops at a team already on the path, so a corrupt (cyclic) tree still ends.
 */
export const REQUIREMENT_HOLDING_CTES = `
  WITH RECURSIVE scope(id, path) AS (
    SELECT id, ARRAY[id] FROM team WHERE id = $1 OR ($1::int IS NULL AND parent_id IS NULL)
    UNION ALL
    SELECT t.id, s.path || t.id FROM team t JOIN scope s ON t.parent_id = s.id
     WHERE NOT $3::boolean AND t.id <> ALL (s.path)
  ),
  reach(ancestor_id, team_id) AS (
    SELECT a.id, s.id FROM scope s CROSS JOIN LATERAL unnest(s.path) AS a(id)
  ),
  req AS (SELECT r.* FROM team_requirement r JOIN scope s ON s.id = r.team_id),
  matching(requirement_id, certification_id) AS (
    SELECT id, certification_id FROM req WHERE certification_id IS NOT NULL
    UNION
    SELECT r.id, cs.certification_id
      FROM req r JOIN certification_skill cs ON cs.skill_id = r.skill_id
  ),
  holding AS (
    SELECT r.id AS requirement_id, e.id AS employee_id, h.expires_on
      FROM req r
      JOIN reach ON reach.ancestor_id = r.team_id
      JOIN employee e ON e.team_id = reach.team_id
      JOIN held_certification h ON h.employee_id = e.id
      JOIN matching m ON m.requirement_id = r.id AND m.certification_id = h.certification_id
     WHERE ${activeOnSql('h', '$2::date')}
  )`;

/** The columns of `req` as a RequirementCoverageRow names them, for reuse in other analyses. */
export const REQUIREMENT_COLUMNS = `r.id AS "requirementId", r.team_id AS "teamId",
  r.certification_id AS "certificationId", r.skill_id AS "skillId",
  r.min_holders AS required, r.priority`;

/** `req` is a CTE, so grouping by its id alone does not let the other columns through. */
export const REQUIREMENT_GROUP_BY =
  'GROUP BY r.id, r.team_id, r.certification_id, r.skill_id, r.min_holders, r.priority';

/** Fills in coverage and gap from the distinct holders of a requirement. */
export function withGap<T extends { required: number; holderIds: number[] }>(
  row: T,
): T & { coverage: number; gap: number } {
  const coverage = row.holderIds.length;
  return { ...row, coverage, gap: Math.max(0, row.required - coverage) };
}

const PRIORITY_RANK: Record<Priority, number> = {
  [Priority.CRITICAL]: 0,
  [Priority.HIGH]: 1,
  [Priority.MEDIUM]: 2,
  [Priority.LOW]: 3,
};

interface Ranked {
  priority: Priority;
  requirementId: number;
}

/** A comparator: CRITICAL first, then the larger `size` (gap, shortfall) first, then by id. */
export function byPriorityThenSize<T extends Ranked>(
  size: (row: T) => number,
): (a: T, b: T) => number {
  return (a, b) =>
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    size(b) - size(a) ||
    a.requirementId - b.requirementId;
}

/**
 * Coverage on `asOf` of every requirement defined on the team or any team below it (with
 * `teamOnly`, the team's own requirements over its own members), ordered by requirement id.
 * Coverage counts distinct employees, so a person holding two matching credentials (or the
 * same one twice) counts once; `holderIds` are ascending. One SQL statement whatever the size.
 * Throws NOT_FOUND when the team does not exist.
 */
export async function requirementCoverage(
  db: DataSource,
  teamId: number,
  asOf: string,
  options: { teamOnly: boolean },
): Promise<RequirementCoverageRow[]> {
  // The existence check rides along in the same statement: an empty result alone could not
  // tell "no requirements" from "no such team".
  const rows: Array<Omit<RequirementCoverageRow, 'coverage' | 'gap'> & { found: boolean }> =
    await db.query(
      `${REQUIREMENT_HOLDING_CTES}
       SELECT f.found, c.*
         FROM (SELECT EXISTS (SELECT 1 FROM team WHERE id = $1) AS found) f
         LEFT JOIN LATERAL (
           SELECT ${REQUIREMENT_COLUMNS},
                  coalesce(array_agg(DISTINCT hd.employee_id ORDER BY hd.employee_id)
                    FILTER (WHERE hd.employee_id IS NOT NULL), '{}') AS "holderIds"
             FROM req r LEFT JOIN holding hd ON hd.requirement_id = r.id
            ${REQUIREMENT_GROUP_BY}
         ) c ON true
        ORDER BY c."requirementId"`,
      [teamId, asOf, options.teamOnly],
    );
  if (!rows[0]?.found) throw new NotFoundError('team', 'id', teamId);
  return rows
    .filter((row) => row.requirementId !== null)
    .map(({ found: _found, ...row }) => withGap(row));
}

/** The unmet requirements of {@link requirementCoverage}: CRITICAL first, then larger gaps. */
export async function requirementGaps(
  db: DataSource,
  teamId: number,
  asOf: string,
  options: { teamOnly: boolean },
): Promise<RequirementCoverageRow[]> {
  const rows = await requirementCoverage(db, teamId, asOf, options);
  return rows.filter((row) => row.gap > 0).sort(byPriorityThenSize((row) => row.gap));
}
