import type { EntityManager } from 'typeorm';
import * as valid from '../validate';
import { auditMany, type ImportActor } from './audit-rows';
import { addToGroup } from './group';
import type { ImportKindHandler, ParsedRow } from './kind';
import {
  changedFields,
  errorRow,
  ImportAction,
  type ImportRowResult,
  type PlannedRow,
} from './report';

interface TeamRow {
  name: string;
  /** The parent team's name; null for a top-level team, undefined without the column. */
  parent: string | null | undefined;
  /** The manager's email; null for none, undefined without the column. */
  managerEmail: string | null | undefined;
}

interface TeamRecord {
  id: number;
  name: string;
  parentId: number | null;
  managerId: number | null;
}

/** A team after the import: an existing id, or the line of the row that creates it. */
type Node = { id: number } | { line: number };

interface TeamWrite {
  before: TeamRecord | null;
  name: string;
  parent: Node | null;
  managerId: number | null;
}

/** Teams by name (without case): a new name creates a team, a known one updates it. */
export const teams: ImportKindHandler<TeamRow, TeamWrite> = {
  columns: [
    { field: 'name', names: ['name', 'team', 'team name'], required: true },
    { field: 'parent', names: ['parent', 'parent team', 'parent name'], required: false },
    { field: 'managerEmail', names: ['manager', 'manager email'], required: false },
  ],

  parse(cells) {
    const optional = (cell: string | undefined, read: (value: string) => string) =>
      cell === undefined ? undefined : cell.trim() === '' ? null : read(cell);
    return {
      name: valid.text('name', cells.name ?? '', 200),
      parent: optional(cells.parent, (value) => valid.text('parent', value, 200)),
      managerEmail: optional(cells.managerEmail, (value) => valid.email('managerEmail', value)),
    };
  },

  key: (row) => row.name.toLowerCase(),

  async plan(tx, rows, settings) {
    const all: TeamRecord[] = await tx.query(
      `SELECT id, name, parent_id AS "parentId", manager_id AS "managerId" FROM team ORDER BY id
       ${settings.lock ? 'FOR UPDATE' : ''}`,
    );
    const emails = rows.flatMap((row) => (row.value.managerEmail ? [row.value.managerEmail] : []));
    const found: Array<{ id: number; email: string }> = await tx.query(
      'SELECT id, email FROM employee WHERE email = ANY($1)',
      [emails],
    );
    const managers = new Map(found.map((row) => [row.email, row.id]));
    return planTeams(rows, all, managers);
  },

  async write(tx, rows, settings) {
    await writeTeams(tx, rows, settings.actor);
    settings.progress('write', rows.length, rows.length);
  },
};

/**
 * Decides every row against the existing tree. A row fails when its team name, its parent
 * or its manager cannot be told, or when its parent would put the team below itself. Rows
 * whose parent is created by a failing row fail too, until no more do.
 */
function planTeams(
  rows: Array<ParsedRow<TeamRow>>,
  existing: TeamRecord[],
  managers: Map<string, number>,
): Array<PlannedRow<TeamWrite> | ImportRowResult> {
  const byId = new Map(existing.map((team) => [team.id, team]));
  const byName = new Map<string, TeamRecord[]>();
  for (const team of existing) {
    const key = team.name.toLowerCase();
    addToGroup(byName, key, team);
  }
  const fileLines = new Map(rows.map((row) => [row.value.name.toLowerCase(), row.line]));
  const failed = new Map<number, string>();
  const plans = new Map<number, TeamWrite>();

  const find = (name: string): Node | string => {
    const matches = byName.get(name.toLowerCase()) ?? [];
    const line = fileLines.get(name.toLowerCase());
    if (matches.length > 1) return `${matches.length} teams are named "${name}"`;
    if (matches[0]) return { id: matches[0].id };
    if (line !== undefined) return { line };
    return `no team is named "${name}", here or in the file`;
  };

  for (const { line, value } of rows) {
    const self = find(value.name);
    if (typeof self === 'string') {
      failed.set(line, `name: ${self}; rename them first`);
      continue;
    }
    const before = 'id' in self ? (byId.get(self.id) ?? null) : null;
    const parent =
      value.parent === undefined ? keepParent(before) : value.parent && find(value.parent);
    if (typeof parent === 'string') {
      failed.set(line, `parent: ${parent}`);
      continue;
    }
    let managerId = before?.managerId ?? null;
    if (value.managerEmail === null) managerId = null;
    if (value.managerEmail) {
      const id = managers.get(value.managerEmail);
      if (id === undefined) {
        failed.set(line, `managerEmail: no employee has the email ${value.managerEmail}`);
        continue;
      }
      managerId = id;
    }
    plans.set(line, { before, name: before?.name ?? value.name, parent, managerId });
  }

  failCycles(plans, failed, existing);
  return rows.map(({ line }) => {
    const plan = plans.get(line);
    if (!plan) return errorRow(line, failed.get(line) ?? 'failed');
    if (!plan.before) return { line, action: ImportAction.CREATE, reason: null, value: plan };
    // A parent the file creates is new to the team whatever its stored parent is.
    const parentId = plan.parent && 'line' in plan.parent ? -1 : parentIdOf(plan.parent);
    const after = { ...plan.before, parentId, managerId: plan.managerId };
    const changes = changedFields(plan.before, after, ['parentId', 'managerId']);
    const action = changes ? ImportAction.UPDATE : ImportAction.UNCHANGED;
    return { line, action, reason: changes, value: plan };
  });
}

