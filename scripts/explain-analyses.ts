/**
 * Shows how PostgreSQL runs each analysis for one department of a large organization, and
 * fails if any plan reads held_certification with a sequential scan: analysing one team
 * must cost that team's rows, not the organization's.
 *
 *   npm run seed:scale -- --size L       (once)
 *   npm run explain:analyses [-- --analyze] [-- --full]
 *
 * Uses DATABASE_URL when set, else the embedded cluster seed:scale left in --data-dir.
 * Each statement an analysis sends is explained (with --analyze, run and timed), then run
 * for real so the analysis can go on to its next statement.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { withDatabase } from '../src/db/database-url';
import { installPgTypeParsers } from '../src/db/pg-types';
import { Role } from '../src/services/auth.service';
import { careerPlan } from '../src/services/career-plan.service';
import { requirementCoverage } from '../src/services/coverage.service';
import { renewalExposure } from '../src/services/renewal-exposure.service';
import { trainingBudget } from '../src/services/training-budget.service';
import { AS_OF, findTargets, HORIZON_DAYS } from './bench/queries';

interface Plan {
  analysis: string;
  statement: number;
  lines: string[];
}

/**
 * A stand-in for the DataSource: explains every statement, then runs it. Statements that an
 * analysis sends side by side take turns on the one connection.
 */
function explaining(client: pg.Client, analyze: boolean, plans: Plan[], analysis: () => string) {
  const sent = new Map<string, number>();
  let turn: Promise<unknown> = Promise.resolve();
  const run = async (sql: string, params?: unknown[]) => {
    const name = analysis();
    const statement = (sent.get(name) ?? 0) + 1;
    sent.set(name, statement);
    const options = analyze ? 'ANALYZE, BUFFERS, COSTS OFF' : 'COSTS OFF';
    const explained = await client.query(`EXPLAIN (${options}) ${sql}`, params);
    const lines = explained.rows.map((row: Record<string, string>) => row['QUERY PLAN']);
    plans.push({ analysis: name, statement, lines });
    return (await client.query(sql, params)).rows;
  };
  return {
    query(sql: string, params?: unknown[]) {
      const result = turn.then(() => run(sql, params));
      turn = result.catch(() => undefined);
      return result;
    },
  } as unknown as DataSource;
}

/** The lines worth reading: how held_certification, employee and team are reached. */
function keyLines(lines: string[]): string[] {
  return lines.filter(
    (line) =>
      /(Scan|Join|Execution Time).*|held_certification|Recursive/.test(line) &&
      /held_certification|employee|team_requirement|Execution Time|Recursive Union/.test(line),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      analyze: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: '/var/tmp/certscope-scale-L' },
      port: { type: 'string', default: '54340' },
    },
  });
  installPgTypeParsers();
  let url = process.env.DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!url) {
    const dataDir = String(values['data-dir']);
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      throw new Error(`no cluster in ${dataDir}: run npm run seed:scale -- --size L first`);
    }
    const port = Number(values.port);
    const server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    stop = () => server.stop();
    url = withDatabase(server.url, 'certscope');
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const plans: Plan[] = [];
  try {
    const [{ people }] = (await client.query('SELECT count(*)::int AS people FROM employee')).rows;
    const targets = await findTargets({ query: async (s, p) => (await client.query(s, p)).rows });
    const [{ goal }] = (await client.query('SELECT min(employee_id) AS goal FROM career_goal'))
      .rows;
    process.stdout.write(`${people} employees; department ${targets.department}\n`);

    let current = '';
    const db = explaining(client, values.analyze, plans, () => current);
    const team = targets.department;
    const scope = {
      viewer: { employeeId: targets.employee, role: Role.LND_ADMIN },
      ownTeamId: team,
      people: 'ALL' as const,
      teams: 'ALL' as const,
    };
    const analyses: Array<[string, () => Promise<unknown>]> = [
      ['coverage', () => requirementCoverage(db, team, AS_OF, { teamOnly: false })],
      ['renewal exposure', () => renewalExposure(db, scope, team, AS_OF, HORIZON_DAYS)],
      ['training budget', () => trainingBudget(db, team, AS_OF, { teamOnly: false })],
      ['career plan', () => careerPlan(db, Number(goal), AS_OF)],
    ];
    for (const [name, run] of analyses) {
      current = name;
      await run();
    }
  } finally {
    await client.end();
    await stop();
  }

  const offending: string[] = [];
  for (const plan of plans) {
    process.stdout.write(`\n== ${plan.analysis}, statement ${plan.statement}\n`);
    const shown = values.full ? plan.lines : keyLines(plan.lines);
    process.stdout.write(`${shown.join('\n')}\n`);
    if (plan.lines.some((line) => /Seq Scan on held_certification/.test(line))) {
      offending.push(`${plan.analysis} (statement ${plan.statement})`);
    }
  }
  if (offending.length > 0) {
    process.stderr.write(`\nSeq Scan on held_certification in: ${offending.join(', ')}\n`);
    process.exit(1);
  }
  process.stdout.write('\nno plan reads held_certification with a sequential scan\n');
}

if (typeof require !== 'undefined' && require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  });
}
