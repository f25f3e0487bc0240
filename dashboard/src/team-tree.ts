import type { TeamNode } from './queries';

export interface FlatTeam {
  id: string;
  name: string;
  depth: number;
  /** The team and every team below it, in tree order. */
  subtree: FlatTeam[];
}

/** The visible forest, depth first, each team once with its depth for indenting. */
export function flatten(roots: readonly TeamNode[]): FlatTeam[] {
  const out: FlatTeam[] = [];
  const walk = (node: TeamNode, depth: number): FlatTeam => {
    const team: FlatTeam = { id: node.id, name: node.name, depth, subtree: [] };
    out.push(team);
    team.subtree = [
      team,
      ...(node.children ?? []).flatMap((child) => walk(child, depth + 1).subtree),
    ];
    return team;
  };
  roots.forEach((root) => walk(root, 0));
  return out;
}

export function fillPicker(select: HTMLSelectElement, teams: readonly FlatTeam[]): void {
  select.replaceChildren(
    ...teams.map((team) => {
      // Non-breaking spaces survive in <option>, where padding and margins do not.
      const option = new Option(`${'\u00a0\u00a0\u00a0'.repeat(team.depth)}${team.name}`, team.id);
      option.dataset.depth = String(team.depth);
      return option;
    }),
  );
}
