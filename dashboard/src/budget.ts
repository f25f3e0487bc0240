import { el, table, type Column } from './dom';
import { money, moneyRange, plural } from './format';
import { byPriority, priorityBadge } from './gaps';
import { targetOf, type Assignment, type Board } from './queries';

type Budget = Board['trainingBudget'];

const ASSIGNMENT_COLUMNS: Column<Assignment>[] = [
  // FINANCE sees what training costs, not who is trained.
  {
    header: 'Person',
    cell: (a) => a.employee?.name ?? el('span', { class: 'muted' }, 'not shown'),
  },
  { header: 'Certification', cell: (a) => a.certification.name },
  { header: 'For team', cell: (a) => a.requirement.team.name },
  { header: 'Career goal', cell: (a) => (a.servesCareerGoal ? 'serves it' : '') },
  { header: 'Expected', cell: (a) => money(a.cost?.expected ?? null), numeric: true },
  { header: 'Range', cell: (a) => moneyRange(a.cost), numeric: true },
];

function totals(budget: Budget): HTMLElement {
  const { total } = budget;
  const item = (term: string, value: string, className?: string) => [
    el('dt', {}, term),
    el('dd', { class: className }, value),
  ];
  return el(
    'dl',
    { class: 'totals' },
    ...item('Expected', money(total.expected), 'big'),
    ...item('Minimum', money(total.min)),
    ...item('Maximum', money(total.max)),
    ...item('People trained', String(budget.peopleTrained)),
  );
}

function unknownCost(budget: Budget): HTMLElement | null {
  const { unknownCost: unknown } = budget;
  if (unknown.count === 0) return null;
  return el(
    'div',
    { class: 'unknown-cost' },
    el('h3', {}, `Not in the total: ${plural(unknown.count, 'assignment')} of unknown cost`),
    el('p', { class: 'muted' }, unknown.names.join(', ')),
    table(unknown.assignments, ASSIGNMENT_COLUMNS, { empty: '' }),
  );
}

function shortfalls(budget: Budget): HTMLElement | null {
  if (budget.shortfalls.length === 0) return null;
  return el(
    'div',
    { class: 'shortfalls' },
    el('h3', {}, 'Gaps the plan cannot close'),
    table(
      byPriority(budget.shortfalls),
      [
        { header: 'Priority', cell: (s) => priorityBadge(s.requirement.priority) },
        { header: 'Team', cell: (s) => s.requirement.team.name },
        { header: 'Requirement', cell: (s) => targetOf(s.requirement).label },
        { header: 'Left open', cell: (s) => `${s.shortfall} of ${s.gap}`, numeric: true },
        { header: 'Why', cell: (s) => s.explanation ?? '' },
      ],
      { empty: '' },
    ),
  );
}

/** The plan's cost, what it leaves out, and who it trains for what. */
export function renderBudget(budget: Budget): HTMLElement[] {
  const parts = [
    totals(budget),
    unknownCost(budget),
    el('h3', {}, 'Plan'),
    table(budget.assignments, ASSIGNMENT_COLUMNS, {
      empty: 'Nothing to train: no gap has a candidate of known cost.',
      className: 'data assignments',
    }),
    shortfalls(budget),
  ];
  return parts.filter((part) => part !== null);
}
