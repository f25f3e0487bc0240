import { Random } from '../../../seeds/organization/random';
import { Priority, type ExperienceLevel } from '../../../src/entities/enums';
import {
  DEFAULT_PRIORITY_WEIGHTS,
  DEFAULT_COST_ASSUMPTIONS,
} from '../../../src/services/optimizer-costs';
import type { OptimizerOptions } from '../../../src/services/budget-optimizer.service';
import type {
  ExpiringHolding,
  PlanningInstance,
  PlanningRequirement,
} from '../../../src/services/optimizer-candidates';
import { addDays } from '../../../src/services/calendar';
import type { Candidate, PlanCertification } from '../../../src/services/training-budget.service';

const LEVELS: ExperienceLevel[] = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'] as ExperienceLevel[];
const PRIORITIES = [Priority.CRITICAL, Priority.HIGH, Priority.MEDIUM, Priority.LOW];
const TEAM = 1;
const SKILL = 500;

/** A catalog row with a one-time fee (null: unknown) and an expected preparation of `months`. */
export function certification(
  id: number,
  fields: Partial<PlanCertification> & { feeCents?: number | null; months?: number } = {},
): PlanCertification {
  const { feeCents = 30000, months = 3, ...rest } = fields;
  return {
    id,
    slug: `cert_${String(id).padStart(3, '0')}`,
    name: `Certification ${id}`,
    levelMin: null,
    levelMax: null,
    prerequisiteIds: [],
    skillIds: [],
    costKind: feeCents === null ? 'UNKNOWN' : 'ONE_TIME',
    costLowCents: feeCents,
    costHighCents: feeCents,
    durationMin: months,
    durationMax: months,
    durationUnit: 'MONTH',
    durationPerCourse: false,
    courseCount: 0,
    ...rest,
  };
}

export function person(id: number, fields: Partial<Candidate> = {}): Candidate {
  return {
    id,
    name: `Person ${id}`,
    email: `person${id}@example.com`,
    teamId: TEAM,
    experienceLevel: 'INTERMEDIATE' as ExperienceLevel,
    hireDate: '2020-01-01',
    teamPath: [TEAM],
    activeCertificationIds: [],
    goalCertificationIds: [],
    ...fields,
  };
}

/**
 * A requirement on the test team with coverage computed from the people: holders are those
 * with an active matching credential, lost holders those all of whose matching credentials
 * are expiring.
 */
export function requirement(
  id: number,
  target: { certificationId?: number; skillId?: number },
  required: number,
  priority: Priority,
  context: { people: Candidate[]; catalog: PlanCertification[]; expiring: ExpiringHolding[] },
): PlanningRequirement {
  const certificationId = target.certificationId ?? null;
  const skillId = target.skillId ?? null;
  const meets = (certId: number) =>
    certificationId !== null
      ? certId === certificationId
      : (context.catalog.find((c) => c.id === certId)?.skillIds.includes(skillId ?? -1) ?? false);
  const holders = context.people.filter((p) => p.activeCertificationIds.some(meets));
  const lost = holders.filter((p) =>
    p.activeCertificationIds
      .filter(meets)
      .every((certId) =>
        context.expiring.some((e) => e.employeeId === p.id && e.certificationId === certId),
      ),
  );
  return {
    requirementId: id,
    teamId: TEAM,
    certificationId,
    skillId,
    required,
    priority,
    coverage: holders.length,
    gap: Math.max(0, required - holders.length),
    holderIds: holders.map((p) => p.id),
    lostHolderIds: lost.map((p) => p.id),
  };
}

export function defaultOptions(overrides: Partial<OptimizerOptions> = {}): OptimizerOptions {
  return {
    budgetCents: 0,
    horizonDays: 365,
    timeLimitSeconds: 10,
    weights: { ...DEFAULT_PRIORITY_WEIGHTS },
    costs: { ...DEFAULT_COST_ASSUMPTIONS },
    maxPerPersonPerQuarter: 1,
    fiscalYearStartMonth: 1,
    ...overrides,
  };
}

