/**
 * Fills a database with the catalog and a generated organization at scale, with COPY, and
 * says how long that took next to a bare COPY of the same rows into empty copies of the
 * tables (no indexes, keys or checks): the gap is what the schema's integrity costs.
 *
 *   npm run seed:scale -- --size S|M|L          (1,000 / 10,000 / 100,000 employees)
 *
 * Into DATABASE_URL when set (its organization tables must be empty); otherwise into a
 * fresh embedded PostgreSQL in --data-dir, database `certscope`, which the service then
 * serves with CERTSCOPE_DATA_DIR pointing there.
 */
import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import pg from 'pg';
import { seedCatalog } from '../seeds/catalog/seed-catalog';
import {
  generateOrganization,
  type CatalogRefs,
  type GeneratedOrganization,
} from '../seeds/organization/generate';
import { createDataSource } from '../src/db/data-source';
import { ensureDatabase, redactUrl } from '../src/db/database-url';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { AS_OF } from './bench/queries';
import { copyRows } from './bench/copy-in';

export const SIZES = { S: 1_000, M: 10_000, L: 100_000 } as const;
export type Size = keyof typeof SIZES;

type Value = string | number | boolean | null;

/** One table's rows, in the column order of `columns`. */
interface TableRows {
  table: string;
  columns: string[];
  rows: Value[][];
}

export interface SeedTimings {
  employees: number;
  rows: number;
  generateMs: number;
  /** COPY into the real tables (indexes, keys, checks) plus linking team managers. */
  loadMs: number;
  analyzeMs: number;
  /** The same rows, COPY into empty copies of the tables. */
  bareCopyMs: number;
}

/** Seeds `url` (migrated here) and measures; `progress` draws on stderr unless false. */
export async function seedScale(
  url: string,
  employees: number,
  options: { progress: boolean } = { progress: true },
): Promise<SeedTimings> {
  const dataSource = createDataSource({ url });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sql = {
      query: async (text: string, params?: unknown[]) => (await client.query(text, params)).rows,
    };
    const [{ people }] = await sql.query('SELECT count(*)::int AS people FROM employee');
    if (people > 0) throw new Error('the database already holds an organization');
    const [{ certs }] = await sql.query('SELECT count(*)::int AS certs FROM certification');
    if (certs === 0) await seedCatalog(sql);

    let started = performance.now();
    const { catalog, ids } = await readCatalog(sql);
    const org = generateOrganization({ employees, asOf: AS_OF, catalog });
    const tables = toRows(org, ids, await firstIds(sql));
    const generateMs = performance.now() - started;
    const rows = tables.reduce((sum, t) => sum + t.rows.length, 0);

    const bar = options.progress ? new SingleBar({ stream: process.stderr }) : null;
    bar?.start(rows, 0);
    started = performance.now();
    await client.query('BEGIN');
    for (const t of tables) {
      // Managers are employees, who come after teams: team.manager_id is set once both exist.
      const columns = t.table === 'team' ? t.columns.slice(0, 3) : t.columns;
      const data = t.table === 'team' ? t.rows.map((r) => r.slice(0, 3)) : t.rows;
      await copyRows(client, `${t.table} (${columns.join(', ')})`, counted(data, bar));
    }
    const teams = tables[0].rows;
    await client.query(
      `UPDATE team SET manager_id = m.manager_id
         FROM unnest($1::int[], $2::int[]) AS m(id, manager_id) WHERE team.id = m.id`,
      [teams.map((r) => r[0]), teams.map((r) => r[3])],
    );
    for (const t of tables) {
      const sequence = `pg_get_serial_sequence('${t.table}', 'id')`;
      await client.query(`SELECT setval(${sequence}, max(id)) FROM ${t.table}`);
    }
    await client.query('COMMIT');
    const loadMs = performance.now() - started;
    bar?.stop();

    started = performance.now();
    await client.query('ANALYZE');
    const analyzeMs = performance.now() - started;
    const bareCopyMs = await bareCopy(client, tables);
    return { employees, rows, generateMs, loadMs, analyzeMs, bareCopyMs };
  } finally {
    await client.end();
  }
}

/** COPY of the same rows into column-only copies of the tables, in a schema dropped after. */
async function bareCopy(client: pg.Client, tables: TableRows[]): Promise<number> {
  await client.query('DROP SCHEMA IF EXISTS seed_bare CASCADE; CREATE SCHEMA seed_bare');
  for (const t of tables) {
    await client.query(`CREATE TABLE seed_bare.${t.table} (LIKE public.${t.table})`);
  }
  const started = performance.now();
  await client.query('BEGIN');
  for (const t of tables) {
    await copyRows(client, `seed_bare.${t.table} (${t.columns.join(', ')})`, t.rows);
  }
  await client.query('COMMIT');
  const ms = performance.now() - started;
  await client.query('DROP SCHEMA seed_bare CASCADE');
  return ms;
}

function* counted<T>(rows: readonly T[], bar: SingleBar | null): Generator<T> {
  for (let i = 0; i < rows.length; i += 1) {
    if (bar && i % 2000 === 0) bar.increment(Math.min(2000, rows.length - i));
    yield rows[i];
  }
}

interface Ids {
  certifications: Map<string, number>;
  skills: Map<string, number>;
  roles: Map<string, number>;
}

