import { estimateCost, type CostEstimate } from '../../seeds/catalog/cost';
import { addMonths } from './calendar';
import { preparationMonths } from './career-plan.service';
import type { RequirementCoverageRow } from './coverage.service';
import { credentialCost, type CostAssumptions, type CostBreakdown } from './optimizer-costs';
import type { PriorityWeights } from './optimizer-costs';
import { fiscalQuarters, quarterIndex, type FiscalQuarter } from './optimizer-quarters';
import {
  certificationMeets,
  levelFits,
  type Candidate,
  type PlanCertification,
} from './training-budget.service';

/** A requirement as the optimizer sees it: its coverage on asOf and who lapses by the end. */
export interface PlanningRequirement extends RequirementCoverageRow {
  /** Holders all of whose matching credentials expire within the horizon; ascending ids. */
  lostHolderIds: number[];
}

/** An active credential that expires within the horizon and has not been renewed yet. */
export interface ExpiringHolding {
  employeeId: number;
  certificationId: number;
  expiresOn: string;
  /** The catalog's renewal cost (the exam fee again); null when it cannot say. */
  renewalFeeCents: number | null;
}

/** Everything a plan is computed from; the database loader and the tests both build one. */
export interface PlanningInstance {
  asOf: string;
  horizonEnd: string;
  requirements: PlanningRequirement[];
  /** Everyone in scope, ordered by id. */
  people: Candidate[];
  /** The certifications the requirements name or cover, and their prerequisites. */
  catalog: PlanCertification[];
  expiring: ExpiringHolding[];
}

export interface PlanningSettings {
  weights: PriorityWeights;
  costs: CostAssumptions;
  maxPerPersonPerQuarter: number;
  fiscalYearStartMonth: number;
}

export interface PreparedRequirement {
  row: PlanningRequirement;
  weight: number;
  /** How many people short of N the team is at the horizon's end if nothing is done. */
  projectedGap: number;
}

export type OptionKind = 'TRAINING' | 'RENEWAL';

/** One thing a plan may do for one person: earn a credential, or renew one. */
export interface PlanOption {
  kind: OptionKind;
  person: Candidate;
  certification: PlanCertification;
  cost: CostBreakdown;
  /** The quarters (indexes) it may be completed in; a renewal has exactly one. */
  firstQuarter: number;
  lastQuarter: number;
  /** How many quarters must separate a prerequisite planned for the person from this one. */
  lag: number;
  /** Prerequisites the person does not hold: each must be planned for them, earlier. */
  plannedPrerequisiteIds: number[];
  /** The open requirements it counts toward. */
  requirementIds: number[];
  preparationMonths: number | null;
  /** The credential being renewed expires on this day; null for training. */
  expiresOn: string | null;
}

export type ExclusionReason =
  'UNKNOWN_COST' | 'UNKNOWN_DURATION' | 'UNKNOWN_RENEWAL_COST' | 'PREPARATION_BEYOND_HORIZON';

/** A credential the plan could not consider, and the open requirements it would serve. */
export interface Exclusion {
  certification: PlanCertification;
  reason: ExclusionReason;
  requirementIds: number[];
}

export interface PreparedPlan {
  quarters: FiscalQuarter[];
  requirements: PreparedRequirement[];
  options: PlanOption[];
  excluded: Exclusion[];
}

/**
 * Turns an instance into what the integer program chooses from. Time is counted in fiscal
 * quarters, from the one holding asOf to the one holding the horizon's end:
 * - a credential is completed in the quarter holding asOf + its expected preparation time
 *   (the career-plan rule) at the earliest, and in the horizon's last quarter at the latest;
 * - a prerequisite planned in the same plan must be completed at least ceil(months / 3) of
 *   the dependent credential's preparation quarters earlier (and always in an earlier one);
 * - a renewal is taken in the quarter of the final-review milestone (a month before expiry),
 *   or the first quarter when that is already past.
 * Options exist only where they can count: training for people in a requirement's scope who
 * do not hold it, whose level fits, and whose unheld prerequisites can all be planned;
 * renewals for holders who would otherwise stop counting. Credentials of unknown cost or
 * unknown preparation time are left out and listed, and so is a credential no one who lacks
 * it could complete by the horizon's end (its preparation, with the prerequisites they
 * would need first, runs past it), for the requirements it would then have served.
 */
