import type { DataSource, EntityManager } from 'typeorm';
import { Employee } from '../entities/employee.entity';
import { ExperienceLevel } from '../entities/enums';
import { Team } from '../entities/team.entity';
import { BadInputError, ConflictError, NotFoundError } from '../schema/errors';
import { audit } from './audit.service';
import type { Viewer } from './auth.service';
import { isUniqueViolation } from './pg-errors';
import * as valid from './validate';

export interface EmployeeInput {
  name?: string | null;
  email?: string | null;
  teamId?: string | number | null;
  experienceLevel?: ExperienceLevel | null;
  hireDate?: string | null;
}

export class EmployeeService {
  constructor(private readonly db: DataSource) {}

  async create(
    actor: Viewer,
    input: Required<{ [K in keyof EmployeeInput]: NonNullable<EmployeeInput[K]> }>,
  ) {
    return this.db.transaction(async (tx) => {
      const employee = tx.create(Employee, {
        name: valid.text('name', input.name, 200),
        email: valid.email('email', input.email),
        teamId: await existingTeam(tx, input.teamId),
        experienceLevel: input.experienceLevel,
        hireDate: valid.date('hireDate', input.hireDate),
      });
      const saved = await saveEmployee(tx, employee);
      await audit(tx, actor, {
        action: 'CREATE',
        entity: 'employee',
        entityId: saved.id,
        before: null,
        after: saved,
      });
      return saved;
    });
  }

  /** Changes only the fields given; a field left out (or null) keeps its value. */
  async update(actor: Viewer, employeeId: string | number, input: EmployeeInput) {
    const id = valid.id('id', employeeId);
    if (Object.values(input).every((value) => value === null || value === undefined)) {
      throw new BadInputError('input', 'give at least one field to change');
    }
    return this.db.transaction(async (tx) => {
      const employee = await tx.findOne(Employee, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!employee) throw new NotFoundError('employee', 'id', id);
      const before = { ...employee };
      if (input.name != null) employee.name = valid.text('name', input.name, 200);
      if (input.email != null) employee.email = valid.email('email', input.email);
      if (input.teamId != null) employee.teamId = await existingTeam(tx, input.teamId);
      if (input.experienceLevel != null) employee.experienceLevel = input.experienceLevel;
      if (input.hireDate != null) employee.hireDate = valid.date('hireDate', input.hireDate);
      // Nothing changed: nothing to write, nothing to log.
      if (JSON.stringify(before) === JSON.stringify(employee)) return employee;
      const saved = await saveEmployee(tx, employee);
      await audit(tx, actor, {
        action: 'UPDATE',
        entity: 'employee',
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }
}

async function existingTeam(tx: EntityManager, teamId: string | number): Promise<number> {
  const id = valid.id('teamId', teamId);
  if (!(await tx.existsBy(Team, { id }))) throw new NotFoundError('team', 'id', id);
  return id;
}

async function saveEmployee(tx: EntityManager, employee: Employee): Promise<Employee> {
  try {
    return await tx.save(Employee, employee);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`another employee already has the email ${employee.email}`, {
        field: 'email',
      });
    }
    throw error;
  }
}
