import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

/**
 * Requests only an attacker sends. Each is refused with the right status and code, the
 * service keeps answering, and the database is exactly as it was.
 */
let server: TestServer;
let token: string;
const ids: Record<string, number> = {};

/** Every row of every table that a write could touch, as text, to compare before and after. */
async function snapshot(): Promise<string> {
  const tables = [
    'team',
    'employee',
    'held_certification',
    'team_requirement',
    'career_goal',
    'audit_log',
  ];
  const parts = [];
  for (const table of tables) {
    const rows = await server.db.query(`SELECT * FROM ${table} ORDER BY id`);
    parts.push(`${table}:${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, json: text.startsWith('{') ? JSON.parse(text) : null };
}

beforeAll(async () => {
  server = await startTestServer({
    today: '2025-06-15',
    prepare: async (db) => {
      const f = new Factory(db);
      ids.team = await f.team({ name: 'Vision' });
      ids.employee = await f.employee(ids.team, { name: 'Ada' });
      ids.cert = await f.certification({ slug: 'exam' });
    },
  });
  token = await server.tokenFor(server.adminId, 'LND_ADMIN');
});
afterAll(async () => server?.close());

describe('hostile operations', () => {
  let before: string;
  beforeEach(async () => {
    before = await snapshot();
  });

  async function stillServingAndUnchanged() {
    const ok = await server.gql('{ certifications { slug } }');
    expect(ok.data.certifications).toEqual([{ slug: 'exam' }]);
    expect(await snapshot()).toBe(before);
  }

  it('refuses 12 levels of nesting', async () => {
    let selection = 'id';
    for (let i = 0; i < 12; i += 1) selection = `children { ${selection} }`;
    const res = await post(JSON.stringify({ query: `{ teams { ${selection} } }` }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.json.errors[0].message).toMatch(/depth/i);
    await stillServingAndUnchanged();
  });

  it('refuses a fan-out of fragments', async () => {
    const fragments = ['fragment F0 on Certification { slug name }'];
    for (let i = 1; i <= 10; i += 1) {
      fragments.push(
        `fragment F${i} on Certification { ...F${i - 1} a${i}: prerequisites { raw } ` +
          `...F${i - 1} }`,
      );
    }
    const query = `{ certifications { ...F10 } } ${fragments.join(' ')}`;
    const res = await post(JSON.stringify({ query }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await stillServingAndUnchanged();
  });

  it('refuses a fragment cycle', async () => {
    const query = `{ teams { ...A } } fragment A on Team { children { ...B } }
      fragment B on Team { children { ...A } }`;
    const res = await post(JSON.stringify({ query }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].message).toMatch(/Cannot spread fragment "A" within itself/);
    await stillServingAndUnchanged();
  });

  it('refuses 200 aliases of an analysis', async () => {
    const aliases = Array.from(
      { length: 200 },
      (_, i) => `c${i}: coverage(teamId: ${ids.team}) { totalGap }`,
    ).join(' ');
    const res = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    // Only 16 aliases: under the token limit, caught by the alias limit itself.
    const few = Array.from({ length: 16 }, (_, i) => `c${i}: me { id }`).join(' ');
    const small = await post(JSON.stringify({ query: `{ ${few} }` }));
    expect(small.status).toBe(400);
    expect(small.json.errors[0].message).toMatch(/aliases/i);
    await stillServingAndUnchanged();
  });

  it('refuses an array of 100 batched operations', async () => {
    const batch = Array.from({ length: 100 }, () => ({
      query: `mutation { setTeamRequirement(input: { teamId: ${ids.team},
        certificationSlug: "exam", minHolders: 3, priority: HIGH }) { id } }`,
    }));
    const res = await post(JSON.stringify(batch));
    expect(res.status).toBe(400);
    await stillServingAndUnchanged();
  });

  it('refuses a text/plain POST of a mutation (CSRF)', async () => {
    const res = await post(
      JSON.stringify({
        query: `mutation { removeTeamRequirement(id: 1) }`,
      }),
      { 'content-type': 'text/plain' },
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('CSRF');
    await stillServingAndUnchanged();
  });

  it('refuses a GET without a preflight header', async () => {
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('CSRF');
    await stillServingAndUnchanged();
  });

  it('refuses an empty body', async () => {
    const res = await post('');
    expect(res.status).toBe(400);
    await stillServingAndUnchanged();
  });

  it('refuses an unsupported charset', async () => {
    const res = await post(JSON.stringify({ query: '{ me { id } }' }), {
      'content-type': 'application/json; charset=latin1',
    });
    expect(res.status).toBe(415);
    expect(res.json.errors[0].message).toBe('the request charset is not supported; send UTF-8');
    await stillServingAndUnchanged();
  });

  it('refuses a body over the size limit without echoing it', async () => {
    const res = await post(JSON.stringify({ query: `{ me { id } } #${'x'.repeat(200_000)}` }));
    expect(res.status).toBe(413);
    expect(res.text.length).toBeLessThan(500);
    await stillServingAndUnchanged();
  });

  it('refuses a body that is not valid UTF-8 rather than store U+FFFD', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"query":"{ certification(slug: \\"ex'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('am\\") { slug } }"}'),
    ]);
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: bytes,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).errors[0].message).toBe(
      'the request body is not valid UTF-8',
    );
    await stillServingAndUnchanged();
  });

  it('answers malformed JSON with a message and no stack', async () => {
    const res = await post('{"query": ');
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/node_modules|at .*\(|\/src\//);
    await stillServingAndUnchanged();
  });
});