export function preparePlan(instance: PlanningInstance, settings: PlanningSettings): PreparedPlan {
  const quarters = fiscalQuarters(
    instance.asOf,
    instance.horizonEnd,
    settings.fiscalYearStartMonth,
  );
  const catalog = new Map(instance.catalog.map((cert) => [cert.id, cert]));
  const requirements = instance.requirements.map((row) => ({
    row,
    weight: settings.weights[row.priority],
    projectedGap: Math.max(0, row.required - row.holderIds.length + row.lostHolderIds.length),
  }));
  // Only a projected gap gives anything to plan for. A weight of 0 stays open, so that what
  // the plan closes there anyway is still reported; it adds nothing to the objective.
  const open = requirements.filter((r) => r.projectedGap > 0);
  const matching = new Map(
    open.map((r) => [
      r.row.requirementId,
      instance.catalog.filter((c) => certificationMeets(r.row, c)),
    ]),
  );

  const context = new OptionBuilder(instance, settings, catalog, quarters.length - 1);
  for (const person of instance.people) {
    const wanted = new Map<number, number[]>();
    for (const r of open) {
      if (!person.teamPath.includes(r.row.teamId) || r.row.holderIds.includes(person.id)) continue;
      for (const cert of matching.get(r.row.requirementId) ?? []) {
        if (person.activeCertificationIds.includes(cert.id)) continue;
        wanted.set(cert.id, [...(wanted.get(cert.id) ?? []), r.row.requirementId]);
      }
    }
    context.addTraining(person, wanted);
  }
  for (const holding of instance.expiring) {
    const requirementIds = open
      .filter((r) => r.row.lostHolderIds.includes(holding.employeeId))
      .filter((r) =>
        matching.get(r.row.requirementId)?.some((c) => c.id === holding.certificationId),
      )
      .map((r) => r.row.requirementId);
    if (requirementIds.length > 0) context.addRenewal(holding, requirementIds);
  }
  context.excludeLate();
  return { quarters, requirements, options: context.options, excluded: context.exclusions() };
}

/** Collects the options person by person, remembering each person's earliest quarters. */
class OptionBuilder {
  readonly options: PlanOption[] = [];
  private readonly excluded = new Map<string, Exclusion>();
  private readonly people: Map<number, Candidate>;
  private readonly costs = new Map<number, CostBreakdown | null>();
  /** Requirement ids by certification, for people who could earn it only past the horizon. */
  private readonly late = new Map<number, Set<number>>();

  constructor(
    private readonly instance: PlanningInstance,
    private readonly settings: PlanningSettings,
    private readonly catalog: Map<number, PlanCertification>,
    private readonly lastQuarter: number,
  ) {
    this.people = new Map(instance.people.map((person) => [person.id, person]));
  }

  /** Adds the credentials `wanted` (id to requirement ids) and the prerequisites they need. */
  addTraining(person: Candidate, wanted: Map<number, number[]>): void {
    const earliest = new Map<number, number | null>();
    const added = new Set<number>();
    const add = (cert: PlanCertification, requirementIds: number[]) => {
      const first = this.earliest(person, cert, requirementIds, earliest, new Set());
      if (first !== null && first > this.lastQuarter) {
        const late = this.late.get(cert.id) ?? new Set<number>();
        for (const id of requirementIds) late.add(id);
        this.late.set(cert.id, late);
      }
      if (first === null || first > this.lastQuarter || added.has(cert.id)) return;
      added.add(cert.id);
      const cost = this.cost(cert);
      const months = preparationMonths(cert);
      if (cost === null || months === null) return;
      const unheld = cert.prerequisiteIds.filter(
        (id) => !person.activeCertificationIds.includes(id),
      );
      this.options.push({
        kind: 'TRAINING',
        person,
        certification: cert,
        cost,
        firstQuarter: first,
        lastQuarter: this.lastQuarter,
        lag: lagQuarters(months),
        plannedPrerequisiteIds: unheld,
        requirementIds,
        preparationMonths: months,
        expiresOn: null,
      });
      for (const id of unheld) {
        const prerequisite = this.catalog.get(id);
        if (prerequisite) add(prerequisite, wanted.get(id) ?? []);
      }
    };
    // Catalog order (by slug) keeps the option list, and so the model, deterministic.
    for (const cert of this.instance.catalog) {
      const requirementIds = wanted.get(cert.id);
      if (requirementIds) add(cert, requirementIds);
    }
  }

