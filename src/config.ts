import path from 'node:path';

/** Settings read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  /** An external PostgreSQL; when absent the service runs its own embedded one. */
  databaseUrl: string | null;
  /** Local state: the embedded database and the development signing key. */
  stateDir: string;
  /** Where the embedded PostgreSQL keeps its data between runs. */
  dataDir: string;
  embeddedPort: number;
  /** IANA zone whose calendar day is the default `asOf`. */
  timeZone: string;
  /** Seed the demo organization into an empty database. */
  seedDemo: boolean;
  statementTimeoutMs: number;
  /** Schema introspection (the IDE's autocompletion needs it). */
  introspection: boolean;
}

function integer(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/**
 * GRAPHQL_INTROSPECTION=true|false. Production must say which: the service does not guess
 * from NODE_ENV whether to expose its schema. Elsewhere it defaults to on.
 */
function introspection(): boolean {
  const raw = process.env.GRAPHQL_INTROSPECTION;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (raw !== undefined && raw !== '') {
    throw new Error(`GRAPHQL_INTROSPECTION must be true or false, got "${raw}"`);
  }
  if (process.env.NODE_ENV === 'production') {
    throw new Error('NODE_ENV=production needs GRAPHQL_INTROSPECTION set to true or false');
  }
  return true;
}

/** Refused at start-up rather than on every request that needs today's date. */
function timeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
  } catch {
    throw new Error(`CERTSCOPE_TIME_ZONE must be an IANA zone such as Europe/Paris, got "${zone}"`);
  }
  return zone;
}

export function loadConfig(): Config {
  const stateDir = path.resolve(process.env.CERTSCOPE_STATE_DIR || '.data');
  return {
    stateDir,
    port: integer('PORT', 4000),
    host: process.env.HOST || '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL || null,
    dataDir: path.resolve(process.env.CERTSCOPE_DATA_DIR || path.join(stateDir, 'postgres')),
    embeddedPort: integer('EMBEDDED_PG_PORT', 54329),
    timeZone: timeZone(process.env.CERTSCOPE_TIME_ZONE || 'UTC'),
    seedDemo: process.env.CERTSCOPE_SEED_DEMO !== 'false',
    statementTimeoutMs: integer('STATEMENT_TIMEOUT_MS', 10_000),
    introspection: introspection(),
  };
}
