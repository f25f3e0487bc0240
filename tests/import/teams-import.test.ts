import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI_LIMITS, importCsv, ImportKind, ImportMode } from '../../src/services/csv-import';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('importing teams', () => {
  let db: TestDatabase;
  let root: number;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.drop());

  beforeEach(async () => {
    await db.query('TRUNCATE employee, team, audit_log RESTART IDENTITY CASCADE');
    [{ id: root }] = await db.query(`INSERT INTO team (name) VALUES ('Company') RETURNING id`);
    await db.query(
      `INSERT INTO employee (name, email, team_id, experience_level, hire_date)
       VALUES ('Grace Hopper', 'grace@example.com', $1, 'ADVANCED', '2020-01-01')`,
      [root],
    );
  });

  const run = (csv: string, mode = ImportMode.APPLY_VALID) =>
    importCsv(db.dataSource, {
      kind: ImportKind.TEAMS,
      csv,
      mode,
      actor: { employeeId: 1, role: 'CLI' },
      today: '2026-01-01',
      limits: CLI_LIMITS,
    });

  const tree = () =>
    db.query(
      `SELECT t.name, p.name AS parent, m.email AS manager
         FROM team t LEFT JOIN team p ON p.id = t.parent_id
         LEFT JOIN employee m ON m.id = t.manager_id
        ORDER BY t.id`,
    );

  it('creates a tree whose parents come later in the file, with managers by email', async () => {
    const report = await run(
      [
        'Team Name,Parent Team,Manager Email',
        'Platform,Engineering,', // 2: parent created on line 3
        'Engineering,company,GRACE@example.com', // 3: under the stored team
        'Company,,', // 4: the stored root, as it is
      ].join('\r\n'),
    );
    expect(report.rows).toEqual([
      { line: 2, action: 'CREATE', reason: null },
      { line: 3, action: 'CREATE', reason: null },
      { line: 4, action: 'UNCHANGED', reason: null },
    ]);
    expect(await tree()).toEqual([
      { name: 'Company', parent: null, manager: null },
      { name: 'Platform', parent: 'Engineering', manager: null },
      { name: 'Engineering', parent: 'Company', manager: 'grace@example.com' },
    ]);
  });

  it('refuses a loop, an unknown parent or manager, and the rows stranded below them', async () => {
    const report = await run(
      [
        'name,parent,manager',
        'A,B,', // 2: loop with line 3
        'B,A,', // 3
        'C,Nowhere,', // 4
        'D,C,', // 5: parent fails on line 4
        'E,Company,nobody@example.com', // 6
        'F,Company,grace@example.com', // 7: fine
        'Company,F,', // 8: would put Company below its own child
      ].join('\n'),
    );
    expect(report.rows).toEqual([
      { line: 2, action: 'ERROR', reason: 'parent: would put the team below itself' },
      { line: 3, action: 'ERROR', reason: 'parent: would put the team below itself' },
      {
        line: 4,
        action: 'ERROR',
        reason: 'parent: no team is named "Nowhere", here or in the file',
      },
      {
        line: 5,
        action: 'ERROR',
        reason: 'parent: the team above it is created on line 4, which has an error',
      },
      {
        line: 6,
        action: 'ERROR',
        reason: 'managerEmail: no employee has the email nobody@example.com',
      },
      { line: 7, action: 'CREATE', reason: null },
      { line: 8, action: 'ERROR', reason: 'parent: would put the team below itself' },
    ]);
    expect(await tree()).toEqual([
      { name: 'Company', parent: null, manager: null },
      { name: 'F', parent: 'Company', manager: 'grace@example.com' },
    ]);
  });

  it('changes only the columns it has; a refused ALL_OR_NOTHING leaves the tree', async () => {
    await run('name,parent,manager\nEngineering,Company,grace@example.com\n');
    const moved = await run('name,parent\nEngineering,\n');
    expect(moved.rows).toEqual([{ line: 2, action: 'UPDATE', reason: 'changes parentId' }]);
    expect(await tree()).toEqual([
      { name: 'Company', parent: null, manager: null },
      { name: 'Engineering', parent: null, manager: 'grace@example.com' },
    ]);

    const before = await tree();
    const refused = await run(
      'name,parent\nEngineering,Company\nX,Nowhere\n',
      ImportMode.ALL_OR_NOTHING,
    );
    expect(refused).toMatchObject({ applied: false, updated: 1, failed: 1 });
    expect(await tree()).toEqual(before);
  });
});
