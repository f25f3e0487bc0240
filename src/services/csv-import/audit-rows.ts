import type { EntityManager } from 'typeorm';
import type { Viewer } from '../auth.service';
import type { ImportSettings } from './kind';
import type { PlannedRow } from './report';

/** Who made an import: a signed-in administrator, or the operator of the command line. */
export interface ImportActor {
  employeeId: number;
  role: Viewer['role'] | 'CLI';
}

export interface AuditedChange {
  entityId: number;
  before: object | null;
  after: object;
}

/**
 * Writes the audit log entries of many changes to one table in one statement, in the
 * import's transaction: the same entries `audit()` writes one at a time.
 */
export async function auditMany(
  tx: EntityManager,
  actor: ImportActor,
  entity: string,
  changes: AuditedChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO audit_log (actor_employee_id, actor_role, action, entity, entity_id, before, after)
     SELECT $1, $2, CASE WHEN u.before IS NULL THEN 'CREATE' ELSE 'UPDATE' END, $3,
            u.entity_id, u.before, u.after
       FROM unnest($4::int[], $5::jsonb[], $6::jsonb[]) AS u(entity_id, before, after)`,
    [
      actor.employeeId,
      actor.role,
      entity,
      changes.map((c) => c.entityId),
      changes.map((c) => (c.before === null ? null : JSON.stringify(c.before))),
      changes.map((c) => JSON.stringify(c.after)),
    ],
  );
}

/** Rows per write statement: large enough to be fast, small enough to report progress. */
const SLICE = 5_000;

/**
 * A handler's `write` that hands `writeSlice` the planned values a slice at a time and
 * reports how many rows are written after each slice.
 */
export function inSlices<W>(
  writeSlice: (tx: EntityManager, values: W[], actor: ImportActor) => Promise<void>,
) {
  return async (tx: EntityManager, rows: Array<PlannedRow<W>>, settings: ImportSettings) => {
    for (let done = 0; done < rows.length;) {
      const slice = rows.slice(done, done + SLICE);
      await writeSlice(
        tx,
        slice.map((row) => row.value),
        settings.actor,
      );
      done += slice.length;
      settings.progress('write', done, rows.length);
    }
  };
}
