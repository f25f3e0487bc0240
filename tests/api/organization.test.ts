import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

describe('organization over GraphQL', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({
      today: '2025-06-15',
      prepare: async (db) => {
        const f = new Factory(db);
        ids.dept = await f.team({ name: 'Data' });
        ids.team = await f.team({ name: 'Vision', parentId: ids.dept });
        ids.other = await f.team({ name: 'Finance' });
        ids.boss = await f.employee(ids.dept, { name: 'Grace Hopper' });
        await f.setManager(ids.dept, ids.boss);
        for (let i = 0; i < 5; i += 1) ids[`e${i}`] = await f.employee(ids.team);
        ids.outsider = await f.employee(ids.other);
        ids.cert = await f.certification({ slug: 'aws_ml_specialty', validityMonths: 36 });
        await f.held(ids.e0, ids.cert, { earnedOn: '2024-02-29', expiresOn: '2027-02-28' });
      },
    });
  });
  afterAll(async () => server?.close());

  it('pages through a department and its sub-teams without skipping or repeating', async () => {
    const query = `query($team: ID!, $after: String) {
      employees(teamId: $team, first: 4, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
      }
    }`;
    const first = await server.gql(query, { team: ids.dept });
    expect(first.data.employees.totalCount).toBe(6);
    expect(first.data.employees.pageInfo.hasNextPage).toBe(true);
    const second = await server.gql(query, {
      team: ids.dept,
      after: first.data.employees.pageInfo.endCursor,
    });
    expect(second.data.employees.pageInfo.hasNextPage).toBe(false);
    const seen = [...first.data.employees.edges, ...second.data.employees.edges].map((e: any) =>
      Number(e.node.id),
    );
    expect(seen).toEqual([ids.boss, ids.e0, ids.e1, ids.e2, ids.e3, ids.e4]);
  });

  it('returns dates exactly as stored, whatever the server zone', async () => {
    const res = await server.gql(
      `query($id: ID!) { employee(id: $id) { certifications { earnedOn expiresOn status } } }`,
      { id: ids.e0 },
    );
    expect(res.data.employee.certifications).toEqual([
      { earnedOn: '2024-02-29', expiresOn: '2027-02-28', status: 'ACTIVE' },
    ]);
  });

  it('derives the expiry from the catalog, clamped to the month end', async () => {
    const res = await server.gql(
      `mutation($id: ID!) {
        recordCertification(input: {
          employeeId: $id, certificationSlug: "aws_ml_specialty", earnedOn: "2024-02-29"
        }) { earnedOn expiresOn }
      }`,
      { id: ids.e1 },
    );
    expect(res.data.recordCertification).toEqual({
      earnedOn: '2024-02-29',
      expiresOn: '2027-02-28',
    });
  });

  it('rejects an impossible date with BAD_USER_INPUT and writes nothing', async () => {
    const [{ count: before }] = await server.db.query(
      'SELECT count(*)::int AS count FROM held_certification',
    );
    const res = await server.gql(
      `mutation($id: ID!) {
        recordCertification(input: {
          employeeId: $id, certificationSlug: "aws_ml_specialty", earnedOn: "2025-02-30"
        }) { id }
      }`,
      { id: ids.e2 },
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('2025-02-30');
    const [{ count: after }] = await server.db.query(
      'SELECT count(*)::int AS count FROM held_certification',
    );
    expect(after).toBe(before);
  });

  it('refuses a credential recorded twice, and a revocation in the future', async () => {
    const record = `mutation($id: ID!) { recordCertification(input: { employeeId: $id,
      certificationSlug: "aws_ml_specialty", earnedOn: "2024-05-31" }) { id } }`;
    const first = await server.gql(record, { id: ids.e3 });
    const again = await server.gql(record, { id: ids.e3 });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0].message).toContain(
      'already has aws_ml_specialty earned on 2024-05-31',
    );
    const revoke = await server.gql(
      `mutation($id: ID!) { revokeCertification(id: $id, revokedOn: "2025-06-16") { id } }`,
      { id: first.data.recordCertification.id },
    );
    expect(revoke.errors?.[0]).toMatchObject({
      message: 'revokedOn: cannot be after today (2025-06-15)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('refuses an empty update and logs nothing for an update that changes nothing', async () => {
    const empty = await server.gql(
      `mutation($id: ID!) { updateEmployee(id: $id, input: {}) { id } }`,
      {
        id: ids.e4,
      },
    );
    expect(empty.errors?.[0].message).toBe('input: give at least one field to change');
    const [{ n: before }] = await server.db.query('SELECT count(*)::int AS n FROM audit_log');
    const same = await server.gql(
      `mutation($id: ID!) {
        updateEmployee(id: $id, input: { experienceLevel: INTERMEDIATE }) { id } }`,
      { id: ids.e4 },
    );
    expect(same.errors).toBeUndefined();
    const [{ n: after }] = await server.db.query('SELECT count(*)::int AS n FROM audit_log');
    expect(after).toBe(before);
  });

  it('answers NOT_FOUND for an unknown employee id', async () => {
    const res = await server.gql('{ employee(id: 999999) { id } }');
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a duplicate email with CONFLICT and keeps the original', async () => {
    const create = `mutation($team: ID!) {
      createEmployee(input: { name: "Ada", email: "ADA@example.com", teamId: $team,
        experienceLevel: BEGINNER, hireDate: "2025-01-31" }) { id email }
    }`;
    const ok = await server.gql(create, { team: ids.team });
    expect(ok.data.createEmployee.email).toBe('ada@example.com');
    const again = await server.gql(create, { team: ids.team });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
