import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requirementCoverage } from '../../src/services/coverage.service';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { Factory } from '../support/factories';

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
