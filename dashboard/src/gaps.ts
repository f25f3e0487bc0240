import { el, table } from './dom';
import { targetOf, type Priority, type RequirementCoverage } from './queries';

const RANK: Record<Priority, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/** By priority; within one, the API's order (the larger gap first) stays. */
export function byPriority<T extends { requirement: { priority: Priority } }>(
  rows: readonly T[],
): T[] {
  return [...rows].sort((a, b) => RANK[a.requirement.priority] - RANK[b.requirement.priority]);
}

export function priorityBadge(priority: Priority): HTMLElement {
  return el('span', { class: `priority priority-${priority.toLowerCase()}` }, priority);
}

export function renderGaps(rows: readonly RequirementCoverage[]): HTMLElement {
  return table(
    byPriority(rows),
    [
      { header: 'Priority', cell: (r) => priorityBadge(r.requirement.priority) },
      { header: 'Team', cell: (r) => r.requirement.team.name },
      { header: 'Requirement', cell: (r) => targetOf(r.requirement).label },
      { header: 'Holders', cell: (r) => `${r.coverage}/${r.required}`, numeric: true },
      { header: 'Gap', cell: (r) => String(r.gap), numeric: true },
    ],
    { empty: 'No gaps: every requirement is met.', className: 'data gaps' },
  );
}
