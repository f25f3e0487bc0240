import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expiryDate } from '../../src/services/calendar';
import { renewalMilestones } from '../../src/services/renewal-exposure.service';
import { Factory } from '../support/factories';
import { startTestServer, type TestServer } from '../support/server';

const ASOF = '2025-06-15';

const EXPOSURE = `query($team: ID, $asOf: Date, $horizon: Int) {
  renewalExposure(teamId: $team, asOf: $asOf, horizonDays: $horizon) {
    asOf horizonDays horizonEnd team { name }
    expiring {
      heldCertification { id } holder { id } certification { id name }
      expiresOn daysLeft renewalCost
      milestones { startPreparingOn practiceExamsOn finalReviewOn }
    }
    totalRenewalCost unknownCostCount unknownCostCertifications
    requirementsAtRisk {
      requirement { id priority }
      coverage coverageIfMissed required shortfall earliestExpiresOn expiringHolders { id }
    }
  }
}`;

describe('renewal milestones', () => {
  it('count back whole months, clamped to the month end', () => {
    expect(renewalMilestones('2027-08-31')).toEqual({
      startPreparingOn: '2027-02-28',
      practiceExamsOn: '2027-05-31',
      finalReviewOn: '2027-07-31',
    });
    expect(renewalMilestones('2028-08-31').startPreparingOn).toBe('2028-02-29');
  });
});

