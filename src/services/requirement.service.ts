import type { DataSource } from 'typeorm';
import { CareerGoal } from '../entities/career-goal.entity';
import { CareerRole } from '../entities/career-role.entity';
import { Certification } from '../entities/certification.entity';
import { Employee } from '../entities/employee.entity';
import { Priority } from '../entities/enums';
import { Skill } from '../entities/skill.entity';
import { TeamRequirement } from '../entities/team-requirement.entity';
import { Team } from '../entities/team.entity';
import { BadInputError, NotFoundError } from '../schema/errors';
import { audit } from './audit.service';
import type { Viewer } from './auth.service';
import { isUniqueViolation } from './pg-errors';
import * as valid from './validate';

export interface TeamRequirementInput {
  teamId: string | number;
  certificationSlug?: string | null;
  skillSlug?: string | null;
  minHolders: number;
  priority: Priority;
}

export interface CareerGoalInput {
  employeeId: string | number;
  roleSlug: string;
  targetDate?: string | null;
}

/** Team requirements and career goals: what the organization wants its people to hold. */
export class RequirementService {
  constructor(private readonly db: DataSource) {}

  /** Creates the requirement, or updates the team's existing one for the same credential. */
  async setTeamRequirement(actor: Viewer, input: TeamRequirementInput): Promise<TeamRequirement> {
    const teamId = valid.id('teamId', input.teamId);
    const minHolders = valid.positiveInt('minHolders', input.minHolders, 100_000);
    if (Boolean(input.certificationSlug) === Boolean(input.skillSlug)) {
      throw new BadInputError(
        'certificationSlug',
        'give exactly one of certificationSlug and skillSlug',
      );
    }

    return upsertRetry(() =>
      this.db.transaction(async (tx) => {
        if (!(await tx.existsBy(Team, { id: teamId })))
          throw new NotFoundError('team', 'id', teamId);
        let certificationId: number | null = null;
        let skillId: number | null = null;
        if (input.certificationSlug) {
          const cert = await tx.findOneBy(Certification, { slug: input.certificationSlug });
          if (!cert) throw new NotFoundError('certification', 'slug', input.certificationSlug);
          certificationId = cert.id;
        } else if (input.skillSlug) {
          const skill = await tx.findOneBy(Skill, { slug: input.skillSlug });
          if (!skill) throw new NotFoundError('skill', 'slug', input.skillSlug);
          skillId = skill.id;
        }
        const existing = await tx.findOne(TeamRequirement, {
          where:
            certificationId !== null
              ? { teamId, certificationId }
              : { teamId, skillId: skillId ?? 0 },
          lock: { mode: 'pessimistic_write' },
        });
        const before = existing ? { ...existing } : null;
        const requirement =
          existing ?? tx.create(TeamRequirement, { teamId, certificationId, skillId });
        requirement.minHolders = minHolders;
        requirement.priority = input.priority;
        const saved = await tx.save(requirement);
        await audit(tx, actor, {
          action: before ? 'UPDATE' : 'CREATE',
          entity: 'team_requirement',
          entityId: saved.id,
          before,
          after: saved,
        });
        return saved;
      }),
    );
  }

  async removeTeamRequirement(actor: Viewer, requirementId: string | number): Promise<boolean> {
    const id = valid.id('id', requirementId);
    return this.db.transaction(async (tx) => {
      const existing = await tx.findOne(TeamRequirement, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!existing) throw new NotFoundError('team requirement', 'id', id);
      await tx.delete(TeamRequirement, { id });
      await audit(tx, actor, {
        action: 'DELETE',
        entity: 'team_requirement',
        entityId: id,
        before: existing,
        after: null,
      });
      return true;
    });
  }

  /** Sets (or replaces) an employee's career goal. */
  async setCareerGoal(actor: Viewer, input: CareerGoalInput): Promise<CareerGoal> {
    const employeeId = valid.id('employeeId', input.employeeId);
    const targetDate =
      input.targetDate === null || input.targetDate === undefined
        ? null
        : valid.date('targetDate', input.targetDate);

    return upsertRetry(() =>
      this.db.transaction(async (tx) => {
        if (!(await tx.existsBy(Employee, { id: employeeId }))) {
          throw new NotFoundError('employee', 'id', employeeId);
        }
        const role = await tx.findOneBy(CareerRole, { slug: input.roleSlug });
        if (!role) throw new NotFoundError('career role', 'slug', input.roleSlug);
        const existing = await tx.findOne(CareerGoal, {
          where: { employeeId },
          lock: { mode: 'pessimistic_write' },
        });
        const before = existing ? { ...existing } : null;
        const goal = existing ?? tx.create(CareerGoal, { employeeId });
        goal.careerRoleId = role.id;
        goal.targetDate = targetDate;
        const saved = await tx.save(goal);
        await audit(tx, actor, {
          action: before ? 'UPDATE' : 'CREATE',
          entity: 'career_goal',
          entityId: saved.id,
          before,
          after: saved,
        });
        return saved;
      }),
    );
  }
}

/**
 * Runs a create-or-update once more when a concurrent request created the same row between
 * our lookup and our insert: the second attempt finds it and updates it.
 */
async function upsertRetry<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}
