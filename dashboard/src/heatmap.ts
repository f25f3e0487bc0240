import { el } from './dom';
import { plural } from './format';
import { targetOf, type RequirementCoverage } from './queries';
import type { FlatTeam } from './team-tree';

/**
 * Colour steps of coverage / required: 0 under a quarter (red) ... 4 met (green).
 * Steps, not a gradient, so a legend can name them and tests and people can tell them apart.
 */
export const LEVELS = [
  { level: 0, label: 'under 25%' },
  { level: 1, label: '25–49%' },
  { level: 2, label: '50–74%' },
  { level: 3, label: '75–99%' },
  { level: 4, label: 'met' },
] as const;

export function heatLevel(coverage: number, required: number): number {
  if (required <= 0) return 4;
  return Math.min(4, Math.floor((coverage / required) * 4));
}

interface Column {
  key: string;
  label: string;
}

/** Certifications first, then skills, each by name: the same column order for every team. */
function columnsOf(rows: readonly RequirementCoverage[]): Column[] {
  const columns = new Map<string, Column>();
  for (const row of rows) {
    const target = targetOf(row.requirement);
    columns.set(target.key, target);
  }
  const kind = (column: Column) => (column.key.startsWith('cert:') ? 0 : 1);
  return [...columns.values()].sort((a, b) => kind(a) - kind(b) || a.label.localeCompare(b.label));
}

function cell(team: FlatTeam, column: Column, row: RequirementCoverage | undefined): HTMLElement {
  const data = { 'data-team-id': team.id, 'data-column': column.key };
  if (!row) {
    return el('td', { ...data, class: 'cell empty', title: `${team.name}: no ${column.label}` });
  }
  const level = heatLevel(row.coverage, row.required);
  const gap = row.gap === 0 ? 'met' : `gap ${row.gap}`;
  const title =
    `${team.name}, ${column.label} (${row.requirement.priority}): ` +
    `${row.coverage} of ${plural(row.required, 'holder')} needed, ${gap}`;
  return el(
    'td',
    { ...data, class: `cell heat-${level}`, title, 'data-level': level },
    `${row.coverage}/${row.required}`,
  );
}

/** Rows: the picked team and those below it. Columns: whatever any of them requires. */
export function renderHeatmap(
  teams: readonly FlatTeam[],
  requirements: readonly RequirementCoverage[],
): HTMLElement {
  if (requirements.length === 0) {
    return el('p', { class: 'muted empty' }, 'No requirements on these teams.');
  }
  const columns = columnsOf(requirements);
  const byCell = new Map(
    requirements.map((row) => [`${row.requirement.team.id}|${targetOf(row.requirement).key}`, row]),
  );
  const top = teams[0]?.depth ?? 0;
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col', class: 'corner' }, 'Team'),
    ...columns.map((c) => el('th', { scope: 'col', class: 'col', title: c.label }, c.label)),
  );
  const body = teams.map((team) =>
    el(
      'tr',
      { 'data-team-id': team.id },
      el('th', { scope: 'row', class: `row depth-${Math.min(team.depth - top, 4)}` }, team.name),
      ...columns.map((c) => cell(team, c, byCell.get(`${team.id}|${c.key}`))),
    ),
  );
  return el(
    'table',
    { class: 'heatmap', id: 'heatmap-table' },
    el('caption', { class: 'visually-hidden' }, 'Holders per requirement, by team'),
    el('thead', {}, head),
    el('tbody', {}, ...body),
  );
}

export function renderLegend(list: HTMLElement): void {
  list.replaceChildren(
    ...[...LEVELS]
      .reverse()
      .map(({ level, label }) =>
        el('li', {}, el('span', { class: `swatch heat-${level}`, 'aria-hidden': 'true' }), label),
      ),
    el('li', {}, el('span', { class: 'swatch empty', 'aria-hidden': 'true' }), 'no requirement'),
  );
}