function keepParent(before: TeamRecord | null): Node | null {
  return before?.parentId ? { id: before.parentId } : null;
}

/** The parent id once written; a team created by the file has none yet (written later). */
function parentIdOf(parent: Node | null): number | null {
  return parent && 'id' in parent ? parent.id : null;
}

/**
 * Moves to `failed` every plan that puts a team below itself, or below a team whose row
 * failed, repeating until nothing changes (a failure can strand the rows below it). Rows
 * that move a stored team are judged first: a new team under a stored one is fine until a
 * move puts the stored team below it, and then the move is at fault.
 */
function failCycles(
  plans: Map<number, TeamWrite>,
  failed: Map<number, string>,
  existing: TeamRecord[],
): void {
  for (;;) {
    // The tree as it would be: the planned parents over the stored ones.
    const parentOf = new Map<string, Node | null>();
    for (const team of existing) {
      parentOf.set(nodeKey({ id: team.id }), team.parentId === null ? null : { id: team.parentId });
    }
    for (const [line, plan] of plans) parentOf.set(nodeKey(nodeOf(line, plan)), plan.parent);

    const judge = (candidates: Array<[number, TeamWrite]>) =>
      candidates.flatMap(([line, plan]) => {
        const reason = brokenAncestry(nodeKey(nodeOf(line, plan)), plan.parent, parentOf, failed);
        return reason ? [[line, reason] as const] : [];
      });
    const all = [...plans];
    let broken = judge(all.filter(([, plan]) => plan.before !== null));
    if (broken.length === 0) broken = judge(all);
    if (broken.length === 0) return;
    for (const [line, reason] of broken) {
      plans.delete(line);
      failed.set(line, reason);
    }
  }
}

function nodeOf(line: number, plan: TeamWrite): Node {
  return plan.before ? { id: plan.before.id } : { line };
}

function nodeKey(node: Node): string {
  return 'id' in node ? `id:${node.id}` : `line:${node.line}`;
}

/** Why the chain of parents from `start` is broken for the team `self`, or null. */
function brokenAncestry(
  self: string,
  start: Node | null,
  parentOf: Map<string, Node | null>,
  failed: Map<number, string>,
): string | null {
  const seen = new Set<string>();
  for (let node = start; node; node = parentOf.get(nodeKey(node)) ?? null) {
    const key = nodeKey(node);
    if ('line' in node && failed.has(node.line)) {
      return `parent: the team above it is created on line ${node.line}, which has an error`;
    }
    if (key === self) return 'parent: would put the team below itself';
    if (seen.has(key)) return null; // a loop further up, reported on its own rows
    seen.add(key);
  }
  return null;
}

async function writeTeams(
  tx: EntityManager,
  rows: Array<PlannedRow<TeamWrite>>,
  actor: ImportActor,
) {
  const created = rows.filter((row) => row.value.before === null);
  const inserted: Array<{ id: number; name: string }> = await tx.query(
    `INSERT INTO team (name, manager_id)
     SELECT * FROM unnest($1::text[], $2::int[]) RETURNING id, name`,
    [created.map((row) => row.value.name), created.map((row) => row.value.managerId)],
  );
  // The file names each team it creates once (rows are keyed by name), so names match ids.
  const idOfName = new Map(inserted.map((row) => [row.name, row.id]));
  const idOfLine = new Map(created.map((row) => [row.line, idOfName.get(row.value.name) ?? 0]));
  const resolve = (node: Node | null) =>
    node === null ? null : 'id' in node ? node.id : (idOfLine.get(node.line) ?? null);

  const final = rows.map((row) => ({
    id: row.value.before?.id ?? idOfLine.get(row.line) ?? 0,
    name: row.value.name,
    parentId: resolve(row.value.parent),
    managerId: row.value.managerId,
  }));
  await tx.query(
    `UPDATE team t SET parent_id = u.parent_id, manager_id = u.manager_id
       FROM unnest($1::int[], $2::int[], $3::int[]) AS u(id, parent_id, manager_id)
      WHERE t.id = u.id`,
    [final.map((t) => t.id), final.map((t) => t.parentId), final.map((t) => t.managerId)],
  );
  await auditMany(
    tx,
    actor,
    'team',
    final.map((after, i) => ({ entityId: after.id, before: rows[i]?.value.before ?? null, after })),
  );
}
