/**
 * The benchmark, in one command from a fresh clone (`npm run bench`): an embedded
 * PostgreSQL of its own with the organization at size M, then the floor (one SQL statement
 * behind node:http), PostGraphile and certscope (built, started as in production) side by
 * side on 127.0.0.1. Answers are checked equal to the floor's before anything is timed;
 * then rounds interleave the systems, each run bounded in time and in requests.
 *
 *   npm run bench -- [--size S|M|L] [--seconds 5] [--rounds 3] [--only Q1,Q5]
 *                    [--write docs/performance.md]
 *
 * --only keeps the operations whose names start with one of the given prefixes.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ensureDatabase } from '../../src/db/database-url';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded';
import { Role, signToken } from '../../src/services/auth.service';
import { SIZES, seedScale, formatTimings, type Size } from '../seed-scale';
import { median, measure, type Load, type Sample } from './measure';
import { canonical, operations, type Operation } from './normalise';
import { findTargets } from './queries';
import { report } from './report';
import {
  prepareDatabase,
  startSystem,
  stopSystem,
  SYSTEMS,
  type Running,
  type System,
} from './servers';

const PG_PORT = 54360;
const FIRST_PORT = 54361;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'M' },
      seconds: { type: 'string', default: '5' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '10' },
      only: { type: 'string' },
      write: { type: 'string' },
    },
  });
  const size = String(values.size).toUpperCase() as Size;
  if (!(size in SIZES)) throw new Error('--size must be S, M or L');
  const load: Load = {
    connections: Number(values.connections),
    seconds: Math.min(60, Number(values.seconds)),
    maxRequests: 200_000,
  };
  const rounds = Math.min(10, Number(values.rounds));

  const root = await mkdtemp(path.join('/var/tmp', 'certscope-bench-'));
  // PostgreSQL runs as another OS user when this runs as root; it must reach the folder.
  await chmod(root, 0o755);
  let database: EmbeddedDatabase | null = null;
  const running: Running[] = [];
  let admin: pg.Client | null = null;
  try {
    database = await startPostgres(root);
    const url = await ensureDatabase(database.url, 'certscope');
    log(`seeding size ${size} (${SIZES[size]} employees)`);
    const seeded = await seedScale(url, SIZES[size]);
    log(formatTimings(size, seeded));
    // pg_stat_statements only loads at server start.
    await enableStatementStats(database.url);
    await database.stop();
    database = await startPostgres(root);

    const client = new pg.Client({ connectionString: url });
    admin = client;
    // The server stops under it at the end, or on a failure; that is no news.
    client.on('error', () => undefined);
    await client.connect();
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await prepareDatabase(client);
    const targets = await findTargets({ query: async (s, p) => (await client.query(s, p)).rows });

    const secret = randomBytes(48).toString('base64url');
    const env = {
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: secret,
      GRAPHQL_INTROSPECTION: 'false',
      CERTSCOPE_SEED_DEMO: 'false',
      CERTSCOPE_STATE_DIR: path.join(root, 'state'),
      CERTSCOPE_TIME_ZONE: 'UTC',
    };
    for (const [index, system] of SYSTEMS.entries()) {
      running.push(await startSystem(system, { adminUrl: url, port: FIRST_PORT + index, env }));
    }
    const token = await signToken(
      {
        issuer: 'certscope',
        audience: 'certscope-api',
        secret: new TextEncoder().encode(secret),
      },
      { employeeId: targets.employee, role: Role.LND_ADMIN },
      '2h',
    );

    const prefixes = values.only?.split(',').map((p) => p.trim().toLowerCase());
    const ops = operations(targets).filter(
      (op) => !prefixes || prefixes.some((p) => op.name.toLowerCase().startsWith(p)),
    );
    const requests = ops.map((op) => requestsFor(op, token));
    const excluded = await checkAnswers(ops, requests, running);
    log('answers match the floor; timing');

    const samples = new Map<string, Sample[]>();
    for (let round = 0; round < rounds; round += 1) {
      for (const [index, op] of ops.entries()) {
        // Rotate who goes first, so no system always runs on a warmer machine.
        const order = SYSTEMS.map((_, i) => SYSTEMS[(i + round) % SYSTEMS.length]);
        for (const system of order) {
          const request = requests[index].get(system);
          const target = running.find((r) => r.system === system);
          if (!request || !target || excluded.has(system)) continue;
          const sample = await measure(client, target, request.body, request.headers, load);
          const key = `${op.name}|${system}`;
          samples.set(key, [...(samples.get(key) ?? []), sample]);
          log(`round ${round + 1} ${op.name} ${system}: ${sample.rps.toFixed(0)} req/s`);
        }
      }
    }

    const results = new Map([...samples].map(([key, list]) => [key, median(list)]));
    const table = await report({ size, seeded, load, rounds, ops, results, targets, excluded });
    process.stdout.write(`${table}\n`);
    if (values.write) await writeSection(values.write, table);
  } finally {
    await admin?.end().catch(() => undefined);
    await Promise.all(running.map(stopSystem));
    await database?.stop();
    await rm(root, { recursive: true, force: true });
  }
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function startPostgres(root: string): Promise<EmbeddedDatabase> {
  return startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port: PG_PORT, persistent: true });
}

async function enableStatementStats(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await client.end();
}

type Requests = Map<System, { body: string; headers: Record<string, string> }>;

function requestsFor(op: Operation, token: string): Requests {
  const requests: Requests = new Map();
  requests.set('floor', { body: JSON.stringify(op.floor), headers: {} });
  const { query, variables } = op.certscope;
  requests.set('certscope', {
    body: JSON.stringify({ query, variables }),
    headers: { authorization: `Bearer ${token}` },
  });
  if (op.postgraphile) {
    const { query: q, variables: v } = op.postgraphile;
    requests.set('postgraphile', { body: JSON.stringify({ query: q, variables: v }), headers: {} });
  }
  return requests;
}

/**
 * Every system's answer, normalised, must be the floor's; otherwise nothing is timed. The
 * floor and certscope must agree; PostGraphile, there to compare with, is left out (and the
 * reason reported) when it fails or disagrees.
 */
