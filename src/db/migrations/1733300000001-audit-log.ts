import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every change made through the API, who made it and what it was before and after. */
export class AuditLog1733300000001 implements MigrationInterface {
  name = 'AuditLog1733300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_employee_id integer NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id integer NOT NULL,
        before jsonb,
        after jsonb
      );
      CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_log');
  }
}
