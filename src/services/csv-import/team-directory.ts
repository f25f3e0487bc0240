import type { EntityManager } from 'typeorm';
import { BadInputError } from '../../schema/errors';
import * as valid from '../validate';
import { addToGroup } from './group';

/** How a row names a team: by id, or by name (compared without case). */
export type TeamRef = { id: number } | { name: string };

/** The existing teams a batch of rows refers to, loaded with two queries. */
export class TeamDirectory {
  private constructor(
    private readonly ids: Set<number>,
    private readonly byName: Map<string, number[]>,
  ) {}

  /** A team reference from a teamId cell or a team name cell; the id wins when both are set. */
  static ref(idCell: string | undefined, nameCell: string | undefined): TeamRef {
    if (idCell !== undefined && idCell.trim() !== '')
      return { id: valid.id('teamId', idCell.trim()) };
    if (nameCell !== undefined && nameCell.trim() !== '') {
      return { name: valid.text('team', nameCell, 200) };
    }
    throw new BadInputError('team', 'is empty: every row needs a team name or a teamId');
  }

  static async load(tx: EntityManager, refs: TeamRef[]): Promise<TeamDirectory> {
    const ids = refs.flatMap((ref) => ('id' in ref ? [ref.id] : []));
    const names = refs.flatMap((ref) => ('name' in ref ? [ref.name.toLowerCase()] : []));
    const [byId, named]: [Array<{ id: number }>, Array<{ id: number; key: string }>] =
      await Promise.all([
        tx.query('SELECT id FROM team WHERE id = ANY($1)', [[...new Set(ids)]]),
        tx.query(
          'SELECT id, lower(name) AS key FROM team WHERE lower(name) = ANY($1) ORDER BY id',
          [[...new Set(names)]],
        ),
      ]);
    const byName = new Map<string, number[]>();
    for (const row of named) addToGroup(byName, row.key, row.id);
    return new TeamDirectory(new Set(byId.map((row) => row.id)), byName);
  }

  /** The team's id, or the reason it cannot be told. */
  resolve(ref: TeamRef): number | string {
    if ('id' in ref) return this.ids.has(ref.id) ? ref.id : `teamId: no team with id ${ref.id}`;
    const matches = this.byName.get(ref.name.toLowerCase()) ?? [];
    if (matches.length === 1 && matches[0] !== undefined) return matches[0];
    if (matches.length === 0) return `team: no team is named "${ref.name}"`;
    const ids = matches.join(', ');
    return `team: ${matches.length} teams are named "${ref.name}" (ids ${ids}); use teamId`;
  }
}