async function checkAnswers(ops: Operation[], all: Requests[], running: Running[]) {
  const excluded = new Map<System, string>();
  for (const [index, op] of ops.entries()) {
    const answers = new Map<System, string>();
    for (const [system, request] of all[index]) {
      const target = running.find((r) => r.system === system);
      if (!target || excluded.has(system)) continue;
      const json: any = await post(target.url, request);
      const normalise = system === 'floor' ? (d: unknown) => d : op[system]?.normalise;
      if (system !== 'floor' && json.errors) {
        fail(excluded, system, `${op.name}: ${json.errors[0]?.message.split('\n')[0]}`);
      } else if (normalise) {
        answers.set(system, canonical(normalise(system === 'floor' ? json : json.data)));
      }
    }
    const floor = answers.get('floor');
    for (const [system, answer] of answers) {
      if (answer !== floor) {
        fail(excluded, system, `${op.name}: ${answer.slice(0, 300)} vs ${floor?.slice(0, 300)}`);
      }
    }
  }
  return excluded;
}

async function post(url: string, request: { body: string; headers: Record<string, string> }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
  });
  return response.json();
}

function fail(excluded: Map<System, string>, system: System, reason: string): void {
  if (system !== 'postgraphile') throw new Error(`${system} answers ${reason}`);
  log(`PostGraphile left out: ${reason}`);
  excluded.set(system, reason);
}

/** Replaces the text between the benchmark markers in `file` (appends them if missing). */
async function writeSection(file: string, table: string): Promise<void> {
  const { readFile, writeFile } = await import('node:fs/promises');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const current = await readFile(file, 'utf8').catch(() => '');
  const block = `${start}\n${table}\n${end}`;
  const next =
    current.includes(start) && current.includes(end)
      ? current.slice(0, current.indexOf(start)) +
        block +
        current.slice(current.indexOf(end) + end.length)
      : `${current}\n${block}\n`;
  await writeFile(file, next);
  log(`wrote the table into ${file}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
  process.exitCode = 1;
});
