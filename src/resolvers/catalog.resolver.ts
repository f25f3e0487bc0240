import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import type { Context } from '../schema/context';
import { ExperienceLevel } from '../schema/enums';
import { CentsScalar } from '../schema/scalars/cents.scalar';
import {
  CareerRoleType,
  CertificationType,
  LearningPathType,
  ProviderType,
  SkillType,
  StrategyRecommendationType,
} from '../schema/types/catalog.types';
import { CatalogService, type CertificationSortField } from '../services/catalog.service';

enum CertificationSortFieldEnum {
  NAME = 'NAME',
  SLUG = 'SLUG',
  EXPECTED_COST = 'EXPECTED_COST',
  PREPARATION = 'PREPARATION',
}
registerEnumType(CertificationSortFieldEnum, { name: 'CertificationSortField' });

@InputType()
class CertificationFilterInput {
  @Field(() => String, { nullable: true, description: 'Provider slug, e.g. aws.' })
  provider?: string | null;

  @Field(() => ExperienceLevel, { nullable: true, description: "Within the credential's range." })
  level?: ExperienceLevel | null;

  @Field(() => String, { nullable: true, description: 'Skill slug.' })
  skill?: string | null;

  @Field(() => CentsScalar, {
    nullable: true,
    description: 'Expected cost at most this; credentials of unknown cost are left out.',
  })
  maxExpectedCost?: number | null;

  @Field(() => Boolean, { nullable: true })
  dataComplete?: boolean | null;
}

@InputType()
class CertificationSortInput {
  @Field(() => CertificationSortFieldEnum, { defaultValue: CertificationSortFieldEnum.SLUG })
  field: CertificationSortFieldEnum;

  @Field(() => Boolean, { defaultValue: false })
  descending: boolean;
}

@Resolver()
export class CatalogResolver {
  @Query(() => [CertificationType], { description: 'The catalog, filtered and sorted.' })
  certifications(
    @Ctx() { db }: Context,
    @Arg('filter', () => CertificationFilterInput, { nullable: true })
    filter: CertificationFilterInput | null,
    @Arg('sort', () => CertificationSortInput, { nullable: true })
    sort: CertificationSortInput | null,
  ) {
    return new CatalogService(db).certifications(
      {
        providerSlug: filter?.provider,
        level: filter?.level,
        skillSlug: filter?.skill,
        maxExpectedCostCents: filter?.maxExpectedCost,
        dataComplete: filter?.dataComplete,
      },
      {
        field: (sort?.field ?? 'SLUG') as CertificationSortField,
        descending: sort?.descending ?? false,
      },
    );
  }

  @Query(() => CertificationType, { description: 'One catalog entry by its slug.' })
  certification(@Ctx() { db }: Context, @Arg('slug', () => String) slug: string) {
    return new CatalogService(db).certificationBySlug(slug);
  }

  @Query(() => [ProviderType])
  providers(@Ctx() { db }: Context) {
    return new CatalogService(db).providers();
  }

  @Query(() => [SkillType])
  skills(@Ctx() { db }: Context) {
    return new CatalogService(db).skills();
  }

  @Query(() => [LearningPathType], {
    description: 'Every learning path and study plan of the guide.',
  })
  learningPaths(@Ctx() { db }: Context) {
    return new CatalogService(db).learningPaths();
  }

  @Query(() => [CareerRoleType])
  careerRoles(@Ctx() { db }: Context) {
    return new CatalogService(db).careerRoles();
  }
}

@Resolver(() => CareerRoleType)
export class CareerRoleResolver {
  @FieldResolver(() => [StrategyRecommendationType], {
    description: "The guide's strategy for this role, in order.",
  })
  async recommendations(@Root() role: CareerRoleType, @Ctx() { db }: Context) {
    const rows = await new CatalogService(db).recommendations({ careerRoleId: role.id });
    return rows.map((row) => ({ ...row, isCategory: row.certificationId === null }));
  }
}
