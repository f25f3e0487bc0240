import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** The three systems under test: each its own process and its own PostgreSQL role. */
export type System = 'floor' | 'postgraphile' | 'certscope';
export const SYSTEMS: readonly System[] = ['floor', 'postgraphile', 'certscope'];

export interface Running {
  system: System;
  url: string;
  child: ChildProcess;
  /** The PostgreSQL role it connects as: statements are counted per role. */
  role: string;
}

const ROLE_PASSWORD = 'bench-local';

/**
 * Roles to tell the systems' statements apart in pg_stat_statements, and the SQL function
 * PostGraphile needs to list a department with its sub-teams (certscope's `employees`
 * walks the subtree itself).
 */
export async function prepareDatabase(admin: pg.Client): Promise<void> {
  for (const system of SYSTEMS) {
    const role = `bench_${system}`;
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD '${ROLE_PASSWORD}'`);
    await admin.query(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${role}`);
    await admin.query(`GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  }
  await admin.query(`
    CREATE SCHEMA IF NOT EXISTS bench_pg;
    GRANT USAGE ON SCHEMA bench_pg TO bench_postgraphile;
    CREATE OR REPLACE FUNCTION bench_pg.department_employees(team_id int)
      RETURNS SETOF public.employee LANGUAGE sql STABLE AS $$
        WITH RECURSIVE subtree(id) AS (
          SELECT team_id
          UNION ALL
          SELECT t.id FROM public.team t JOIN subtree s ON t.parent_id = s.id
        )
        SELECT e.* FROM public.employee e JOIN subtree s ON s.id = e.team_id ORDER BY e.id
      $$;`);
}

export function roleUrl(adminUrl: string, system: System): string {
  const url = new URL(adminUrl);
  url.username = `bench_${system}`;
  url.password = ROLE_PASSWORD;
  return url.toString();
}

/** The command line of each system: certscope exactly as production starts it. */
function command(system: System): string[] {
  switch (system) {
    case 'floor':
      return ['dist/scripts/bench/floor-server.js'];
    case 'postgraphile':
      return [
        '--require',
        './scripts/bench/with-resolvers-polyfill.cjs',
        'dist/scripts/bench/postgraphile-server.js',
      ];
    case 'certscope':
      return ['dist/src/main.js'];
  }
}

export async function startSystem(
  system: System,
  options: { adminUrl: string; port: number; env: Record<string, string> },
): Promise<Running> {
  const child = spawn(process.execPath, command(system), {
    env: {
      ...process.env,
      ...options.env,
      DATABASE_URL: roleUrl(options.adminUrl, system),
      PORT: String(options.port),
      HOST: '127.0.0.1',
    },
    // certscope writes a JSON line per request to stdout, as in production; nobody reads it.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const path = system === 'floor' ? '/' : '/graphql';
  const running = {
    system,
    url: `http://127.0.0.1:${options.port}${path}`,
    child,
    role: `bench_${system}`,
  };
  await waitForPort(options.port, child);
  return running;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`a server exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/`, { method: 'GET' }).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`nothing listened on port ${port} within a minute`);
}

export function stopSystem(running: Running): Promise<void> {
  return new Promise((resolve) => {
    if (running.child.exitCode !== null) return resolve();
    running.child.once('exit', () => resolve());
    running.child.kill('SIGTERM');
    setTimeout(() => running.child.kill('SIGKILL'), 10_000).unref();
  });
}

/** CPU time the process has used so far, in milliseconds (user + system, from /proc). */
export function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  // The command name may hold spaces; the fields after its closing parenthesis do not.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks * 10;
}
