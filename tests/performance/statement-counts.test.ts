import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../seeds/catalog/seed-catalog';
import { seedOrganization } from '../../seeds/organization/seed-organization';
import {
  AS_OF,
  BUDGET,
  COVERAGE,
  findTargets,
  Q1,
  Q1_PAGE,
  Q5,
  q6,
  q6Variables,
  RENEWAL,
  type Targets,
} from '../../scripts/bench/queries';
import { startTestServer, type TestServer } from '../support/server';

/**
 * The SQL statements each main query sends must not grow with the organization: the same
 * operations against a generated organization of 200 and of 2,000 people. Counts include the
 * one statement per request that resolves the viewer's scope.
 */
const SIZES = [200, 2000] as const;

interface Org {
  server: TestServer;
  targets: Targets;
}

const orgs = new Map<number, Org>();

beforeAll(async () => {
  await Promise.all(
    SIZES.map(async (employees) => {
      const server = await startTestServer({
        today: AS_OF,
        prepare: async (db) => {
          await seedCatalog(db);
          await seedOrganization(db, { employees, asOf: AS_OF });
        },
      });
      // Three departments: as many as the smaller organization has.
      orgs.set(employees, { server, targets: await findTargets(server.db, 3) });
    }),
  );
});
afterAll(async () => {
  await Promise.all([...orgs.values()].map(({ server }) => server.close()));
});

type Case = [name: string, query: (t: Targets) => [string, Record<string, unknown>]];

const CASES: Case[] = [
  ['Q1 first 100 of a department', (t) => [Q1, { t: t.department, n: Q1_PAGE }]],
  ['Q5 one employee', (t) => [Q5, { e: t.employee }]],
  ['Q6 pages of several departments', (t) => [q6(3), q6Variables(t.departments)]],
  ['coverage of a department', (t) => [COVERAGE, { t: t.department, d: AS_OF }]],
  ['renewal exposure, 180 days', (t) => [RENEWAL, { t: t.department, d: AS_OF }]],
  ['training budget', (t) => [BUDGET, { t: t.department, d: AS_OF }]],
];

async function count(size: number, query: Case[1]): Promise<{ statements: number; data: any }> {
  const org = orgs.get(size);
  if (!org) throw new Error(`no organization of ${size}`);
  const [text, variables] = query(org.targets);
  let response: any;
  const statements = await org.server.countStatements(async () => {
    response = await org.server.gql(text, variables);
  });
  expect(response.errors).toBeUndefined();
  return { statements, data: response.data };
}

describe('statements per request', () => {
  it.each(CASES)('%s: the same at 200 and at 2,000 people', async (_name, query) => {
    const [small, large] = [await count(SIZES[0], query), await count(SIZES[1], query)];
    expect(small.data).toBeTruthy();
    expect(large.statements).toBe(small.statements);
  });

  it('Q1 takes scope, then the page with its certifications and their catalog rows', async () => {
    const { statements, data } = await count(SIZES[1], CASES[0][1]);
    expect(data.employees.edges).toHaveLength(100);
    expect(data.employees.edges.some((e: any) => e.node.certifications.length > 0)).toBe(true);
    expect(statements).toBeLessThanOrEqual(2);
  });

  it('Q5 and Q6 read certifications and their catalog rows with the people', async () => {
    expect((await count(SIZES[1], CASES[1][1])).statements).toBeLessThanOrEqual(2);
    expect((await count(SIZES[1], CASES[2][1])).statements).toBeLessThanOrEqual(2);
  });

  it('the analyses take scope plus their own statements', async () => {
    expect((await count(SIZES[1], CASES[3][1])).statements).toBe(2);
    expect((await count(SIZES[1], CASES[4][1])).statements).toBe(2);
    expect((await count(SIZES[1], CASES[5][1])).statements).toBeLessThanOrEqual(4);
  });
});
