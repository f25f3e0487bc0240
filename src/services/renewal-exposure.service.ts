import type { DataSource } from 'typeorm';
import { renewalCostCents } from '../../seeds/catalog/cost';
import type { CostKind, ValidityKind } from '../entities/enums';
import { BadInputError, NotFoundError } from '../schema/errors';
import { addDays, addMonths, daysBetween } from './calendar';
import { assertTeamVisible, canSeePerson, canSeeTeam, type Scope } from './scope';
import {
  activeOnSql,
  byPriorityThenSize,
  REQUIREMENT_COLUMNS,
  REQUIREMENT_GROUP_BY,
  REQUIREMENT_HOLDING_CTES,
  type RequirementCoverageRow,
  withGap,
} from './coverage.service';

export const MAX_HORIZON_DAYS = 3660;

/**
 * The SQL condition "the credential `h` (a held_certification row) was already renewed on
 * `on`": the same person has another record of the same certification, active on that date,
 * that expires later or never. Such a credential is no renewal to plan or pay for. Two
 * identical records count once: the one with the higher id is taken as the renewal.
 */
export function alreadyRenewedSql(h: string, on: string): string {
  return `EXISTS (
    SELECT 1 FROM held_certification renewal
     WHERE renewal.employee_id = ${h}.employee_id
       AND renewal.certification_id = ${h}.certification_id
       AND ${activeOnSql('renewal', on)}
       AND (coalesce(renewal.expires_on, 'infinity'::date), renewal.id) > (${h}.expires_on, ${h}.id)
  )`;
}

/** The guide's renewal timeline, counted back from the expiry. */
export interface RenewalMilestones {
  startPreparingOn: string;
  practiceExamsOn: string;
  finalReviewOn: string;
}

/** The held_certification row, as the organization API shows it. */
export interface HeldRecord {
  id: number;
  employeeId: number;
  certificationId: number;
  earnedOn: string;
  expiresOn: string | null;
  credentialId: string | null;
  revokedOn: string | null;
  revokeReason: string | null;
}

export interface ExpiringCredential {
  heldCertification: HeldRecord;
  employeeId: number;
  /** The holder's team, for scoping. */
  teamId: number;
  certificationId: number;
  certificationName: string;
  expiresOn: string;
  daysLeft: number;
  /** The exam fee again; null when the catalog cannot say what renewing costs. */
  renewalCostCents: number | null;
  milestones: RenewalMilestones;
}

export interface RequirementAtRisk extends RequirementCoverageRow {
  /** Holders who drop out when their expiring credentials lapse; ascending ids. */
  expiringHolderIds: number[];
  coverageIfMissed: number;
  /** How far below `required` coverage falls if the renewals are missed. */
  shortfall: number;
  /** The first day one of those holders stops counting is the day after this one. */
  earliestExpiresOn: string;
}

export interface RenewalExposure {
  teamId: number | null;
  asOf: string;
  horizonDays: number;
  horizonEnd: string;
  /** The expiring credentials of people the viewer may see. */
  expiring: ExpiringCredential[];
  /** How many credentials expire in scope, including those of people not shown. */
  expiringCount: number;
  /** The sum of the known renewal costs; those unknown are counted and named instead. */
  totalRenewalCostCents: number;
  unknownCostCount: number;
  unknownCostCertifications: string[];
  requirementsAtRisk: RequirementAtRisk[];
}

interface ExpiringRow extends HeldRecord {
  teamId: number;
  expiresOn: string;
  certificationName: string;
  costKind: CostKind;
  costLowCents: number | null;
  validityKind: ValidityKind;
}

type AtRiskRow = Omit<RequirementCoverageRow, 'coverage' | 'gap'> & {
  expiringHolderIds: number[];
  earliestExpiresOn: string;
};

/** Start preparing 6 months before expiry, practice exams 3 months, final review 1 month. */
export function renewalMilestones(expiresOn: string): RenewalMilestones {
  return {
    startPreparingOn: addMonths(expiresOn, -6),
    practiceExamsOn: addMonths(expiresOn, -3),
    finalReviewOn: addMonths(expiresOn, -1),
  };
}

/**
 * The held certifications that are active on `asOf` and expire within `horizonDays` of it,
 * for the people of a team's subtree (or the whole organization when `teamId` is null), with
 * what renewing them costs, and the requirements that fall below their minimum if they lapse.
 *
 * A record that the same person has already renewed (another active record of the same
 * certification that expires later, or never) is not exposure and is left out. A requirement
 * holder is lost only when every matching active credential of theirs expires in the window.
 * One SQL statement whatever the size.
 */
