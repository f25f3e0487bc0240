/**
 * The operations the statement-count test and the benchmark send to certscope, and how they
 * pick their arguments from a seeded organization. Q6 lists about 1,000 employees: a
 * department holds about 130 people, so it asks for the first 125 of up to eight
 * departments, as aliases of one operation.
 */

export const AS_OF = '2026-12-01';
export const HORIZON_DAYS = 180;
export const Q6_DEPARTMENTS = 8;
export const Q6_PAGE = 125;

const HELD = 'certifications { earnedOn expiresOn certification { slug } }';

/**
 * Page sizes go as variables, as clients page. (A literal `first: 100` in Q1 cost 5,084 under
 * the operation cost limit of 5,000 that applied when this was written, and was refused.)
 */
export const Q1 = `query Q1($t: ID!, $n: Int!) {
  employees(teamId: $t, first: $n) { edges { node { id name ${HELD} } } }
}`;
export const Q1_PAGE = 100;

export const Q5 = `query Q5($e: ID!) { employee(id: $e) { id name ${HELD} } }`;

/** Q6 over the given departments: one aliased connection each. */
export function q6(departments: number): string {
  const pages = Array.from(
    { length: departments },
    (_, i) => `d${i}: employees(teamId: $t${i}, first: $n) {
      edges { node { id name ${HELD} } } }`,
  );
  const variables = [...pages.map((_, i) => `$t${i}: ID!`), '$n: Int!'].join(', ');
  return `query Q6(${variables}) {\n  ${pages.join('\n  ')}\n}`;
}

export function q6Variables(departments: readonly number[]): Record<string, number> {
  return { ...Object.fromEntries(departments.map((id, i) => [`t${i}`, id])), n: Q6_PAGE };
}

export const COVERAGE = `query Coverage($t: ID!, $d: Date) {
  coverage(teamId: $t, asOf: $d) {
    requirementCount metCount totalGap
    requirements { requirement { id } coverage required gap }
  }
}`;

export const RENEWAL = `query Renewal($t: ID!, $d: Date) {
  renewalExposure(teamId: $t, asOf: $d, horizonDays: ${HORIZON_DAYS}) {
    expiringCount totalRenewalCost unknownCostCount
    requirementsAtRisk {
      requirement { id } coverage coverageIfMissed shortfall earliestExpiresOn
    }
  }
}`;

export const BUDGET = `query Budget($t: ID!, $d: Date) {
  trainingBudget(teamId: $t, asOf: $d) {
    peopleTrained
    total { min expected max unknownCount }
    requirements { requirement { id } assigned credited shortfall }
  }
}`;

/** Anything that runs SQL and returns rows: a pg pool wrapper, the test harness. */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<any[]>;
}

export interface Targets {
  /** The department with the most people in its subtree: Q1 and the analyses. */
  department: number;
  /** The departments Q6 lists, the largest first. */
  departments: number[];
  /** The employee holding the most certifications: Q5. */
  employee: number;
}

/** Picks the arguments from the data, so every system is asked the same thing. */
export async function findTargets(db: Sql, q6Departments = Q6_DEPARTMENTS): Promise<Targets> {
  const departments = await db.query(
    `
    WITH RECURSIVE reach(root, id) AS (
      SELECT id, id FROM team WHERE parent_id IS NULL
      UNION ALL
      SELECT r.root, t.id FROM reach r JOIN team t ON t.parent_id = r.id
    )
    SELECT r.root AS id, count(e.id)::int AS people
      FROM reach r JOIN employee e ON e.team_id = r.id
     GROUP BY r.root ORDER BY people DESC, r.root LIMIT $1`,
    [q6Departments],
  );
  const [held] = await db.query(`
    SELECT employee_id AS id FROM held_certification
     GROUP BY employee_id ORDER BY count(*) DESC, employee_id LIMIT 1`);
  if (departments.length === 0 || !held) throw new Error('the organization is empty');
  return {
    department: Number(departments[0].id),
    departments: departments.map((row) => Number(row.id)),
    employee: Number(held.id),
  };
}