describe('renewalExposure over GraphQL', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};
  const names: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({
      today: ASOF,
      prepare: async (db) => {
        const f = new Factory(db);
        ids.data = await f.team({ name: 'Data' });
        ids.vision = await f.team({ name: 'Vision', parentId: ids.data });
        ids.platform = await f.team({ name: 'Platform' });
        ids.edge = await f.team({ name: 'Edge', parentId: ids.platform });
        ids.archive = await f.team({ name: 'Archive' });

        ids.aws = await f.certification({ validityMonths: 36, costLowCents: 30000 });
        ids.gcp = await f.certification({ validityMonths: 24, costLowCents: 16500 });
        ids.noCost = await f.certification({ validityMonths: 24, costKind: 'UNKNOWN' });
        ids.lifetime = await f.certification({ validityMonths: null, lifetime: true });
        ids.unknown = await f.certification({ validityMonths: null });
        ids.x = await f.certification({ validityMonths: 24, costLowCents: 20000 });
        ids.y = await f.certification({ validityMonths: 24, costLowCents: 10000 });
        ids.mlops = await f.skill('mlops', [ids.x, ids.y]);
        for (const row of await db.query('SELECT id, name FROM certification')) {
          names[row.id] = row.name;
        }

        const person = async (key: string, team: number) => {
          ids[key] = await f.employee(team, { name: key });
          return ids[key];
        };
        // Data and Vision.
        await f.held(await person('e1', ids.vision), ids.aws, {
          earnedOn: '2022-06-15',
          expiresOn: '2025-06-15', // the expiry day is asOf: active, 0 days left
        });
        await f.held(await person('e2', ids.vision), ids.aws, {
          earnedOn: '2022-06-14',
          expiresOn: '2025-06-14', // expired the day before asOf
        });
        await f.held(await person('e3', ids.data), ids.gcp, {
          earnedOn: '2023-09-01',
          expiresOn: '2025-09-01',
        });
        await f.held(await person('e4', ids.data), ids.noCost, {
          earnedOn: '2023-10-01',
          expiresOn: '2025-10-01',
        });
        await f.held(await person('e5', ids.data), ids.lifetime, {
          earnedOn: '2020-01-01',
          expiresOn: null,
        });
        await f.held(await person('e6', ids.data), ids.unknown, {
          earnedOn: '2023-01-01',
          expiresOn: null,
        });
        // e7 renewed after the old record expired; e8 renewed before the old one expires.
        await person('e7', ids.vision);
        await f.held(ids.e7, ids.aws, { earnedOn: '2022-01-10', expiresOn: '2025-01-10' });
        await f.held(ids.e7, ids.aws, { earnedOn: '2025-01-05', expiresOn: '2028-01-05' });
        await person('e8', ids.vision);
        await f.held(ids.e8, ids.aws, { earnedOn: '2022-08-01', expiresOn: '2025-08-01' });
        await f.held(ids.e8, ids.aws, { earnedOn: '2025-06-01', expiresOn: '2028-06-01' });
        await f.held(await person('e9', ids.vision), ids.aws, {
          earnedOn: '2022-07-01',
          expiresOn: '2025-07-01',
          revokedOn: '2025-06-10',
        });
        await f.held(await person('e10', ids.vision), ids.aws, {
          earnedOn: '2025-06-20', // earned after asOf
          expiresOn: '2025-07-20',
        });
        // e16: revoked after asOf, so active and exposed on asOf.
        await f.held(await person('e16', ids.data), ids.gcp, {
          earnedOn: '2023-11-30',
          expiresOn: '2025-11-30',
          revokedOn: '2025-07-01',
        });

        // Platform and Edge: a skill requirement met by x or y.
        await person('e13', ids.platform); // x expires in the window, y long after: not lost
        await f.held(ids.e13, ids.x, { earnedOn: '2023-08-01', expiresOn: '2025-08-01' });
        await f.held(ids.e13, ids.y, { earnedOn: '2025-01-01', expiresOn: '2027-01-01' });
        await f.held(await person('e14', ids.platform), ids.x, {
          earnedOn: '2023-07-15',
          expiresOn: '2025-07-15',
        });
        await person('e15', ids.edge); // both expire in the window: lost after 2025-11-30
        await f.held(ids.e15, ids.x, { earnedOn: '2023-11-30', expiresOn: '2025-11-30' });
        await f.held(ids.e15, ids.y, { earnedOn: '2023-09-30', expiresOn: '2025-09-30' });

        // Archive: month-end expiries, far from asOf.
        ids.leap = await person('e12', ids.archive);
        await f.held(ids.e12, ids.aws, {
          earnedOn: '2024-02-29',
          expiresOn: expiryDate('2024-02-29', 36),
        });
        await f.held(await person('e11', ids.archive), ids.aws, {
          earnedOn: '2024-08-31',
          expiresOn: '2027-08-31',
        });

        ids.rAws = await f.requirement(ids.data, { certificationId: ids.aws }, 3, 'CRITICAL');
        ids.rAwsVision = await f.requirement(ids.vision, { certificationId: ids.aws }, 2, 'MEDIUM');
        ids.rGcp = await f.requirement(ids.data, { certificationId: ids.gcp }, 2, 'LOW');
        ids.rLifetime = await f.requirement(ids.data, { certificationId: ids.lifetime }, 1, 'HIGH');
        ids.rUnknown = await f.requirement(ids.data, { certificationId: ids.unknown }, 3, 'HIGH');
        ids.rSkill = await f.requirement(ids.platform, { skillId: ids.mlops }, 2, 'HIGH');
      },
    });
  });
  afterAll(async () => server?.close());

  const expiring = (res: any) =>
    res.data.renewalExposure.expiring.map((e: any) => [
      Number(e.holder.id),
      Number(e.certification.id),
      e.expiresOn,
      e.daysLeft,
      e.renewalCost,
    ]);

  const atRisk = (res: any) =>
    res.data.renewalExposure.requirementsAtRisk.map((r: any) => [
      Number(r.requirement.id),
      r.coverage,
      r.coverageIfMissed,
      r.required,
      r.shortfall,
      r.earliestExpiresOn,
      r.expiringHolders.map((h: any) => Number(h.id)),
    ]);

  it('lists what a team and its sub-teams must renew within the horizon', async () => {
    const res = await server.gql(EXPOSURE, { team: ids.data });
    expect(res.errors).toBeUndefined();
    const x = res.data.renewalExposure;
    // Default horizon 180 days from 2025-06-15: 15 + 31 + 31 + 30 + 31 + 30 + 12 = 180.
    expect([x.asOf, x.horizonDays, x.horizonEnd, x.team.name]).toEqual([
      ASOF,
      180,
      '2025-12-12',
      'Data',
    ]);
    // Not: e2 (expired), e5 (lifetime), e6 (unknown validity), e7 (renewed), e8's old record
    // (already renewed), e9 (revoked), e10 (earned after asOf), e13-e15 (Platform).
    // Days: to 09-01 = 15 + 31 + 31 + 1 = 78; to 10-01 = 108; to 11-30 = 168.
    expect(expiring(res)).toEqual([
      [ids.e1, ids.aws, '2025-06-15', 0, 30000],
      [ids.e3, ids.gcp, '2025-09-01', 78, 16500],
      [ids.e4, ids.noCost, '2025-10-01', 108, null],
      [ids.e16, ids.gcp, '2025-11-30', 168, 16500],
    ]);
    expect(x.expiring[1].milestones).toEqual({
      startPreparingOn: '2025-03-01',
      practiceExamsOn: '2025-06-01',
      finalReviewOn: '2025-08-01',
    });
    // 30000 + 16500 + 16500, in integer cents; e4's unknown cost is left out and named.
    expect([x.totalRenewalCost, x.unknownCostCount, x.unknownCostCertifications]).toEqual([
      63000,
      1,
      [names[ids.noCost]],
    ]);
  });

  it('sums two known renewals as integer cents and counts a window edge in', async () => {
    // 78 days reaches e3's expiry exactly; e4 (108) and e16 (168) stay out: $300 + $165.
    const res = await server.gql(EXPOSURE, { team: ids.data, horizon: 78 });
    expect(expiring(res).map((row: any[]) => row[0])).toEqual([ids.e1, ids.e3]);
    expect(res.data.renewalExposure.totalRenewalCost).toBe(46500);
    expect(res.data.renewalExposure.unknownCostCount).toBe(0);
    expect(res.data.renewalExposure.unknownCostCertifications).toEqual([]);
    const one = await server.gql(EXPOSURE, { team: ids.data, horizon: 77 });
    expect(expiring(one).map((row: any[]) => row[0])).toEqual([ids.e1]);
    const zero = await server.gql(EXPOSURE, { team: ids.data, horizon: 0 });
    expect(expiring(zero)).toEqual([[ids.e1, ids.aws, '2025-06-15', 0, 30000]]);
  });

  it('names the requirements that fall below their minimum if renewals are missed', async () => {
    const res = await server.gql(EXPOSURE, { team: ids.data });
    // aws on Data: e1 (lost), e7 and e8 (renewed, not lost): 3 -> 2 < 3.
    // gcp on Data: e3, e16 both lost: 2 -> 0 < 2, first lost after 2025-09-01.
    // Not at risk: aws on Vision (3 -> 2, still 2), lifetime (no expiry), unknown validity
    // (1 of 3 already, but no expiring holder: a gap, not exposure).
    expect(atRisk(res)).toEqual([
      [ids.rAws, 3, 2, 3, 1, '2025-06-15', [ids.e1]],
      [ids.rGcp, 2, 0, 2, 2, '2025-09-01', [ids.e3, ids.e16]],
    ]);
  });

  it('keeps a holder covered by another matching credential that outlasts the window', async () => {
    const res = await server.gql(EXPOSURE, { team: ids.platform });
    // Sub-team Edge counts toward Platform. e13: x expires, y lasts: not lost.
    // e14 lost after 07-15; e15 holds x and y, both expiring: lost after 11-30 (the later).
    expect(atRisk(res)).toEqual([[ids.rSkill, 3, 1, 2, 1, '2025-07-15', [ids.e14, ids.e15]]]);
    expect(expiring(res)).toEqual([
      [ids.e14, ids.x, '2025-07-15', 30, 20000],
      [ids.e13, ids.x, '2025-08-01', 47, 20000],
      [ids.e15, ids.y, '2025-09-30', 107, 10000],
      [ids.e15, ids.x, '2025-11-30', 168, 20000],
    ]);
    expect(res.data.renewalExposure.totalRenewalCost).toBe(70000);
  });

  it('covers the whole organization without a team', async () => {
    const res = await server.gql(EXPOSURE, {});
    expect(res.data.renewalExposure.team).toBeNull();
    expect(expiring(res).map((row: any[]) => row[0])).toEqual([
      ids.e1,
      ids.e14,
      ids.e13,
      ids.e3,
      ids.e15,
      ids.e4,
      ids.e16,
      ids.e15,
    ]);
    expect(res.data.renewalExposure.requirementsAtRisk.map((r: any) => Number(r.requirement.id)))
      // CRITICAL, HIGH, LOW.
      .toEqual([ids.rAws, ids.rSkill, ids.rGcp]);
  });

  it('uses month-end expiries and milestones', async () => {
    // Earned 2024-02-29 + 36 months = 2027-02-28; 2027-01-01 to 02-28 = 30 + 28 = 58 days.
    const feb = await server.gql(EXPOSURE, { team: ids.archive, asOf: '2027-01-01', horizon: 90 });
    expect(expiring(feb)).toEqual([[ids.e12, ids.aws, '2027-02-28', 58, 30000]]);
    expect(feb.data.renewalExposure.expiring[0].milestones).toEqual({
      startPreparingOn: '2026-08-28',
      practiceExamsOn: '2026-11-28',
      finalReviewOn: '2027-01-28',
    });
    // 2027-03-01 + 183 days = 2027-08-31; e12 expired the day before asOf.
    const aug = await server.gql(EXPOSURE, {
      team: ids.archive,
      asOf: '2027-03-01',
      horizon: 183,
    });
    expect(expiring(aug)).toEqual([[ids.e11, ids.aws, '2027-08-31', 183, 30000]]);
    expect(aug.data.renewalExposure.expiring[0].milestones).toEqual({
      startPreparingOn: '2027-02-28',
      practiceExamsOn: '2027-05-31',
      finalReviewOn: '2027-07-31',
    });
  });

  it('rejects a horizon out of range, an impossible date and an unknown team', async () => {
    for (const horizon of [-1, 3661]) {
      const res = await server.gql(EXPOSURE, { team: ids.data, horizon });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'horizonDays',
        value: horizon,
      });
      expect(res.errors?.[0].message).toContain(String(horizon));
    }
    const max = await server.gql(EXPOSURE, { team: ids.data, horizon: 3660 });
    expect(max.errors).toBeUndefined();
    // The last accepted asOf with the longest horizon still ends on a writable date.
    const end = await server.gql(EXPOSURE, { team: ids.data, asOf: '2999-12-31', horizon: 3660 });
    expect(end.errors).toBeUndefined();
    expect(end.data.renewalExposure.horizonEnd).toBe('3010-01-08');
    const late = await server.gql(EXPOSURE, { team: ids.data, asOf: '3000-01-01' });
    expect(late.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const date = await server.gql(EXPOSURE, { team: ids.data, asOf: '2025-02-30' });
    expect(date.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await server.gql(EXPOSURE, { team: 987654 });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0].message).toContain('987654');
  });
});

