import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { ensureDatabase } from '../../src/db/database-url';
import { Role, signToken } from '../../src/services/auth.service';
import { dropDatabase } from './database';
import { freePort } from './free-port';

export { freePort };

/**
 * The built service as a child process, the way it runs in production: its own Node process,
 * configuration from the environment, one JSON log line per event on stdout.
 */

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/*
 * The service is compiled into a folder of its own rather than dist/: other people build into
 * dist/ while these tests run, and test files running side by side must not emit over each
 * other. The folder sits under node_modules so the compiled code still finds the packages.
 */
const BUILD_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'certscope-service');
const BUILD_STAMP = path.join(BUILD_DIR, '.built');
const BUILD_LOCK = `${BUILD_DIR}.lock`;
const SOURCE_DIRS = ['src', 'seeds', 'scripts'];

/** The issuer and audience the service expects when none are configured. */
const DEFAULT_ISSUER = 'certscope';
const DEFAULT_AUDIENCE = 'certscope-api';

function newestSourceMtime(): number {
  let newest = statSync(path.join(REPO_ROOT, 'tsconfig.build.json')).mtimeMs;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) walk(path.join(REPO_ROOT, dir));
  return newest;
}

function stampMtime(): number {
  try {
    return statSync(BUILD_STAMP).mtimeMs;
  } catch {
    return 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Compiles the service when any source is newer than the last build, and returns the path of
 * its entry point. A lock folder makes test files that start together build once.
 */
export async function ensureServiceBuilt(): Promise<string> {
  const main = path.join(BUILD_DIR, 'src', 'main.js');
  if (stampMtime() >= newestSourceMtime()) return main;

  const deadline = Date.now() + 120_000;
  // A fresh clone has no node_modules/.cache yet; without it every attempt would look held.
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      // A lock left by a killed run is older than any build takes.
      const lock = statSync(BUILD_LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 60_000) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${BUILD_LOCK}`);
      await sleep(200);
    }
  }
  try {
    const started = Date.now();
    if (stampMtime() >= newestSourceMtime()) return main;
    const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(
      process.execPath,
      [tsc, '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    // tsc emits despite type errors (status 2); `npm test` type-checks on its own before the
    // tests run, so here only a build that emitted nothing is fatal.
    if (
      result.status !== 0 &&
      (result.status !== 2 || !statSync(main, { throwIfNoEntry: false }))
    ) {
      throw new Error(`building the service failed:\n${result.stdout}\n${result.stderr}`);
    }
    if (result.status !== 0) console.warn(`the service built with type errors:\n${result.stdout}`);
    // The catalog seed reads the guide beside its compiled folder (seeds/guide).
    const guide = path.join('seeds', 'guide', 'ml-certifications-guide.md');
    mkdirSync(path.dirname(path.join(BUILD_DIR, guide)), { recursive: true });
    copyFileSync(path.join(REPO_ROOT, guide), path.join(BUILD_DIR, guide));
    // Stamped with the start time, so a source saved during the build triggers the next one.
    writeFileSync(BUILD_STAMP, '');
    utimesSync(BUILD_STAMP, new Date(started), new Date(started));
    return main;
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** A fresh, empty database (no migrations) on the test run's PostgreSQL server. */
export interface EmptyDatabase {
  name: string;
  url: string;
  query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function createEmptyDatabase(adminUrl = inject('pgAdminUrl')): Promise<EmptyDatabase> {
  const name = `certscope_rel_${randomBytes(6).toString('hex')}`;
  const url = await ensureDatabase(adminUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle client whose server went away must not crash the test process.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    async drop() {
      await pool.end();
      await dropDatabase(adminUrl, name);
    },
  };
}

export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  pid: number;
  port: number;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The GraphQL endpoint. */
  url: string;
  /** The most recent log lines, parsed (the child logs JSON). */
  logs(): Array<Record<string, unknown>>;
  /** Resolves when the process has exited. */
  exited: Promise<ServiceExit>;
  /** Null once the process has exited. */
  exit(): ServiceExit | null;
  /** Resident set size in bytes from /proc, or null once the process is gone. */
  rssBytes(): number | null;
  /** Sends `signal` and waits for the exit; SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ServiceExit>;
}

export interface ServiceOptions {
  env: Record<string, string>;
  /** How long start-up (migrations, seeding) may take. */
  readyTimeoutMs?: number;
  /** How many log lines to keep; the load test logs one per request. */
  keepLogLines?: number;
  /** Wait for the service to listen (the default), or return at once. */
  waitUntilListening?: boolean;
}

/** A token secret the service accepts (32+ bytes). */
export function newJwtSecret(): string {
  return randomBytes(36).toString('base64url');
}

/** A bearer token signed for the service's default issuer and audience. */
export function tokenFor(
  secret: string,
  employeeId: number,
  role = Role.LND_ADMIN,
): Promise<string> {
  return signToken(
    {
      issuer: DEFAULT_ISSUER,
      audience: DEFAULT_AUDIENCE,
      secret: new TextEncoder().encode(secret),
    },
    { employeeId, role },
  );
}

/** Reads VmRSS from /proc/<pid>/status; Linux only, which is what the service runs on. */
export function readRss(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Starts `node <build>/src/main.js` with only the given environment (plus PATH and HOME), on
 * a free port, and waits until it answers /healthz.
 */
export async function startService(options: ServiceOptions): Promise<ServiceProcess> {
  const main = await ensureServiceBuilt();
  const port = options.env.PORT ? Number(options.env.PORT) : await freePort();
  const keep = options.keepLogLines ?? 5_000;
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      GRAPHQL_INTROSPECTION: 'false',
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('the service did not start');
  const pid = child.pid;

  const lines: Array<Record<string, unknown>> = [];
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const parts = text.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        if (!line) continue;
        try {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          lines.push({ raw: line });
        }
        if (lines.length > keep) lines.splice(0, lines.length - keep);
      }
    });
  };
  // Both pipes are always drained, or a chatty child would block on a full pipe.
  collect(child.stdout);
  collect(child.stderr);

  let exit: ServiceExit | null = null;
  const exited = new Promise<ServiceExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve(exit);
    });
  });

  const base = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = {
    pid,
    port,
    base,
    url: `${base}/graphql`,
    logs: () => lines,
    exited,
    exit: () => exit,
    rssBytes: () => (exit ? null : readRss(pid)),
    async stop(signal = 'SIGTERM', timeoutMs = 30_000) {
      if (exit) return exit;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };

  if (options.waitUntilListening === false) return service;
  try {
    await waitUntil(
      async () => {
        if (exit) {
          const tail = lines
            .slice(-20)
            .map((l) => JSON.stringify(l))
            .join('\n');
          throw new Error(`the service exited (${JSON.stringify(exit)}) while starting:\n${tail}`);
        }
        return (await httpStatus(`${base}/healthz`)) === 200;
      },
      options.readyTimeoutMs ?? 60_000,
      'the service to answer /healthz',
    );
  } catch (error) {
    await service.stop('SIGKILL');
    throw error;
  }
  return service;
}

/** The status and body of a GET on a connection of its own; status 0 without an answer. */
export function httpGet(url: string, timeoutMs = 2_000): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', () => resolve({ status: 0, body: '' }));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve({ status: 0, body: '' }));
  });
}

export async function httpStatus(url: string, timeoutMs = 2_000): Promise<number> {
  return (await httpGet(url, timeoutMs)).status;
}

/** Polls `check` every 100 ms until it is true; fails after `timeoutMs`. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

export interface GraphQLResult {
  status: number;
  body: {
    data?: Record<string, any> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } & Record<string, unknown> }>;
  };
  ms: number;
}

/** A request that got no HTTP answer: refused, reset, or timed out. */
export class NoAnswerError extends Error {
  constructor(
    readonly code: string,
    readonly ms: number,
  ) {
    super(`no answer: ${code} after ${Math.round(ms)} ms`);
  }
}

/**
 * One GraphQL POST on a connection of its own (no keep-alive agent), so it sees what a new
 * client sees: a closed listener refuses it. Rejects with NoAnswerError without an answer.
 */
export function postGraphQL(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 15_000,
): Promise<GraphQLResult> {
  const started = performance.now();
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        timeout: timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error: NodeJS.ErrnoException) =>
          reject(new NoAnswerError(error.code ?? error.message, performance.now() - started)),
        );
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: GraphQLResult['body'];
          try {
            body = JSON.parse(text) as GraphQLResult['body'];
          } catch {
            body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
          }
          resolve({ status: response.statusCode ?? 0, body, ms: performance.now() - started });
        });
      },
    );
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(new NoAnswerError(error.code ?? error.message, performance.now() - started)),
    );
    request.end(payload);
  });
}
