import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { Certification } from '../entities/certification.entity';
import type { Employee } from '../entities/employee.entity';
import type { HeldCertification } from '../entities/held-certification.entity';
import { peopleFilter, type Scope } from './scope';

/**
 * Employee reads that can bring each person's held certifications along in the same
 * statement, for requests whose selection will ask for them next (see field-selection.ts).
 * The rows then prime the request's heldCertifications loader, so the nested field costs no
 * round trip of its own.
 */

/**
 * An employee, with their held certifications when they were asked for (newest first) and,
 * then, the catalog rows of those certifications.
 */
export type EmployeeRead = Employee & {
  held: HeldCertification[] | null;
  catalog?: Certification[] | null;
};

/** Primes the request's certification loader with catalog rows read along. */
export type PrimeCatalog = (rows: Certification[]) => void;

export interface PageRequest {
  teamId: number;
  /** Ids above this one; 0 for the first page. */
  afterId: number;
  /** Rows to return: the page size plus one, to tell whether another page follows. */
  limit: number;
  teamOnly: boolean;
  withCertifications: boolean;
}

export interface PageResult {
  /** False when the team does not exist. */
  found: boolean;
  totalCount: number;
  employees: EmployeeRead[];
}

const EMPLOYEE_COLUMNS = (e: string) => `${e}.id, ${e}.name, ${e}.email,
  ${e}.team_id AS "teamId", ${e}.experience_level AS "experienceLevel",
  ${e}.hire_date AS "hireDate"`;

/** A person's held certifications as a JSON array, in the heldCertifications loader's order. */
const HELD_JSON = (employeeId: string) => `(
  SELECT coalesce(json_agg(json_build_object(
           'id', h.id, 'employeeId', h.employee_id, 'certificationId', h.certification_id,
           'earnedOn', h.earned_on, 'expiresOn', h.expires_on,
           'credentialId', h.credential_id, 'revokedOn', h.revoked_on,
           'revokeReason', h.revoke_reason)
         ORDER BY h.earned_on DESC, h.id DESC), '[]')
    FROM held_certification h WHERE h.employee_id = ${employeeId})`;

/**
 * A catalog row as JSON with the entity's property names, built from TypeORM's metadata so
 * it follows the entity; the same object the certification loader would have loaded.
 */
const catalogJson = (() => {
  const built = new WeakMap<DataSource, string>();
  return (db: DataSource, alias: string): string => {
    let pairs = built.get(db);
    if (pairs === undefined) {
      pairs = db
        .getMetadata(Certification)
        .columns.map((c) => `'${c.propertyName}', ${alias}."${c.databaseName}"`)
        .join(', ');
      built.set(db, pairs);
    }
    return `json_build_object(${pairs})`;
  };
})();

/** The catalog rows, as a JSON array, of the certifications the given held rows refer to. */
const CATALOG_JSON = (db: DataSource, heldRows: string) => `(
  SELECT json_agg(${catalogJson(db, 'cert')} ORDER BY cert.id)
    FROM certification cert WHERE cert.id IN (${heldRows}))`;

/**
 * Every page the request asks for, in one statement: each page is its team's subtree (the
 * team alone with teamOnly) restricted to the people the viewer may see, counted, and cut
 * to `limit` rows past the cursor by id. A cursor from someone else's page only skips ids.
 */