/**
 * A small random instance from a seed: 3-5 people on one team, 2-4 certifications (some with
 * a prerequisite, a level range, an unknown cost or a shared skill), 2-3 requirements, some
 * credentials held and some of those expiring within the horizon.
 */
export function randomInstance(seed: number): {
  instance: PlanningInstance;
  options: OptimizerOptions;
} {
  const random = new Random(seed);
  const asOf = random.pick(['2025-02-10', '2025-05-20', '2025-11-03']);
  const horizonDays = random.pick([90, 180, 270]);
  const horizonEnd = addDays(asOf, horizonDays);

  const catalog: PlanCertification[] = [];
  const certCount = random.int(2, 4);
  for (let i = 0; i < certCount; i += 1) {
    const id = 10 + i;
    const prerequisiteIds = i > 0 && random.chance(0.5) ? [10 + random.int(0, i - 1)] : [];
    const low = random.chance(0.25) ? random.pick(LEVELS) : null;
    catalog.push(
      certification(id, {
        feeCents: random.chance(0.1) ? null : random.int(1, 8) * 5000,
        months: random.int(1, 4),
        prerequisiteIds,
        levelMin: low,
        skillIds: random.chance(0.5) ? [SKILL] : [],
      }),
    );
  }

  const people: Candidate[] = [];
  const expiring: ExpiringHolding[] = [];
  for (let i = 0; i < random.int(3, 5); i += 1) {
    const id = 100 + i;
    const held = catalog.filter(() => random.chance(0.25)).map((c) => c.id);
    people.push(person(id, { experienceLevel: random.pick(LEVELS), activeCertificationIds: held }));
    for (const certId of held) {
      if (!random.chance(0.4)) continue;
      const cert = catalog.find((c) => c.id === certId);
      expiring.push({
        employeeId: id,
        certificationId: certId,
        expiresOn: addDays(asOf, random.int(0, horizonDays)),
        renewalFeeCents: cert?.costLowCents ?? null,
      });
    }
  }

  const context = { people, catalog, expiring };
  const requirements: PlanningRequirement[] = [];
  const targets = random.shuffle([
    ...catalog.map((c) => ({ certificationId: c.id })),
    { skillId: SKILL },
  ]);
  for (let i = 0; i < random.int(2, 3) && i < targets.length; i += 1) {
    requirements.push(
      requirement(1000 + i, targets[i], random.int(2, 4), random.pick(PRIORITIES), context),
    );
  }
  const fees = catalog.reduce((sum, c) => sum + (c.costLowCents ?? 0), 0);
  const options = defaultOptions({
    budgetCents: random.int(0, (random.chance(0.5) ? 2 : 8) * fees),
    horizonDays,
    maxPerPersonPerQuarter: random.int(1, 2),
    fiscalYearStartMonth: random.pick([1, 4, 10]),
  });
  return { instance: { asOf, horizonEnd, requirements, people, catalog, expiring }, options };
}

/**
 * A larger instance for the time limit: `size` people, ten one-month certifications of
 * mixed fees (each a second one's prerequisite), ten requirements of several holders each.
 */
export function largeInstance(size: number): PlanningInstance {
  const random = new Random(size);
  const catalog = Array.from({ length: 10 }, (_, i) =>
    certification(10 + i, {
      feeCents: random.int(2, 40) * 2500,
      months: 1,
      prerequisiteIds: i >= 5 ? [10 + i - 5] : [],
    }),
  );
  const people = Array.from({ length: size }, (_, i) =>
    person(100 + i, {
      activeCertificationIds: catalog.filter(() => random.chance(0.03)).map((c) => c.id),
    }),
  );
  const context = { people, catalog, expiring: [] };
  const requirements = catalog.map((cert, i) =>
    requirement(
      1000 + i,
      { certificationId: cert.id },
      random.int(10, 30),
      PRIORITIES[i % 4],
      context,
    ),
  );
  const asOf = '2025-01-15';
  return { asOf, horizonEnd: addDays(asOf, 365), requirements, people, catalog, expiring: [] };
}
