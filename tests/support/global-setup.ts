import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { freePort } from './free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

/**
 * One PostgreSQL server for the whole run: TEST_DATABASE_URL when given, otherwise a
 * throwaway embedded one. Each test file then creates its own database on it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('pgAdminUrl', external);
    return async () => undefined;
  }

  const root = await mkdtemp(path.join(os.tmpdir(), 'certscope-test-'));
  // PostgreSQL may run as another OS user, which must reach the folder.
  await chmod(root, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, 'data'),
    port: await freePort(),
    persistent: false,
  });
  project.provide('pgAdminUrl', server.url);

  return async () => {
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
}
