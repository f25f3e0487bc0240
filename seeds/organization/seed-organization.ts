import {
  generateOrganization,
  type CatalogCertification,
  type CatalogRefs,
  type ExperienceLevel,
  type GeneratedOrganization,
  type ValidityKind,
} from './generate';

/** Anything that runs SQL with positional parameters and returns rows: a pg client, a
 * TypeORM QueryRunner, the test harness. */
export interface OrganizationDb {
  // The drivers type their rows loosely; every row read here is checked field by field.
  query(sql: string, params?: unknown[]): Promise<any[]>;
}

export interface SeedOrganizationOptions {
  employees: number;
  seed?: number;
  asOf: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedOrganizationResult {
  teams: number;
  employees: number;
  heldCertifications: number;
  requirements: number;
  goals: number;
}

/** Rows a statement: each column goes as one array parameter, so this bounds payload size. */
const CHUNK_ROWS = 5000;

interface CatalogIds {
  certifications: Map<string, number>;
  skills: Map<string, number>;
  roles: Map<string, number>;
}

/**
 * Generates an organization against the catalog already in the database and inserts it:
 * teams, employees, team managers, held certifications, requirements and career goals.
 * Runs inside the caller's transaction (it never begins or commits one); each table is
 * filled with a few multi-row `INSERT ... SELECT FROM unnest(...)` statements.
 */
export async function seedOrganization(
  db: OrganizationDb,
  options: SeedOrganizationOptions,
): Promise<SeedOrganizationResult> {
  const { catalog, ids } = await readCatalog(db);
  const org = generateOrganization({
    employees: options.employees,
    seed: options.seed,
    asOf: options.asOf,
    catalog,
  });
  const progress = new Progress(totalRows(org), options.onProgress);

  // Ids are drawn from the tables' own sequences up front, so rows can reference each other
  // within one statement and later serial inserts continue above them.
  const teamIds = await reserveIds(db, 'team', org.teams.length);
  const employeeIds = await reserveIds(db, 'employee', org.employees.length);
  const teamId = (key: number) => teamIds[key];
  const employeeId = (key: number) => employeeIds[key];

  const certificationId = (slug: string | null) => lookup(ids.certifications, slug);
  const skillId = (slug: string | null) => lookup(ids.skills, slug);

  // Parents precede children in org.teams, so chunk by chunk every parent_id already exists.
  await insertRows(db, progress, org.teams, {
    into: 'team (id, name, parent_id)',
    types: ['int', 'text', 'int'],
    row: (t) => [teamId(t.key), t.name, t.parentKey === null ? null : teamId(t.parentKey)],
  });
  await insertRows(db, progress, org.employees, {
    into: 'employee (id, name, email, team_id, experience_level, hire_date)',
    types: ['int', 'text', 'text', 'int', 'experience_level', 'date'],
    row: (e) => [
      employeeId(e.key),
      e.name,
      e.email,
      teamId(e.teamKey),
      e.experienceLevel,
      e.hireDate,
    ],
  });
  // team.manager_id and employee.team_id point at each other: managers go in once both exist.
  await forChunks(org.teams, async (chunk) => {
    await db.query(
      `UPDATE team SET manager_id = m.manager_id
         FROM unnest($1::int[], $2::int[]) AS m(id, manager_id)
        WHERE team.id = m.id`,
      [chunk.map((team) => teamId(team.key)), chunk.map((team) => employeeId(team.managerKey))],
    );
    progress.add(chunk.length);
  });
  await insertRows(db, progress, org.heldCertifications, {
    into: `held_certification (employee_id, certification_id, earned_on, expires_on,
      credential_id, revoked_on, revoke_reason)`,
    types: ['int', 'int', 'date', 'date', 'text', 'date', 'text'],
    row: (h) => [
      employeeId(h.employeeKey),
      certificationId(h.certificationSlug),
      h.earnedOn,
      h.expiresOn,
      h.credentialId,
      h.revokedOn,
      h.revokeReason,
    ],
  });
  await insertRows(db, progress, org.requirements, {
    into: 'team_requirement (team_id, certification_id, skill_id, min_holders, priority)',
    types: ['int', 'int', 'int', 'int', 'requirement_priority'],
    row: (r) => [
      teamId(r.teamKey),
      certificationId(r.certificationSlug),
      skillId(r.skillSlug),
      r.minHolders,
      r.priority,
    ],
  });
  await insertRows(db, progress, org.careerGoals, {
    into: 'career_goal (employee_id, career_role_id, target_date)',
    types: ['int', 'int', 'date'],
    row: (g) => [employeeId(g.employeeKey), lookup(ids.roles, g.roleSlug), g.targetDate],
  });

  return {
    teams: org.teams.length,
    employees: org.employees.length,
    heldCertifications: org.heldCertifications.length,
    requirements: org.requirements.length,
    goals: org.careerGoals.length,
  };
}

/** The catalog as the generator sees it (by slug, in slug order so ids never change the
 * result) and the ids each slug has in this database. */
async function readCatalog(db: OrganizationDb): Promise<{ catalog: CatalogRefs; ids: CatalogIds }> {
  const certRows = await db.query(
    `SELECT id, slug, validity_months, validity_kind, level_min, level_max, data_complete
       FROM certification ORDER BY slug`,
  );
  if (certRows.length === 0) {
    throw new Error('the certification catalog is empty; seed the catalog before the organization');
  }
  const skillRows = await db.query('SELECT id, slug FROM skill ORDER BY slug');
  const roleRows = await db.query('SELECT id, slug FROM career_role ORDER BY slug');
  const coverRows = await db.query(
    `SELECT c.slug AS certification_slug, s.slug AS skill_slug
       FROM certification_skill cs
       JOIN certification c ON c.id = cs.certification_id
       JOIN skill s ON s.id = cs.skill_id
      ORDER BY 1, 2`,
  );
  const certifications: CatalogCertification[] = certRows.map((row) => ({
    slug: String(row.slug),
    validityKind: oneOf(row.validity_kind, VALIDITY_KINDS),
    validityMonths: row.validity_months === null ? null : Number(row.validity_months),
    levelMin: row.level_min === null ? null : oneOf(row.level_min, LEVELS),
    levelMax: row.level_max === null ? null : oneOf(row.level_max, LEVELS),
    dataComplete: row.data_complete === true,
  }));
  return {
    catalog: {
      certifications,
      skills: skillRows.map((row) => String(row.slug)),
      careerRoles: roleRows.map((row) => String(row.slug)),
      certificationSkills: coverRows.map((row) => ({
        certificationSlug: String(row.certification_slug),
        skillSlug: String(row.skill_slug),
      })),
    },
    ids: {
      certifications: idsBySlug(certRows),
      skills: idsBySlug(skillRows),
      roles: idsBySlug(roleRows),
    },
  };
}

const VALIDITY_KINDS: readonly ValidityKind[] = ['FIXED', 'LIFETIME', 'UNKNOWN'];
const LEVELS: readonly ExperienceLevel[] = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'];

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`unexpected catalog value ${JSON.stringify(value)}`);
  return found;
}

