import type { EntityManager } from 'typeorm';
import type { Employee } from '../../entities/employee.entity';
import { ExperienceLevel } from '../../entities/enums';
import { BadInputError } from '../../schema/errors';
import * as valid from '../validate';
import { auditMany, inSlices, type ImportActor } from './audit-rows';
import { importDate } from './dates';
import type { ImportKindHandler } from './kind';
import { concurrentChange } from './run-import';
import {
  changedFields,
  errorRow,
  ImportAction,
  type ImportRowResult,
  type PlannedRow,
} from './report';
import { TeamDirectory, type TeamRef } from './team-directory';

interface EmployeeRow {
  name: string;
  email: string;
  team: TeamRef;
  experienceLevel: ExperienceLevel;
  hireDate: string;
}

/** An employee as stored and as the audit log shows it. */
type EmployeeRecord = Employee;

interface EmployeeWrite {
  before: EmployeeRecord | null;
  after: Omit<EmployeeRecord, 'id'>;
}

const LEVELS = Object.values(ExperienceLevel);

/** Employees by email: a new email creates an employee, a known one updates them. */
export const employees: ImportKindHandler<EmployeeRow, EmployeeWrite> = {
  columns: [
    { field: 'name', names: ['name', 'full name', 'employee name'], required: true },
    { field: 'email', names: ['email', 'email address', 'work email'], required: true },
    { field: 'team', names: ['team', 'team name'], required: false },
    { field: 'teamId', names: ['team id'], required: false },
    {
      field: 'experienceLevel',
      names: ['experience level', 'level', 'experience'],
      required: true,
    },
    { field: 'hireDate', names: ['hire date', 'start date', 'date hired'], required: true },
  ],

  checkHeader(fields) {
    if (!fields.has('team') && !fields.has('teamId')) {
      throw new BadInputError('csv', 'the header needs a team (name) or a teamId column');
    }
  },

  parse(cells, settings) {
    const level = (cells.experienceLevel ?? '').trim().toUpperCase();
    if (!LEVELS.includes(level as ExperienceLevel)) {
      throw new BadInputError(
        'experienceLevel',
        `must be one of ${LEVELS.join(', ')}`,
        cells.experienceLevel,
      );
    }
    return {
      name: valid.text('name', cells.name ?? '', 200),
      email: valid.email('email', cells.email ?? ''),
      team: TeamDirectory.ref(cells.teamId, cells.team),
      experienceLevel: level as ExperienceLevel,
      hireDate: importDate('hireDate', cells.hireDate ?? '', settings.dateFormat),
    };
  },

  key: (row) => row.email,

  async plan(tx, rows, settings) {
    const teams = await TeamDirectory.load(
      tx,
      rows.map((row) => row.value.team),
    );
    const found: EmployeeRecord[] = await tx.query(
      `SELECT id, name, email, team_id AS "teamId", experience_level AS "experienceLevel",
              hire_date AS "hireDate"
         FROM employee WHERE email = ANY($1) ORDER BY id ${settings.lock ? 'FOR UPDATE' : ''}`,
      [rows.map((row) => row.value.email)],
    );
    const existing = new Map(found.map((employee) => [employee.email, employee]));

    return rows.map(({ line, value }): PlannedRow<EmployeeWrite> | ImportRowResult => {
      const team = teams.resolve(value.team);
      if (typeof team === 'string') return errorRow(line, team);
      const { team: _ref, ...fields } = value;
      const after = { ...fields, teamId: team };
      const before = existing.get(value.email) ?? null;
      if (!before) {
        return { line, action: ImportAction.CREATE, reason: null, value: { before, after } };
      }
      const changes = changedFields({ ...before, id: 0 }, { ...after, id: 0 }, [
        'name',
        'teamId',
        'experienceLevel',
        'hireDate',
      ]);
      const action = changes ? ImportAction.UPDATE : ImportAction.UNCHANGED;
      return { line, action, reason: changes, value: { before, after } };
    });
  },

  write: inSlices(writeSlice),
};

async function writeSlice(
  tx: EntityManager,
  rows: EmployeeWrite[],
  actor: ImportActor,
): Promise<void> {
  const created = rows.filter((row) => row.before === null).map((row) => row.after);
  const updated = rows.flatMap((row) => (row.before ? [{ ...row.after, id: row.before.id }] : []));
  const columns = (list: Array<Omit<EmployeeRecord, 'id'>>) => [
    list.map((e) => e.name),
    list.map((e) => e.email),
    list.map((e) => e.teamId),
    list.map((e) => e.experienceLevel),
    list.map((e) => e.hireDate),
  ];
  let inserted: Array<{ id: number; email: string }> = [];
  try {
    inserted = await tx.query(
      `INSERT INTO employee (name, email, team_id, experience_level, hire_date)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::experience_level[], $5::date[])
       RETURNING id, email`,
      columns(created),
    );
  } catch (error) {
    throw concurrentChange(error) ?? error;
  }
  if (updated.length > 0) {
    await tx.query(
      `UPDATE employee e
          SET name = u.name, team_id = u.team_id, experience_level = u.level,
              hire_date = u.hire_date
         FROM unnest($1::text[], $2::text[], $3::int[], $4::experience_level[], $5::date[],
                     $6::int[]) AS u(name, email, team_id, level, hire_date, id)
        WHERE e.id = u.id`,
      [...columns(updated), updated.map((e) => e.id)],
    );
  }
  const ids = new Map(inserted.map((row) => [row.email, row.id]));
  await auditMany(
    tx,
    actor,
    'employee',
    rows.map((row) => {
      const id = row.before?.id ?? ids.get(row.after.email) ?? 0;
      return { entityId: id, before: row.before, after: { id, ...row.after } };
    }),
  );
}
