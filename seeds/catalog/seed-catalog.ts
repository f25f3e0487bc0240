import { buildCatalog } from './catalog';
import type { Catalog } from './records';

/** Whatever runs SQL for the seeder: a TypeORM QueryRunner, a pg client, a test database. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<any[]>;
}

export interface CatalogSeedCounts {
  providers: number;
  certifications: number;
  /** Of `certifications`, those the guide describes fully (the rest it only names). */
  completeCertifications: number;
  aliases: number;
  prerequisites: number;
  examTopics: number;
  courses: number;
  skills: number;
  certificationSkills: number;
  learningPaths: number;
  learningPathSteps: number;
  careerRoles: number;
  strategyRecommendations: number;
}

/**
 * Inserts rows with one multi-row statement; returns what `returning` asks for. Values go
 * as parameters, so PostgreSQL casts each to its column's type (enums, arrays) itself.
 */
async function insertRows(
  db: SqlRunner,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
  returning = '',
): Promise<any[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    if (row.length !== columns.length) {
      throw new Error(`${table}: a row has ${row.length} values for ${columns.length} columns`);
    }
    return `(${row.map((value) => `$${params.push(value)}`).join(', ')})`;
  });
  const sql =
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}` +
    (returning ? ` RETURNING ${returning}` : '');
  return db.query(sql, params);
}

/** Maps each returned row's slug to its id; a slug missing from the map is a seeder bug. */
function idsBySlug(rows: any[]): (slug: string | null) => number | null {
  const ids = new Map<string, number>(rows.map((row) => [String(row.slug), Number(row.id)]));
  return (slug) => {
    if (slug === null) return null;
    const id = ids.get(slug);
    if (id === undefined) throw new Error(`No row was inserted for slug '${slug}'`);
    return id;
  };
}

/**
 * Writes the catalog built from the guide into an empty database, in the caller's
 * transaction (it neither begins nor commits), with one statement per table.
 */
export async function seedCatalog(
  db: SqlRunner,
  catalog: Catalog = buildCatalog(),
): Promise<CatalogSeedCounts> {
  const { certifications: certs, learningPaths: paths } = catalog;

  const providerId = idsBySlug(
    await insertRows(
      db,
      'provider',
      ['slug', 'name', 'renewal_period_raw', 'renewal_period_months', 'renewal_requirements'],
      catalog.providers.map((p) => [
        p.slug,
        p.name,
        p.renewalPeriodRaw,
        p.renewalPeriodMonths,
        p.renewalRequirements,
      ]),
      'id, slug',
    ),
  );

  const certId = idsBySlug(
    await insertRows(
      db,
      'certification',
      [
        'slug',
        'name',
        'provider_id',
        'university',
        'instructor',
        'level_raw',
        'level_min',
        'level_max',
        'duration_raw',
        'duration_min',
        'duration_max',
        'duration_unit',
        'duration_per_course',
        'cost_raw',
        'cost_kind',
        'cost_low_cents',
        'cost_high_cents',
        'validity_raw',
        'validity_kind',
        'validity_months',
        'exam_format',
        'focus',
        'recognition',
        'credit',
        'study_resources',
        'data_complete',
        'source_section',
      ],
      certs.map((c) => [
        c.slug,
        c.name,
        providerId(c.providerSlug),
        c.university,
        c.instructor,
        c.levelRaw,
        c.levelMin,
        c.levelMax,
        c.durationRaw,
        c.durationMin,
        c.durationMax,
        c.durationUnit,
        c.durationPerCourse,
        c.costRaw,
        c.costKind,
        c.costLowCents,
        c.costHighCents,
        c.validityRaw,
        c.validityKind,
        c.validityMonths,
        c.examFormat,
        c.focus,
        c.recognition,
        c.credit,
        c.studyResources,
        c.dataComplete,
        c.sourceSection,
      ]),
      'id, slug',
    ),
  );

  const prerequisites = certs.flatMap((c) =>
    c.prerequisites.map((p, i) => [certId(c.slug), i + 1, p.raw, certId(p.prerequisiteSlug)]),
  );
  const examTopics = certs.flatMap((c) =>
    c.examTopics.map((t, i) => [
      certId(c.slug),
      i + 1,
      t.name,
      t.weightRaw,
      t.weight?.min ?? null,
      t.weight?.max ?? null,
    ]),
  );
  const courses = certs.flatMap((c) =>
    c.courses.map((k, i) => [certId(c.slug), i + 1, k.group, k.name]),
  );
  await insertRows(
    db,
    'certification_alias',
    ['alias', 'certification_id'],
    catalog.aliases.map((a) => [a.alias, certId(a.certificationSlug)]),
  );
  await insertRows(
    db,
    'certification_prerequisite',
    ['certification_id', 'position', 'raw', 'prerequisite_id'],
    prerequisites,
  );
  await insertRows(
    db,
    'exam_topic',
    ['certification_id', 'position', 'name', 'weight_raw', 'weight_min', 'weight_max'],
    examTopics,
  );
  await insertRows(db, 'course', ['certification_id', 'position', 'course_group', 'name'], courses);

  const skillId = idsBySlug(
    await insertRows(
      db,
      'skill',
      ['slug', 'name'],
      catalog.skills.map((s) => [s.slug, s.name]),
      'id, slug',
    ),
  );
  await insertRows(
    db,
    'certification_skill',
    ['certification_id', 'skill_id', 'evidence'],
    catalog.skillLinks.map((l) => [certId(l.certificationSlug), skillId(l.skillSlug), l.evidence]),
  );

  const pathId = idsBySlug(
    await insertRows(
      db,
      'learning_path',
      [
        'slug',
        'name',
        'provider_id',
        'timeline_raw',
        'timeline_min_months',
        'timeline_max_months',
        'source_section',
      ],
      paths.map((p) => [
        p.slug,
        p.name,
        providerId(p.providerSlug),
        p.timelineRaw,
        p.timelineMinMonths,
        p.timelineMaxMonths,
        p.sourceSection,
      ]),
      'id, slug',
    ),
  );
  const steps = paths.flatMap((p) =>
    p.steps.map((s, i) => [
      pathId(p.slug),
      i + 1,
      s.label,
      s.title,
      certId(s.certificationSlug),
      s.durationRaw,
      s.durationMin,
      s.durationMax,
      s.durationUnit,
      s.details,
    ]),
  );
  await insertRows(
    db,
    'learning_path_step',
    [
      'learning_path_id',
      'position',
      'label',
      'title',
      'certification_id',
      'duration_raw',
      'duration_min',
      'duration_max',
      'duration_unit',
      'details',
    ],
    steps,
  );

  const roleId = idsBySlug(
    await insertRows(
      db,
      'career_role',
      ['slug', 'name', 'from_guide'],
      catalog.careerRoles.map((r) => [r.slug, r.name, r.fromGuide]),
      'id, slug',
    ),
  );
  await insertRows(
    db,
    'strategy_recommendation',
    ['career_role_id', 'experience_level', 'position', 'raw_name', 'certification_id'],
    catalog.recommendations.map((r) => [
      roleId(r.careerRoleSlug),
      r.experienceLevel,
      r.position,
      r.rawName,
      certId(r.certificationSlug),
    ]),
  );

  return {
    providers: catalog.providers.length,
    certifications: certs.length,
    completeCertifications: certs.filter((c) => c.dataComplete).length,
    aliases: catalog.aliases.length,
    prerequisites: prerequisites.length,
    examTopics: examTopics.length,
    courses: courses.length,
    skills: catalog.skills.length,
    certificationSkills: catalog.skillLinks.length,
    learningPaths: paths.length,
    learningPathSteps: steps.length,
    careerRoles: catalog.careerRoles.length,
    strategyRecommendations: catalog.recommendations.length,
  };
}
