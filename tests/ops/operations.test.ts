import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../src/db/data-source';
import { checkReadiness } from '../../src/services/readiness';
import { startLoggedServer, type LoggedServer } from './logged-server';

let ops: LoggedServer;

beforeAll(async () => {
  ops = await startLoggedServer();
});
afterAll(async () => ops?.close());

async function post(
  body: object,
  headers: Record<string, string> = {},
  token: string | null = ops.adminToken,
): Promise<Response> {
  return fetch(ops.server.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

/** The log line of the request with this id; lines are written once the response is sent. */
async function lineOf(requestId: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const line = ops.lines.find((l) => l.requestId === requestId);
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no log line with requestId ${requestId}`);
}

describe('request ids and logs', () => {
  it('echoes a plain x-request-id and logs the operation without its variables', async () => {
    const res = await post(
      {
        query: 'query FindPerson($id: ID!) { employee(id: $id) { email } }',
        operationName: 'FindPerson',
        variables: { id: '999999' },
      },
      { 'x-request-id': 'req-42.a' },
    );
    expect(res.headers.get('x-request-id')).toBe('req-42.a');
    await res.json();
    const line = await lineOf('req-42.a');
    expect(line).toMatchObject({
      msg: 'request',
      method: 'POST',
      path: '/graphql',
      status: 200,
      graphql: true,
      operationName: 'FindPerson',
      outcome: 'error',
      errorCodes: ['NOT_FOUND'],
    });
    expect(typeof line.durationMs).toBe('number');
    expect(JSON.stringify(line)).not.toContain('999999');
  });

  it('generates an id when the incoming one is missing or not a plain token', async () => {
    const query = { query: 'query Me { me { name email } }' };
    const generated = (await post(query)).headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const replaced = (await post(query, { 'x-request-id': 'bad id <script>' })).headers.get(
      'x-request-id',
    );
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);

    const line = await lineOf(generated ?? '');
    expect(line).toMatchObject({ operationName: 'Me', outcome: 'ok', errorCodes: [] });
    // The answer held the admin's name and address; the log holds neither.
    const all = JSON.stringify(ops.lines);
    expect(all).not.toContain('Ada Lovelace');
    expect(all).not.toContain('ada@example.com');
  });

  it('logs a request refused before GraphQL runs with its HTTP status as the code', async () => {
    const res = await fetch(`${ops.server.url}?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { 'x-request-id': 'csrf-probe' },
    });
    expect(res.status).toBe(400);
    const line = await lineOf('csrf-probe');
    expect(line).toMatchObject({ method: 'GET', path: '/graphql', status: 400 });
    expect(line.outcome).toBe('error');
    expect(JSON.stringify(line)).not.toContain('me {');
  });

  it('logs an unauthenticated operation with the UNAUTHENTICATED code', async () => {
    await (
      await post({ query: 'query Me { me { id } }' }, { 'x-request-id': 'anon' }, null)
    ).json();
    expect(await lineOf('anon')).toMatchObject({
      outcome: 'error',
      errorCodes: ['UNAUTHENTICATED'],
    });
  });
});

describe('/readyz', () => {
  it('is ready when the database answers and every migration has run', async () => {
    const res = await fetch(`${ops.base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('answers 503 and names the migration that has not run', async () => {
    const [row] = await ops.db.query('SELECT * FROM migrations ORDER BY id DESC LIMIT 1');
    await ops.db.query('DELETE FROM migrations WHERE id = $1', [row.id]);
    try {
      const res = await fetch(`${ops.base}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        status: 'not ready',
        reason: `migrations pending: ${row.name}`,
      });
    } finally {
      await ops.db.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        row.id,
        row.timestamp,
        row.name,
      ]);
    }
  });

  it('is not ready when SELECT 1 waits longer than the timeout', async () => {
    // A pool of one whose only connection is held: SELECT 1 queues and the check times out.
    const db = createDataSource({ url: ops.db.url, poolSize: 1 });
    await db.initialize();
    const held = db.createQueryRunner();
    await held.connect();
    try {
      expect(await checkReadiness(db, 150)).toEqual({
        ready: false,
        reason: 'database unreachable: SELECT 1 took longer than 150 ms',
      });
    } finally {
      await held.release();
      await db.destroy();
    }
  });
});

describe('/metrics', () => {
  it('counts requests, latency and errors per operation, and shows the pool', async () => {
    for (let i = 0; i < 3; i += 1)
      await (await post({ query: 'query Teams { teams { id } }' })).json();
    await (await post({ query: 'query Teams { nope }' })).json();

    const res = await fetch(`${ops.base}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('certscope_graphql_requests_total{operation="Teams",outcome="ok"} 3');
    expect(text).toContain('certscope_graphql_requests_total{operation="Teams",outcome="error"} 1');
    expect(text).toContain('certscope_graphql_request_duration_seconds_count{operation="Teams"} 4');
    expect(text).toMatch(
      /certscope_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} [1-9]/,
    );
    expect(text).toMatch(/certscope_graphql_errors_total\{code="UNAUTHENTICATED"\} [1-9]/);
    const total = /^certscope_db_pool_connections (\d+)$/m.exec(text);
    expect(Number(total?.[1])).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^certscope_db_pool_idle_connections \d+$/m);
    expect(text).toMatch(/^certscope_db_pool_waiting_requests 0$/m);
    expect(text).toContain('certscope_process_cpu_seconds_total');
  });
});
