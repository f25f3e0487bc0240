import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { startServer, type RunningServer } from '../../src/server';
import { Role, signToken, type AuthSettings } from '../../src/services/auth.service';
import { createTestDatabase, type TestDatabase } from '../support/database';

export interface LoggedServer {
  db: TestDatabase;
  server: RunningServer;
  base: string;
  adminToken: string;
  /** Every JSON line the server has logged so far. */
  lines: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A real server whose request log is captured, over a fresh database with one admin. */
export async function startLoggedServer(): Promise<LoggedServer> {
  const db = await createTestDatabase();
  const [{ id: teamId }] = await db.query(`INSERT INTO team (name) VALUES ('Ops') RETURNING id`);
  const [{ id: adminId }] = await db.query(
    `INSERT INTO employee (name, email, team_id, experience_level, hire_date)
     VALUES ('Ada Lovelace', 'ada@example.com', $1, 'ADVANCED', '2020-01-01') RETURNING id`,
    [teamId],
  );
  const auth: AuthSettings = {
    issuer: 'certscope-ops-test',
    audience: 'certscope-ops-test-api',
    secret: randomBytes(32),
    jwksUrl: null,
    development: false,
  };
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const server = await startServer({
    db: db.dataSource,
    port: 0,
    host: '127.0.0.1',
    timeZone: 'UTC',
    auth,
    introspection: true,
    logError: () => undefined,
    requestLogger: pino({ level: 'debug' }, sink),
  });
  const adminToken = await signToken(
    { ...auth, secret: auth.secret as Uint8Array },
    { employeeId: adminId, role: Role.LND_ADMIN },
  );
  return {
    db,
    server,
    base: server.url.replace(/\/graphql$/, ''),
    adminToken,
    lines,
    async close() {
      await server.close();
      await db.drop();
    },
  };
}