/** The catalog as seedOrganization hands it to the generator: by slug, in slug order. */
async function readCatalog(db: { query(sql: string): Promise<any[]> }) {
  const [row] = await db.query(`SELECT
    (SELECT json_agg(json_build_object('id', id, 'slug', slug, 'validityKind', validity_kind,
       'validityMonths', validity_months, 'levelMin', level_min, 'levelMax', level_max,
       'dataComplete', data_complete) ORDER BY slug) FROM certification) AS certifications,
    (SELECT json_agg(json_build_object('id', id, 'slug', slug) ORDER BY slug)
       FROM skill) AS skills,
    (SELECT json_agg(json_build_object('id', id, 'slug', slug) ORDER BY slug)
       FROM career_role) AS roles,
    (SELECT json_agg(json_build_object('certificationSlug', c.slug, 'skillSlug', s.slug)
              ORDER BY c.slug, s.slug)
       FROM certification_skill cs JOIN certification c ON c.id = cs.certification_id
       JOIN skill s ON s.id = cs.skill_id) AS covers`);
  type Slugged = { id: number; slug: string };
  const bySlug = (list: Slugged[] | null) => new Map((list ?? []).map((r) => [r.slug, r.id]));
  const catalog: CatalogRefs = {
    certifications: row.certifications,
    skills: (row.skills ?? []).map((r: Slugged) => r.slug),
    careerRoles: (row.roles ?? []).map((r: Slugged) => r.slug),
    certificationSkills: row.covers ?? [],
  };
  const ids: Ids = {
    certifications: bySlug(row.certifications),
    skills: bySlug(row.skills),
    roles: bySlug(row.roles),
  };
  return { catalog, ids };
}

type FirstIds = Record<
  'team' | 'employee' | 'held_certification' | 'team_requirement' | 'career_goal',
  number
>;

/** Where each table's ids start: above any row already there. */
async function firstIds(db: { query(sql: string): Promise<any[]> }): Promise<FirstIds> {
  const [row] = await db.query(`SELECT
    (SELECT coalesce(max(id), 0) + 1 FROM team) AS team,
    (SELECT coalesce(max(id), 0) + 1 FROM employee) AS employee,
    (SELECT coalesce(max(id), 0) + 1 FROM held_certification) AS held_certification,
    (SELECT coalesce(max(id), 0) + 1 FROM team_requirement) AS team_requirement,
    (SELECT coalesce(max(id), 0) + 1 FROM career_goal) AS career_goal`);
  return row;
}

function toRows(org: GeneratedOrganization, ids: Ids, first: FirstIds): TableRows[] {
  const id = (map: Map<string, number>, slug: string | null): number | null => {
    if (slug === null) return null;
    const found = map.get(slug);
    if (found === undefined) throw new Error(`no catalog row for slug "${slug}"`);
    return found;
  };
  const team = (key: number) => first.team + key;
  const person = (key: number) => first.employee + key;
  return [
    {
      table: 'team',
      columns: ['id', 'name', 'parent_id', 'manager_id'],
      rows: org.teams.map((t) => [
        team(t.key),
        t.name,
        t.parentKey === null ? null : team(t.parentKey),
        person(t.managerKey),
      ]),
    },
    {
      table: 'employee',
      columns: ['id', 'name', 'email', 'team_id', 'experience_level', 'hire_date'],
      rows: org.employees.map((e) => [
        person(e.key),
        e.name,
        e.email,
        team(e.teamKey),
        e.experienceLevel,
        e.hireDate,
      ]),
    },
    {
      table: 'held_certification',
      columns: [
        'id',
        'employee_id',
        'certification_id',
        'earned_on',
        'expires_on',
        'credential_id',
        'revoked_on',
        'revoke_reason',
      ],
      rows: org.heldCertifications.map((h, i) => [
        first.held_certification + i,
        person(h.employeeKey),
        id(ids.certifications, h.certificationSlug),
        h.earnedOn,
        h.expiresOn,
        h.credentialId,
        h.revokedOn,
        h.revokeReason,
      ]),
    },
    {
      table: 'team_requirement',
      columns: ['id', 'team_id', 'certification_id', 'skill_id', 'min_holders', 'priority'],
      rows: org.requirements.map((r, i) => [
        first.team_requirement + i,
        team(r.teamKey),
        id(ids.certifications, r.certificationSlug),
        id(ids.skills, r.skillSlug),
        r.minHolders,
        r.priority,
      ]),
    },
    {
      table: 'career_goal',
      columns: ['id', 'employee_id', 'career_role_id', 'target_date'],
      rows: org.careerGoals.map((g, i) => [
        first.career_goal + i,
        person(g.employeeKey),
        id(ids.roles, g.roleSlug),
        g.targetDate,
      ]),
    },
  ];
}

export function formatTimings(size: string, t: SeedTimings): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return (
    `size ${size}: ${t.employees} employees, ${t.rows} rows; generated in ${s(t.generateMs)}; ` +
    `seeded (COPY into the real tables) in ${s(t.loadMs)} vs bare COPY ${s(t.bareCopyMs)} ` +
    `(${(t.loadMs / t.bareCopyMs).toFixed(2)}x); ANALYZE ${s(t.analyzeMs)}`
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'S' },
      'data-dir': { type: 'string', default: '/var/tmp/certscope-scale' },
      port: { type: 'string', default: '54339' },
    },
  });
  const size = String(values.size).toUpperCase();
  if (!(size in SIZES)) throw new Error(`--size must be S, M or L, got ${values.size}`);
  const employees = SIZES[size as Size];

  let url = process.env.DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!url) {
    const dataDir = `${values['data-dir']}-${size}`;
    await rm(dataDir, { recursive: true, force: true });
    const port = Number(values.port);
    const server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    stop = () => server.stop();
    url = await ensureDatabase(server.url, 'certscope');
    process.stdout.write(`embedded PostgreSQL in ${dataDir} (serve it with CERTSCOPE_DATA_DIR)\n`);
  }
  try {
    process.stdout.write(`seeding ${redactUrl(url)}\n`);
    const timings = await seedScale(url, employees);
    process.stdout.write(`${formatTimings(size, timings)}\n`);
  } finally {
    await stop();
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exit(1);
  });
}