const PAGES_SQL = (db: DataSource) => `
  WITH RECURSIVE req AS (
    SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::boolean[], $5::boolean[])
      WITH ORDINALITY AS r(team_id, after_id, size, team_only, with_held, n)
  ),
  subtree(n, id) AS (
    SELECT n, team_id FROM req
    UNION ALL
    SELECT s.n, t.id FROM subtree s
      JOIN req r ON r.n = s.n AND NOT r.team_only
      JOIN team t ON t.parent_id = s.id
  ),
  scoped AS (
    -- OFFSET 0 keeps the planner from hashing the whole employee table for a subtree of a
    -- few dozen teams: each team's people come from employee_team_idx.
    SELECT s.n, e.* FROM subtree s
      CROSS JOIN LATERAL (SELECT * FROM employee e WHERE e.team_id = s.id OFFSET 0) e
     WHERE $6::int[] IS NULL OR e.team_id = ANY($6) OR e.id = $7
  ),
  page AS (
    SELECT r.n, r.with_held, c.* FROM req r CROSS JOIN LATERAL (
      SELECT ${EMPLOYEE_COLUMNS('c')} FROM scoped c
       WHERE c.n = r.n AND c.id > r.after_id ORDER BY c.id LIMIT r.size) c
  )
  SELECT EXISTS (SELECT 1 FROM team WHERE id = r.team_id) AS found,
         (SELECT count(*)::int FROM scoped c WHERE c.n = r.n) AS "totalCount",
         (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name,
                   'email', p.email, 'teamId', p."teamId",
                   'experienceLevel', p."experienceLevel", 'hireDate', p."hireDate",
                   'held', CASE WHEN p.with_held THEN ${HELD_JSON('p.id')} END)
                 ORDER BY p.id), '[]')
            FROM page p WHERE p.n = r.n) AS employees,
         -- The catalog rows for every page, once, on the first row.
         CASE WHEN r.n = 1 THEN ${CATALOG_JSON(
           db,
           `SELECT h.certification_id FROM page p
              JOIN held_certification h ON h.employee_id = p.id WHERE p.with_held`,
         )} END AS catalog
    FROM req r ORDER BY r.n`;

/**
 * Batches the employee pages of one request (sibling or aliased connections, a list of teams
 * each with its employees) into one statement. Per request only, like every loader: the
 * people filter comes from this request's scope.
 */
export function createEmployeePageLoader(
  db: DataSource,
  scope: () => Promise<Scope>,
  primeCatalog: PrimeCatalog,
) {
  return new DataLoader<PageRequest, PageResult, string>(
    async (requests) => {
      const people = peopleFilter(await scope());
      const column = <K extends keyof PageRequest>(key: K) => requests.map((r) => r[key]);
      const rows: Array<PageResult & { catalog: Certification[] | null }> = await db.query(
        PAGES_SQL(db),
        [
          column('teamId'),
          column('afterId'),
          column('limit'),
          column('teamOnly'),
          column('withCertifications'),
          people.teamIds,
          people.selfId,
        ],
      );
      primeCatalog(rows[0]?.catalog ?? []);
      return rows.map(({ catalog: _catalog, ...page }) => page);
    },
    {
      cacheKeyFn: (r) =>
        `${r.teamId}:${r.afterId}:${r.limit}:${r.teamOnly}:${r.withCertifications}`,
    },
  );
}

export type EmployeePageLoader = ReturnType<typeof createEmployeePageLoader>;

/** One employee by id, unfiltered (the caller checks scope), or null when there is none. */
export async function readEmployee(
  db: DataSource,
  id: number,
  withCertifications: boolean,
): Promise<EmployeeRead | null> {
  const rows: EmployeeRead[] = await db.query(
    `SELECT ${EMPLOYEE_COLUMNS('e')},
            CASE WHEN $2::boolean THEN ${HELD_JSON('e.id')} END AS held,
            CASE WHEN $2::boolean THEN ${CATALOG_JSON(
              db,
              'SELECT h.certification_id FROM held_certification h WHERE h.employee_id = e.id',
            )} END AS catalog
       FROM employee e WHERE e.id = $1`,
    [id, withCertifications],
  );
  const row = rows[0];
  if (row === undefined) return null;
  if (!row.catalog) delete row.catalog;
  return row;
}

/**
 * Hands the certifications read along to the loader the nested field reads from (and their
 * catalog rows to the certification loader), then drops them from the employee. A key
 * already loaded keeps its value, so priming never disagrees with what this request has
 * shown.
 */
export function primeHeld(
  loader: DataLoader<number, HeldCertification[]>,
  employee: EmployeeRead,
  primeCatalog?: PrimeCatalog,
): Employee {
  const { held, catalog, ...rest } = employee;
  if (held !== null) loader.prime(employee.id, held);
  if (catalog) primeCatalog?.(catalog);
  return rest;
}

/** A PrimeCatalog over the request's certification loader. */
export function catalogPrimer(loader: DataLoader<number, Certification | null>): PrimeCatalog {
  return (rows) => {
    for (const row of rows) loader.prime(row.id, row);
  };
}
