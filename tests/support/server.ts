import type { TestDatabase } from './database';
import { createTestDatabase } from './database';
import { startServer, type RunningServer } from '../../src/server';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string } & Record<string, unknown> }>;
}

export interface TestServer {
  db: TestDatabase;
  url: string;
  /** POSTs one operation as JSON and returns the parsed body with the HTTP status. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
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

  const server: RunningServer = await startServer({
    db: db.dataSource,
    port: 0,
    host: '127.0.0.1',
    timeZone: 'UTC',
    fixedToday: options.today,
    logError: () => undefined,
  });

  const gql = async (query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  };

  return {
    db,
    url: server.url,
    gql,
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
