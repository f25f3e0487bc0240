import {
  addDays,
  addMonths,
  daysBetween,
  expiryDate,
  isValidDate,
} from '../../src/services/calendar';
import { NameSource } from './names';
import { Random } from './random';

export type ExperienceLevel = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED';
export type ValidityKind = 'FIXED' | 'LIFETIME' | 'UNKNOWN';
export type RequirementPriority = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface CatalogCertification {
  slug: string;
  validityKind: ValidityKind;
  /** Set exactly when validityKind is FIXED. */
  validityMonths: number | null;
  levelMin: ExperienceLevel | null;
  levelMax: ExperienceLevel | null;
  dataComplete: boolean;
}

/** What the generator needs to know of the catalog; everything is referred to by slug. */
export interface CatalogRefs {
  certifications: readonly CatalogCertification[];
  skills: readonly string[];
  careerRoles: readonly string[];
  /** Which certifications cover which skills, so skill requirements meet real coverage. */
  certificationSkills?: readonly { certificationSlug: string; skillSlug: string }[];
}

/** Keys are positions in their arrays: team `k` is `teams[k]`, employee `k` is `employees[k]`. */
export interface GeneratedTeam {
  key: number;
  /** Always a smaller key than the team's own: parents come first. */
  parentKey: number | null;
  name: string;
  /** An employee of this very team. */
  managerKey: number;
}

export interface GeneratedEmployee {
  key: number;
  name: string;
  email: string;
  teamKey: number;
  experienceLevel: ExperienceLevel;
  hireDate: string;
}

export interface GeneratedHeldCertification {
  employeeKey: number;
  certificationSlug: string;
  earnedOn: string;
  expiresOn: string | null;
  credentialId: string;
  revokedOn: string | null;
  revokeReason: string | null;
}

/** Exactly one of certificationSlug and skillSlug is set. */
export interface GeneratedRequirement {
  teamKey: number;
  certificationSlug: string | null;
  skillSlug: string | null;
  minHolders: number;
  priority: RequirementPriority;
}

export interface GeneratedCareerGoal {
  employeeKey: number;
  roleSlug: string;
  targetDate: string;
}

export interface GeneratedOrganization {
  teams: GeneratedTeam[];
  employees: GeneratedEmployee[];
  heldCertifications: GeneratedHeldCertification[];
  requirements: GeneratedRequirement[];
  careerGoals: GeneratedCareerGoal[];
}

export interface GenerateOptions {
  employees: number;
  seed?: number;
  asOf: string;
  catalog: CatalogRefs;
}

export const DEFAULT_SEED = 20261204;

