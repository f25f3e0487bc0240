import type { DataSource } from 'typeorm';
import { estimateCost } from '../../seeds/catalog/cost';
import { CareerRole } from '../entities/career-role.entity';
import { Certification } from '../entities/certification.entity';
import { ExperienceLevel } from '../entities/enums';
import { LearningPath } from '../entities/learning-path.entity';
import { Provider } from '../entities/provider.entity';
import { Skill } from '../entities/skill.entity';
import { StrategyRecommendation } from '../entities/strategy-recommendation.entity';
import { NotFoundError } from '../schema/errors';

export type CertificationSortField = 'NAME' | 'SLUG' | 'EXPECTED_COST' | 'PREPARATION';

export interface CertificationFilter {
  providerSlug?: string | null;
  level?: ExperienceLevel | null;
  skillSlug?: string | null;
  /** Keeps credentials whose expected cost is at most this; unknown costs are left out. */
  maxExpectedCostCents?: number | null;
  dataComplete?: boolean | null;
}

export interface CertificationSort {
  field: CertificationSortField;
  descending: boolean;
}

const LEVEL_ORDER = [
  ExperienceLevel.BEGINNER,
  ExperienceLevel.INTERMEDIATE,
  ExperienceLevel.ADVANCED,
];

/** Where a level falls on the BEGINNER < INTERMEDIATE < ADVANCED scale. */
export function levelRank(level: ExperienceLevel): number {
  return LEVEL_ORDER.indexOf(level);
}

export type CertificationWithCourses = Certification & { courseCount: number };

export class CatalogService {
  constructor(private readonly db: DataSource) {}

  /**
   * The catalog filtered and sorted. The catalog holds a few dozen rows, so cost-based
   * filtering and sorting run on the estimates in memory rather than in SQL.
   */
  async certifications(
    filter: CertificationFilter,
    sort: CertificationSort,
  ): Promise<CertificationWithCourses[]> {
    const query = this.db
      .getRepository(Certification)
      .createQueryBuilder('c')
      .addSelect(
        '(SELECT count(*) FROM course WHERE course.certification_id = c.id)',
        'course_count',
      );
    if (filter.providerSlug) {
      query.innerJoin(Provider, 'p', 'p.id = c.provider_id AND p.slug = :provider', {
        provider: filter.providerSlug,
      });
    }
    if (filter.skillSlug) {
      query.innerJoin('certification_skill', 'cs', 'cs.certification_id = c.id');
      query.innerJoin(Skill, 's', 's.id = cs.skill_id AND s.slug = :skill', {
        skill: filter.skillSlug,
      });
    }
    if (filter.level) {
      query.andWhere('c.level_min <= :level AND c.level_max >= :level', { level: filter.level });
    }
    if (filter.dataComplete !== undefined && filter.dataComplete !== null) {
      query.andWhere('c.data_complete = :complete', { complete: filter.dataComplete });
    }

    const { entities, raw } = await query.orderBy('c.slug').getRawAndEntities();
    let rows: CertificationWithCourses[] = entities.map((cert, i) =>
      Object.assign(cert, { courseCount: Number(raw[i].course_count) }),
    );
    if (filter.maxExpectedCostCents !== undefined && filter.maxExpectedCostCents !== null) {
      const cap = filter.maxExpectedCostCents;
      rows = rows.filter((cert) => {
        const cost = estimateCost(cert);
        return cost !== null && cost.expectedCents <= cap;
      });
    }
    return sortCertifications(rows, sort);
  }

  async certificationBySlug(slug: string): Promise<Certification> {
    const cert = await this.db.getRepository(Certification).findOneBy({ slug });
    if (!cert) throw new NotFoundError('certification', 'slug', slug);
    return cert;
  }

  providers(): Promise<Provider[]> {
    return this.db.getRepository(Provider).find({ order: { name: 'ASC' } });
  }

  skills(): Promise<Skill[]> {
    return this.db.getRepository(Skill).find({ order: { name: 'ASC' } });
  }

  learningPaths(): Promise<LearningPath[]> {
    return this.db.getRepository(LearningPath).find({ order: { id: 'ASC' } });
  }

  careerRoles(): Promise<CareerRole[]> {
    return this.db.getRepository(CareerRole).find({ order: { id: 'ASC' } });
  }

  /** The guide's recommendations for a role, or for an experience level, in guide order. */
  recommendations(where: { careerRoleId?: number; experienceLevel?: ExperienceLevel }) {
    return this.db.getRepository(StrategyRecommendation).find({
      where,
      order: { position: 'ASC' },
    });
  }
}

function sortCertifications(
  rows: CertificationWithCourses[],
  sort: CertificationSort,
): CertificationWithCourses[] {
  const key = (cert: CertificationWithCourses): string | number | null => {
    switch (sort.field) {
      case 'NAME':
        return cert.name.toLowerCase();
      case 'SLUG':
        return cert.slug;
      case 'EXPECTED_COST':
        return estimateCost(cert)?.expectedCents ?? null;
      case 'PREPARATION':
        return cert.durationMin;
    }
  };
  const direction = sort.descending ? -1 : 1;
  // Each key once (a cost key is an estimate), not once per comparison.
  const keyed = rows.map((cert) => ({ cert, key: key(cert) }));
  // Unknown values sort last in either direction; the slug breaks ties so the order is stable.
  keyed.sort(({ cert: a, key: ka }, { cert: b, key: kb }) => {
    if (ka === null || kb === null) {
      if (ka !== kb) return ka === null ? 1 : -1;
    } else if (ka !== kb) {
      return ka < kb ? -direction : direction;
    }
    return a.slug < b.slug ? -1 : 1;
  });
  return keyed.map(({ cert }) => cert);
}
