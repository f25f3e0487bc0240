import DataLoader from 'dataloader';
import type {
  DataSource,
  EntityTarget,
  FindOptionsOrder,
  FindOptionsWhere,
  ObjectLiteral,
} from 'typeorm';
import { In } from 'typeorm';
import { CareerGoal } from '../entities/career-goal.entity';
import { CareerRole } from '../entities/career-role.entity';
import { CertificationAlias } from '../entities/certification-alias.entity';
import { CertificationPrerequisite } from '../entities/certification-prerequisite.entity';
import { Certification } from '../entities/certification.entity';
import { Course } from '../entities/course.entity';
import { Employee } from '../entities/employee.entity';
import { ExamTopic } from '../entities/exam-topic.entity';
import { HeldCertification } from '../entities/held-certification.entity';
import { LearningPathStep } from '../entities/learning-path-step.entity';
import { Provider } from '../entities/provider.entity';
import { Skill } from '../entities/skill.entity';
import { TeamRequirement } from '../entities/team-requirement.entity';
import { Team } from '../entities/team.entity';

import { catalogPrimer, createEmployeePageLoader } from './employee-reads';
import { canSeePerson, canSeeTeam, canSeeTeamNode, type Scope } from './scope';

/**
 * Dispatch a batch once every promise job queued so far has run. DataLoader's default waits
 * for one turn of promise jobs only, and a large list (a thousand employees, their
 * certifications) resolves over many turns, so its loads split into several statements.
 */
const AFTER_PENDING_WORK = { batchScheduleFn: (dispatch: () => void) => setImmediate(dispatch) };

/**
 * A DataLoader that also answers synchronously once a key's value is known (loaded or
 * primed), so resolvers over data read along need not go through a promise for each field.
 * The first value a key gets is the one it keeps, as with DataLoader's own cache.
 */
export class SettledLoader<K, V> extends DataLoader<K, V> {
  private readonly known = new Set<K>();
  private readonly settled = new Map<K, V>();

  override load(key: K): Promise<V> {
    const promise = super.load(key);
    if (!this.known.has(key)) {
      this.known.add(key);
      promise.then(
        (value) => this.settled.set(key, value),
        () => undefined,
      );
    }
    return promise;
  }

  override prime(key: K, value: V | PromiseLike<V> | Error): this {
    if (!this.known.has(key) && !(value instanceof Error) && !isPromiseLike(value)) {
      this.known.add(key);
      this.settled.set(key, value);
    }
    return super.prime(key, value);
  }

  /** The value when already known, else the pending load. */
  get(key: K): V | Promise<V> {
    return this.settled.has(key) ? (this.settled.get(key) as V) : this.load(key);
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Batch loaders for one request. They cache what they load, so they must never outlive
 * the request: a loader shared between requests would hand one caller's rows to another.
 */
export function createLoaders(db: DataSource, scope: () => Promise<Scope>) {
  const byId = <T extends ObjectLiteral & { id: number }>(entity: EntityTarget<T>) =>
    new SettledLoader<number, T | null>(async (ids) => {
      const rows = await db
        .getRepository(entity)
        .findBy({ id: In([...ids]) } as FindOptionsWhere<T>);
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }, AFTER_PENDING_WORK);

  /** Rows grouped by a foreign key, ordered by `order` within each group. */
  const byKey = <T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    key: keyof T & string,
    order: FindOptionsOrder<T>,
  ) =>
    new SettledLoader<number, T[]>(async (keys) => {
      const rows = await db.getRepository(entity).find({
        where: { [key]: In([...keys]) } as FindOptionsWhere<T>,
        order,
      });
      const groups = new Map<number, T[]>(keys.map((k) => [k, []]));
      for (const row of rows) groups.get(row[key] as number)?.push(row);
      return keys.map((k) => groups.get(k) ?? []);
    }, AFTER_PENDING_WORK);

  /** Drops what the viewer may not see, so every path to a person or a team is filtered. */
  const visible = <K, T>(
    loader: DataLoader<K, T | null>,
    allowed: (scope: Scope, row: T) => boolean,
  ) => ({
    async load(key: K): Promise<T | null> {
      const [row, current] = await Promise.all([loader.load(key), scope()]);
      return row !== null && allowed(current, row) ? row : null;
    },
  });
  const visibleTeams = (loader: DataLoader<number, Team[]>) => ({
    async load(key: number): Promise<Team[]> {
      const [rows, current] = await Promise.all([loader.load(key), scope()]);
      return rows.filter((team) => canSeeTeam(current, team.id));
    },
  });

  const certification = byId(Certification);
  return {
    provider: byId(Provider),
    certification,
    skill: byId(Skill),
    careerRole: byId(CareerRole),
    team: visible(byId(Team), (current, team) => canSeeTeamNode(current, team.id)),
    employee: visible(byId(Employee), canSeePerson),
    prerequisites: byKey(CertificationPrerequisite, 'certificationId', { position: 'ASC' }),
    examTopics: byKey(ExamTopic, 'certificationId', { position: 'ASC' }),
    courses: byKey(Course, 'certificationId', { position: 'ASC' }),
    aliases: byKey(CertificationAlias, 'certificationId', { alias: 'ASC' }),
    pathSteps: byKey(LearningPathStep, 'learningPathId', { position: 'ASC' }),
    teamChildren: visibleTeams(byKey(Team, 'parentId', { name: 'ASC', id: 'ASC' })),
    managedTeams: visibleTeams(byKey(Team, 'managerId', { id: 'ASC' })),
    teamRequirements: byKey(TeamRequirement, 'teamId', { priority: 'ASC', id: 'ASC' }),
    heldCertifications: byKey(HeldCertification, 'employeeId', { earnedOn: 'DESC', id: 'DESC' }),
    careerGoal: byKey(CareerGoal, 'employeeId', { id: 'ASC' }),
    /** Employee pages, filtered to the viewer's people in SQL; see employee-reads.ts. */
    employeePages: createEmployeePageLoader(db, scope, catalogPrimer(certification)),
    certificationSkills: new DataLoader<number, Skill[]>(async (certIds) => {
      const rows: Array<Skill & { certificationId: number }> = await db.query(
        `SELECT cs.certification_id AS "certificationId", s.id, s.slug, s.name
           FROM certification_skill cs JOIN skill s ON s.id = cs.skill_id
          WHERE cs.certification_id = ANY($1) ORDER BY s.name`,
        [certIds],
      );
      const groups = new Map<number, Skill[]>(certIds.map((id) => [id, []]));
      for (const { certificationId, ...skill } of rows) groups.get(certificationId)?.push(skill);
      return certIds.map((id) => groups.get(id) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
