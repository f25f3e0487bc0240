/**
 * Times the training optimizer on a 1,000-person department with 50 requirements, next to
 * the coverage query it starts from, and prints both and their ratio.
 *
 *   npm run bench:optimizer
 *
 * It creates a database of its own and drops it at the end: on the server of
 * TEST_DATABASE_URL when set, otherwise on a throwaway embedded PostgreSQL on 127.0.0.1.
 * Every loop is bounded: a fixed number of runs, and each solve stops at its time limit.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { seedCatalog } from '../seeds/catalog/seed-catalog';
import { Random } from '../seeds/organization/random';
import { createDataSource } from '../src/db/data-source';
import { ensureDatabase } from '../src/db/database-url';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded';
import {
  optimalTrainingPlan,
  type OptimizerOptions,
} from '../src/services/budget-optimizer.service';
import { addDays, addMonths } from '../src/services/calendar';
import { requirementCoverage } from '../src/services/coverage.service';
import { preparePlan } from '../src/services/optimizer-candidates';
import {
  DEFAULT_COST_ASSUMPTIONS,
  DEFAULT_PRIORITY_WEIGHTS,
} from '../src/services/optimizer-costs';
import { horizonEndOf, loadPlanningInstance } from '../src/services/optimizer-load';
import { buildModel } from '../src/services/optimizer-model';

const AS_OF = '2025-06-15';
const EMPLOYEES = 1000;
const REQUIREMENTS = 50;
const COVERAGE_RUNS = 7;
const OPTIMIZER_RUNS = 3;
/** Price for credentials of unknown cost in the stress scenario, which opens every chain. */
const STRESS_FEE_CENTS = 15_000;
const SEED = 20250615;

async function main(): Promise<void> {
  const server = await startServer();
  const name = `certscope_bench_${randomBytes(6).toString('hex')}`;
  let db: DataSource | null = null;
  try {
    db = createDataSource({ url: await ensureDatabase(server.adminUrl, name), poolSize: 4 });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    await seedCatalog(db);
    const departmentId = await seedDepartment(db, new Random(SEED));
    await db.query('ANALYZE');

    const coverage = await timeRuns(COVERAGE_RUNS, () =>
      requirementCoverage(db as DataSource, departmentId, AS_OF, { teamOnly: false }),
    );
    console.log(`department: ${EMPLOYEES} people, ${REQUIREMENTS} requirements, asOf ${AS_OF}`);
    console.log(`coverage query: median ${ms(coverage.median)} over ${COVERAGE_RUNS} runs`);

    const unknown: Array<{ id: number }> = await db.query(
      'SELECT id FROM certification WHERE cost_low_cents IS NULL ORDER BY id',
    );
    const scenarios: Array<[string, OptimizerOptions]> = [
      ['budget $20,000', benchOptions(2_000_000)],
      ['budget $100,000', benchOptions(10_000_000)],
      [
        'stress: budget $100,000, 730 days, 2 a quarter, unknown fees priced at $150',
        {
          ...benchOptions(10_000_000),
          horizonDays: 730,
          maxPerPersonPerQuarter: 2,
          costs: {
            ...DEFAULT_COST_ASSUMPTIONS,
            examFeeOverrides: new Map(unknown.map((row) => [row.id, STRESS_FEE_CENTS])),
          },
        },
      ],
    ];
    scenarios.push([
      'wide: the stress options, and every level fits every credential',
      scenarios[2][1],
    ]);
    for (const [label, options] of scenarios) {
      if (label.startsWith('wide')) {
        // The bench's own database: drop the level ranges so that eligibility prunes little.
        await db.query('UPDATE certification SET level_min = NULL, level_max = NULL');
      }
      const size = await modelSize(db, departmentId, options);
      let last = await optimalTrainingPlan(db, departmentId, AS_OF, options);
      const runs = await timeRuns(OPTIMIZER_RUNS, async () => {
        last = await optimalTrainingPlan(db as DataSource, departmentId, AS_OF, options);
      });
      console.log(`optimizer, ${label}:`);
      console.log(`  model: ${size}`);
      console.log(
        `  median ${ms(runs.median)} over ${OPTIMIZER_RUNS} runs, of which HiGHS ` +
          `${ms(last.solveSeconds * 1000)}; status ${last.status}, value ` +
          `${last.objectiveValue} of ${last.maxObjectiveValue} (bound ${last.bound}, gap ` +
          `${last.relativeGap}), ${last.assignments.length} assignments, expected cost ` +
          `$${last.total.expectedCents / 100}, cost minimal ${last.costMinimal}`,
      );
      console.log(`  ratio optimizer / coverage: ${(runs.median / coverage.median).toFixed(1)}x`);
    }
  } finally {
    await db?.destroy();
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  }
}

