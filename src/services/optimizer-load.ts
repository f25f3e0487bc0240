import type { DataSource } from 'typeorm';
import { renewalCostCents } from '../../seeds/catalog/cost';
import type { CostKind, ValidityKind } from '../entities/enums';
import { BadInputError, NotFoundError } from '../schema/errors';
import { addDays, daysBetween } from './calendar';
import {
  activeOnSql,
  REQUIREMENT_COLUMNS,
  REQUIREMENT_GROUP_BY,
  REQUIREMENT_HOLDING_CTES,
  withGap,
} from './coverage.service';
import type {
  ExpiringHolding,
  PlanningInstance,
  PlanningRequirement,
} from './optimizer-candidates';
import { alreadyRenewedSql, MAX_HORIZON_DAYS } from './renewal-exposure.service';
import { loadCandidates, loadCatalog } from './training-budget.service';

const LAST_DATE = '9999-12-31';

/** asOf + horizonDays, after checking the horizon; it stops at the last date the API writes. */
export function horizonEndOf(asOf: string, horizonDays: number): string {
  if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > MAX_HORIZON_DAYS) {
    throw new BadInputError(
      'horizonDays',
      `must be a whole number of days from 0 to ${MAX_HORIZON_DAYS}, got ${horizonDays}`,
      horizonDays,
    );
  }
  return addDays(asOf, Math.min(horizonDays, daysBetween(asOf, LAST_DATE)));
}

/**
 * Coverage on `asOf` of every requirement of the team and the teams below it, by requirement
 * id, with the holders who stop counting by `horizonEnd`: every matching credential of theirs
 * that is active on asOf expires on or before it (a renewal already on record lasts longer,
 * so it keeps the holder). One statement; throws NOT_FOUND for an unknown team.
 */
export async function coverageWithLosses(
  db: DataSource,
  teamId: number,
  asOf: string,
  horizonEnd: string,
): Promise<PlanningRequirement[]> {
  const rows: Array<Omit<PlanningRequirement, 'coverage' | 'gap'> & { found: boolean }> =
    await db.query(
      `${REQUIREMENT_HOLDING_CTES},
       holder AS (
         SELECT requirement_id, employee_id,
                bool_and(expires_on IS NOT NULL AND expires_on <= $4::date) AS lost
           FROM holding GROUP BY requirement_id, employee_id
       )
       SELECT f.found, c.*
         FROM (SELECT EXISTS (SELECT 1 FROM team WHERE id = $1) AS found) f
         LEFT JOIN LATERAL (
           SELECT ${REQUIREMENT_COLUMNS},
                  coalesce(array_agg(hd.employee_id ORDER BY hd.employee_id)
                    FILTER (WHERE hd.employee_id IS NOT NULL), '{}') AS "holderIds",
                  coalesce(array_agg(hd.employee_id ORDER BY hd.employee_id)
                    FILTER (WHERE hd.lost), '{}') AS "lostHolderIds"
             FROM req r LEFT JOIN holder hd ON hd.requirement_id = r.id
            ${REQUIREMENT_GROUP_BY}
         ) c ON true
        ORDER BY c."requirementId"`,
      [teamId, asOf, false, horizonEnd],
    );
  if (!rows[0]?.found) throw new NotFoundError('team', 'id', teamId);
  return rows
    .filter((row) => row.requirementId !== null)
    .map(({ found: _found, ...row }) => withGap(row));
}

interface ExpiringRow {
  employeeId: number;
  certificationId: number;
  expiresOn: string;
  costKind: CostKind;
  costLowCents: number | null;
  validityKind: ValidityKind;
}

/**
 * The credentials of the team's people (and below) active on `asOf` that expire by
 * `horizonEnd`, leaving out those the person already renewed (another active record of the
 * same certification lasts longer), with what renewing them costs.
 */
async function loadExpiring(
  db: DataSource,
  teamId: number,
  asOf: string,
  horizonEnd: string,
): Promise<ExpiringHolding[]> {
  const rows: ExpiringRow[] = await db.query(
    `WITH RECURSIVE scope(id) AS (
       SELECT id FROM team WHERE id = $1
       UNION
       SELECT t.id FROM team t JOIN scope s ON t.parent_id = s.id
     )
     SELECT h.employee_id AS "employeeId", h.certification_id AS "certificationId",
            h.expires_on AS "expiresOn", c.cost_kind AS "costKind",
            c.cost_low_cents AS "costLowCents", c.validity_kind AS "validityKind"
       FROM held_certification h
       JOIN employee e ON e.id = h.employee_id
       JOIN scope s ON s.id = e.team_id
       JOIN certification c ON c.id = h.certification_id
      WHERE ${activeOnSql('h', '$2::date')} AND h.expires_on <= $3::date
        AND NOT ${alreadyRenewedSql('h', '$2::date')}
      ORDER BY h.employee_id, h.certification_id`,
    [teamId, asOf, horizonEnd],
  );
  return rows.map((row) => ({
    employeeId: row.employeeId,
    certificationId: row.certificationId,
    expiresOn: row.expiresOn,
    renewalFeeCents: renewalCostCents(row),
  }));
}

/** Everything the optimizer needs about a team, in four statements whatever its size. */
export async function loadPlanningInstance(
  db: DataSource,
  teamId: number,
  asOf: string,
  horizonEnd: string,
): Promise<PlanningInstance> {
  // Also the existence check: NOT_FOUND for an unknown team.
  const requirements = await coverageWithLosses(db, teamId, asOf, horizonEnd);
  const [people, catalog, expiring] = await Promise.all([
    loadCandidates(db, teamId, asOf, false),
    loadCatalog(db, requirements, { prerequisites: true }),
    loadExpiring(db, teamId, asOf, horizonEnd),
  ]);
  return { asOf, horizonEnd, requirements, people, catalog, expiring };
}