const LEVELS: readonly ExperienceLevel[] = ['BEGINNER', 'INTERMEDIATE', 'ADVANCED'];
const PRIORITIES: readonly RequirementPriority[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

const DEPARTMENTS = [
  'Data Science',
  'ML Platform',
  'Research',
  'Analytics',
  'Applied AI',
  'Data Engineering',
  'Computer Vision',
  'Language Technologies',
  'Forecasting',
  'Personalization',
  'Risk Modeling',
  'Healthcare AI',
];
const TEAM_TOPICS = [
  'Modeling',
  'Experimentation',
  'Feature Store',
  'Model Serving',
  'Training Infrastructure',
  'Evaluation',
  'Data Quality',
  'Labeling',
  'Insights',
  'Demand Forecasting',
  'Recommendations',
  'Search Ranking',
  'Fraud Detection',
  'Vision',
  'Speech',
  'NLP',
  'Causal Inference',
  'Optimization',
  'MLOps',
  'Pipelines',
];
const SUB_TEAM_SUFFIXES = ['Core', 'Tooling', 'Applied', 'Operations', 'Quality', 'Research'];
const REVOKE_REASONS = [
  'Exam integrity review',
  'Issued in error',
  'Continuing-education requirements not met',
  'Employer request',
];

/**
 * Builds a plausible organization around `asOf`: a department > team > sub-team tree with
 * about eleven people a team, each team managed by one of its members; about three held
 * certifications per employee, dated so that every expiry window relative to `asOf` is
 * populated; requirements sized against the generated coverage; and career goals. Pure and
 * deterministic: the same options give a deep-equal result on any machine.
 */
export function generateOrganization(options: GenerateOptions): GeneratedOrganization {
  const { employees: employeeCount, asOf, catalog } = options;
  if (!Number.isInteger(employeeCount) || employeeCount < 1) {
    throw new RangeError(`employees must be a positive integer, got ${employeeCount}`);
  }
  if (!isValidDate(asOf)) throw new RangeError(`asOf must be a YYYY-MM-DD date, got ${asOf}`);
  if (catalog.certifications.length === 0) {
    throw new RangeError('the catalog has no certifications');
  }

  const random = new Random(options.seed ?? DEFAULT_SEED);
  const dates = new DateCache(asOf);
  const teams = buildTeams(employeeCount, random);
  const employees = staffTeams(teams, employeeCount, random, dates);
  const heldCertifications = new HeldCertificationBuilder(catalog, random, dates).build(employees);
  const requirements = buildRequirements(teams, employees, heldCertifications, catalog, {
    random,
    asOf,
  });
  const careerGoals = buildCareerGoals(employees, catalog.careerRoles, random, dates);
  return {
    teams: teams.map(({ key, parentKey, name, managerKey }) => ({
      key,
      parentKey,
      name,
      managerKey,
    })),
    employees,
    heldCertifications,
    requirements,
    careerGoals,
  };
}

/**
 * calendar.ts parses its input on every call; the generator asks for the same few thousand
 * dates hundreds of thousands of times at scale, so the answers are remembered.
 */
class DateCache {
  private readonly days = new Map<number, string>();
  private readonly remembered = new Map<string, string>();

  constructor(readonly asOf: string) {}

  /** asOf plus `offset` days. */
  day(offset: number): string {
    let date = this.days.get(offset);
    if (date === undefined) {
      date = addDays(this.asOf, offset);
      this.days.set(offset, date);
    }
    return date;
  }

  /** `date` plus `months`, clamped to month end as calendar.addMonths does. */
  plusMonths(date: string, months: number): string {
    return this.remember(`${date}+${months}`, () => addMonths(date, months));
  }

  /** calendar.expiryDate: null when the validity is not a number of months. */
  expiry(earnedOn: string, validityMonths: number | null): string | null {
    if (validityMonths === null) return null;
    return this.remember(`${earnedOn}~${validityMonths}`, () => {
      const expiry = expiryDate(earnedOn, validityMonths);
      if (expiry === null) throw new Error(`no expiry for ${validityMonths} months`);
      return expiry;
    });
  }

  /** The last day of `date`'s month. */
  endOfMonth(date: string): string {
    const month = date.slice(0, 7);
    return this.remember(month, () => addDays(addMonths(`${month}-01`, 1), -1));
  }

  private remember(key: string, compute: () => string): string {
    let value = this.remembered.get(key);
    if (value === undefined) {
      value = compute();
      this.remembered.set(key, value);
    }
    return value;
  }
}

// ---------------------------------------------------------------------------------------------
// Teams and employees

type TeamDepth = 1 | 2 | 3;

interface TeamDraft extends GeneratedTeam {
  depth: TeamDepth;
  size: number;
}

/** How many people a node of each depth gets, relative to a team: a department is its head
 * and a few staff; sub-teams are a little smaller than teams. */
const SIZE_WEIGHT: Record<TeamDepth, number> = { 1: 0.4, 2: 1, 3: 0.7 };

function buildTeams(employeeCount: number, random: Random): TeamDraft[] {
  // Eleven people a node at scale; a small org still gets three departments with a few teams.
  const nodeCount = Math.max(
    1,
    Math.round(employeeCount / 11),
    Math.min(10, Math.floor(employeeCount / 6)),
  );
  const departmentCount = Math.min(nodeCount, Math.max(3, Math.round(nodeCount / 12)));
  const teams: TeamDraft[] = [];
  const add = (parentKey: number | null, name: string, depth: TeamDepth): TeamDraft => {
    const team = { key: teams.length, parentKey, name, managerKey: -1, depth, size: 1 };
    teams.push(team);
    return team;
  };
  const subTeamCounts = new Map<number, number>();
  const childNodes = nodeCount - departmentCount;
  for (let index = 0; index < departmentCount; index += 1) {
    const department = add(null, numbered(DEPARTMENTS, index), 1);
    const children =
      Math.floor(childNodes / departmentCount) + (index < childNodes % departmentCount ? 1 : 0);
    const topics = random.shuffle([...TEAM_TOPICS]);
    const level2: TeamDraft[] = [];
    for (let child = 0; child < children; child += 1) {
      // The first department's last child is a sub-team so that even the demo has three levels.
      const forced = index === 0 && child === children - 1;
      const subTeam = child > 0 && (forced || random.chance(0.3));
      if (subTeam) {
        const parent = random.pick(level2);
        const siblings = subTeamCounts.get(parent.key) ?? 0;
        subTeamCounts.set(parent.key, siblings + 1);
        add(parent.key, `${parent.name} ${numbered(SUB_TEAM_SUFFIXES, siblings)}`, 3);
      } else {
        level2.push(add(department.key, numbered(topics, level2.length), 2));
      }
    }
  }
  return teams;
}

/** names[index], with a number once the list runs out: "Research", ..., "Research 2". */
function numbered(names: readonly string[], index: number): string {
  const round = Math.floor(index / names.length);
  const name = names[index % names.length];
  return round === 0 ? name : `${name} ${round + 1}`;
}

function staffTeams(
  teams: TeamDraft[],
  employeeCount: number,
  random: Random,
  dates: DateCache,
): GeneratedEmployee[] {
  // Everyone beyond the managers is spread in proportion to jittered weights; cumulative
  // rounding makes the sizes add up to exactly employeeCount.
  const weights = teams.map((team) => SIZE_WEIGHT[team.depth] * (0.7 + 0.6 * random.next()));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const spare = employeeCount - teams.length;
  let cumulative = 0;
  let allotted = 0;
  teams.forEach((team, index) => {
    cumulative += weights[index];
    const upTo = Math.round((cumulative / totalWeight) * spare);
    team.size = 1 + upTo - allotted;
    allotted = upTo;
  });

  const names = new NameSource(random);
  const employees: GeneratedEmployee[] = [];
  for (const team of teams) {
    team.managerKey = employees.length;
    for (let member = 0; member < team.size; member += 1) {
      const level = member === 0 ? managerLevel(team.depth, random) : memberLevel(random);
      employees.push({
        key: employees.length,
        ...names.next(),
        teamKey: team.key,
        experienceLevel: level,
        hireDate: dates.day(-tenureDays(level, member === 0, random)),
      });
    }
  }
  return employees;
}

function managerLevel(depth: TeamDepth, random: Random): ExperienceLevel {
  return depth === 1 || random.chance(0.8) ? 'ADVANCED' : 'INTERMEDIATE';
}

function memberLevel(random: Random): ExperienceLevel {
  return random.weightedPick(LEVELS, [30, 45, 25]);
}

/** Days between hire and asOf: juniors joined recently, seniors and managers longer ago. */
function tenureDays(level: ExperienceLevel, manager: boolean, random: Random): number {
  const years: Record<ExperienceLevel, [number, number]> = {
    BEGINNER: [0, 3],
    INTERMEDIATE: [0.5, 7],
    ADVANCED: [1, 15],
  };
  const [low, high] = years[level];
  const minimum = Math.max(manager ? 2 * 365 : 7, Math.round(low * 365));
  return random.int(minimum, Math.max(minimum, Math.round(high * 365)));
}

// ---------------------------------------------------------------------------------------------
// Held certifications

type ExpiryWindow = 'EXPIRED' | 'DAYS_90' | 'DAYS_180' | 'DAYS_365' | 'BEYOND';
type Scenario =
  ExpiryWindow | 'LIFETIME' | 'UNKNOWN' | 'LEAP_DAY' | 'AUGUST_31' | 'REVOKED' | 'RENEWAL';

const WINDOWS: readonly ExpiryWindow[] = ['EXPIRED', 'DAYS_90', 'DAYS_180', 'DAYS_365', 'BEYOND'];
const WINDOW_WEIGHTS = [20, 9, 8, 13, 50];
/**
 * Expiry offsets from asOf, in days, aimed at for each window. They stay three days inside
 * the window edges because stepping back the validity and forward again can clamp a target
 * such as the 31st to an earlier month end.
 */
const WINDOW_OFFSETS: Record<ExpiryWindow, [number, number]> = {
  EXPIRED: [-1100, -3],
  DAYS_90: [3, 87],
  DAYS_180: [94, 177],
  DAYS_365: [185, 362],
  BEYOND: [372, Number.MAX_SAFE_INTEGER],
};
/** Certifications a person holds (0 to 7): 2.95 on average, plus renewals, makes about 3. */
const COUNT_WEIGHTS = [9, 15, 20, 20, 15, 10, 7, 4];
/**
 * Vendor exams with a fixed validity are the credentials people hold most, and the ones the
 * renewal analyses are about; the guide lists many lifetime and unknown-validity programs.
 */
const VALIDITY_WEIGHT: Record<ValidityKind, number> = { FIXED: 4, LIFETIME: 1, UNKNOWN: 0.6 };
/** Cases every organization shows at least once, placed on employees spread over the org. */
const SCENARIOS: readonly Scenario[] = [
  ...WINDOWS,
  'LIFETIME',
  'UNKNOWN',
  'LEAP_DAY',
  'AUGUST_31',
  'REVOKED',
  'RENEWAL',
];

class HeldCertificationBuilder {
  private readonly certifications: readonly CatalogCertification[];
  /** Selection weights by experience level (index into LEVELS). */
  private readonly levelWeights: number[][];
  private readonly credentialPrefixes = new Map<string, string>();
  private readonly credentialCounters = new Map<string, number>();
  private readonly held: GeneratedHeldCertification[] = [];

  constructor(
    catalog: CatalogRefs,
    private readonly random: Random,
    private readonly dates: DateCache,
  ) {
    this.certifications = catalog.certifications;
    // Some credentials are popular and some rare, so that coverage varies between them.
    const popularity = this.certifications.map(() => 0.3 + 1.7 * random.next());
    this.levelWeights = LEVELS.map((level) =>
      this.certifications.map((cert, index) => {
        const complete = cert.dataComplete ? 1 : 0.1;
        const validity = VALIDITY_WEIGHT[cert.validityKind];
        return popularity[index] * complete * validity * levelFit(level, cert);
      }),
    );
  }

  build(employees: readonly GeneratedEmployee[]): GeneratedHeldCertification[] {
    const scenarios = new Map<number, Scenario[]>();
    SCENARIOS.forEach((scenario, index) => {
      const key = Math.floor((index * employees.length) / SCENARIOS.length);
      scenarios.set(key, [...(scenarios.get(key) ?? []), scenario]);
    });
    for (const employee of employees) {
      const forced = scenarios.get(employee.key) ?? [];
      const count = Math.max(forced.length, this.random.weightedIndex(COUNT_WEIGHTS));
      const weights = [...this.levelWeights[LEVELS.indexOf(employee.experienceLevel)]];
      for (let index = 0; index < count; index += 1) {
        const scenario = index < forced.length ? forced[index] : null;
        const pick = this.pickCertification(weights, scenario);
        if (pick < 0) continue;
        weights[pick] = 0;
        this.addRecords(employee.key, this.certifications[pick], scenario);
      }
    }
    return this.held;
  }

  /**
   * The index of a certification the employee does not hold yet (positive weight) that can
   * play `scenario`, or of any not held if none can; -1 when the employee holds them all.
   */
  private pickCertification(weights: readonly number[], scenario: Scenario | null): number {
    const fits = (cert: CatalogCertification) => scenario === null || suits(cert, scenario);
    let candidates = weights.map((weight, i) => (fits(this.certifications[i]) ? weight : 0));
    if (scenario === 'LEAP_DAY') {
      // Whole years from Feb 29 land on Feb 28: the clamping the record is there to show.
      const yearly = candidates.map((weight, index) =>
        (this.certifications[index].validityMonths ?? 1) % 12 === 0 ? weight : 0,
      );
      if (yearly.some((weight) => weight > 0)) candidates = yearly;
    }
    if (!candidates.some((weight) => weight > 0)) {
      if (scenario === null || !weights.some((weight) => weight > 0)) return -1;
      candidates = [...weights];
    }
    return this.random.weightedIndex(candidates);
  }

  private addRecords(
    employeeKey: number,
    cert: CatalogCertification,
    scenario: Scenario | null,
  ): void {
    const months = cert.validityKind === 'FIXED' ? cert.validityMonths : null;
    let earnedOn = this.earnedOn(cert, months, scenario);
    if (scenario === null && this.random.chance(0.06)) {
      const monthEnd = this.dates.endOfMonth(earnedOn);
      if (monthEnd <= this.dates.asOf) earnedOn = monthEnd;
    }
    const expiresOn = this.dates.expiry(earnedOn, months);
    const record: GeneratedHeldCertification = {
      employeeKey,
      certificationSlug: cert.slug,
      earnedOn,
      expiresOn,
      credentialId: '',
      revokedOn: null,
      revokeReason: null,
    };
    if (scenario === 'REVOKED' || (scenario === null && this.random.chance(0.015))) {
      this.revoke(record);
    }
    const active = isActive(record, this.dates.asOf);
    const renew = scenario === 'RENEWAL' || (scenario === null && this.random.chance(0.04));
    if (months !== null && active && renew && earnedOn < this.dates.day(-1)) {
      this.addPredecessor(record, months);
    }
    record.credentialId = this.credentialId(cert.slug);
    this.held.push(record);
  }

  private earnedOn(
    cert: CatalogCertification,
    months: number | null,
    scenario: Scenario | null,
  ): string {
    const asOf = this.dates.asOf;
    if (scenario === 'LEAP_DAY') return latestOnOrBefore(asOf, '02-29');
    if (scenario === 'AUGUST_31') return latestOnOrBefore(asOf, '08-31');
    if (months === null) {
      return this.dates.day(-this.random.int(cert.validityKind === 'LIFETIME' ? 1 : 30, 3650));
    }
    // The latest expiry possible is asOf + validity (earned on asOf).
    const latest = daysBetween(asOf, this.dates.plusMonths(asOf, months));
    // A renewal's current record is earned well before asOf, so its predecessor has expired.
    let window = isWindow(scenario)
      ? scenario
      : scenario === 'RENEWAL'
        ? 'DAYS_365'
        : this.random.weightedPick(WINDOWS, WINDOW_WEIGHTS);
    while (WINDOW_OFFSETS[window][0] > latest) window = WINDOWS[WINDOWS.indexOf(window) - 1];
    const [low, high] = WINDOW_OFFSETS[window];
    const target = this.dates.day(this.random.int(low, Math.min(high, latest)));
    return this.dates.plusMonths(target, -months);
  }

  private revoke(record: GeneratedHeldCertification): void {
    const end =
      record.expiresOn !== null && record.expiresOn < this.dates.asOf
        ? record.expiresOn
        : this.dates.asOf;
    const span = daysBetween(record.earnedOn, end);
    record.revokedOn = addDays(record.earnedOn, this.random.int(Math.min(span, 30), span));
    record.revokeReason = this.random.pick(REVOKE_REASONS);
  }

  /** The expired record a renewal replaced: renewed up to 60 days before it ran out. */
  private addPredecessor(renewal: GeneratedHeldCertification, months: number): void {
    const room = daysBetween(renewal.earnedOn, this.dates.asOf) - 1;
    const lead = this.random.int(0, Math.min(60, room));
    const earnedOn = this.dates.plusMonths(addDays(renewal.earnedOn, lead), -months);
    this.held.push({
      employeeKey: renewal.employeeKey,
      certificationSlug: renewal.certificationSlug,
      earnedOn,
      expiresOn: this.dates.expiry(earnedOn, months),
      credentialId: this.credentialId(renewal.certificationSlug),
      revokedOn: null,
      revokeReason: null,
    });
  }

  /** `AWS-MLS-000123` for aws_ml_specialty: numbered per prefix, so unique. */
  private credentialId(slug: string): string {
    let prefix = this.credentialPrefixes.get(slug);
    if (prefix === undefined) {
      prefix = credentialPrefix(slug);
      this.credentialPrefixes.set(slug, prefix);
    }
    const count = (this.credentialCounters.get(prefix) ?? 0) + 1;
    this.credentialCounters.set(prefix, count);
    return `${prefix}-${String(count).padStart(6, '0')}`;
  }
}

/** aws_ml_specialty gives AWS-MLS: the first word, then short words whole and initials. */
function credentialPrefix(slug: string): string {
  const [head = 'CERT', ...rest] = slug.split(/[^a-z0-9]+/i).filter((token) => token !== '');
  const tail = rest.map((token) => (token.length <= 3 ? token : token[0])).join('');
  return (tail === '' ? head.slice(0, 4) : `${head.slice(0, 4)}-${tail}`).toUpperCase();
}

/** Active on `date`: earned by then, not yet expired, not revoked. */
function isActive(record: GeneratedHeldCertification, date: string): boolean {
  if (record.revokedOn !== null || record.earnedOn > date) return false;
  return record.expiresOn === null || date <= record.expiresOn;
}

function isWindow(scenario: Scenario | null): scenario is ExpiryWindow {
  return scenario !== null && (WINDOWS as readonly string[]).includes(scenario);
}

function suits(cert: CatalogCertification, scenario: Scenario): boolean {
  switch (scenario) {
    case 'LIFETIME':
      return cert.validityKind === 'LIFETIME';
    case 'UNKNOWN':
      return cert.validityKind === 'UNKNOWN';
    case 'REVOKED':
      return true;
    case 'BEYOND':
      // Earned on asOf at the latest, so only a validity past a year can expire beyond one.
      return cert.validityKind === 'FIXED' && (cert.validityMonths ?? 0) > 12;
    default:
      return cert.validityKind === 'FIXED';
  }
}

/** People mostly hold credentials at their level; a credential above it is rarer. */
function levelFit(level: ExperienceLevel, cert: CatalogCertification): number {
  const rank = LEVELS.indexOf(level);
  if (cert.levelMin !== null && rank < LEVELS.indexOf(cert.levelMin)) return 0.3;
  if (cert.levelMax !== null && rank > LEVELS.indexOf(cert.levelMax)) return 0.6;
  return cert.levelMin === null && cert.levelMax === null ? 1 : 2;
}

/** The latest date with month-day `monthDay` (e.g. '02-29') on or before `date`. */
function latestOnOrBefore(date: string, monthDay: string): string {
  for (let year = Number(date.slice(0, 4)); ; year -= 1) {
    const candidate = `${String(year).padStart(4, '0')}-${monthDay}`;
    if (isValidDate(candidate) && candidate <= date) return candidate;
  }
}

// ---------------------------------------------------------------------------------------------
// Requirements and career goals

type Outcome = 'MET' | 'GAP' | 'SINGLE';

/** A requirement target as a counting key: `c:<certification slug>` or `s:<skill slug>`. */
type TargetKey = string;

/** Requirements a team of each depth states, inclusive range. */
const REQUIREMENTS_PER_TEAM: Record<TeamDepth, [number, number]> = {
  1: [2, 3],
  2: [1, 3],
  3: [0, 2],
};
/** The first requirements play these, so that even a tiny org shows each case. */
const FIRST_OUTCOMES: readonly Outcome[] = ['SINGLE', 'GAP', 'MET'];
const OUTCOMES: readonly Outcome[] = ['MET', 'GAP', 'SINGLE'];

function buildRequirements(
  teams: readonly TeamDraft[],
  employees: readonly GeneratedEmployee[],
  held: readonly GeneratedHeldCertification[],
  catalog: CatalogRefs,
  { random, asOf }: { random: Random; asOf: string },
): GeneratedRequirement[] {
  const coverage = countActiveHolders(teams, employees, held, catalog, asOf);
  const complete = catalog.certifications.filter((cert) => cert.dataComplete);
  const certifications = complete.length > 0 ? complete : catalog.certifications;
  const certTargets = certifications.map((cert) => `c:${cert.slug}`);
  const skillTargets = catalog.skills.map((slug) => `s:${slug}`);
  const requirements: GeneratedRequirement[] = [];
  for (const team of teams) {
    const counts = coverage[team.key];
    const used = new Set<TargetKey>();
    const [low, high] = REQUIREMENTS_PER_TEAM[team.depth];
    for (let wanted = random.int(low, high); wanted > 0; wanted -= 1) {
      const index = requirements.length;
      // The fourth requirement is always on a skill, so every org has one.
      const skillTurn = index === 3 || (index > 3 && random.chance(0.12));
      const onSkill = skillTargets.length > 0 && skillTurn;
      const pool = (onSkill ? skillTargets : certTargets).filter((target) => !used.has(target));
      if (pool.length === 0) continue;
      const outcome = FIRST_OUTCOMES[index] ?? random.weightedPick(OUTCOMES, [40, 35, 25]);
      const target = pickTarget(pool, counts, outcome, random);
      const holders = counts.get(target) ?? 0;
      used.add(target);
      requirements.push({
        teamKey: team.key,
        certificationSlug: target.startsWith('c:') ? target.slice(2) : null,
        skillSlug: target.startsWith('s:') ? target.slice(2) : null,
        minHolders: minHolders(holders, outcome, random),
        priority: PRIORITIES[index] ?? random.weightedPick(PRIORITIES, [15, 30, 35, 20]),
      });
    }
  }
  return requirements;
}

/** A target the outcome can be built on; a SINGLE needs one holder, a MET at least one. */
function pickTarget(
  pool: readonly TargetKey[],
  counts: ReadonlyMap<TargetKey, number>,
  outcome: Outcome,
  random: Random,
): TargetKey {
  const holders = (target: TargetKey) => counts.get(target) ?? 0;
  const single = pool.filter((target) => holders(target) === 1);
  if (outcome === 'SINGLE' && single.length > 0) return random.pick(single);
  const held = pool.filter((target) => holders(target) > 0);
  if (outcome !== 'GAP' && held.length > 0) return random.pick(held);
  return random.pick(pool);
}

/** N for a target with `holders` active holders, meeting or missing it as the outcome says. */
function minHolders(holders: number, outcome: Outcome, random: Random): number {
  if (holders === 0 || outcome === 'GAP') return holders + random.int(1, 3);
  if (outcome === 'SINGLE') return 1;
  return random.int(Math.ceil(holders / 2), holders);
}

/**
 * For each team, how many distinct employees in it and below it hold an active (on asOf,
 * not revoked) matching certification, per target key.
 */
function countActiveHolders(
  teams: readonly TeamDraft[],
  employees: readonly GeneratedEmployee[],
  held: readonly GeneratedHeldCertification[],
  catalog: CatalogRefs,
  asOf: string,
): Map<TargetKey, number>[] {
  const skillsOf = new Map<string, string[]>();
  for (const { certificationSlug, skillSlug } of catalog.certificationSkills ?? []) {
    skillsOf.set(certificationSlug, [...(skillsOf.get(certificationSlug) ?? []), skillSlug]);
  }
  const targetsOf = employees.map(() => new Set<TargetKey>());
  for (const record of held) {
    if (!isActive(record, asOf)) continue;
    const targets = targetsOf[record.employeeKey];
    targets.add(`c:${record.certificationSlug}`);
    for (const skill of skillsOf.get(record.certificationSlug) ?? []) targets.add(`s:${skill}`);
  }
  const counts = teams.map(() => new Map<TargetKey, number>());
  for (const employee of employees) {
    const teamCounts = counts[employee.teamKey];
    for (const target of targetsOf[employee.key]) {
      teamCounts.set(target, (teamCounts.get(target) ?? 0) + 1);
    }
  }
  // Children come after their parents, so walking backwards folds each subtree into its root.
  for (let key = teams.length - 1; key >= 0; key -= 1) {
    const parentKey = teams[key].parentKey;
    if (parentKey === null) continue;
    const parentCounts = counts[parentKey];
    for (const [target, count] of counts[key]) {
      parentCounts.set(target, (parentCounts.get(target) ?? 0) + count);
    }
  }
  return counts;
}

/** How likely each guide role is as a goal, by experience level; other roles weigh 1. */
const ROLE_WEIGHTS: Record<string, Record<ExperienceLevel, number>> = {
  data_scientist: { BEGINNER: 5, INTERMEDIATE: 4, ADVANCED: 3 },
  ml_engineer: { BEGINNER: 4, INTERMEDIATE: 4, ADVANCED: 3 },
  research_scientist: { BEGINNER: 1, INTERMEDIATE: 2, ADVANCED: 4 },
};

function buildCareerGoals(
  employees: readonly GeneratedEmployee[],
  roles: readonly string[],
  random: Random,
  dates: DateCache,
): GeneratedCareerGoal[] {
  const goals: GeneratedCareerGoal[] = [];
  if (roles.length === 0) return goals;
  for (const employee of employees) {
    if (!random.chance(0.55)) continue;
    // The first goals take each role in turn, so every role has someone aiming at it.
    const roleSlug =
      roles[goals.length] ??
      random.weightedPick(
        roles,
        roles.map((role) => ROLE_WEIGHTS[role]?.[employee.experienceLevel] ?? 1),
      );
    const targetDate = dates.plusMonths(dates.asOf, random.int(3, 36));
    goals.push({ employeeKey: employee.key, roleSlug, targetDate });
  }
  return goals;
}