export async function renewalExposure(
  db: DataSource,
  scope: Scope,
  teamId: number | null,
  asOf: string,
  horizonDays: number,
): Promise<RenewalExposure> {
  if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > MAX_HORIZON_DAYS) {
    throw new BadInputError(
      'horizonDays',
      `must be a whole number of days from 0 to ${MAX_HORIZON_DAYS}, got ${horizonDays}`,
      horizonDays,
    );
  }
  if (teamId !== null) assertTeamVisible(scope, teamId);
  const horizonEnd = addDays(asOf, horizonDays);

  const [result]: Array<{ found: boolean; expiring: ExpiringRow[]; atRisk: AtRiskRow[] }> =
    await db.query(
      `${REQUIREMENT_HOLDING_CTES},
       expiring AS (
         SELECT h.id, h.employee_id AS "employeeId", e.team_id AS "teamId",
                h.certification_id AS "certificationId", c.name AS "certificationName",
                h.earned_on AS "earnedOn", h.expires_on AS "expiresOn",
                h.credential_id AS "credentialId", h.revoked_on AS "revokedOn",
                h.revoke_reason AS "revokeReason", c.cost_kind AS "costKind",
                c.cost_low_cents AS "costLowCents", c.validity_kind AS "validityKind"
           FROM held_certification h
           JOIN employee e ON e.id = h.employee_id
           JOIN scope s ON s.id = e.team_id
           JOIN certification c ON c.id = h.certification_id
          WHERE ${activeOnSql('h', '$2::date')}
            AND h.expires_on <= $4::date
            AND NOT ${alreadyRenewedSql('h', '$2::date')}
       ),
       holder AS (
         SELECT requirement_id, employee_id,
                bool_and(expires_on IS NOT NULL AND expires_on <= $4::date) AS lost,
                max(expires_on) AS covered_until
           FROM holding GROUP BY requirement_id, employee_id
       ),
       at_risk AS (
         SELECT ${REQUIREMENT_COLUMNS},
                coalesce(array_agg(hd.employee_id ORDER BY hd.employee_id)
                  FILTER (WHERE hd.employee_id IS NOT NULL), '{}') AS "holderIds",
                coalesce(array_agg(hd.employee_id ORDER BY hd.employee_id)
                  FILTER (WHERE hd.lost), '{}') AS "expiringHolderIds",
                min(hd.covered_until) FILTER (WHERE hd.lost) AS "earliestExpiresOn"
           FROM req r LEFT JOIN holder hd ON hd.requirement_id = r.id
          ${REQUIREMENT_GROUP_BY}
       )
       SELECT ($1::int IS NULL OR EXISTS (SELECT 1 FROM team WHERE id = $1)) AS found,
              (SELECT coalesce(json_agg(x ORDER BY x."expiresOn", x."employeeId", x.id), '[]')
                 FROM expiring x) AS expiring,
              (SELECT coalesce(json_agg(k), '[]') FROM at_risk k
                WHERE cardinality(k."expiringHolderIds") > 0
                  AND cardinality(k."holderIds") - cardinality(k."expiringHolderIds")
                      < k.required) AS "atRisk"`,
      [teamId, asOf, false, horizonEnd],
    );
  if (!result) throw new Error('the renewal exposure query returned no row');
  if (teamId !== null && !result.found) throw new NotFoundError('team', 'id', teamId);

  // Totals cover the teams the viewer may analyse; the lines name only people they may see
  // (FINANCE gets the organization's totals with no one's name).
  const inScope = result.expiring
    .filter((row) => canSeeTeam(scope, row.teamId) || row.employeeId === scope.viewer.employeeId)
    .map((row) => toExpiring(row, asOf));
  const unknown = inScope.filter((item) => item.renewalCostCents === null);
  return {
    teamId,
    asOf,
    horizonDays,
    horizonEnd,
    expiring: inScope.filter((item) =>
      canSeePerson(scope, { id: item.employeeId, teamId: item.teamId }),
    ),
    expiringCount: inScope.length,
    totalRenewalCostCents: inScope.reduce((sum, item) => sum + (item.renewalCostCents ?? 0), 0),
    unknownCostCount: unknown.length,
    unknownCostCertifications: [...new Set(unknown.map((item) => item.certificationName))].sort(),
    requirementsAtRisk: result.atRisk
      .filter((row) => canSeeTeam(scope, row.teamId))
      .map(toAtRisk)
      .sort(byPriorityThenSize((row) => row.shortfall)),
  };
}

function toExpiring(row: ExpiringRow, asOf: string): ExpiringCredential {
  const { costKind, costLowCents, validityKind, certificationName, teamId, ...held } = row;
  return {
    heldCertification: held,
    employeeId: row.employeeId,
    teamId,
    certificationId: row.certificationId,
    certificationName,
    expiresOn: row.expiresOn,
    daysLeft: daysBetween(asOf, row.expiresOn),
    renewalCostCents: renewalCostCents({ costKind, costLowCents, validityKind }),
    milestones: renewalMilestones(row.expiresOn),
  };
}

function toAtRisk(row: AtRiskRow): RequirementAtRisk {
  const covered = withGap(row);
  const coverageIfMissed = covered.coverage - row.expiringHolderIds.length;
  return { ...covered, coverageIfMissed, shortfall: row.required - coverageIfMissed };
}