  addRenewal(holding: ExpiringHolding, requirementIds: number[]): void {
    const person = this.people.get(holding.employeeId);
    const cert = this.catalog.get(holding.certificationId);
    if (!person || !cert) return;
    const fee = holding.renewalFeeCents;
    const catalogFee = fee === null ? null : { minCents: fee, expectedCents: fee, maxCents: fee };
    const cost = credentialCost(cert.id, catalogFee, this.settings.costs);
    if (cost === null) {
      this.exclude(cert, 'UNKNOWN_RENEWAL_COST', requirementIds);
      return;
    }
    const { asOf } = this.instance;
    const examBy = addMonths(holding.expiresOn, -1);
    const quarter = Math.max(
      0,
      quarterIndex(asOf, examBy > asOf ? examBy : asOf, this.settings.fiscalYearStartMonth),
    );
    this.options.push({
      kind: 'RENEWAL',
      person,
      certification: cert,
      cost,
      firstQuarter: Math.min(quarter, this.lastQuarter),
      lastQuarter: Math.min(quarter, this.lastQuarter),
      lag: 0,
      plannedPrerequisiteIds: [],
      requirementIds,
      preparationMonths: null,
      expiresOn: holding.expiresOn,
    });
  }

  /**
   * Lists, as PREPARATION_BEYOND_HORIZON, each credential someone could have earned for a
   * requirement only after the horizon's end, where no one can earn it for that requirement
   * within the horizon: the time, not the budget, leaves that part of the gap open.
   */
  excludeLate(): void {
    for (const [certificationId, requirementIds] of this.late) {
      const inTime = new Set(
        this.options
          .filter((o) => o.kind === 'TRAINING' && o.certification.id === certificationId)
          .flatMap((o) => o.requirementIds),
      );
      const open = [...requirementIds].filter((id) => !inTime.has(id)).sort((a, b) => a - b);
      const cert = this.catalog.get(certificationId);
      if (cert && open.length > 0) this.exclude(cert, 'PREPARATION_BEYOND_HORIZON', open);
    }
  }

  exclusions(): Exclusion[] {
    return [...this.excluded.values()];
  }

  /**
   * The earliest quarter `person` can complete `cert` in, planning unheld prerequisites
   * first, possibly past the horizon's last quarter; null when it cannot be planned at all
   * (their level, an unknown cost or duration, a prerequisite missing or a loop). A
   * credential left out for an unknown cost or duration is listed with `requirementIds`, the
   * open requirements it would have served.
   */
  private earliest(
    person: Candidate,
    cert: PlanCertification,
    requirementIds: number[],
    memo: Map<number, number | null>,
    visiting: Set<number>,
  ): number | null {
    const known = memo.get(cert.id);
    if (known !== undefined) return known;
    if (visiting.has(cert.id)) return null;
    visiting.add(cert.id);
    const months = preparationMonths(cert);
    const cost = this.cost(cert);
    if (cost === null) this.exclude(cert, 'UNKNOWN_COST', requirementIds);
    else if (months === null) this.exclude(cert, 'UNKNOWN_DURATION', requirementIds);
    let first: number | null = null;
    if (cost !== null && months !== null && levelFits(person.experienceLevel, cert)) {
      const { asOf } = this.instance;
      first = quarterIndex(asOf, addMonths(asOf, months), this.settings.fiscalYearStartMonth);
      for (const id of cert.prerequisiteIds) {
        if (person.activeCertificationIds.includes(id)) continue;
        const prerequisite = this.catalog.get(id);
        const before = prerequisite
          ? this.earliest(person, prerequisite, requirementIds, memo, visiting)
          : null;
        if (before === null) {
          first = null;
          break;
        }
        first = Math.max(first, before + lagQuarters(months));
      }
    }
    visiting.delete(cert.id);
    memo.set(cert.id, first);
    return first;
  }

  private cost(cert: PlanCertification): CostBreakdown | null {
    if (!this.costs.has(cert.id)) {
      const fee: CostEstimate | null = estimateCost(cert);
      this.costs.set(cert.id, credentialCost(cert.id, fee, this.settings.costs));
    }
    return this.costs.get(cert.id) ?? null;
  }

  private exclude(cert: PlanCertification, reason: ExclusionReason, requirementIds: number[]) {
    const key = `${cert.id}:${reason}`;
    const entry = this.excluded.get(key) ?? { certification: cert, reason, requirementIds: [] };
    for (const id of requirementIds) {
      if (!entry.requirementIds.includes(id)) entry.requirementIds.push(id);
    }
    this.excluded.set(key, entry);
  }
}

/** Quarters a credential's preparation spans, at least one. */
function lagQuarters(months: number): number {
  return Math.max(1, Math.ceil(months / 3));
}
