/** Small DOM helpers. Text always goes in through textContent, never as HTML. */

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** The element with this id, which index.html must have: a missing one is a build mistake. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const node = document.getElementById(id);
  if (!(node instanceof type)) throw new Error(`index.html lacks #${id}`);
  return node;
}

export interface Column<T> {
  header: string;
  cell: (row: T) => Child;
  /** Right-aligned, for amounts and counts. */
  numeric?: boolean;
}

/** A plain table; `empty` is said instead when there are no rows. */
export function table<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  options: { caption?: string; empty: string; className?: string },
): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'muted empty' }, options.empty);
  const head = el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c.header)));
  const body = rows.map((row) =>
    el(
      'tr',
      {},
      ...columns.map((c) => el('td', { class: c.numeric ? 'num' : undefined }, c.cell(row))),
    ),
  );
  return el(
    'table',
    { class: options.className ?? 'data' },
    options.caption ? el('caption', {}, options.caption) : null,
    el('thead', {}, head),
    el('tbody', {}, ...body),
  );
}
