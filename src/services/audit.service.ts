import type { DataSource, EntityManager } from 'typeorm';
import { AuditEntry } from '../entities/audit-entry.entity';
import type { Viewer } from './auth.service';

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'REVOKE';

/** A row as JSON text for a jsonb column. */
function snapshot(row: object | null): string | null {
  return row === null ? null : JSON.stringify(row);
}

/**
 * Records a change inside the caller's transaction `tx`, so the change and its log entry
 * are written together or not at all.
 */
export async function audit(
  tx: EntityManager,
  actor: Viewer,
  change: {
    action: AuditAction;
    entity: string;
    entityId: number;
    before: object | null;
    after: object | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_employee_id, actor_role, action, entity, entity_id, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      actor.employeeId,
      actor.role,
      change.action,
      change.entity,
      change.entityId,
      snapshot(change.before),
      snapshot(change.after),
    ],
  );
}

/** The newest entries first, keyset-paginated by id. */
export async function auditEntries(
  db: DataSource,
  options: { first: number; before?: number | null; entity?: string | null },
): Promise<{ entries: AuditEntry[]; hasNextPage: boolean }> {
  const query = db
    .getRepository(AuditEntry)
    .createQueryBuilder('a')
    .orderBy('a.id', 'DESC')
    .limit(options.first + 1);
  if (options.before) query.andWhere('a.id < :before', { before: options.before });
  if (options.entity) query.andWhere('a.entity = :entity', { entity: options.entity });
  const rows = await query.getMany();
  return { entries: rows.slice(0, options.first), hasNextPage: rows.length > options.first };
}
