import { levelRank } from './catalog.service';
import type { PlanOption, PreparedPlan } from './optimizer-candidates';

/**
 * A column of the integer program:
 * - CHOICE: 1 when option `option` is completed in quarter `quarter` (binary);
 * - COUNTED: 1 when a person counts toward a requirement through one of several options
 *   (binary; needed only where two options could count the same person twice);
 * - CLOSED: how many people of a requirement's projected gap the plan closes (integer).
 */
export type ModelColumn =
  | { kind: 'CHOICE'; option: number; quarter: number }
  | { kind: 'COUNTED'; requirement: number; personId: number }
  | { kind: 'CLOSED'; requirement: number };

/** One constraint, always of the form `sum(coefficient x column) <= upper`. */
export interface ModelRow {
  terms: Array<[column: number, coefficient: number]>;
  upper: number;
}

/** The integer program, with one objective vector for each phase of the solve. */
export interface MipModel {
  columns: ModelColumn[];
  upper: number[];
  rows: ModelRow[];
  /** Phase 1, maximized: priority weight on each CLOSED column. */
  value: number[];
  /** Phase 2, minimized: the expected cost in cents of each CHOICE column. */
  cost: number[];
  /** Phase 3, minimized: a small preference score that breaks the remaining ties. */
  tie: number[];
  /** The CHOICE columns of each option, one per quarter from its first. */
  choices: number[][];
  /** The COUNTED column of a requirement (index) and person, keyed `${index}:${personId}`. */
  counted: Map<string, number>;
  /** The CLOSED column of each requirement (index) some option counts toward. */
  closed: Map<number, number>;
}

/**
 * Builds the integer program over the prepared options:
 *
 *   maximize   sum over requirements r of weight(r) x closed(r)
 *   subject to closed(r) <= projected gap(r)                         (column bound)
 *              closed(r) <= people counted toward r                   (no phantom people)
 *              sum of expected costs <= budget
 *              each option completed at most once
 *              each person completes at most k credentials a quarter (renewals included)
 *              a planned prerequisite is completed `lag` quarters before what needs it
 *
 * Phases 2 and 3 (see optimizer-solver.ts) keep that value and then minimize cost, then the
 * tie score, so that among equally valuable plans the answer is the cheapest, and among
 * those, a documented preference rather than whatever the solver met first.
 */
