import type { TestDatabase } from './database';

/**
 * Small factories that insert rows with plain SQL, so each test builds exactly the
 * organization it reasons about. Defaults are the least surprising values.
 */
export class Factory {
  private sequence = 0;

  constructor(private readonly db: TestDatabase) {}

  private next(): number {
    this.sequence += 1;
    return this.sequence;
  }

  async provider(fields: { slug?: string; name?: string } = {}): Promise<number> {
    const n = this.next();
    const [row] = await this.db.query(
      'INSERT INTO provider (slug, name) VALUES ($1, $2) RETURNING id',
      [fields.slug ?? `provider_${n}`, fields.name ?? `Provider ${n}`],
    );
    return row.id;
  }

  /**
   * A catalog entry. `validityMonths` null with `lifetime` true is a lifetime credential;
   * null without it is an unknown validity. Cost defaults to a one-time fee.
   */
  async certification(
    fields: {
      slug?: string;
      providerId?: number;
      validityMonths?: number | null;
      lifetime?: boolean;
      costKind?: 'ONE_TIME' | 'MONTHLY' | 'PER_COURSE' | 'UNKNOWN';
      costLowCents?: number | null;
      costHighCents?: number | null;
      durationMin?: number | null;
      durationMax?: number | null;
      durationUnit?: 'DAY' | 'WEEK' | 'MONTH' | null;
      levelMin?: string | null;
      levelMax?: string | null;
    } = {},
  ): Promise<number> {
    const n = this.next();
    const providerId = fields.providerId ?? (await this.provider());
    const validityMonths = fields.validityMonths === undefined ? 36 : fields.validityMonths;
    const validityKind =
      validityMonths !== null ? 'FIXED' : fields.lifetime ? 'LIFETIME' : 'UNKNOWN';
    const costKind = fields.costKind ?? 'ONE_TIME';
    const low = costKind === 'UNKNOWN' ? null : (fields.costLowCents ?? 30000);
    const high = costKind === 'UNKNOWN' ? null : (fields.costHighCents ?? low);
    const [row] = await this.db.query(
      `INSERT INTO certification (slug, name, provider_id, validity_kind, validity_months,
         cost_kind, cost_low_cents, cost_high_cents, duration_min, duration_max, duration_unit,
         level_min, level_max, data_complete)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, true) RETURNING id`,
      [
        fields.slug ?? `cert_${n}`,
        `Certification ${n}`,
        providerId,
        validityKind,
        validityMonths,
        costKind,
        low,
        high,
        fields.durationMin === undefined ? 3 : fields.durationMin,
        fields.durationMax === undefined ? 6 : fields.durationMax,
        fields.durationUnit === undefined ? 'MONTH' : fields.durationUnit,
        fields.levelMin === undefined ? 'BEGINNER' : fields.levelMin,
        fields.levelMax === undefined ? 'ADVANCED' : fields.levelMax,
      ],
    );
    return row.id;
  }

  async team(fields: { name?: string; parentId?: number | null } = {}): Promise<number> {
    const [row] = await this.db.query(
      'INSERT INTO team (name, parent_id) VALUES ($1, $2) RETURNING id',
      [fields.name ?? `Team ${this.next()}`, fields.parentId ?? null],
    );
    return row.id;
  }

  async setManager(teamId: number, employeeId: number): Promise<void> {
    await this.db.query('UPDATE team SET manager_id = $2 WHERE id = $1', [teamId, employeeId]);
  }

