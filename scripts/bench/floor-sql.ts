import { activeOnSql, REQUIREMENT_HOLDING_CTES } from '../../src/services/coverage.service';

/**
 * The floor: each answer written as one SQL statement that returns the normalised JSON the
 * benchmark compares (see normalise.ts), so a server only passes text through. The analyses
 * start from the same CTEs the service uses: the floor measures everything but the query
 * itself. Parameters are listed beside each statement.
 */

/** [team, limit] -> [{ id, name, certifications: [{ earnedOn, expiresOn, slug }] }] */
const PEOPLE = (teams: string) => `
  WITH RECURSIVE subtree(n, id) AS (
    SELECT n, id FROM unnest(${teams}) WITH ORDINALITY AS r(id, n)
    UNION ALL
    SELECT s.n, t.id FROM team t JOIN subtree s ON t.parent_id = s.id
  )
  SELECT coalesce(json_agg(page ORDER BY n), '[]')::text AS json FROM (
    SELECT r.n, (
      SELECT coalesce(json_agg(x ORDER BY x.id), '[]') FROM (
        SELECT e.id, e.name, (
          SELECT coalesce(json_agg(json_build_object('earnedOn', h.earned_on,
                   'expiresOn', h.expires_on, 'slug', c.slug)
                 ORDER BY h.earned_on DESC, h.id DESC), '[]')
            FROM held_certification h JOIN certification c ON c.id = h.certification_id
           WHERE h.employee_id = e.id) AS certifications
          FROM employee e JOIN subtree s ON s.id = e.team_id AND s.n = r.n
         ORDER BY e.id LIMIT $2) x) AS page
      FROM unnest(${teams}) WITH ORDINALITY AS r(id, n)) pages`;

/** [teams[], limit] -> one page per team, in order. */
export const PAGES_SQL = PEOPLE('$1::int[]');

/** [employee] -> { id, name, certifications } */
export const EMPLOYEE_SQL = `
  SELECT json_build_object('id', e.id, 'name', e.name, 'certifications', (
    SELECT coalesce(json_agg(json_build_object('earnedOn', h.earned_on,
             'expiresOn', h.expires_on, 'slug', c.slug) ORDER BY h.earned_on DESC, h.id DESC), '[]')
      FROM held_certification h JOIN certification c ON c.id = h.certification_id
     WHERE h.employee_id = e.id))::text AS json
    FROM employee e WHERE e.id = $1`;

/** [team, asOf, teamOnly] -> { requirementCount, metCount, totalGap, requirements } */
export const COVERAGE_SQL = `${REQUIREMENT_HOLDING_CTES},
  covered AS (
    SELECT r.id, r.min_holders AS required, count(DISTINCT hd.employee_id)::int AS coverage
      FROM req r LEFT JOIN holding hd ON hd.requirement_id = r.id GROUP BY r.id, r.min_holders
  ),
  gapped AS (SELECT *, greatest(0, required - coverage) AS gap FROM covered)
  SELECT json_build_object('requirementCount', count(*),
    'metCount', count(*) FILTER (WHERE gap = 0), 'totalGap', coalesce(sum(gap), 0),
    'requirements', coalesce(json_agg(json_build_object(
      'id', id, 'coverage', coverage, 'required', required, 'gap', gap) ORDER BY id), '[]')
  )::text AS json FROM gapped`;

/**
 * [team, asOf, teamOnly, horizonEnd] -> { expiringCount, totalRenewalCost, unknownCostCount,
 * requirementsAtRisk }; a renewal costs the exam again (fixed validity, one-time fee) or
 * nothing (lifetime), else it is unknown.
 */
export const RENEWAL_SQL = `${REQUIREMENT_HOLDING_CTES},
  expiring AS (
    SELECT CASE WHEN c.validity_kind = 'LIFETIME' THEN 0
                WHEN c.validity_kind = 'FIXED' AND c.cost_kind = 'ONE_TIME' THEN c.cost_low_cents
           END AS cost
      FROM held_certification h
      JOIN employee e ON e.id = h.employee_id
      JOIN scope s ON s.id = e.team_id
      JOIN certification c ON c.id = h.certification_id
     WHERE ${activeOnSql('h', '$2::date')} AND h.expires_on <= $4::date
       AND NOT EXISTS (
         SELECT 1 FROM held_certification o
          WHERE o.employee_id = h.employee_id AND o.certification_id = h.certification_id
            AND ${activeOnSql('o', '$2::date')}
            AND (coalesce(o.expires_on, 'infinity'::date), o.id) > (h.expires_on, h.id))
  ),
  holder AS (
    SELECT requirement_id, employee_id,
           bool_and(expires_on IS NOT NULL AND expires_on <= $4::date) AS lost,
           max(expires_on) AS covered_until
      FROM holding GROUP BY requirement_id, employee_id
  ),
  risk AS (
    SELECT r.id, r.priority, r.min_holders AS required, count(hd.employee_id)::int AS coverage,
           count(*) FILTER (WHERE hd.lost)::int AS lost,
           min(hd.covered_until) FILTER (WHERE hd.lost) AS earliest
      FROM req r LEFT JOIN holder hd ON hd.requirement_id = r.id
     GROUP BY r.id, r.priority, r.min_holders
  )
  SELECT json_build_object(
    'expiringCount', (SELECT count(*) FROM expiring),
    'totalRenewalCost', (SELECT coalesce(sum(cost), 0) FROM expiring),
    'unknownCostCount', (SELECT count(*) FILTER (WHERE cost IS NULL) FROM expiring),
    'requirementsAtRisk', (
      SELECT coalesce(json_agg(json_build_object('id', id, 'coverage', coverage,
               'coverageIfMissed', coverage - lost, 'shortfall', required - (coverage - lost),
               'earliestExpiresOn', earliest)
             ORDER BY priority, required - (coverage - lost) DESC, id), '[]')
        FROM risk WHERE lost > 0 AND coverage - lost < required))::text AS json`;
