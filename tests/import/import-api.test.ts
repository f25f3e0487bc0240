import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

const IMPORT = `
  mutation Import($csv: String!, $mode: ImportMode!, $dryRun: Boolean, $dateFormat: String) {
    importCsv(kind: EMPLOYEES, csv: $csv, mode: $mode, dryRun: $dryRun, dateFormat: $dateFormat) {
      kind mode dryRun applied rowCount created updated unchanged failed ignoredColumns
      rows { line action reason }
    }
  }`;

describe('the importCsv mutation', () => {
  let server: TestServer;
  let teamId: number;

  beforeAll(async () => {
    server = await startTestServer({
      prepare: async (db) => {
        [{ id: teamId }] = await db.query(`INSERT INTO team (name) VALUES ('Data') RETURNING id`);
      },
    });
  });
  afterAll(async () => server?.close());

  const count = async () =>
    (await server.db.query('SELECT count(*)::int AS n FROM employee'))[0].n as number;

  it('answers BAD_USER_INPUT for a file that is not CSV, and writes nothing', async () => {
    const before = await count();
    for (const csv of ['a,b\n"unterminated,x\n', 'name,email\nAnn,"Secret "Person,x\n']) {
      const res = await server.gql(IMPORT, { csv, mode: 'APPLY_VALID' });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].message).toMatch(/^csv: cannot be read as CSV: /);
    }
    expect(await count()).toBe(before);
  });

  it('imports for an L&D administrator and reports each row', async () => {
    const csv = [
      'name,email,team id,level,start date,badge',
      `Ann,ann@example.com,${teamId},BEGINNER,01/02/2024,7`,
      `Bo,bo@example.com,${teamId},EXPERT,01/02/2024,8`,
    ].join('\n');
    const res = await server.gql(IMPORT, { csv, mode: 'APPLY_VALID', dateFormat: 'MM/DD/YYYY' });
    expect(res.errors).toBeUndefined();
    expect(res.data.importCsv).toEqual({
      kind: 'EMPLOYEES',
      mode: 'APPLY_VALID',
      dryRun: false,
      applied: true,
      rowCount: 2,
      created: 1,
      updated: 0,
      unchanged: 0,
      failed: 1,
      ignoredColumns: ['badge'],
      rows: [
        { line: 2, action: 'CREATE', reason: null },
        {
          line: 3,
          action: 'ERROR',
          reason: 'experienceLevel: must be one of BEGINNER, INTERMEDIATE, ADVANCED',
        },
      ],
    });
    const [ann] = await server.db.query(
      `SELECT hire_date AS d FROM employee WHERE email = 'ann@example.com'`,
    );
    expect(ann.d).toBe('2024-01-02');
  });

  it('leaves the counts unchanged when ALL_OR_NOTHING meets a bad row', async () => {
    const before = await count();
    const csv = [
      'name,email,teamId,experienceLevel,hireDate',
      `Cy,cy@example.com,${teamId},BEGINNER,2024-01-01`,
      `Dee,dee@,${teamId},BEGINNER,2024-01-01`,
    ].join('\n');
    const res = await server.gql(IMPORT, { csv, mode: 'ALL_OR_NOTHING' });
    expect(res.data.importCsv).toMatchObject({ applied: false, created: 1, failed: 1 });
    expect(res.data.importCsv.rows[1]).toEqual({
      line: 3,
      action: 'ERROR',
      reason: 'email: must be an email address such as ada@example.com',
    });
    expect(await count()).toBe(before);
  });

  it('is for LND_ADMIN only', async () => {
    const token = await server.tokenFor(server.adminId, 'MANAGER');
    const res = await server.gql(IMPORT, { csv: 'x', mode: 'APPLY_VALID' }, { token });
    expect(res.errors?.[0]).toMatchObject({
      message: 'importCsv needs the role LND_ADMIN',
      extensions: { code: 'FORBIDDEN' },
    });
    const anonymous = await server.gql(IMPORT, { csv: 'x', mode: 'APPLY_VALID' }, { token: null });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses more than 5,000 rows with BAD_USER_INPUT', async () => {
    const csv = `name,email,teamId,experienceLevel,hireDate\n${'a,b,1,c,d\n'.repeat(5001)}`;
    const res = await server.gql(IMPORT, { csv, mode: 'APPLY_VALID', dryRun: true });
    expect(res.errors?.[0]).toMatchObject({
      message: 'csv: has 5001 data rows; at most 5000 are accepted here',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