  async employee(
    teamId: number,
    fields: { name?: string; level?: string; hireDate?: string } = {},
  ): Promise<number> {
    const n = this.next();
    const [row] = await this.db.query(
      `INSERT INTO employee (name, email, team_id, experience_level, hire_date)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        fields.name ?? `Employee ${n}`,
        `employee${n}@example.com`,
        teamId,
        fields.level ?? 'INTERMEDIATE',
        fields.hireDate ?? '2020-01-15',
      ],
    );
    return row.id;
  }

  async held(
    employeeId: number,
    certificationId: number,
    fields: { earnedOn: string; expiresOn: string | null; revokedOn?: string | null },
  ): Promise<number> {
    const [row] = await this.db.query(
      `INSERT INTO held_certification (employee_id, certification_id, earned_on, expires_on,
         revoked_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [employeeId, certificationId, fields.earnedOn, fields.expiresOn, fields.revokedOn ?? null],
    );
    return row.id;
  }

  async requirement(
    teamId: number,
    target: { certificationId?: number; skillId?: number },
    minHolders: number,
    priority: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' = 'HIGH',
  ): Promise<number> {
    const [row] = await this.db.query(
      `INSERT INTO team_requirement (team_id, certification_id, skill_id, min_holders, priority)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [teamId, target.certificationId ?? null, target.skillId ?? null, minHolders, priority],
    );
    return row.id;
  }

  async skill(slug: string, certificationIds: number[] = []): Promise<number> {
    const [row] = await this.db.query(
      'INSERT INTO skill (slug, name) VALUES ($1, $1) RETURNING id',
      [slug],
    );
    for (const certificationId of certificationIds) {
      await this.db.query(
        `INSERT INTO certification_skill (certification_id, skill_id, evidence)
         VALUES ($1, $2, 'test')`,
        [certificationId, row.id],
      );
    }
    return row.id;
  }

  async careerRole(slug: string): Promise<number> {
    const [row] = await this.db.query(
      'INSERT INTO career_role (slug, name, from_guide) VALUES ($1, $1, true) RETURNING id',
      [slug],
    );
    return row.id;
  }

  /** A course of a certification, appended after its others. */
  async course(certificationId: number, name = `Course ${this.next()}`): Promise<number> {
    const [row] = await this.db.query(
      `INSERT INTO course (certification_id, position, name)
       SELECT $1, coalesce(max(position), 0) + 1, $2 FROM course WHERE certification_id = $1
       RETURNING id`,
      [certificationId, name],
    );
    return row.id;
  }

  /** A prerequisite of `certificationId`; null `prerequisiteId` names no catalog entry. */
  async prerequisite(certificationId: number, prerequisiteId: number | null): Promise<number> {
    const [row] = await this.db.query(
      `INSERT INTO certification_prerequisite (certification_id, position, raw, prerequisite_id)
       SELECT $1, coalesce(max(position), 0) + 1, 'test', $2
         FROM certification_prerequisite WHERE certification_id = $1
       RETURNING id`,
      [certificationId, prerequisiteId],
    );
    return row.id;
  }

  /**
   * A strategy recommendation appended to a role's list or a level's list; a null
   * `certificationId` is a category.
   */
  async recommendation(
    owner: { careerRoleId: number } | { experienceLevel: string },
    certificationId: number | null,
    rawName = `Recommendation ${this.next()}`,
  ): Promise<number> {
    const roleId = 'careerRoleId' in owner ? owner.careerRoleId : null;
    const level = 'experienceLevel' in owner ? owner.experienceLevel : null;
    const [row] = await this.db.query(
      `INSERT INTO strategy_recommendation
         (career_role_id, experience_level, position, raw_name, certification_id)
       SELECT $1::int, $2::experience_level, coalesce(max(position), 0) + 1, $3, $4
         FROM strategy_recommendation
        WHERE career_role_id = $1::int OR experience_level = $2::experience_level
       RETURNING id`,
      [roleId, level, rawName, certificationId],
    );
    return row.id;
  }

  async goal(employeeId: number, roleId: number, targetDate: string | null): Promise<number> {
    const [row] = await this.db.query(
      `INSERT INTO career_goal (employee_id, career_role_id, target_date)
       VALUES ($1, $2, $3) RETURNING id`,
      [employeeId, roleId, targetDate],
    );
    return row.id;
  }

  /**
   * A team (below `parentId`, if given) of `size` employees who each hold the certification
   * with the same dates; for checking that a query's cost does not grow with the team.
   */
  async staffedTeam(
    size: number,
    certificationId: number,
    held: { earnedOn: string; expiresOn: string | null },
    parentId: number | null = null,
  ): Promise<number> {
    const teamId = await this.team({ parentId });
    for (let i = 0; i < size; i += 1) {
      await this.held(await this.employee(teamId), certificationId, held);
    }
    return teamId;
  }
}
