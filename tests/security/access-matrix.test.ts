import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Who sees what, by every path to a person. The organization:
 *   Dept A (manager ma)  >  Team A1 (manager ma1: a1, a2)  and  Team A2 (manager ma2: b1)
 *   Dept B (manager mb: c1, and fin, who holds the FINANCE role)
 * Each of a1, b1 and c1 holds one $300 credential expiring 2025-08-31; Team A1 and Team A2
 * each require two holders of it (a HIGH requirement, gap 1 each).
 */
const ASOF = '2025-06-15';
const ids: Record<string, number> = {};
let server: TestServer;
const tokens: Record<string, string> = {};

async function as(who: string, query: string, variables?: Record<string, unknown>) {
  return server.gql(query, variables, { token: tokens[who] });
}

beforeAll(async () => {
  server = await startTestServer({
    today: ASOF,
    prepare: async (db) => {
      const f = new Factory(db);
      ids.deptA = await f.team({ name: 'Dept A' });
      ids.a1Team = await f.team({ name: 'Team A1', parentId: ids.deptA });
      ids.a2Team = await f.team({ name: 'Team A2', parentId: ids.deptA });
      ids.deptB = await f.team({ name: 'Dept B' });
      ids.ma = await f.employee(ids.deptA, { name: 'Manager A' });
      ids.ma1 = await f.employee(ids.a1Team, { name: 'Manager A1' });
      ids.ma2 = await f.employee(ids.a2Team, { name: 'Manager A2' });
      ids.mb = await f.employee(ids.deptB, { name: 'Manager B' });
      ids.a1 = await f.employee(ids.a1Team, { name: 'Ann' });
      ids.a2 = await f.employee(ids.a1Team, { name: 'Abe' });
      ids.b1 = await f.employee(ids.a2Team, { name: 'Bea' });
      ids.c1 = await f.employee(ids.deptB, { name: 'Cal' });
      ids.fin = await f.employee(ids.deptB, { name: 'Fay' });
      await f.setManager(ids.deptA, ids.ma);
      await f.setManager(ids.a1Team, ids.ma1);
      await f.setManager(ids.a2Team, ids.ma2);
      await f.setManager(ids.deptB, ids.mb);
      ids.cert = await f.certification({ slug: 'exam', validityMonths: 36 });
      for (const who of ['a1', 'b1', 'c1']) {
        await f.held(ids[who], ids.cert, { earnedOn: '2022-08-31', expiresOn: '2025-08-31' });
      }
      await f.requirement(ids.a1Team, { certificationId: ids.cert }, 2, 'HIGH');
      await f.requirement(ids.a2Team, { certificationId: ids.cert }, 2, 'HIGH');
      const role = await f.careerRole('ml_engineer');
      await f.goal(ids.a2, role, '2027-01-01');
      await f.goal(ids.b1, role, '2027-01-01');
    },
  });
  tokens.admin = await server.tokenFor(server.adminId, 'LND_ADMIN');
  tokens.ma = await server.tokenFor(ids.ma, 'MANAGER');
  tokens.ma1 = await server.tokenFor(ids.ma1, 'MANAGER');
  tokens.a2 = await server.tokenFor(ids.a2, 'EMPLOYEE');
  tokens.a1 = await server.tokenFor(ids.a1, 'EMPLOYEE');
  tokens.fin = await server.tokenFor(ids.fin, 'FINANCE');
});
afterAll(async () => server?.close());

