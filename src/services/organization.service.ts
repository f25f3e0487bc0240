import type { DataSource } from 'typeorm';
import { Employee } from '../entities/employee.entity';
import { Team } from '../entities/team.entity';
import { BadInputError, NotFoundError } from '../schema/errors';
import { readEmployee, type EmployeePageLoader, type EmployeeRead } from './employee-reads';
import { canSeePerson, canSeeTeamNode, teamFilter, type Scope } from './scope';

export const MAX_PAGE_SIZE = 1_000;

export interface EmployeePage {
  employees: EmployeeRead[];
  hasNextPage: boolean;
  totalCount: number;
}

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
    const { held: _held, ...employee } = await this.employeeRead(scope, id, false);
    return employee;
  }

  /** The employee, with their held certifications in the same statement when asked. */
  async employeeRead(scope: Scope, id: number, withCertifications: boolean) {
    const employee = await readEmployee(this.db, id, withCertifications);
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
    pages: EmployeePageLoader,
    withCertifications = false,
  ): Promise<EmployeePage> {
    if (!Number.isInteger(options.first) || options.first < 1 || options.first > MAX_PAGE_SIZE) {
      throw new BadInputError('first', `must be between 1 and ${MAX_PAGE_SIZE}`, options.first);
    }
    const afterId = options.after ? decodeCursor(options.after) : 0;
    // Out of scope looks missing, decided before any SQL; existence rides along with the page.
    if (!canSeeTeamNode(scope, teamId)) throw new NotFoundError('team', 'id', teamId);
    const page = await pages.load({
      teamId,
      afterId,
      limit: options.first + 1,
      teamOnly: options.teamOnly,
      withCertifications,
    });
    if (!page.found) throw new NotFoundError('team', 'id', teamId);
    return {
      employees: page.employees.slice(0, options.first),
      hasNextPage: page.employees.length > options.first,
      totalCount: page.totalCount,
    };
  }
}
