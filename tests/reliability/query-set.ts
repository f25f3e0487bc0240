/** Anything that runs SQL and returns rows: a test database, a pg pool wrapper. */
export interface Queryable {
  query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/**
 * The main read queries of the service, with fixed ids and a fixed asOf so that every answer
 * is reproducible: the load test drives them, the replica test compares their answers.
 */

export interface NamedQuery {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The demo organization's dates are laid out around this day (see src/main.ts). */
export const DEMO_AS_OF = '2026-12-01';

export interface DemoIds {
  /** The top team with the most people below it. */
  rootTeamId: number;
  /** Some employee with certifications. */
  employeeId: number;
  /** An employee with a career goal. */
  goalEmployeeId: number;
  /** Another team, smaller, to vary the answers. */
  subTeamId: number;
}

/** Reads ids from a seeded demo database. */
export async function demoIds(db: Queryable): Promise<DemoIds> {
  const [root] = await db.query<{ id: number }>(
    `WITH RECURSIVE tree AS (
       SELECT id AS root, id FROM team WHERE parent_id IS NULL
       UNION ALL SELECT tree.root, t.id FROM team t JOIN tree ON t.parent_id = tree.id)
     SELECT tree.root AS id FROM tree JOIN employee e ON e.team_id = tree.id
     GROUP BY tree.root ORDER BY count(*) DESC, tree.root LIMIT 1`,
  );
  const [sub] = await db.query<{ id: number }>(
    `SELECT t.id FROM team t JOIN employee e ON e.team_id = t.id
     WHERE t.parent_id IS NOT NULL GROUP BY t.id ORDER BY count(*) DESC, t.id LIMIT 1`,
  );
  const [holder] = await db.query<{ id: number }>(
    `SELECT employee_id AS id FROM held_certification
     GROUP BY employee_id ORDER BY count(*) DESC, employee_id LIMIT 1`,
  );
  const [goal] = await db.query<{ id: number }>(
    'SELECT employee_id AS id FROM career_goal ORDER BY employee_id LIMIT 1',
  );
  if (!root || !sub || !holder || !goal) throw new Error('the demo organization is not seeded');
  return {
    rootTeamId: root.id,
    subTeamId: sub.id,
    employeeId: holder.id,
    goalEmployeeId: goal.id,
  };
}

const EMPLOYEES = `query EmployeesWithCertifications($teamId: ID!, $asOf: Date!) {
  employees(teamId: $teamId, first: 50) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name experienceLevel team { id name }
      certifications { id earnedOn expiresOn status(asOf: $asOf) certification { slug name } } } }
  }
}`;

const EMPLOYEE = `query Employee($id: ID!) {
  employee(id: $id) {
    id name email hireDate experienceLevel team { id name manager { id } }
    certifications { id earnedOn expiresOn revokedOn certification { slug renewalCost } }
    careerGoal { id targetDate role { slug } }
  }
}`;

const COVERAGE = `query Coverage($teamId: ID!, $asOf: Date!) {
  coverage(teamId: $teamId, asOf: $asOf) {
    asOf requirementCount metCount totalGap
    requirements { coverage gap met required holders { id }
      requirement { id priority minHolders certification { slug } skill { slug } } }
  }
}`;

const GAPS = `query Gaps($teamId: ID!, $asOf: Date!) {
  gaps(teamId: $teamId, asOf: $asOf) {
    coverage gap required requirement { id priority team { id } certification { slug } }
  }
}`;

const RENEWAL_EXPOSURE = `query RenewalExposure($asOf: Date!) {
  renewalExposure(asOf: $asOf, horizonDays: 365) {
    asOf horizonEnd expiringCount totalRenewalCost unknownCostCount unknownCostCertifications
    expiring { expiresOn daysLeft renewalCost holder { id } certification { slug }
      milestones { startPreparingOn practiceExamsOn finalReviewOn } }
    requirementsAtRisk { coverage coverageIfMissed shortfall required earliestExpiresOn
      requirement { id } expiringHolders { id } }
  }
}`;

const TRAINING_BUDGET = `query TrainingBudget($teamId: ID!, $asOf: Date!) {
  trainingBudget(teamId: $teamId, asOf: $asOf) {
    asOf peopleTrained
    total { min max expected complete unknownCount unknownNames }
    assignments { servesCareerGoal employee { id } certification { slug } cost { expected } }
    shortfalls { gap shortfall reason requirement { id } }
  }
}`;

const CAREER_PLAN = `query CareerPlan($employeeId: ID!, $asOf: Date!) {
  careerPlan(employeeId: $employeeId, asOf: $asOf) {
    asOf finishesOn meetsTarget totalMonths targetDate role { slug }
    steps { position kind startsOn finishesOn preparationMonths cumulativeMonths requiredBy
      certification { slug } cost { min max expected } }
    cost { min max expected complete }
    alreadyHeld { slug } alternatives { slug }
  }
}`;

export function querySet(ids: DemoIds, asOf = DEMO_AS_OF): NamedQuery[] {
  return [
    { name: 'employees', query: EMPLOYEES, variables: { teamId: ids.rootTeamId, asOf } },
    { name: 'employees-sub', query: EMPLOYEES, variables: { teamId: ids.subTeamId, asOf } },
    { name: 'employee', query: EMPLOYEE, variables: { id: ids.employeeId } },
    { name: 'coverage', query: COVERAGE, variables: { teamId: ids.rootTeamId, asOf } },
    { name: 'gaps', query: GAPS, variables: { teamId: ids.rootTeamId, asOf } },
    { name: 'renewal-exposure', query: RENEWAL_EXPOSURE, variables: { asOf } },
    {
      name: 'training-budget',
      query: TRAINING_BUDGET,
      variables: { teamId: ids.rootTeamId, asOf },
    },
    {
      name: 'career-plan',
      query: CAREER_PLAN,
      variables: { employeeId: ids.goalEmployeeId, asOf },
    },
  ];
}

/**
 * Canonical JSON: object keys sorted. Lists keep their order, since every list in these
 * answers has a documented order and a different order would be a different answer.
 */
export function normalise(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((key) => [key, sort((v as Record<string, unknown>)[key])]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value));
}
