import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

describe('concurrent create-or-update', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({
      prepare: async (db) => {
        const f = new Factory(db);
        ids.team = await f.team();
        ids.employee = await f.employee(ids.team);
        await f.certification({ slug: 'exam' });
        await f.careerRole('ml_engineer');
      },
    });
  });
  afterAll(async () => server?.close());

  it('leaves one requirement when ten requests create the same one at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        server.gql(
          `mutation($t: ID!, $n: Int!) { setTeamRequirement(input: { teamId: $t,
            certificationSlug: "exam", minHolders: $n, priority: HIGH }) { id } }`,
          { t: ids.team, n: i + 1 },
        ),
      ),
    );
    for (const res of results) expect(res.errors).toBeUndefined();
    expect(new Set(results.map((res) => res.data.setTeamRequirement.id)).size).toBe(1);
    const rows = await server.db.query('SELECT count(*)::int AS n FROM team_requirement');
    const audits = await server.db.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE entity = 'team_requirement'
        GROUP BY action ORDER BY action`,
    );
    expect(rows[0].n).toBe(1);
    expect(audits).toEqual([
      { action: 'CREATE', n: 1 },
      { action: 'UPDATE', n: 9 },
    ]);
  });

  it('leaves one career goal when ten requests set it at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        server.gql(
          `mutation($e: ID!) { setCareerGoal(input: { employeeId: $e, roleSlug: "ml_engineer" })
            { id } }`,
          { e: ids.employee },
        ),
      ),
    );
    for (const res of results) expect(res.errors).toBeUndefined();
    const rows = await server.db.query('SELECT count(*)::int AS n FROM career_goal');
    expect(rows[0].n).toBe(1);
  });
});
