import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the joins and filters of the analyses (coverage, gaps, renewal exposure,
 * training budget, career plans) and of employee lists, so that analysing one team reads
 * that team's rows, never a whole table:
 * - held_certification by (employee, certification), carrying the dates that decide whether
 *   a credential is active: "what does this person hold that meets this requirement" and
 *   "has this person renewed it" become index-only probes. It replaces the index on
 *   employee_id alone, which is its prefix.
 * - team_requirement by team: the unique indexes are partial (certification or skill) and
 *   cannot serve a join on team_id alone.
 * - strategy_recommendation by career role: what a career goal recommends.
 */
export class AnalysisIndexes1733300000002 implements MigrationInterface {
  name = 'AnalysisIndexes1733300000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE INDEX held_certification_holder_idx
        ON held_certification (employee_id, certification_id)
        INCLUDE (earned_on, expires_on, revoked_on);
      DROP INDEX held_certification_employee_idx;
      CREATE INDEX team_requirement_team_idx ON team_requirement (team_id);
      CREATE INDEX strategy_recommendation_role_idx
        ON strategy_recommendation (career_role_id);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX strategy_recommendation_role_idx;
      DROP INDEX team_requirement_team_idx;
      CREATE INDEX held_certification_employee_idx ON held_certification (employee_id);
      DROP INDEX held_certification_holder_idx;
    `);
  }
}
