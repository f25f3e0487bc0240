import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from './database';
import { startServer, type RunningServer } from '../../src/server';
import { Role, signToken, type AuthSettings } from '../../src/services/auth.service';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{
    message: string;
    path?: string[];
    extensions?: { code?: string } & Record<string, unknown>;
  }>;
}

export interface RequestOptions {
  /** A bearer token; by default the test administrator's. `null` sends none. */
  token?: string | null;
}

export interface TestServer {
  db: TestDatabase;
  url: string;
  /** The LND_ADMIN employee the harness adds, in a team of its own, after `prepare`. */
  adminId: number;
  /** POSTs one operation as JSON and returns the parsed body with the HTTP status. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  /** A valid token for an employee with a role. */
  tokenFor(employeeId: number, role: Role | keyof typeof Role, expiresIn?: string): Promise<string>;
  /** Counts the SQL statements the server sends while `work` runs. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

/**
 * A real certscope over HTTP on 127.0.0.1, backed by a fresh database of its own.
 * `prepare` fills the database (catalog, people) before the server starts.
 */
export async function startTestServer(
  options: { today?: string; prepare?: (db: TestDatabase) => Promise<void> } = {},
): Promise<TestServer> {
  const db = await createTestDatabase();
  await options.prepare?.(db);
  const [{ id: adminTeamId }] = await db.query(
    `INSERT INTO team (name) VALUES ('Test administration') RETURNING id`,
  );
  const [{ id: adminId }] = await db.query(
    `INSERT INTO employee (name, email, team_id, experience_level, hire_date)
     VALUES ('Test Admin', 'test.admin@example.com', $1, 'ADVANCED', '2020-01-01') RETURNING id`,
    [adminTeamId],
  );

  const secret = randomBytes(32);
  const auth: AuthSettings = {
    issuer: 'certscope-test',
    audience: 'certscope-test-api',
    secret,
    jwksUrl: null,
    development: false,
  };
  const tokenFor = (employeeId: number, role: Role | keyof typeof Role, expiresIn?: string) =>
    signToken({ ...auth, secret }, { employeeId, role: role as Role }, expiresIn);
  const adminToken = await tokenFor(adminId, Role.LND_ADMIN);

  const server: RunningServer = await startServer({
    db: db.dataSource,
    port: 0,
    host: '127.0.0.1',
    timeZone: 'UTC',
    fixedToday: options.today,
    auth,
    introspection: true,
    logError: (error) => {
      if (process.env.TEST_LOG_ERRORS) console.error(error);
    },
  });

  const gql = async (
    query: string,
    variables?: Record<string, unknown>,
    request: RequestOptions = {},
  ) => {
    const token = request.token === undefined ? adminToken : request.token;
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };

  return {
    db,
    url: server.url,
    adminId,
    gql,
    tokenFor,
    async countStatements(work) {
      const before = db.statements();
      await work();
      return db.statements() - before;
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
}