describe('root fields by role', () => {
  const employeeQuery = 'query($id: ID!) { employee(id: $id) { id name } }';

  it('lets each role read exactly the employees in its scope by id', async () => {
    const visible: Record<string, string[]> = {
      admin: ['ma', 'ma1', 'ma2', 'mb', 'a1', 'a2', 'b1', 'c1', 'fin'],
      ma: ['ma', 'ma1', 'ma2', 'a1', 'a2', 'b1'],
      ma1: ['ma1', 'a1', 'a2'],
      a2: ['a2'],
      fin: ['fin'],
    };
    for (const [viewer, allowed] of Object.entries(visible)) {
      for (const target of ['ma', 'ma1', 'ma2', 'mb', 'a1', 'a2', 'b1', 'c1', 'fin']) {
        const res = await as(viewer, employeeQuery, { id: ids[target] });
        if (allowed.includes(target)) {
          expect(res.data?.employee?.id, `${viewer} -> ${target}`).toBe(String(ids[target]));
        } else {
          expect(res.errors?.[0].extensions?.code, `${viewer} -> ${target}`).toBe('NOT_FOUND');
          expect(res.errors?.[0].message).toBe(`no employee with id ${ids[target]}`);
        }
      }
    }
  });

  it('answers an out-of-scope id exactly like a missing one', async () => {
    const hidden = await as('ma1', employeeQuery, { id: ids.c1 });
    const missing = await as('ma1', employeeQuery, { id: 987654 });
    expect(hidden.errors?.[0].message.replace(String(ids.c1), 'N')).toBe(
      missing.errors?.[0].message.replace('987654', 'N'),
    );
    expect(hidden.errors?.[0].extensions).toEqual(missing.errors?.[0].extensions);
  });

  it('shows each role the top of the tree it may browse', async () => {
    const roots = async (who: string) =>
      ((await as(who, '{ teams { name } }')).data?.teams ?? []).map((t: any) => t.name);
    expect(await roots('admin')).toEqual(['Dept A', 'Dept B', 'Test administration']);
    expect(await roots('ma')).toEqual(['Dept A']);
    expect(await roots('ma1')).toEqual(['Team A1']);
    expect(await roots('a2')).toEqual([]);
    expect(await roots('fin')).toEqual(['Dept A', 'Dept B', 'Test administration']);
  });

  it('refuses every protected field without a token, and keeps the catalog public', async () => {
    for (const query of [
      '{ teams { id } }',
      `{ employee(id: ${ids.a1}) { id } }`,
      `{ coverage(teamId: ${ids.a1Team}) { totalGap } }`,
      '{ renewalExposure { expiringCount } }',
      '{ me { id } }',
    ]) {
      const res = await server.gql(query, undefined, { token: null });
      expect(res.errors?.[0].extensions?.code, query).toBe('UNAUTHENTICATED');
    }
    const catalog = await server.gql('{ certifications { slug } }', undefined, { token: null });
    expect(catalog.data.certifications.map((c: any) => c.slug)).toEqual(['exam']);
  });

  it('refuses expired, forged and orphaned tokens', async () => {
    const expired = await server.tokenFor(ids.a1, 'EMPLOYEE', '-1h');
    const forged = tokens.admin.slice(0, -4) + (tokens.admin.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const orphan = await server.tokenFor(999999, 'LND_ADMIN');
    const expectations: Array<[string | null, string]> = [
      [expired, 'the token has expired'],
      [forged, 'the token is not valid for this service'],
      [orphan, 'the token names an employee that does not exist'],
      ['not-a-jwt', 'the token is not valid for this service'],
    ];
    // The scheme name is case-insensitive.
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `bearer ${tokens.a2}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(((await res.json()) as any).data.me.name).toBe('Abe');
    for (const [token, message] of expectations) {
      const res = await server.gql('{ me { id } }', undefined, { token });
      expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'UNAUTHENTICATED' } });
    }
  });
});

describe('nested paths to people', () => {
  it('hides the parent team and its people from a manager of a sub-team', async () => {
    const res = await as(
      'ma1',
      `query($id: ID!) { team(id: $id) { name parent { name } manager { name }
         employees { totalCount edges { node { name team { name parent { name } } } } } } }`,
      { id: ids.a1Team },
    );
    expect(res.data.team.parent).toBeNull();
    expect(res.data.team.manager).toEqual({ name: 'Manager A1' });
    expect(res.data.team.employees.totalCount).toBe(3);
    expect(res.data.team.employees.edges.map((e: any) => e.node.name)).toEqual([
      'Manager A1',
      'Ann',
      'Abe',
    ]);
  });

  it('gives an employee their own team node but none of its other members', async () => {
    const res = await as(
      'a2',
      `{ me { name team { name manager { name }
           employees { totalCount edges { node { name } } } } managedTeams { name } } }`,
    );
    expect(res.data.me).toEqual({
      name: 'Abe',
      team: {
        name: 'Team A1',
        manager: null,
        employees: { totalCount: 1, edges: [{ node: { name: 'Abe' } }] },
      },
      managedTeams: [],
    });
  });

  it('does not let a cursor from another page reveal anything outside scope', async () => {
    const adminPage = await as(
      'admin',
      'query($t: ID!) { employees(teamId: $t, first: 2) { pageInfo { endCursor } } }',
      { t: ids.deptA },
    );
    const cursor = adminPage.data.employees.pageInfo.endCursor;
    const res = await as(
      'ma1',
      `query($t: ID!, $c: String) {
        employees(teamId: $t, after: $c) { totalCount edges { node { id } } } }`,
      { t: ids.a1Team, c: cursor },
    );
    expect(res.data.employees.totalCount).toBe(3);
    for (const edge of res.data.employees.edges) {
      expect([ids.ma1, ids.a1, ids.a2]).toContain(Number(edge.node.id));
    }
    const other = await as(
      'ma1',
      'query($t: ID!, $c: String) { employees(teamId: $t, after: $c) { totalCount } }',
      {
        t: ids.deptA,
        c: cursor,
      },
    );
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('limits coverage holders and organization-wide renewal exposure to the scope', async () => {
    const coverage = await as(
      'ma1',
      'query($t: ID!) { coverage(teamId: $t) { requirements { coverage holders { name } } } }',
      { t: ids.a1Team },
    );
    expect(coverage.data.coverage.requirements).toEqual([
      { coverage: 1, holders: [{ name: 'Ann' }] },
    ]);
    const outside = await as('ma1', 'query($t: ID!) { coverage(teamId: $t) { totalGap } }', {
      t: ids.deptA,
    });
    expect(outside.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const exposure = `{ renewalExposure(horizonDays: 180) {
      expiringCount totalRenewalCost expiring { holder { name } }
      requirementsAtRisk { requirement { team { name } } expiringHolders { name } } } }`;
    expect((await as('ma1', exposure)).data.renewalExposure).toEqual({
      expiringCount: 1,
      totalRenewalCost: 30000,
      expiring: [{ holder: { name: 'Ann' } }],
      requirementsAtRisk: [
        { requirement: { team: { name: 'Team A1' } }, expiringHolders: [{ name: 'Ann' }] },
      ],
    });
    expect((await as('ma', exposure)).data.renewalExposure.expiringCount).toBe(2);
    // FINANCE: the organization's totals, nobody's name.
    expect((await as('fin', exposure)).data.renewalExposure).toMatchObject({
      expiringCount: 3,
      totalRenewalCost: 90000,
      expiring: [],
    });
    expect((await as('a2', exposure)).data.renewalExposure).toMatchObject({
      expiringCount: 0,
      totalRenewalCost: 0,
      expiring: [],
      requirementsAtRisk: [],
    });
    // An employee sees their own expiring credential, and nothing of the team's.
    expect((await as('a1', exposure)).data.renewalExposure).toEqual({
      expiringCount: 1,
      totalRenewalCost: 30000,
      expiring: [{ holder: { name: 'Ann' } }],
      requirementsAtRisk: [],
    });
  });

  it('shows FINANCE budget lines without the people behind them', async () => {
    const query = `query($t: ID!) { trainingBudget(teamId: $t) {
      total { expected } assignments { employee { name } certification { slug } } } }`;
    const fin = await as('fin', query, { t: ids.deptA });
    const admin = await as('admin', query, { t: ids.deptA });
    expect(fin.data.trainingBudget.total).toEqual(admin.data.trainingBudget.total);
    expect(admin.data.trainingBudget.assignments.length).toBeGreaterThan(0);
    for (const line of fin.data.trainingBudget.assignments) expect(line.employee).toBeNull();
  });

  it("keeps another person's career plan out of reach", async () => {
    const plan = 'query($e: ID!) { careerPlan(employeeId: $e) { employee { name } } }';
    expect((await as('a2', plan, { e: ids.a2 })).data.careerPlan.employee.name).toBe('Abe');
    expect((await as('a2', plan, { e: ids.b1 })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await as('ma1', plan, { e: ids.b1 })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await as('ma', plan, { e: ids.b1 })).data.careerPlan.employee.name).toBe('Bea');
  });
});

describe('loaders live for one request', () => {
  it('never hands a record loaded for one viewer to the next, even interleaved', async () => {
    const query = 'query($id: ID!) { employee(id: $id) { name } }';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as(i % 2 === 0 ? 'admin' : 'ma1', query, { id: ids.c1 }),
      ),
    );
    results.forEach((res, i) => {
      if (i % 2 === 0) expect(res.data.employee.name).toBe('Cal');
      else expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });
});

describe('writes', () => {
  const record = `mutation($e: ID!) { recordCertification(input: {
    employeeId: $e, certificationSlug: "exam", earnedOn: "2025-01-31" }) { id expiresOn } }`;

  it('lets only LND_ADMIN record a certification, and writes nothing otherwise', async () => {
    const count = async () =>
      (await server.db.query('SELECT count(*)::int AS n FROM held_certification'))[0].n;
    const before = await count();
    for (const who of ['ma', 'ma1', 'a2', 'fin']) {
      const res = await as(who, record, { e: ids.a2 });
      expect(res.errors?.[0].extensions?.code, who).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(before);
    const ok = await as('admin', record, { e: ids.a2 });
    expect(ok.data.recordCertification.expiresOn).toBe('2028-01-31');
    expect(await count()).toBe(before + 1);
  });

  it('logs each change with before and after, readable by LND_ADMIN only', async () => {
    const res = await as(
      'admin',
      `mutation($e: ID!) { updateEmployee(id: $e, input: { name: "Abe Lincoln" }) { name } }`,
      { e: ids.a2 },
    );
    expect(res.data.updateEmployee.name).toBe('Abe Lincoln');
    const log = await as(
      'admin',
      '{ auditLog(first: 1) { entries { action entity entityId actorRole before after } } }',
    );
    expect(log.errors).toBeUndefined();
    const [entry] = log.data.auditLog.entries;
    expect(entry).toMatchObject({
      action: 'UPDATE',
      entity: 'employee',
      entityId: String(ids.a2),
      actorRole: 'LND_ADMIN',
    });
    expect(JSON.parse(entry.before).name).toBe('Abe');
    expect(JSON.parse(entry.after).name).toBe('Abe Lincoln');
    for (const who of ['ma', 'fin', 'a2']) {
      expect((await as(who, '{ auditLog { hasNextPage } }')).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
    }
  });

  it('lets an employee set their own goal but not a colleague’s', async () => {
    const goal = `mutation($e: ID!) {
      setCareerGoal(input: { employeeId: $e, roleSlug: "ml_engineer",
      targetDate: "2028-02-29" }) { targetDate } }`;
    expect((await as('a2', goal, { e: ids.a2 })).data.setCareerGoal.targetDate).toBe('2028-02-29');
    expect((await as('a2', goal, { e: ids.a1 })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await as('ma1', goal, { e: ids.a1 })).data.setCareerGoal.targetDate).toBe('2028-02-29');
  });
});
