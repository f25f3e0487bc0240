import type { RequestHandler } from 'express';
import type { DataSource } from 'typeorm';

export type Readiness = { ready: true } | { ready: false; reason: string };

/** How long each readiness check may take; a probe must answer well within its own timeout. */
export const READINESS_TIMEOUT_MS = 2_000;

/**
 * Ready means: the database answers `SELECT 1` within the timeout, and every migration this
 * build knows has been applied (a database behind the code would fail queries later).
 */
export async function checkReadiness(
  db: DataSource,
  timeoutMs = READINESS_TIMEOUT_MS,
): Promise<Readiness> {
  try {
    await withTimeout(db.query('SELECT 1'), timeoutMs, `SELECT 1 took longer than ${timeoutMs} ms`);
  } catch (error) {
    return { ready: false, reason: `database unreachable: ${messageOf(error)}` };
  }
  const table = db.options.migrationsTableName ?? 'migrations';
  let applied: Array<{ name: string }>;
  try {
    applied = await withTimeout(
      db.query(`SELECT name FROM "${table}"`),
      timeoutMs,
      `reading the ${table} table took longer than ${timeoutMs} ms`,
    );
  } catch (error) {
    return { ready: false, reason: `migrations not applied: ${messageOf(error)}` };
  }
  const done = new Set(applied.map((row) => row.name));
  // TypeORM records a migration under its `name`, or its class name when it has none.
  const pending = db.migrations
    .map((migration) => migration.name ?? migration.constructor.name)
    .filter((name) => !done.has(name));
  if (pending.length > 0) {
    return { ready: false, reason: `migrations pending: ${pending.join(', ')}` };
  }
  return { ready: true };
}

/** GET /readyz: 200 {status:'ready'}, or 503 {status:'not ready', reason}. */
export function readinessHandler(db: DataSource): RequestHandler {
  return async (_req, res) => {
    const readiness = await checkReadiness(db);
    res.setHeader('cache-control', 'no-store');
    if (readiness.ready) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'not ready', reason: readiness.reason });
  };
}

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