function idsBySlug(rows: readonly { id: unknown; slug: unknown }[]): Map<string, number> {
  return new Map(rows.map((row) => [String(row.slug), Number(row.id)]));
}

/** The id of `slug`; null stays null (a requirement names a certification or a skill). */
function lookup(ids: ReadonlyMap<string, number>, slug: string): number;
function lookup(ids: ReadonlyMap<string, number>, slug: string | null): number | null;
function lookup(ids: ReadonlyMap<string, number>, slug: string | null): number | null {
  if (slug === null) return null;
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`no catalog row for slug "${slug}"`);
  return id;
}

/** `count` fresh values of the table's id sequence, ascending. */
async function reserveIds(db: OrganizationDb, table: 'team' | 'employee', count: number) {
  const rows = await db.query(
    `SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS id FROM generate_series(1, $2)`,
    [table, count],
  );
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}

interface InsertSpec<T> {
  /** The table and its columns: `team (id, name, parent_id)`. */
  into: string;
  /** The SQL type of each column, in order. */
  types: readonly string[];
  row: (item: T) => unknown[];
}

/** Inserts one row per item, one unnest() array parameter per column, a chunk at a time. */
async function insertRows<T>(
  db: OrganizationDb,
  progress: Progress,
  items: readonly T[],
  { into, types, row }: InsertSpec<T>,
): Promise<void> {
  const arrays = types.map((type, index) => `$${index + 1}::${type}[]`).join(', ');
  const sql = `INSERT INTO ${into} SELECT * FROM unnest(${arrays})`;
  await forChunks(items, async (chunk) => {
    const columns: unknown[][] = types.map(() => []);
    for (const item of chunk) {
      row(item).forEach((value, index) => columns[index].push(value));
    }
    await db.query(sql, columns);
    progress.add(chunk.length);
  });
}

async function forChunks<T>(items: readonly T[], run: (chunk: readonly T[]) => Promise<void>) {
  for (let start = 0; start < items.length; start += CHUNK_ROWS) {
    await run(items.slice(start, start + CHUNK_ROWS));
  }
}

/** Rows written, counting the manager update as one row a team. */
function totalRows(org: GeneratedOrganization): number {
  return (
    2 * org.teams.length +
    org.employees.length +
    org.heldCertifications.length +
    org.requirements.length +
    org.careerGoals.length
  );
}

class Progress {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly report?: (done: number, total: number) => void,
  ) {}

  add(rows: number): void {
    this.done += rows;
    this.report?.(this.done, this.total);
  }
}
