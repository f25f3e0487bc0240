import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI_LIMITS, importCsv, ImportKind, ImportMode } from '../../src/services/csv-import';
import { createTestDatabase, type TestDatabase } from '../support/database';

const ACTOR = { employeeId: 1, role: 'CLI' as const };

describe('importing employees', () => {
  let db: TestDatabase;
  let engineering: number;
  let research: number;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  beforeEach(async () => {
    await db.query('TRUNCATE employee, team, audit_log RESTART IDENTITY CASCADE');
    [{ id: engineering }] = await db.query(
      `INSERT INTO team (name) VALUES ('Engineering') RETURNING id`,
    );
    [{ id: research }] = await db.query(`INSERT INTO team (name) VALUES ('Research') RETURNING id`);
    await db.query(
      `INSERT INTO employee (name, email, team_id, experience_level, hire_date)
       VALUES ('Ada Lovelace', 'ada@example.com', $1, 'ADVANCED', '2020-01-01'),
              ('Alan Turing', 'alan@example.com', $1, 'ADVANCED', '2019-05-01')`,
      [engineering],
    );
  });

  const run = (
    csv: string,
    mode: ImportMode,
    extra: { dryRun?: boolean; dateFormat?: string } = {},
  ) =>
    importCsv(db.dataSource, {
      kind: ImportKind.EMPLOYEES,
      csv,
      mode,
      actor: ACTOR,
      today: '2026-01-01',
      limits: CLI_LIMITS,
      ...extra,
    });

  const people = () =>
    db.query(
      `SELECT e.name, e.email, t.name AS team, e.experience_level AS level,
              e.hire_date AS "hireDate"
         FROM employee e JOIN team t ON t.id = e.team_id ORDER BY e.email`,
    );

  const FILE = [
    'Email,Full Name,Team,Experience Level,Hire Date',
    'ada@example.com,Ada Lovelace,Research,advanced,2020-01-01', // 2: moves team
    'alan@example.com,Alan Turing,Engineering,ADVANCED,2019-05-01', // 3: as stored
    'grace@example.com,"Hopper, Grace",engineering,INTERMEDIATE,45383', // 4: new, Excel date
    'bad-email,No Body,Engineering,BEGINNER,2024-01-01', // 5
    'ken@example.com,Ken Thompson,Nowhere,BEGINNER,2024-01-01', // 6
    'dmr@example.com,Dennis Ritchie,Research,GURU,2024-01-01', // 7
    'ada@example.com,Ada Lovelace,Research,advanced,2020-01-01', // 8: repeats line 2
  ].join('\n');

  it('applies the valid rows with APPLY_VALID and reports each row by its line', async () => {
    const report = await run(FILE, ImportMode.APPLY_VALID);
    expect(report).toMatchObject({
      applied: true,
      rowCount: 7,
      created: 1,
      updated: 1,
      unchanged: 2,
      failed: 3,
    });
    expect(report.rows).toEqual([
      { line: 2, action: 'UPDATE', reason: 'changes teamId' },
      { line: 3, action: 'UNCHANGED', reason: null },
      { line: 4, action: 'CREATE', reason: null },
      {
        line: 5,
        action: 'ERROR',
        reason: 'email: must be an email address such as ada@example.com',
      },
      { line: 6, action: 'ERROR', reason: 'team: no team is named "Nowhere"' },
      {
        line: 7,
        action: 'ERROR',
        reason: 'experienceLevel: must be one of BEGINNER, INTERMEDIATE, ADVANCED',
      },
      { line: 8, action: 'UNCHANGED', reason: 'repeats line 2' },
    ]);
    expect(await people()).toEqual([
      {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        team: 'Research',
        level: 'ADVANCED',
        hireDate: '2020-01-01',
      },
      {
        name: 'Alan Turing',
        email: 'alan@example.com',
        team: 'Engineering',
        level: 'ADVANCED',
        hireDate: '2019-05-01',
      },
      {
        name: 'Hopper, Grace',
        email: 'grace@example.com',
        team: 'Engineering',
        level: 'INTERMEDIATE',
        hireDate: '2024-04-01',
      },
    ]);
    const audit = await db.query(
      `SELECT action, entity, actor_role AS role, after->>'email' AS email,
              before->>'teamId' AS "was"
         FROM audit_log ORDER BY id`,
    );
    expect(audit).toEqual([
      {
        action: 'UPDATE',
        entity: 'employee',
        role: 'CLI',
        email: 'ada@example.com',
        was: String(engineering),
      },
      { action: 'CREATE', entity: 'employee', role: 'CLI', email: 'grace@example.com', was: null },
    ]);
  });

  it('writes nothing with ALL_OR_NOTHING when a row is bad, and says so', async () => {
    const before = await people();
    const report = await run(FILE, ImportMode.ALL_OR_NOTHING);
    expect(report).toMatchObject({ applied: false, created: 1, updated: 1, failed: 3 });
    expect(await people()).toEqual(before);
    expect(await db.query('SELECT count(*)::int AS n FROM audit_log')).toEqual([{ n: 0 }]);
  });

  it('writes everything with ALL_OR_NOTHING when every row is good', async () => {
    const good = FILE.split('\n').slice(0, 4).join('\n');
    const report = await run(good, ImportMode.ALL_OR_NOTHING);
    expect(report).toMatchObject({
      applied: true,
      created: 1,
      updated: 1,
      unchanged: 1,
      failed: 0,
    });
    expect((await people()).map((p: { email: string }) => p.email)).toContain('grace@example.com');
  });

  it('reports without writing on a dry run', async () => {
    const before = await people();
    const report = await run(FILE, ImportMode.APPLY_VALID, { dryRun: true });
    expect(report).toMatchObject({
      dryRun: true,
      applied: false,
      created: 1,
      updated: 1,
      failed: 3,
    });
    expect(await people()).toEqual(before);
  });

  it('reports rows that give one email different values as errors on every such line', async () => {
    const csv = [
      'name,email,teamId,experienceLevel,hireDate',
      `Eve,eve@example.com,${engineering},BEGINNER,03/04/2024`,
      `Eve,eve@example.com,${research},BEGINNER,03/04/2024`,
    ].join('\n');
    const report = await run(csv, ImportMode.APPLY_VALID, { dateFormat: 'DD/MM/YYYY' });
    expect(report.rows).toEqual([
      { line: 2, action: 'ERROR', reason: 'describes the same record as line(s) 3 differently' },
      { line: 3, action: 'ERROR', reason: 'describes the same record as line(s) 2 differently' },
    ]);
    expect(report.applied).toBe(false);
  });

  it('reads day-first dates only when the caller says so', async () => {
    const header = 'name,email,teamId,experienceLevel,hireDate';
    const csv = `${header}\nEve,eve@example.com,${research},BEGINNER,03/04/2024\n`;
    const ambiguous = await run(csv, ImportMode.APPLY_VALID);
    expect(ambiguous.rows[0]).toMatchObject({ line: 2, action: 'ERROR' });
    expect(ambiguous.rows[0]?.reason).toContain('03/04/2024 is ambiguous');

    await run(csv, ImportMode.APPLY_VALID, { dateFormat: 'MM/DD/YYYY' });
    const [eve] = await db.query(
      `SELECT hire_date AS d FROM employee WHERE email = 'eve@example.com'`,
    );
    expect(eve.d).toBe('2024-03-04');
  });

  it('refuses a team name two teams share, and a file without a team column', async () => {
    await db.query(`INSERT INTO team (name) VALUES ('research')`);
    const csv =
      'name,email,team,experienceLevel,hireDate\n' +
      'Eve,eve@example.com,Research,BEGINNER,2024-01-01\n';
    const report = await run(csv, ImportMode.APPLY_VALID);
    expect(report.rows[0]?.reason).toBe(
      `team: 2 teams are named "Research" (ids ${research}, ${research + 1}); use teamId`,
    );
    await expect(
      run('name,email,experienceLevel,hireDate\n', ImportMode.APPLY_VALID),
    ).rejects.toThrow('csv: the header needs a team (name) or a teamId column');
  });

  it('refuses more rows or bytes than the limits allow before checking any', async () => {
    const rows = 'x,y,1,BEGINNER,2024-01-01\n'.repeat(3);
    const csv = `name,email,teamId,experienceLevel,hireDate\n${rows}`;
    const limited = (limits: { maxBytes: number; maxRows: number }) =>
      importCsv(db.dataSource, {
        kind: ImportKind.EMPLOYEES,
        csv,
        mode: ImportMode.APPLY_VALID,
        actor: ACTOR,
        today: '2026-01-01',
        limits,
      });
    await expect(limited({ maxBytes: 1000, maxRows: 2 })).rejects.toThrow(
      'csv: has 3 data rows; at most 2 are accepted here',
    );
    await expect(limited({ maxBytes: 50, maxRows: 10 })).rejects.toThrow(
      `csv: is ${csv.length} bytes; at most 50 are accepted here`,
    );
  });
});
