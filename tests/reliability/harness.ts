import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createEmptyDatabase,
  newJwtSecret,
  startService,
  tokenFor,
  type EmptyDatabase,
  type ServiceProcess,
} from '../support/process';
import { demoIds, querySet, type DemoIds, type NamedQuery } from './query-set';

/** Built service processes over one fresh database that they migrate and seed themselves. */
export interface Harness {
  db: EmptyDatabase;
  services: ServiceProcess[];
  /** An LND_ADMIN token every process accepts. */
  token: string;
  ids: DemoIds;
  queries: NamedQuery[];
  /** Stops whatever still runs (SIGTERM), drops the database, removes the state folder. */
  close(): Promise<void>;
}

export async function startHarness(
  options: { processes?: number; keepLogLines?: number } = {},
): Promise<Harness> {
  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'certscope-reliability-'));
  const db = await createEmptyDatabase();
  const secret = newJwtSecret();
  const env = { DATABASE_URL: db.url, AUTH_JWT_SECRET: secret, CERTSCOPE_STATE_DIR: stateDir };
  const close = async (services: ServiceProcess[]) => {
    await Promise.all(services.map((s) => s.stop('SIGTERM')));
    await db.drop();
    await rm(stateDir, { recursive: true, force: true });
  };
  // Started together on purpose: with several, they race for the migration lock.
  const started = await Promise.allSettled(
    Array.from({ length: options.processes ?? 1 }, () =>
      startService({ env, keepLogLines: options.keepLogLines }),
    ),
  );
  const services = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await close(services);
    throw failed.reason;
  }
  const ids = await demoIds(db);
  return {
    db,
    services,
    token: await tokenFor(secret, ids.employeeId),
    ids,
    queries: querySet(ids),
    close: () => close(services),
  };
}
