import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('the test database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.drop());

  it('returns dates exactly as stored and sums as numbers', async () => {
    const [row] = await db.query(
      `SELECT DATE '2024-02-29' AS d, sum(x)::bigint AS total FROM (VALUES (30000), (46800)) v(x)`,
    );
    expect(row).toEqual({ d: '2024-02-29', total: 76800 });
  });

  it('has the schema and no seeded rows', async () => {
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM certification');
    expect(count).toBe(0);
  });
});
