import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirementCoverage } from '../../src/services/coverage.service';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

describe('requirementCoverage', () => {
  let db: TestDatabase;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    const f = new Factory(db);
    ids.dept = await f.team({ name: 'Data' });
    ids.sub = await f.team({ name: 'Vision', parentId: ids.dept });
    ids.a = await f.employee(ids.dept);
    ids.b = await f.employee(ids.sub);
    ids.cert = await f.certification();
    ids.other = await f.certification();
    ids.skill = await f.skill('mlops', [ids.cert, ids.other]);
    await f.held(ids.a, ids.cert, { earnedOn: '2024-01-10', expiresOn: '2027-01-10' });
    await f.held(ids.a, ids.cert, { earnedOn: '2024-02-10', expiresOn: '2027-02-10' });
    await f.held(ids.b, ids.other, { earnedOn: '2024-01-10', expiresOn: '2027-01-10' });
    ids.reqCert = await f.requirement(ids.dept, { certificationId: ids.cert }, 2, 'HIGH');
    ids.reqSkill = await f.requirement(ids.sub, { skillId: ids.skill }, 1, 'LOW');
  });
  afterAll(async () => db?.drop());

  it('counts distinct holders in each requirement team subtree', async () => {
    const rows = await requirementCoverage(db.dataSource, ids.dept, '2025-06-15', {
      teamOnly: false,
    });
    expect(rows).toEqual([
      {
        requirementId: ids.reqCert,
        teamId: ids.dept,
        certificationId: ids.cert,
        skillId: null,
        required: 2,
        priority: 'HIGH',
        coverage: 1,
        gap: 1,
        holderIds: [ids.a],
      },
      {
        requirementId: ids.reqSkill,
        teamId: ids.sub,
        certificationId: null,
        skillId: ids.skill,
        required: 1,
        priority: 'LOW',
        coverage: 1,
        gap: 0,
        holderIds: [ids.b],
      },
    ]);
  });

  it("with teamOnly keeps the team's own requirements over its own members", async () => {
    const rows = await requirementCoverage(db.dataSource, ids.sub, '2025-06-15', {
      teamOnly: true,
    });
    expect(rows.map((r) => [r.requirementId, r.coverage, r.holderIds])).toEqual([
      [ids.reqSkill, 1, [ids.b]],
    ]);
    const dept = await requirementCoverage(db.dataSource, ids.dept, '2025-06-15', {
      teamOnly: true,
    });
    // Only a (in Data itself) counts; b sits in the sub-team.
    expect(dept.map((r) => [r.requirementId, r.coverage])).toEqual([[ids.reqCert, 1]]);
  });

  it('throws NOT_FOUND for a team that does not exist', async () => {
    await expect(
      requirementCoverage(db.dataSource, 999_999, '2025-06-15', { teamOnly: false }),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});

describe('coverage and gaps over GraphQL', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};
  const ASOF = '2025-06-15';

  beforeAll(async () => {
    server = await startTestServer({
      today: ASOF,
      prepare: async (db) => {
        const f = new Factory(db);
        ids.data = await f.team({ name: 'Data' });
        ids.vision = await f.team({ name: 'Vision', parentId: ids.data });
        ids.finance = await f.team({ name: 'Finance' });
        for (const name of ['d1', 'd2']) ids[name] = await f.employee(ids.data, { name });
        for (const name of ['v1', 'v2', 'v3']) ids[name] = await f.employee(ids.vision, { name });
        ids.f1 = await f.employee(ids.finance, { name: 'f1' });

        ids.aws = await f.certification({ validityMonths: 36 });
        ids.lifetime = await f.certification({ validityMonths: null, lifetime: true });
        ids.unknown = await f.certification({ validityMonths: null });
        ids.azure = await f.certification({ validityMonths: 24 });
        ids.mlops = await f.skill('mlops', [ids.aws, ids.azure]);

        // d1: expires on asOf itself, still active that day.
        await f.held(ids.d1, ids.aws, { earnedOn: '2022-06-15', expiresOn: '2025-06-15' });
        // d2: expired the day before asOf, and the next one is earned the day after.
        await f.held(ids.d2, ids.aws, { earnedOn: '2022-06-14', expiresOn: '2025-06-14' });
        await f.held(ids.d2, ids.aws, { earnedOn: '2025-06-16', expiresOn: '2028-06-16' });
        // v1: the same certification held twice at once counts once.
        await f.held(ids.v1, ids.aws, { earnedOn: '2024-02-29', expiresOn: '2027-02-28' });
        await f.held(ids.v1, ids.aws, { earnedOn: '2024-03-10', expiresOn: '2027-03-10' });
        // v2: revoked on asOf (no longer counts); v3: revoked after asOf (still counts).
        await f.held(ids.v2, ids.aws, {
          earnedOn: '2024-01-01',
          expiresOn: '2027-01-01',
          revokedOn: ASOF,
        });
        await f.held(ids.v3, ids.aws, {
          earnedOn: '2024-01-01',
          expiresOn: '2027-01-01',
          revokedOn: '2025-06-16',
        });
        await f.held(ids.v2, ids.azure, { earnedOn: '2025-01-01', expiresOn: '2027-01-01' });
        await f.held(ids.f1, ids.aws, { earnedOn: '2024-01-01', expiresOn: '2027-01-01' });
        // Lifetime and unknown validity: no expiresOn, active from earnedOn on.
        await f.held(ids.v1, ids.lifetime, { earnedOn: '2020-01-01', expiresOn: null });
        await f.held(ids.d1, ids.unknown, { earnedOn: '2023-01-01', expiresOn: null });

        ids.r1 = await f.requirement(ids.data, { certificationId: ids.aws }, 4, 'CRITICAL');
        ids.r2 = await f.requirement(ids.vision, { certificationId: ids.aws }, 2, 'LOW');
        ids.r3 = await f.requirement(ids.data, { certificationId: ids.lifetime }, 2, 'HIGH');
        ids.r4 = await f.requirement(ids.data, { certificationId: ids.unknown }, 1, 'MEDIUM');
        ids.r5 = await f.requirement(ids.vision, { skillId: ids.mlops }, 5, 'HIGH');
      },
    });
  });
  afterAll(async () => server?.close());

  const COVERAGE = `query($team: ID!, $asOf: Date, $teamOnly: Boolean) {
    coverage(teamId: $team, asOf: $asOf, teamOnly: $teamOnly) {
      asOf teamOnly requirementCount metCount totalGap team { name }
      requirements {
        requirement { id minHolders priority }
        coverage required gap met holders { id }
      }
    }
  }`;

  const summary = (rows: any[]) =>
    rows.map((r) => [
      Number(r.requirement.id),
      r.coverage,
      r.required,
      r.gap,
      r.met,
      r.holders.map((h: any) => Number(h.id)),
    ]);

  it('counts each requirement over its own team subtree, by requirement id', async () => {
    const res = await server.gql(COVERAGE, { team: ids.data, asOf: ASOF });
    expect(res.errors).toBeUndefined();
    const c = res.data.coverage;
    expect([c.asOf, c.teamOnly, c.team.name]).toEqual([ASOF, false, 'Data']);
    // r1 aws on Data: d1 (expiry day), v1 (twice, once), v3 (revoked later) = 3 of 4.
    //   Not d2 (expired yesterday, next earned tomorrow), v2 (revoked on asOf), f1 (Finance).
    // r2 aws on Vision: v1, v3 = 2 of 2. r3 lifetime on Data: v1 = 1 of 2.
    // r4 unknown validity on Data: d1 = 1 of 1. r5 skill on Vision: aws v1, v3; azure v2 = 3 of 5.
    expect(summary(c.requirements)).toEqual([
      [ids.r1, 3, 4, 1, false, [ids.d1, ids.v1, ids.v3]],
      [ids.r2, 2, 2, 0, true, [ids.v1, ids.v3]],
      [ids.r3, 1, 2, 1, false, [ids.v1]],
      [ids.r4, 1, 1, 0, true, [ids.d1]],
      [ids.r5, 3, 5, 2, false, [ids.v1, ids.v2, ids.v3]],
    ]);
    expect([c.requirementCount, c.metCount, c.totalGap]).toEqual([5, 2, 4]);
  });

  it('with teamOnly keeps the team own requirements and members', async () => {
    const res = await server.gql(COVERAGE, { team: ids.data, asOf: ASOF, teamOnly: true });
    // Only d1 and d2 count: r1 has d1 (1 of 4), r3 nobody (0 of 2), r4 d1 (1 of 1).
    expect(summary(res.data.coverage.requirements)).toEqual([
      [ids.r1, 1, 4, 3, false, [ids.d1]],
      [ids.r3, 0, 2, 2, false, []],
      [ids.r4, 1, 1, 0, true, [ids.d1]],
    ]);
    expect(res.data.coverage.totalGap).toBe(5);
  });

  it('defaults asOf to today and moves with it', async () => {
    const today = await server.gql(COVERAGE, { team: ids.vision });
    expect(today.data.coverage.asOf).toBe(ASOF);
    // The day after d1's expiry, d1 is gone from r1; d2's new record is active from 06-16,
    // but v3's revocation takes effect that day.
    const next = await server.gql(COVERAGE, { team: ids.data, asOf: '2025-06-16' });
    expect(summary(next.data.coverage.requirements)[0]).toEqual([
      ids.r1,
      2,
      4,
      2,
      false,
      [ids.d2, ids.v1],
    ]);
  });

  it('lists gaps by priority, then by size, then by requirement id', async () => {
    const res = await server.gql(
      `query($team: ID!, $teamOnly: Boolean) {
        gaps(teamId: $team, teamOnly: $teamOnly) { requirement { id priority } gap }
      }`,
      { team: ids.data },
    );
    // r1 CRITICAL gap 1; r5 HIGH gap 2 before r3 HIGH gap 1; the met r2 and r4 are absent.
    expect(res.data.gaps.map((g: any) => [Number(g.requirement.id), g.gap])).toEqual([
      [ids.r1, 1],
      [ids.r5, 2],
      [ids.r3, 1],
    ]);
  });

  it('rejects an impossible asOf, a malformed id and an unknown team', async () => {
    const date = await server.gql(COVERAGE, { team: ids.data, asOf: '2025-02-30' });
    expect(date.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const malformed = await server.gql(COVERAGE, { team: 'abc' });
    expect(malformed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'teamId',
    });
    for (const query of [COVERAGE, 'query($team: ID!) { gaps(teamId: $team) { gap } }']) {
      const missing = await server.gql(query, { team: 987654 });
      expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(missing.errors?.[0].message).toContain('987654');
    }
  });
});