function benchOptions(budgetCents: number): OptimizerOptions {
  return {
    budgetCents,
    horizonDays: 365,
    timeLimitSeconds: 10,
    maxPerPersonPerQuarter: 1,
    fiscalYearStartMonth: 1,
    weights: { ...DEFAULT_PRIORITY_WEIGHTS },
    costs: { ...DEFAULT_COST_ASSUMPTIONS },
  };
}

/** The integer program's size, built the way the optimizer builds it. */
async function modelSize(db: DataSource, teamId: number, options: OptimizerOptions) {
  const instance = await loadPlanningInstance(
    db,
    teamId,
    AS_OF,
    horizonEndOf(AS_OF, options.horizonDays),
  );
  const prepared = preparePlan(instance, options);
  const model = buildModel(prepared, options.budgetCents, options.maxPerPersonPerQuarter);
  return (
    `${prepared.options.length} options, ${model.columns.length} columns, ` +
    `${model.rows.length} rows`
  );
}

async function timeRuns(runs: number, work: () => Promise<unknown>) {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] };
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/**
 * One department of EMPLOYEES people: 15 teams of 5 sub-teams each (91 nodes, about 11
 * people a node), two or so credentials a person (a fifth of them expiring within the year),
 * a career goal for a third of them, and REQUIREMENTS requirements: 5 on the department,
 * 15 on teams, 30 on sub-teams, sized so that most have a gap.
 */
