import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from '../../src/services/calendar';
import {
  generateOrganization,
  type CatalogCertification,
  type CatalogRefs,
  type GeneratedHeldCertification,
  type GeneratedOrganization,
} from '../../seeds/organization/generate';

const AS_OF = '2026-03-15';

function cert(
  slug: string,
  validity: number | 'LIFETIME' | 'UNKNOWN',
  levels: Partial<Pick<CatalogCertification, 'levelMin' | 'levelMax'>> = {},
  dataComplete = true,
): CatalogCertification {
  return {
    slug,
    validityKind: typeof validity === 'number' ? 'FIXED' : validity,
    validityMonths: typeof validity === 'number' ? validity : null,
    levelMin: levels.levelMin ?? null,
    levelMax: levels.levelMax ?? null,
    dataComplete,
  };
}

const CATALOG: CatalogRefs = {
  certifications: [
    cert('aws_ml_specialty', 36, { levelMin: 'ADVANCED', levelMax: 'ADVANCED' }),
    cert('google_ml_engineer', 24, { levelMin: 'INTERMEDIATE', levelMax: 'ADVANCED' }),
    cert('azure_ai_engineer', 24, { levelMin: 'BEGINNER', levelMax: 'INTERMEDIATE' }),
    cert('tensorflow_developer', 18, { levelMin: 'INTERMEDIATE' }),
    cert('nvidia_dli', 'LIFETIME', { levelMin: 'BEGINNER', levelMax: 'ADVANCED' }),
    cert('stanford_ml', 'UNKNOWN', { levelMin: 'BEGINNER' }),
    cert('aws_cloud_practitioner', 36, {}, false),
  ],
  skills: ['deep_learning', 'mlops'],
  careerRoles: ['data_scientist', 'ml_engineer', 'research_scientist'],
  certificationSkills: [
    { certificationSlug: 'aws_ml_specialty', skillSlug: 'mlops' },
    { certificationSlug: 'tensorflow_developer', skillSlug: 'deep_learning' },
  ],
};

const VALIDITY = new Map(CATALOG.certifications.map((c) => [c.slug, c]));

function demo(seed?: number): GeneratedOrganization {
  return generateOrganization({ employees: 60, asOf: AS_OF, catalog: CATALOG, seed });
}