describe('renewalExposure statement count', () => {
  let server: TestServer;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer({
      today: ASOF,
      prepare: async (db) => {
        const f = new Factory(db);
        const cert = await f.certification();
        const skill = await f.skill('statistics', [cert]);
        const held = { earnedOn: '2022-09-01', expiresOn: '2025-09-01' };
        for (const [name, size] of [
          ['small', 3],
          ['large', 30],
        ] as const) {
          ids[name] = await f.staffedTeam(size, cert, held);
          await f.staffedTeam(size, cert, held, ids[name]);
          await f.requirement(ids[name], { certificationId: cert }, 2, 'HIGH');
          await f.requirement(ids[name], { skillId: skill }, 1, 'LOW');
        }
      },
    });
  });
  afterAll(async () => server?.close());

  it('is the same for a team of 3 and a team of 30', async () => {
    const counts: Record<string, number> = {};
    for (const name of ['small', 'large']) {
      let res: any;
      counts[name] = await server.countStatements(async () => {
        res = await server.gql(EXPOSURE, { team: ids[name] });
      });
      expect(res.errors).toBeUndefined();
      expect(res.data.renewalExposure.requirementsAtRisk).toHaveLength(2);
      expect(res.data.renewalExposure.expiring).toHaveLength(name === 'small' ? 6 : 60);
    }
    // One aggregate, then one batch per loader: team, employee, certification.
    // The viewer's scope, the analysis, then one batch each for team, employee, certification.
    expect(counts).toEqual({ small: 5, large: 5 });
  });
});
