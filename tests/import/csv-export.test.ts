import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dollars } from '../../src/services/csv-export.service';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

describe('CSV exports', () => {
  let server: TestServer;
  let base: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({
      today: '2026-06-01',
      prepare: async (db) => {
        const make = new Factory(db);
        ids.cert = await make.certification({ slug: 'aws_ml', costLowCents: 30050 });
        ids.unknown = await make.certification({ slug: 'mystery', costKind: 'UNKNOWN' });
        ids.team = await make.team({ name: 'Data' });
        ids.other = await make.team({ name: '=Other' });
        ids.ann = await make.employee(ids.team, { name: '=HYPERLINK("x")' });
        ids.bo = await make.employee(ids.team, { name: 'Bo' });
        ids.cy = await make.employee(ids.other, { name: 'Cy' });
        ids.annHeld = await make.held(ids.ann, ids.cert, {
          earnedOn: '2023-07-01',
          expiresOn: '2026-07-01',
        });
        await make.held(ids.bo, ids.unknown, { earnedOn: '2024-01-01', expiresOn: '2026-08-15' });
        await make.held(ids.cy, ids.cert, { earnedOn: '2023-07-01', expiresOn: '2026-07-10' });
        ids.req = await make.requirement(ids.team, { certificationId: ids.cert }, 2, 'CRITICAL');
        ids.met = await make.requirement(ids.team, { certificationId: ids.unknown }, 1, 'LOW');
      },
    });
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => server?.close());

  async function get(path: string, token?: string | null) {
    const admin = await server.tokenFor(server.adminId, 'LND_ADMIN');
    const bearer = token === undefined ? admin : token;
    return fetch(`${base}${path}`, {
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    });
  }

  const rowsOf = async (res: Response) =>
    parse(await res.text(), { columns: true }) as Array<Record<string, string>>;

  it('exports coverage as CSV with a header row, one row per requirement', async () => {
    const res = await get(`/export/coverage.csv?teamId=${ids.team}&asOf=2026-06-01`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="coverage-2026-06-01.csv"',
    );
    expect(await rowsOf(res)).toEqual([
      {
        requirement_id: String(ids.req),
        team_id: String(ids.team),
        team_name: 'Data',
        certification_slug: 'aws_ml',
        skill_slug: '',
        priority: 'CRITICAL',
        required: '2',
        coverage: '1',
        gap: '1',
        met: 'false',
      },
      {
        requirement_id: String(ids.met),
        team_id: String(ids.team),
        team_name: 'Data',
        certification_slug: 'mystery',
        skill_slug: '',
        priority: 'LOW',
        required: '1',
        coverage: '1',
        gap: '0',
        met: 'true',
      },
    ]);
  });

  it('exports only the unmet requirements as gaps', async () => {
    const rows = await rowsOf(await get(`/export/gaps.csv?teamId=${ids.team}`));
    expect(rows.map((row) => [row.requirement_id, row.gap])).toEqual([[String(ids.req), '1']]);
  });

  it('exports renewal exposure with cost in cents and dollars, formulas defused', async () => {
    const res = await get('/export/renewal-exposure.csv?horizonDays=60');
    const rows = await rowsOf(res);
    expect(
      rows.map((row) => [
        row.employee_name,
        row.expires_on,
        row.days_left,
        row.renewal_cost_cents,
        row.renewal_cost_dollars,
      ]),
    ).toEqual([
      [`'=HYPERLINK("x")`, '2026-07-01', '30', '30050', '300.50'],
      ['Cy', '2026-07-10', '39', '30050', '300.50'],
    ]);
    expect(rows[0]?.held_certification_id).toBe(String(ids.annHeld));

    const longer = await rowsOf(
      await get(`/export/renewal-exposure.csv?horizonDays=90&teamId=${ids.team}`),
    );
    expect(
      longer.map((row) => [row.employee_name, row.renewal_cost_cents, row.renewal_cost_dollars]),
    ).toEqual([
      [`'=HYPERLINK("x")`, '30050', '300.50'],
      ['Bo', '', ''],
    ]);
  });

  it('shows a manager only their teams and a FINANCE viewer no names', async () => {
    const manager = await server.tokenFor(ids.bo, 'MANAGER');
    await server.db.query('UPDATE team SET manager_id = $1 WHERE id = $2', [ids.bo, ids.team]);
    const own = await rowsOf(await get('/export/renewal-exposure.csv?horizonDays=60', manager));
    expect(own.map((row) => row.employee_name)).toEqual([`'=HYPERLINK("x")`]);
    const hidden = await get(`/export/coverage.csv?teamId=${ids.other}`, manager);
    expect(hidden.status).toBe(404);
    expect(await hidden.json()).toEqual({
      errors: [{ message: `no team with id ${ids.other}`, extensions: { code: 'NOT_FOUND' } }],
    });

    const finance = await server.tokenFor(ids.bo, 'FINANCE');
    expect(await rowsOf(await get('/export/renewal-exposure.csv?horizonDays=60', finance))).toEqual(
      [],
    );
  });

  it('answers 401 without a token and 400 for a bad parameter', async () => {
    const anonymous = await get(`/export/coverage.csv?teamId=${ids.team}`, null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const bad = await get('/export/coverage.csv?teamId=1&asOf=01/02/2026');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      errors: [
        { message: 'asOf: must be a calendar date YYYY-MM-DD from 1900-01-01 to 2999-12-31' },
      ],
    });
    expect((await get('/export/renewal-exposure.csv?horizonDays=-1')).status).toBe(400);
    expect((await get('/export/renewal-exposure.csv?horizonDays=soon')).status).toBe(400);
    // An empty value is the default horizon, not a zero-day one.
    const empty = await rowsOf(await get('/export/renewal-exposure.csv?horizonDays='));
    expect(empty).toEqual(await rowsOf(await get('/export/renewal-exposure.csv?horizonDays=180')));
    expect((await get('/export/gaps.csv')).status).toBe(400);
  });

  it('writes cents as dollars exactly', () => {
    expect([0, 5, 99, 100, 30050, 123456789, -250].map(dollars)).toEqual([
      '0.00',
      '0.05',
      '0.99',
      '1.00',
      '300.50',
      '1234567.89',
      '-2.50',
    ]);
  });
});