/** Where a record stands on AS_OF: its expiry window, or why it has none. */
function windowOf(record: GeneratedHeldCertification): string {
  const kind = VALIDITY.get(record.certificationSlug)?.validityKind;
  if (record.expiresOn === null) return kind === 'LIFETIME' ? 'lifetime' : 'unknown';
  const days = daysBetween(AS_OF, record.expiresOn);
  if (days < 0) return 'expired';
  if (days <= 90) return 'within 90';
  if (days <= 180) return 'within 180';
  if (days <= 365) return 'within 365';
  return 'beyond 365';
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

function depthOf(org: GeneratedOrganization, teamKey: number): number {
  const parent = org.teams[teamKey].parentKey;
  return parent === null ? 1 : 1 + depthOf(org, parent);
}

/** Distinct employees in the team and below with an active matching credential on AS_OF. */
function coverage(
  org: GeneratedOrganization,
  teamKey: number,
  certSlugs: readonly string[],
): number {
  const inTree = (key: number | null): boolean =>
    key !== null && (key === teamKey || inTree(org.teams[key].parentKey));
  const holders = new Set<number>();
  for (const h of org.heldCertifications) {
    const active =
      h.revokedOn === null && h.earnedOn <= AS_OF && (h.expiresOn === null || AS_OF <= h.expiresOn);
    const employee = org.employees[h.employeeKey];
    if (active && certSlugs.includes(h.certificationSlug) && inTree(employee.teamKey)) {
      holders.add(h.employeeKey);
    }
  }
  return holders.size;
}

describe('generateOrganization', () => {
  it('gives a deep-equal organization for the same seed and options, another for another', () => {
    expect(demo()).toEqual(demo());
    expect(demo(7)).toEqual(demo(7));
    expect(demo(7).employees).not.toEqual(demo().employees);
  });

  it('shapes the demo as three departments with teams and a sub-team', () => {
    const org = demo();
    expect(org.employees).toHaveLength(60);
    expect(org.teams).toHaveLength(10);
    const departments = org.teams.filter((team) => team.parentKey === null);
    expect(departments.map((team) => team.name)).toEqual([
      'Data Science',
      'ML Platform',
      'Research',
    ]);
    const depths = countBy(org.teams, (team) => String(depthOf(org, team.key)));
    expect(depths).toEqual({ 1: 3, 2: 6, 3: 1 });
  });

  it('gives every team a manager who is an employee of that team', () => {
    for (const employees of [60, 1000]) {
      const org = generateOrganization({ employees, asOf: AS_OF, catalog: CATALOG });
      for (const team of org.teams) {
        expect(org.employees[team.managerKey].teamKey).toBe(team.key);
      }
      expect(new Set(org.teams.map((team) => team.managerKey)).size).toBe(org.teams.length);
    }
  });

  it('gives unique example.com addresses and hire dates before asOf', () => {
    const org = generateOrganization({ employees: 1000, asOf: AS_OF, catalog: CATALOG });
    const emails = org.employees.map((employee) => employee.email);
    expect(new Set(emails).size).toBe(1000);
    expect(emails.every((email) => /^[a-z]+\.[a-z]+\d*@example\.com$/.test(email))).toBe(true);
    expect(org.employees.every((employee) => employee.hireDate < AS_OF)).toBe(true);
    expect(countBy(org.employees, (e) => e.experienceLevel)).toEqual({
      ADVANCED: 307,
      BEGINNER: 270,
      INTERMEDIATE: 423,
    });
  });

  it('spreads the demo held certifications over every window relative to asOf', () => {
    expect(countBy(demo().heldCertifications, windowOf)).toEqual({
      expired: 24,
      'within 90': 11,
      'within 180': 12,
      'within 365': 18,
      'beyond 365': 50,
      lifetime: 21,
      unknown: 17,
    });
  });

  it('computes expiresOn as earnedOn plus the validity, never earned after asOf', () => {
    const org = generateOrganization({ employees: 1000, asOf: AS_OF, catalog: CATALOG });
    for (const h of org.heldCertifications) {
      const months = VALIDITY.get(h.certificationSlug)?.validityMonths ?? null;
      expect(h.expiresOn).toBe(months === null ? null : addMonths(h.earnedOn, months));
      expect(h.earnedOn <= AS_OF).toBe(true);
      if (h.revokedOn !== null) {
        expect(h.earnedOn <= h.revokedOn && h.revokedOn <= AS_OF).toBe(true);
      }
    }
  });

  it('earns some credentials on month ends, clamping the expiry where the month is shorter', () => {
    const held = demo().heldCertifications;
    const leapDay = held.find((h) => h.earnedOn === '2024-02-29');
    expect(leapDay?.expiresOn?.slice(4)).toBe('-02-28');
    expect(held.some((h) => h.earnedOn === '2025-08-31')).toBe(true);
    const org = generateOrganization({ employees: 1000, asOf: AS_OF, catalog: CATALOG });
    const clamped = org.heldCertifications.filter(
      (h) => h.expiresOn !== null && h.earnedOn.slice(8) !== h.expiresOn.slice(8),
    );
    expect(clamped.length).toBeGreaterThan(5);
  });

  it('revokes a few credentials and renews a few: an expired record and an active one', () => {
    const org = generateOrganization({ employees: 1000, asOf: AS_OF, catalog: CATALOG });
    const revoked = org.heldCertifications.filter((h) => h.revokedOn !== null);
    expect(revoked.length).toBe(56);
    expect(revoked.every((h) => h.revokeReason !== null)).toBe(true);
    const pairOf = (h: GeneratedHeldCertification) => `${h.employeeKey}/${h.certificationSlug}`;
    const records = countBy(org.heldCertifications, pairOf);
    const renewed = Object.entries(records).filter(([, count]) => count > 1);
    expect(renewed.length).toBe(84);
    for (const [pair] of renewed) {
      const versions = org.heldCertifications.filter((h) => pairOf(h) === pair).map(windowOf);
      expect(versions).toHaveLength(2);
      expect(versions[0]).toBe('expired');
      expect(versions[1]).not.toBe('expired');
    }
    const ids = org.heldCertifications.map((h) => h.credentialId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^[A-Z]+(-[A-Z0-9]+)?-\d{6}$/);
    expect(ids).toContain('AWS-MLS-000001');
  });

  it('states requirements of every priority, met, with gaps and met by a single holder', () => {
    const org = demo();
    expect(countBy(org.requirements, (r) => r.priority)).toEqual({
      CRITICAL: 4,
      HIGH: 6,
      MEDIUM: 5,
      LOW: 4,
    });
    const outcomes = countBy(org.requirements, (r) => {
      const certs =
        r.certificationSlug !== null
          ? [r.certificationSlug]
          : (CATALOG.certificationSkills ?? [])
              .filter((link) => link.skillSlug === r.skillSlug)
              .map((link) => link.certificationSlug);
      const covered = coverage(org, r.teamKey, certs);
      if (covered < r.minHolders) return 'gap';
      return covered === 1 ? 'single holder' : 'met';
    });
    expect(outcomes).toEqual({ gap: 6, met: 10, 'single holder': 3 });
    expect(org.requirements.filter((r) => r.skillSlug !== null)).toHaveLength(2);
    expect(
      org.requirements.every((r) => (r.certificationSlug === null) !== (r.skillSlug === null)),
    ).toBe(true);
    // Incomplete catalog entries are never required.
    const required = org.requirements.map((r) => r.certificationSlug);
    expect(required).not.toContain('aws_cloud_practitioner');
  });

  it('sets career goals after asOf for about half the people, on all three roles', () => {
    const org = demo();
    expect(org.careerGoals).toHaveLength(36);
    expect(countBy(org.careerGoals, (goal) => goal.roleSlug)).toEqual({
      data_scientist: 10,
      ml_engineer: 18,
      research_scientist: 8,
    });
    expect(org.careerGoals.every((goal) => goal.targetDate > AS_OF)).toBe(true);
    expect(new Set(org.careerGoals.map((goal) => goal.employeeKey)).size).toBe(36);
  });

  it('scales to 10,000 employees in teams of about eleven, three credentials each', () => {
    const org = generateOrganization({ employees: 10_000, asOf: AS_OF, catalog: CATALOG });
    expect(org.employees).toHaveLength(10_000);
    expect(org.teams).toHaveLength(909);
    expect(org.heldCertifications.length / 10_000).toBeCloseTo(3, 1);
    const sizes = countBy(org.employees, (e) => String(e.teamKey));
    const teamSizes = org.teams
      .filter((team) => team.parentKey !== null)
      .map((team) => sizes[String(team.key)] ?? 0);
    expect(Math.min(...teamSizes)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...teamSizes)).toBeLessThanOrEqual(17);
    expect(Math.max(...org.teams.map((team) => depthOf(org, team.key)))).toBe(3);
  });

  it('rejects an employee count below one and a malformed asOf', () => {
    expect(() => generateOrganization({ employees: 0, asOf: AS_OF, catalog: CATALOG })).toThrow(
      'employees must be a positive integer, got 0',
    );
    expect(() =>
      generateOrganization({ employees: 5, asOf: '2026-02-30', catalog: CATALOG }),
    ).toThrow('asOf must be a YYYY-MM-DD date, got 2026-02-30');
  });
});