async function seedDepartment(db: DataSource, random: Random): Promise<number> {
  const certs: Array<{ id: number; validity_months: number | null }> = await db.query(
    'SELECT id, validity_months FROM certification WHERE data_complete ORDER BY id',
  );
  const skills: Array<{ id: number }> = await db.query(
    'SELECT DISTINCT skill_id AS id FROM certification_skill ORDER BY 1',
  );
  const roles: Array<{ id: number }> = await db.query('SELECT id FROM career_role ORDER BY id');

  const [{ id: departmentId }] = await db.query(
    `INSERT INTO team (name) VALUES ('Benchmark department') RETURNING id`,
  );
  const teams: number[] = [];
  const subTeams: number[] = [];
  for (let t = 0; t < 15; t += 1) {
    const [{ id }] = await db.query(
      'INSERT INTO team (name, parent_id) VALUES ($1, $2) RETURNING id',
      [`Team ${t + 1}`, departmentId],
    );
    teams.push(id);
    const rows = await db.query(
      `INSERT INTO team (name, parent_id)
       SELECT 'Team ' || $2::int || '.' || n, $1 FROM generate_series(1, 5) n RETURNING id`,
      [id, t + 1],
    );
    subTeams.push(...rows.map((row: { id: number }) => row.id));
  }

  const levels = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'];
  const people = Array.from({ length: EMPLOYEES }, (_, i) => ({
    name: `Bench Person ${i + 1}`,
    email: `bench${i + 1}@example.com`,
    team: i < 10 ? departmentId : i < 160 ? teams[(i - 10) % teams.length] : random.pick(subTeams),
    level: levels[random.weightedIndex([30, 45, 25])],
  }));
  const employeeIds: number[] = (
    await db.query(
      `INSERT INTO employee (name, email, team_id, experience_level, hire_date)
       SELECT n, e, t, l::experience_level, '2020-01-15'
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[]) AS x(n, e, t, l)
       RETURNING id`,
      [
        people.map((p) => p.name),
        people.map((p) => p.email),
        people.map((p) => p.team),
        people.map((p) => p.level),
      ],
    )
  ).map((row: { id: number }) => row.id);

  const held = {
    employee: [] as number[],
    cert: [] as number[],
    earned: [] as string[],
    expires: [] as (string | null)[],
  };
  for (const employeeId of employeeIds) {
    const mine = random.shuffle([...certs]).slice(0, random.int(0, 4));
    for (const cert of mine) {
      const draw = random.next();
      let expires: string | null = null;
      let earned = addDays(AS_OF, -random.int(30, 1000));
      if (cert.validity_months !== null) {
        expires =
          draw < 0.1
            ? addDays(AS_OF, -random.int(1, 300))
            : draw < 0.3
              ? addDays(AS_OF, random.int(0, 365))
              : addDays(AS_OF, random.int(366, 1500));
        earned = addMonths(expires, -cert.validity_months);
      }
      held.employee.push(employeeId);
      held.cert.push(cert.id);
      held.earned.push(earned);
      held.expires.push(expires);
    }
  }
  await db.query(
    `INSERT INTO held_certification (employee_id, certification_id, earned_on, expires_on)
     SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::date[])`,
    [held.employee, held.cert, held.earned, held.expires],
  );

  const goals = employeeIds.filter(() => random.chance(0.3));
  await db.query(
    `INSERT INTO career_goal (employee_id, career_role_id, target_date)
     SELECT * FROM unnest($1::int[], $2::int[], $3::date[])`,
    [goals, goals.map(() => random.pick(roles).id), goals.map(() => '2026-12-31')],
  );

  const placements: Array<[number, [number, number]]> = [
    ...Array.from({ length: 5 }, (): [number, [number, number]] => [departmentId, [15, 40]]),
    ...teams.map((team): [number, [number, number]] => [team, [3, 8]]),
    ...random
      .shuffle([...subTeams])
      .slice(0, REQUIREMENTS - 20)
      .map((team): [number, [number, number]] => [team, [1, 3]]),
  ];
  const used = new Set<string>();
  const priorities = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
  for (const [team, [low, high]] of placements) {
    // A bounded draw for a target the team does not require yet.
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const onSkill = random.chance(0.15);
      const target = onSkill ? random.pick(skills).id : random.pick(certs).id;
      const key = `${team}:${onSkill ? 's' : 'c'}${target}`;
      if (used.has(key)) continue;
      used.add(key);
      await db.query(
        `INSERT INTO team_requirement (team_id, certification_id, skill_id, min_holders, priority)
         VALUES ($1, $2, $3, $4, $5::requirement_priority)`,
        [
          team,
          onSkill ? null : target,
          onSkill ? target : null,
          random.int(low, high),
          priorities[random.weightedIndex([15, 30, 35, 20])],
        ],
      );
      break;
    }
  }
  return departmentId;
}

interface BenchServer {
  adminUrl: string;
  stop(): Promise<void>;
}

/** TEST_DATABASE_URL's server, or an embedded one in a temporary folder. */
async function startServer(): Promise<BenchServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) return { adminUrl: external, stop: async () => undefined };
  const root = await mkdtemp(path.join(os.tmpdir(), 'certscope-bench-'));
  // PostgreSQL may run as another OS user, which must reach the folder.
  await chmod(root, 0o755);
  let embedded: EmbeddedDatabase | null = null;
  try {
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(root, 'data'),
      port: await freePort(),
      persistent: false,
    });
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  const running = embedded;
  return {
    adminUrl: running.url,
    async stop() {
      await running.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
