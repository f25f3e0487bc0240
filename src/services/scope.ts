import type { DataSource } from 'typeorm';
import { NotFoundError } from '../schema/errors';
import { ForbiddenError, Role, UnauthenticatedError, type Viewer } from './auth.service';

/**
 * What one viewer may read, resolved once per request:
 * - `people`: whose records (employee, held certifications, goals) are visible; ALL, or the
 *   teams whose members are visible. The viewer always sees themself.
 * - `teams`: which teams the viewer may browse and analyse; ALL, or a list closed under
 *   "below" (a manager's teams and every team under them).
 * FINANCE sees every team's aggregates but nobody's records; EMPLOYEE sees only themself.
 */
export interface Scope {
  viewer: Viewer;
  /** The viewer's own team: its node is always visible to them, its members are not. */
  ownTeamId: number;
  people: 'ALL' | ReadonlySet<number>;
  teams: 'ALL' | ReadonlySet<number>;
}

/**
 * The viewer's own team, and the teams they manage with every team below them, in one
 * statement. No row means the token names an employee that does not exist (any more).
 */
const VIEWER_TEAMS = `
  WITH RECURSIVE managed(id) AS (
    SELECT id FROM team WHERE manager_id = $1
    UNION
    SELECT t.id FROM team t JOIN managed m ON t.parent_id = m.id
  )
  SELECT e.team_id AS "ownTeamId",
         CASE WHEN $2 THEN (SELECT coalesce(array_agg(id), '{}') FROM managed)
              ELSE '{}'::int[] END AS managed
    FROM employee e WHERE e.id = $1`;

export async function resolveScope(db: DataSource, viewer: Viewer): Promise<Scope> {
  const rows: Array<{ ownTeamId: number; managed: number[] }> = await db.query(VIEWER_TEAMS, [
    viewer.employeeId,
    viewer.role === Role.MANAGER,
  ]);
  if (rows.length === 0) {
    throw new UnauthenticatedError('the token names an employee that does not exist');
  }
  const { ownTeamId, managed } = rows[0];
  switch (viewer.role) {
    case Role.LND_ADMIN:
      return { viewer, ownTeamId, people: 'ALL', teams: 'ALL' };
    case Role.FINANCE:
      return { viewer, ownTeamId, people: new Set(), teams: 'ALL' };
    case Role.EMPLOYEE:
      return { viewer, ownTeamId, people: new Set(), teams: new Set() };
    case Role.MANAGER: {
      const teams = new Set(managed);
      return { viewer, ownTeamId, people: teams, teams };
    }
  }
}

/** May the viewer browse and analyse this team? */
export function canSeeTeam(scope: Scope, teamId: number): boolean {
  return scope.teams === 'ALL' || scope.teams.has(teamId);
}

/** May the viewer see this team's node (name, place in the tree)? Also their own team. */
export function canSeeTeamNode(scope: Scope, teamId: number): boolean {
  return canSeeTeam(scope, teamId) || teamId === scope.ownTeamId;
}

export function canSeePerson(scope: Scope, employee: { id: number; teamId: number }): boolean {
  if (employee.id === scope.viewer.employeeId) return true;
  return scope.people === 'ALL' || scope.people.has(employee.teamId);
}

/** Throws NOT_FOUND, exactly as for a missing team, when the team is out of scope. */
export function assertTeamVisible(scope: Scope, teamId: number): void {
  if (!canSeeTeam(scope, teamId)) throw new NotFoundError('team', 'id', teamId);
}

/**
 * SQL arguments that restrict rows to visible people: `team_id = ANY($n) OR id = $m`,
 * with `null` meaning no restriction. Used by set-based queries so counts stay in scope.
 */
export function peopleFilter(scope: Scope): { teamIds: number[] | null; selfId: number } {
  return {
    teamIds: scope.people === 'ALL' ? null : [...scope.people],
    selfId: scope.viewer.employeeId,
  };
}

export function teamFilter(scope: Scope): number[] | null {
  return scope.teams === 'ALL' ? null : [...scope.teams];
}

/** Throws FORBIDDEN unless the viewer has one of `roles`. */
export function requireRole(scope: Scope, roles: Role[], action: string): void {
  if (!roles.includes(scope.viewer.role)) {
    throw new ForbiddenError(`${action} needs the role ${roles.join(' or ')}`);
  }
}
