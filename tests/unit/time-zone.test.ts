import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, today } from '../../src/services/calendar';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * A process far from UTC is where a JavaScript Date turns a stored day into the day before.
 * Node re-reads TZ when it changes, so these run the same process under distant zones.
 */
describe('dates in a process far from UTC', () => {
  const originalZone = process.env.TZ;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => {
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });
  afterAll(async () => db.drop());

  for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles']) {
    it(`keeps 2024-02-29 as stored with TZ=${zone}`, async () => {
      process.env.TZ = zone;
      expect(new Date(2024, 1, 29).getTimezoneOffset()).not.toBe(0);

      const [row] = await db.query(`SELECT DATE '2024-02-29' AS earned, $1::date AS echoed`, [
        '2027-02-28',
      ]);
      expect(row).toEqual({ earned: '2024-02-29', echoed: '2027-02-28' });
      expect(addMonths(row.earned, 36)).toBe('2027-02-28');
    });
  }

  it("takes today's date in the configured zone, not the process zone", () => {
    process.env.TZ = 'Pacific/Kiritimati';
    const utc = new Date().toISOString().slice(0, 10);
    expect(today('UTC')).toBe(utc);
    expect(today('Pacific/Kiritimati')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