export function buildModel(plan: PreparedPlan, budgetCents: number, perQuarter: number): MipModel {
  const model: MipModel = {
    columns: [],
    upper: [],
    rows: [],
    value: [],
    cost: [],
    tie: [],
    choices: [],
    counted: new Map(),
    closed: new Map(),
  };
  const add = (column: ModelColumn, upper: number, value = 0, cost = 0, tie = 0) => {
    model.columns.push(column);
    model.upper.push(upper);
    model.value.push(value);
    model.cost.push(cost);
    model.tie.push(tie);
    return model.columns.length - 1;
  };
  const score = tieScore(plan);

  // Step 1: one binary column per option and quarter it may be completed in, from its first
  // quarter to at most floor((n - 1) / k) quarters later, n being the person's options and k
  // the per-quarter limit. Any feasible plan stays feasible with each completion moved as
  // early as its prerequisites and the per-quarter limit let it go; there, a completion
  // waits only behind full quarters (k of the person's other completions each) and its
  // prerequisites' own waits, so it is never later than that. Later quarters could only tie
  // on value and cost and lose on the tie score, so they are left out: for a long horizon
  // this is most of the columns. Someone with no more options than k gets one quarter each.
  const optionsPerPerson = new Map<number, number>();
  for (const option of plan.options) {
    optionsPerPerson.set(option.person.id, (optionsPerPerson.get(option.person.id) ?? 0) + 1);
  }
  const lastQuarter = (option: PlanOption) =>
    Math.min(
      option.lastQuarter,
      option.firstQuarter +
        Math.floor(((optionsPerPerson.get(option.person.id) ?? 1) - 1) / perQuarter),
    );
  const choices = plan.options.map((option, index) => {
    const columns: number[] = [];
    for (let quarter = option.firstQuarter; quarter <= lastQuarter(option); quarter += 1) {
      const cost = option.cost.total.expectedCents;
      columns.push(
        add({ kind: 'CHOICE', option: index, quarter }, 1, 0, cost, score(option, quarter)),
      );
    }
    return columns;
  });
  model.choices = choices;
  const columnAt = (option: number, quarter: number) =>
    choices[option][quarter - plan.options[option].firstQuarter];

  // Step 2: the budget, on expected costs.
  model.rows.push({
    terms: choices.flat().map((column) => [column, model.cost[column]]),
    upper: budgetCents,
  });

  // Step 3: each option at most once (a person earns a credential once).
  for (const columns of choices) {
    if (columns.length > 1) model.rows.push({ terms: columns.map((c) => [c, 1]), upper: 1 });
  }

  // Step 4: at most k completions per person and quarter.
  const load = new Map<string, number[]>();
  plan.options.forEach((option, index) => {
    for (let quarter = option.firstQuarter; quarter <= lastQuarter(option); quarter += 1) {
      const key = `${option.person.id}:${quarter}`;
      const columns = load.get(key);
      if (columns) columns.push(columnAt(index, quarter));
      else load.set(key, [columnAt(index, quarter)]);
    }
  });
  for (const columns of load.values()) {
    if (columns.length > perQuarter) {
      model.rows.push({ terms: columns.map((c) => [c, 1]), upper: perQuarter });
    }
  }

  // Step 5: prerequisites first. Completing option o in quarter q needs each unheld
  // prerequisite completed for the same person by quarter q - lag(o).
  const byPersonAndCertification = new Map(
    plan.options
      .map((option, index) => [index, option] as const)
      .filter(([, option]) => option.kind === 'TRAINING')
      .map(([index, option]) => [`${option.person.id}:${option.certification.id}`, index]),
  );
  plan.options.forEach((option, index) => {
    for (const prerequisiteId of option.plannedPrerequisiteIds) {
      const before = byPersonAndCertification.get(`${option.person.id}:${prerequisiteId}`);
      for (let quarter = option.firstQuarter; quarter <= lastQuarter(option); quarter += 1) {
        const terms: ModelRow['terms'] = [[columnAt(index, quarter), 1]];
        if (before !== undefined) {
          const last = Math.min(quarter - option.lag, lastQuarter(plan.options[before]));
          for (let q = plan.options[before].firstQuarter; q <= last; q += 1) {
            terms.push([columnAt(before, q), -1]);
          }
        }
        model.rows.push({ terms, upper: 0 });
      }
    }
  });

  // Step 6: what each requirement counts. A person counts once however many of their
  // options meet it; where they have two or more, a COUNTED column stands for "any of them".
  const byRequirement = new Map<number, number[]>();
  plan.options.forEach((option, index) => {
    for (const id of option.requirementIds) {
      const options = byRequirement.get(id);
      if (options) options.push(index);
      else byRequirement.set(id, [index]);
    }
  });
  plan.requirements.forEach((requirement, r) => {
    const perPerson = new Map<number, number[]>();
    for (const index of byRequirement.get(requirement.row.requirementId) ?? []) {
      const personId = plan.options[index].person.id;
      const options = perPerson.get(personId);
      if (options) options.push(index);
      else perPerson.set(personId, [index]);
    }
    if (perPerson.size === 0) return;
    const counted: ModelRow['terms'] = [];
    for (const [personId, options] of perPerson) {
      const columns = options.flatMap((option) => choices[option]);
      if (options.length === 1) {
        counted.push(...columns.map((c): [number, number] => [c, -1]));
        continue;
      }
      const any = add({ kind: 'COUNTED', requirement: r, personId }, 1);
      model.counted.set(`${r}:${personId}`, any);
      model.rows.push({
        terms: [[any, 1], ...columns.map((c): [number, number] => [c, -1])],
        upper: 0,
      });
      counted.push([any, -1]);
    }
    const closed = add(
      { kind: 'CLOSED', requirement: r },
      requirement.projectedGap,
      requirement.weight,
    );
    model.closed.set(r, closed);
    model.rows.push({ terms: [[closed, 1], ...counted], upper: 0 });
  });
  return model;
}

/**
 * The phase-3 preference, lowest first: the earlier quarter (the gap closes sooner, and work
 * spreads over people rather than queueing on one), then an option that serves the person's
 * career goal, then a more experienced person, then the lower employee id. Every choice
 * scores at least 1, so a plan never keeps a free credential it does not need.
 */
function tieScore(plan: PreparedPlan): (option: PlanOption, quarter: number) => number {
  const ids = [...new Set(plan.options.map((option) => option.person.id))].sort((a, b) => a - b);
  const rank = new Map(ids.map((id, index) => [id, index]));
  const people = Math.max(1, ids.length);
  return (option, quarter) => {
    const goalMiss = option.person.goalCertificationIds.includes(option.certification.id) ? 0 : 1;
    const levelMiss = 2 - levelRank(option.person.experienceLevel);
    const personRank = rank.get(option.person.id) ?? 0;
    return 1 + personRank + people * (levelMiss + 3 * goalMiss + 6 * quarter);
  };
}
