import type { TrainingBudget } from '../../src/services/training-budget.service';
import {
  AS_OF,
  BUDGET,
  COVERAGE,
  Q1,
  Q1_PAGE,
  Q5,
  q6,
  Q6_PAGE,
  q6Variables,
  RENEWAL,
  type Targets,
} from './queries';

/**
 * What each system is asked for each operation, and how its answer is brought to the one
 * shape the floor returns, so that answers can be compared before anything is timed.
 */

export type Json = any;
type Request = { query: string; variables: Record<string, unknown> };

export interface Operation {
  name: string;
  floor: { op: string; variables: Record<string, unknown> };
  certscope: Request & { normalise(data: Json): Json };
  postgraphile?: Request & { normalise(data: Json): Json };
}

interface Held {
  earnedOn: string;
  expiresOn: string | null;
  slug: string;
}
interface Person {
  id: number;
  name: string;
  certifications: Held[];
}

const person = (node: Json, held: (n: Json) => Json[], slug: (h: Json) => string): Person => ({
  id: Number(node.id),
  name: node.name,
  certifications: held(node).map((h) => ({
    earnedOn: h.earnedOn,
    expiresOn: h.expiresOn,
    slug: slug(h),
  })),
});

const scopePerson = (node: Json) =>
  person(
    node,
    (n) => n.certifications,
    (h) => h.certification.slug,
  );
const graphilePerson = (node: Json) =>
  person(
    node,
    (n) => n.heldCertificationsByEmployeeId.nodes,
    (h) => h.certificationByCertificationId.slug,
  );

/**
 * PostGraphile 5 (amber preset) names the primary key `rowId` (`id` is the global node id)
 * and, with two schemas exposed, prefixes the function's field with its schema.
 */
const GRAPHILE_PERSON = `id: rowId name
  heldCertificationsByEmployeeId(orderBy: [EARNED_ON_DESC, ROW_ID_DESC]) {
  nodes { earnedOn expiresOn certificationByCertificationId { slug } } }`;

function graphilePages(count: number): string {
  const pages = Array.from(
    { length: count },
    (_, i) =>
      `d${i}: benchPgDepartmentEmployees(teamId: $t${i}, first: $n) ` +
      `{ nodes { ${GRAPHILE_PERSON} } }`,
  );
  const variables = [...pages.map((_, i) => `$t${i}: Int!`), '$n: Int!'].join(', ');
  return `query Pages(${variables}) { ${pages.join('\n')} }`;
}

const pagesOf = (count: number, page: (data: Json, i: number) => Json[]) => (data: Json) =>
  Array.from({ length: count }, (_, i) => page(data, i));

/** The budget as the comparison sees it; the floor builds it from the service's result. */
export function budgetShape(budget: TrainingBudget) {
  return {
    peopleTrained: budget.peopleTrained,
    total: {
      min: budget.total.minCents,
      expected: budget.total.expectedCents,
      max: budget.total.maxCents,
      unknownCount: budget.total.unknownCount,
    },
    requirements: budget.requirements.map((plan) => ({
      id: plan.requirement.requirementId,
      assigned: plan.assigned,
      credited: plan.credited,
      shortfall: plan.shortfall,
    })),
  };
}

const withIds = (rows: Json[]) =>
  rows.map(({ requirement, ...rest }: Json) => ({ id: Number(requirement.id), ...rest }));

export function operations(t: Targets): Operation[] {
  const departments = t.departments;
  const analysis = { t: t.department, d: AS_OF };
  return [
    {
      name: 'Q1 100 employees of a department',
      floor: { op: 'q1', variables: { t: t.department, n: Q1_PAGE } },
      certscope: {
        query: Q1,
        variables: { t: t.department, n: Q1_PAGE },
        normalise: (data) => [data.employees.edges.map((e: Json) => scopePerson(e.node))],
      },
      postgraphile: {
        query: graphilePages(1),
        variables: { t0: t.department, n: Q1_PAGE },
        normalise: pagesOf(1, (data, i) => data[`d${i}`].nodes.map(graphilePerson)),
      },
    },
    {
      name: 'Q5 one employee',
      floor: { op: 'q5', variables: { e: t.employee } },
      certscope: {
        query: Q5,
        variables: { e: t.employee },
        normalise: (data) => scopePerson(data.employee),
      },
      postgraphile: {
        query: `query Q5($e: Int!) { employeeByRowId(rowId: $e) { ${GRAPHILE_PERSON} } }`,
        variables: { e: t.employee },
        normalise: (data) => graphilePerson(data.employeeByRowId),
      },
    },
    {
      name: `Q6 ${departments.length} x ${Q6_PAGE} employees`,
      floor: { op: 'q6', variables: { teams: departments, n: Q6_PAGE } },
      certscope: {
        query: q6(departments.length),
        variables: q6Variables(departments),
        normalise: pagesOf(departments.length, (data, i) =>
          data[`d${i}`].edges.map((e: Json) => scopePerson(e.node)),
        ),
      },
      postgraphile: {
        query: graphilePages(departments.length),
        variables: q6Variables(departments),
        normalise: pagesOf(departments.length, (data, i) =>
          data[`d${i}`].nodes.map(graphilePerson),
        ),
      },
    },
    {
      name: 'coverage of a department',
      floor: { op: 'coverage', variables: { t: t.department } },
      certscope: {
        query: COVERAGE,
        variables: analysis,
        normalise: ({ coverage: c }) => ({ ...c, requirements: withIds(c.requirements) }),
      },
    },
    {
      name: 'renewal exposure 180 days',
      floor: { op: 'renewal', variables: { t: t.department } },
      certscope: {
        query: RENEWAL,
        variables: analysis,
        normalise: ({ renewalExposure: r }) => ({
          ...r,
          requirementsAtRisk: withIds(r.requirementsAtRisk),
        }),
      },
    },
    {
      name: 'training budget',
      floor: { op: 'budget', variables: { t: t.department } },
      certscope: {
        query: BUDGET,
        variables: analysis,
        normalise: ({ trainingBudget: b }) => ({ ...b, requirements: withIds(b.requirements) }),
      },
    },
  ];
}

/** JSON with object keys sorted, for comparing answers whatever the key order. */
export function canonical(value: Json): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