describe('coverage statement count', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({
      today: '2025-06-15',
      prepare: async (db) => {
        const f = new Factory(db);
        const cert = await f.certification();
        const skill = await f.skill('statistics', [cert]);
        const held = { earnedOn: '2024-01-01', expiresOn: '2027-01-01' };
        for (const [name, size] of [
          ['small', 3],
          ['large', 30],
        ] as const) {
          ids[name] = await f.staffedTeam(size, cert, held);
          const below = await f.staffedTeam(size, cert, held, ids[name]);
          await f.requirement(ids[name], { certificationId: cert }, 2, 'HIGH');
          await f.requirement(ids[name], { skillId: skill }, 100, 'LOW');
          await f.requirement(below, { certificationId: cert }, 40, 'MEDIUM');
        }
      },
    });
  });
  afterAll(async () => server?.close());

  const NESTED = `{
    requirement { id team { name } certification { name } skill { slug } }
    coverage holders { name team { name } }
  }`;

  it('is the same for a team of 3 and a team of 30', async () => {
    const counts: Record<string, number[]> = { small: [], large: [] };
    for (const name of ['small', 'large']) {
      for (const query of [
        `query($t: ID!) { coverage(teamId: $t) { team { name } requirements ${NESTED} } }`,
        `query($t: ID!) { gaps(teamId: $t) ${NESTED} }`,
      ]) {
        let res: any;
        counts[name].push(
          await server.countStatements(async () => {
            res = await server.gql(query, { t: ids[name] });
          }),
        );
        expect(res.errors).toBeUndefined();
      }
    }
    // The viewer's scope, one aggregate, then one batch per loader: team, certification,
    // skill, employee (the holders' teams are the ones already loaded).
    expect(counts.small).toEqual([6, 6]);
    expect(counts.large).toEqual(counts.small);
  });
});
