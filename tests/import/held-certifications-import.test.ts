import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_LIMITS, importCsv, ImportKind, ImportMode } from '../../src/services/csv-import';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { Factory } from '../support/factories';

describe('importing held certifications', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    const make = new Factory(db);
    const certId = await make.certification({ slug: 'aws_ml', validityMonths: 36 });
    await make.certification({ slug: 'forever', validityMonths: null, lifetime: true });
    await db.query(
      `INSERT INTO certification_alias (alias, certification_id) VALUES ('AWS ML', $1)`,
      [certId],
    );
    const [{ id: team }] = await db.query(`INSERT INTO team (name) VALUES ('T') RETURNING id`);
    await db.query(
      `INSERT INTO employee (name, email, team_id, experience_level, hire_date)
       VALUES ('Ada', 'ada@example.com', $1, 'ADVANCED', '2020-01-01')`,
      [team],
    );
  });
  afterAll(async () => db?.drop());

  const run = (csv: string, dateFormat?: string) =>
    importCsv(db.dataSource, {
      kind: ImportKind.HELD_CERTIFICATIONS,
      csv,
      mode: ImportMode.APPLY_VALID,
      actor: { employeeId: 1, role: 'CLI' },
      today: '2026-01-01',
      limits: CLI_LIMITS,
      dateFormat,
    });

  const held = () =>
    db.query(
      `SELECT c.slug, h.earned_on AS "earnedOn", h.expires_on AS "expiresOn",
              h.credential_id AS cred
         FROM held_certification h JOIN certification c ON c.id = h.certification_id ORDER BY h.id`,
    );

  it('records credentials, the expiry from the catalog when the file has none', async () => {
    const report = await run(
      [
        'employee email,certification,earned on,expires on,credential id',
        'ada@example.com,aws_ml,31/01/2024,,CRED-1', // 2: expiry from 36 months
        'ada@example.com,forever,15/06/2023,,', // 3: lifetime
        'ada@example.com,AWS ML,31/01/2024,,CRED-1', // 4: same credential by alias
        'ada@example.com,aws_ml,01/02/2026,,', // 5: after today
        'ada@example.com,nope,01/02/2024,,', // 6
        'bob@example.com,aws_ml,01/02/2024,,', // 7
        'ada@example.com,aws_ml,01/02/2024,01/01/2024,', // 8: expires before earned
      ].join('\n'),
      'DD/MM/YYYY',
    );
    expect(report.rows).toEqual([
      { line: 2, action: 'CREATE', reason: null },
      { line: 3, action: 'CREATE', reason: null },
      { line: 4, action: 'ERROR', reason: 'records the same credential as line 2' },
      { line: 5, action: 'ERROR', reason: 'earnedOn: cannot be after today (2026-01-01)' },
      {
        line: 6,
        action: 'ERROR',
        reason: 'certification: no certification has the slug or alias "nope"',
      },
      { line: 7, action: 'ERROR', reason: 'email: no employee has the email bob@example.com' },
      { line: 8, action: 'ERROR', reason: 'expiresOn: cannot be before earnedOn (2024-02-01)' },
    ]);
    expect(await held()).toEqual([
      { slug: 'aws_ml', earnedOn: '2024-01-31', expiresOn: '2027-01-31', cred: 'CRED-1' },
      { slug: 'forever', earnedOn: '2023-06-15', expiresOn: null, cred: null },
    ]);
  });

  it('updates the expiry and credential id of a credential it already has', async () => {
    const report = await run(
      'email,certification,earnedOn,expiresOn\nada@example.com,aws_ml,2024-01-31,2027-06-30\n' +
        'ada@example.com,forever,2023-06-15,\n',
    );
    expect(report.rows).toEqual([
      { line: 2, action: 'UPDATE', reason: 'changes expiresOn' },
      { line: 3, action: 'UNCHANGED', reason: null },
    ]);
    expect((await held())[0]).toEqual({
      slug: 'aws_ml',
      earnedOn: '2024-01-31',
      expiresOn: '2027-06-30',
      cred: 'CRED-1',
    });
    const audit = await db.query(
      `SELECT action, before->>'expiresOn' AS was, after->>'expiresOn' AS now FROM audit_log
        WHERE entity = 'held_certification' ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'CREATE', was: null, now: '2027-01-31' },
      { action: 'CREATE', was: null, now: null },
      { action: 'UPDATE', was: '2027-01-31', now: '2027-06-30' },
    ]);
  });
});
