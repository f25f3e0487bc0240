import type { DataSource } from 'typeorm';
import { Employee } from '../entities/employee.entity';
import { Team } from '../entities/team.entity';
import { BadInputError, NotFoundError } from '../schema/errors';
import {
  canSeePerson,
  canSeeTeamNode,
  peopleFilter,
  teamFilter,
  type Scope,
} from './scope';

export const MAX_PAGE_SIZE = 500;

export interface EmployeePage {
  employees: Employee[];
  hasNextPage: boolean;
  totalCount: number;
}

/** The ids of a team and every team below it, as one recursive query. */
export const SUBTREE_CTE = `
  WITH RECURSIVE subtree(id) AS (
    SELECT id FROM team WHERE id = $1
    UNION ALL
    SELECT t.id FROM team t JOIN subtree s ON t.parent_id = s.id
  )`;

export function encodeCursor(employeeId: number): string {
  return Buffer.from(`employee:${employeeId}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^employee:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new BadInputError('after', 'is not a cursor returned by this API', cursor);
  return Number(match[1]);
}

export class OrganizationService {
  constructor(private readonly db: DataSource) {}

  /** A team whose node the viewer may see; any other looks exactly like a missing one. */
  async team(scope: Scope, id: number): Promise<Team> {
    const team = canSeeTeamNode(scope, id)
      ? await this.db.getRepository(Team).findOneBy({ id })
      : null;
    if (!team) throw new NotFoundError('team', 'id', id);
    return team;
  }

  /** The top of what the viewer may browse: visible teams whose parent is not visible. */
  rootTeams(scope: Scope): Promise<Team[]> {
    const query = this.db.getRepository(Team).createQueryBuilder('t');
    const teams = teamFilter(scope);
    if (teams === null) query.where('t.parent_id IS NULL');
    else {
      query
        .where('t.id = ANY(:teams)', { teams })
        .andWhere('(t.parent_id IS NULL OR NOT t.parent_id = ANY(:teams))');
    }
    return query.orderBy('t.name').addOrderBy('t.id').getMany();
  }

  async employee(scope: Scope, id: number): Promise<Employee> {
    const employee = await this.db.getRepository(Employee).findOneBy({ id });
    if (!employee || !canSeePerson(scope, employee)) throw new NotFoundError('employee', 'id', id);
    return employee;
  }

  /**
   * One page of a team's employees (with its sub-teams unless `teamOnly`), by id, with
   * keyset pagination: the cursor is the last id seen, so pages never skip or repeat a row.
   */
  async employees(
    scope: Scope,
    teamId: number,
    options: { first: number; after?: string | null; teamOnly: boolean },
  ): Promise<EmployeePage> {
    if (!Number.isInteger(options.first) || options.first < 1 || options.first > MAX_PAGE_SIZE) {
      throw new BadInputError('first', `must be between 1 and ${MAX_PAGE_SIZE}`, options.first);
    }
    const afterId = options.after ? decodeCursor(options.after) : 0;
    await this.team(scope, teamId);
    const people = peopleFilter(scope);

    const subtree = options.teamOnly ? 'WITH subtree(id) AS (SELECT $1::int)' : SUBTREE_CTE;
    // One statement: the count over every visible person in the subtree, joined to one page
    // past the cursor. A cursor from someone else's page only skips ids; it reveals nothing.
    const rows: Array<{ total: number; id: number | null } & Employee> = await this.db.query(
      `${subtree},
       scoped AS (
         SELECT e.* FROM employee e JOIN subtree s ON s.id = e.team_id
          WHERE $4::int[] IS NULL OR e.team_id = ANY($4) OR e.id = $5
       )
       SELECT c.total, p.*
         FROM (SELECT count(*)::int AS total FROM scoped) c
         LEFT JOIN LATERAL (
           SELECT id, name, email, team_id AS "teamId",
                  experience_level AS "experienceLevel", hire_date AS "hireDate"
             FROM scoped WHERE id > $2 ORDER BY id LIMIT $3
         ) p ON true`,
      [teamId, afterId, options.first + 1, people.teamIds, people.selfId],
    );
    const employees = rows
      .filter((row) => row.id !== null)
      .map(({ total: _total, ...employee }) => employee as Employee);
    return {
      employees: employees.slice(0, options.first),
      hasNextPage: employees.length > options.first,
      totalCount: rows[0]?.total ?? 0,
    };
  }
}
