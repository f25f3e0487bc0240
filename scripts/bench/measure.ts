import autocannon from 'autocannon';
import type pg from 'pg';
import { cpuMs, type Running } from './servers';

export interface Sample {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  statementsPerRequest: number;
}

export interface Load {
  connections: number;
  seconds: number;
  /** A hard cap on requests per run, whatever the duration. */
  maxRequests: number;
}

/** Statements each role has run so far, from pg_stat_statements (top-level, utility too). */
export async function statementsByRole(admin: pg.Client): Promise<Map<string, number>> {
  const { rows } = await admin.query(
    `SELECT r.rolname AS role, sum(s.calls)::bigint AS calls
       FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid GROUP BY r.rolname`,
  );
  return new Map(rows.map((row: { role: string; calls: number }) => [row.role, Number(row.calls)]));
}

/** One bounded autocannon run against one system, with the server's CPU and statements. */
export async function measure(
  admin: pg.Client,
  target: Running,
  body: string,
  headers: Record<string, string>,
  load: Load,
): Promise<Sample> {
  const statementsBefore = (await statementsByRole(admin)).get(target.role) ?? 0;
  const cpuBefore = cpuMs(target.child.pid);
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections: load.connections,
    duration: load.seconds,
    amount: undefined,
    maxOverallRequests: load.maxRequests,
    timeout: 30,
  });
  // Requests still running when the time is up are dropped by the client but finished by the
  // server: wait for it to go quiet, then share its work over every request sent.
  const statements = (await settled(admin, target.role)) - statementsBefore;
  const cpu = cpuMs(target.child.pid) - cpuBefore;
  const sent = result.requests.sent;
  const ok = result['2xx'];
  if (result.non2xx > 0 || result.errors > 0 || ok === 0) {
    throw new Error(
      `${target.system}: ${result.non2xx} non-2xx responses and ${result.errors} errors of ` +
        `${result.requests.total}`,
    );
  }
  return {
    requests: ok,
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: cpu / sent,
    statementsPerRequest: statements / sent,
  };
}

/** The role's statement count once it stops changing (at most ten seconds). */
async function settled(admin: pg.Client, role: string): Promise<number> {
  let last = -1;
  for (let i = 0; i < 40; i += 1) {
    const now = (await statementsByRole(admin)).get(role) ?? 0;
    if (now === last) return now;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last;
}

/** The median of each field over the rounds. */
export function median(samples: Sample[]): Sample {
  const mid = (pick: (s: Sample) => number) => {
    const sorted = samples.map(pick).sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
  };
  return {
    requests: mid((s) => s.requests),
    rps: mid((s) => s.rps),
    p50: mid((s) => s.p50),
    p99: mid((s) => s.p99),
    cpuMsPerRequest: mid((s) => s.cpuMsPerRequest),
    statementsPerRequest: mid((s) => s.statementsPerRequest),
  };
}
