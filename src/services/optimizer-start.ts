import type { PreparedPlan } from './optimizer-candidates';
import type { MipModel } from './optimizer-model';

/**
 * A feasible plan to start the solver from, so that a solve stopped by its time limit always
 * has a plan to give. Greedy: options by value per dollar (value = the weights of the
 * requirements they count toward), each placed in the earliest quarter the person has room
 * in, while it still closes something and the budget allows. Options that need a prerequisite
 * planned first are left to the solver. The result is column values for `model`.
 */
export function greedyStart(
  plan: PreparedPlan,
  model: MipModel,
  budgetCents: number,
  perQuarter: number,
): number[] {
  const values = model.columns.map(() => 0);
  const index = new Map(plan.requirements.map((r, i) => [r.row.requirementId, i]));
  const closed = plan.requirements.map(() => 0);
  const counted = new Set<string>();
  const load = new Map<string, number>();
  let left = budgetCents;

  const worth = (option: PreparedPlan['options'][number]) =>
    option.requirementIds.reduce(
      (sum, id) => sum + (plan.requirements[index.get(id) ?? -1]?.weight ?? 0),
      0,
    );
  const order = plan.options
    .map((option, i) => ({
      option,
      i,
      density: worth(option) / Math.max(1, option.cost.total.expectedCents),
    }))
    .filter(({ option }) => option.plannedPrerequisiteIds.length === 0)
    .sort((a, b) => b.density - a.density || a.i - b.i);

  for (const { option, i } of order) {
    const cost = option.cost.total.expectedCents;
    const closes = option.requirementIds
      .map((id) => index.get(id) ?? -1)
      .filter((r) => r >= 0 && !counted.has(`${r}:${option.person.id}`))
      .filter((r) => closed[r] < plan.requirements[r].projectedGap);
    if (closes.length === 0 || cost > left) continue;
    const columns = model.choices[i];
    const offset = columns.findIndex(
      (_, k) => (load.get(`${option.person.id}:${option.firstQuarter + k}`) ?? 0) < perQuarter,
    );
    if (offset < 0) continue;

    values[columns[offset]] = 1;
    left -= cost;
    const key = `${option.person.id}:${option.firstQuarter + offset}`;
    load.set(key, (load.get(key) ?? 0) + 1);
    for (const r of closes) {
      counted.add(`${r}:${option.person.id}`);
      closed[r] += 1;
      const any = model.counted.get(`${r}:${option.person.id}`);
      if (any !== undefined) values[any] = 1;
    }
  }
  for (const [r, column] of model.closed) values[column] = closed[r];
  return values;
}