describe('hostile values in arguments', () => {
  const create = `mutation($name: String!, $email: String!, $team: ID!, $hire: Date!) {
    createEmployee(input: { name: $name, email: $email, teamId: $team,
      experienceLevel: BEGINNER, hireDate: $hire }) { id name email hireDate } }`;

  async function unchangedAfter(request: () => Promise<{ errors?: any[] }>, code: string) {
    const before = await snapshot();
    const res = await request();
    expect(res.errors?.[0].extensions?.code).toBe(code);
    expect(await snapshot()).toBe(before);
    return res;
  }

  it('rejects malformed and impossible dates, naming the value', async () => {
    const bad = [
      '2025-02-30',
      '2023-02-29',
      '2025-13-01',
      '15/06/2025',
      '2025-06-15T00:00:00Z',
      '',
    ];
    // Outside the accepted range: year 0 does not exist in PostgreSQL, 3000 is a typo.
    bad.push('0000-01-01', '1899-12-31', '3000-01-01');
    for (const hire of bad) {
      const res = await unchangedAfter(
        () => server.gql(create, { name: 'X', email: 'x@example.com', team: ids.team, hire }),
        'BAD_USER_INPUT',
      );
      expect(res.errors?.[0].message).toContain(JSON.stringify(hire));
    }
  });

  it('rejects negative, fractional and overflowing money', async () => {
    for (const cost of [-1, 1.5, 1e20, Number.MAX_SAFE_INTEGER + 2]) {
      await unchangedAfter(
        () =>
          server.gql(
            'query($c: Cents) { certifications(filter: { maxExpectedCost: $c }) { slug } }',
            {
              c: cost,
            },
          ),
        'BAD_USER_INPUT',
      );
    }
  });

  it('rejects oversized text, control characters, line breaks, lone surrogates', async () => {
    for (const name of [
      'n'.repeat(201),
      'tab\u0000null',
      'bell\u0007',
      'half \ud800 pair',
      '   ',
      'Ivy\nMultiline',
      'tab\tinside',
    ]) {
      await unchangedAfter(
        () =>
          server.gql(create, { name, email: 'y@example.com', team: ids.team, hire: '2025-01-01' }),
        'BAD_USER_INPUT',
      );
    }
  });

  it('rejects ids that are not ids', async () => {
    for (const id of ['1 OR 1=1', '-1', '0', '1e3', '99999999999', "1'; DROP TABLE employee;--"]) {
      await unchangedAfter(
        () => server.gql('query($id: ID!) { employee(id: $id) { id } }', { id }),
        'BAD_USER_INPUT',
      );
    }
  });

  it('stores SQL metacharacters and unusual Unicode exactly as sent', async () => {
    const names = [
      "Robert'); DROP TABLE employee;--",
      'Zoë \u202eʇxǝʇ\u202c 🧪👩🏽‍🔬',
      'e\u0301 combining and \u200d joiner',
      '%_\\ LIKE wildcards $1 ::text',
    ];
    for (const [i, name] of names.entries()) {
      const email = `odd${i}@example.com`;
      const res = await server.gql(create, { name, email, team: ids.team, hire: '2024-02-29' });
      expect(res.data.createEmployee).toMatchObject({ name, email, hireDate: '2024-02-29' });
      const back = await server.gql('query($id: ID!) { employee(id: $id) { name } }', {
        id: res.data.createEmployee.id,
      });
      expect(back.data.employee.name).toBe(name);
    }
    const [{ count }] = await server.db.query('SELECT count(*)::int AS count FROM employee');
    expect(count).toBe(2 + names.length);
  });

  it('treats a slug with SQL in it as a name that does not exist', async () => {
    await unchangedAfter(
      () => server.gql(`{ certification(slug: "exam' OR '1'='1") { slug } }`),
      'NOT_FOUND',
    );
  });
});
