import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../schema/context';
import {
  CertificationType,
  CostModelType,
  CourseType,
  DurationType,
  ExamTopicType,
  LearningPathStepType,
  LearningPathType,
  LevelRangeType,
  PrerequisiteType,
  ProviderType,
  RenewalPolicyType,
  SkillType,
  StrategyRecommendationType,
  ValidityType,
} from '../schema/types/catalog.types';
import { CentsScalar } from '../schema/scalars/cents.scalar';
import { toCostEstimate } from '../schema/types/budget.types';
import { estimateCost, renewalCostCents } from '../../seeds/catalog/cost';

@Resolver(() => CertificationType)
export class CertificationResolver {
  @FieldResolver(() => ProviderType)
  async provider(@Root() cert: CertificationType, @Ctx() { loaders }: Context) {
    return loaders.provider.load(cert.providerId);
  }

  @FieldResolver(() => LevelRangeType, { nullable: true })
  level(@Root() cert: CertificationType): LevelRangeType | null {
    if (!cert.levelRaw || !cert.levelMin || !cert.levelMax) return null;
    return { raw: cert.levelRaw, min: cert.levelMin, max: cert.levelMax };
  }

  @FieldResolver(() => DurationType, { nullable: true, description: 'Preparation time.' })
  preparation(@Root() cert: CertificationType): DurationType | null {
    const { durationRaw: raw, durationMin: min, durationMax: max, durationUnit: unit } = cert;
    if (raw === null || min === null || max === null || unit === null) return null;
    return { raw, min, max, unit, perCourse: cert.durationPerCourse };
  }

  @FieldResolver(() => CostModelType)
  async cost(@Root() cert: CertificationType, @Ctx() { loaders }: Context): Promise<CostModelType> {
    const courseCount = (await loaders.courses.load(cert.id)).length;
    return {
      raw: cert.costRaw,
      kind: cert.costKind,
      feeLow: cert.costLowCents,
      feeHigh: cert.costHighCents,
      estimate: toCostEstimate(estimateCost({ ...cert, courseCount })),
    };
  }

  @FieldResolver(() => CentsScalar, {
    nullable: true,
    description:
      'What keeping it costs at expiry: the exam fee again; 0 if lifetime; null if unknown.',
  })
  renewalCost(@Root() cert: CertificationType): number | null {
    return renewalCostCents(cert);
  }

  @FieldResolver(() => ValidityType)
  validity(@Root() cert: CertificationType): ValidityType {
    return { raw: cert.validityRaw, kind: cert.validityKind, months: cert.validityMonths };
  }

  @FieldResolver(() => [PrerequisiteType])
  prerequisites(@Root() cert: CertificationType, @Ctx() { loaders }: Context) {
    return loaders.prerequisites.load(cert.id);
  }

  @FieldResolver(() => [ExamTopicType])
  examTopics(@Root() cert: CertificationType, @Ctx() { loaders }: Context) {
    return loaders.examTopics.load(cert.id);
  }

  @FieldResolver(() => [CourseType])
  courses(@Root() cert: CertificationType, @Ctx() { loaders }: Context) {
    return loaders.courses.load(cert.id);
  }

  @FieldResolver(() => [SkillType])
  skills(@Root() cert: CertificationType, @Ctx() { loaders }: Context) {
    return loaders.certificationSkills.load(cert.id);
  }

  @FieldResolver(() => [String], { description: 'Other names the guide uses for it.' })
  async aliases(@Root() cert: CertificationType, @Ctx() { loaders }: Context) {
    return (await loaders.aliases.load(cert.id)).map((row) => row.alias);
  }
}

@Resolver(() => PrerequisiteType)
export class PrerequisiteResolver {
  @FieldResolver(() => CertificationType, {
    nullable: true,
    description: 'The catalog entry it names; null for skills and experience.',
  })
  certification(@Root() prerequisite: PrerequisiteType, @Ctx() { loaders }: Context) {
    return prerequisite.prerequisiteId === null
      ? null
      : loaders.certification.load(prerequisite.prerequisiteId);
  }
}

@Resolver(() => ProviderType)
export class ProviderResolver {
  @FieldResolver(() => RenewalPolicyType, { nullable: true })
  renewalPolicy(@Root() provider: ProviderType): RenewalPolicyType | null {
    if (provider.renewalPeriodRaw === null) return null;
    return {
      periodRaw: provider.renewalPeriodRaw,
      periodMonths: provider.renewalPeriodMonths,
      requirements: provider.renewalRequirements,
    };
  }
}

@Resolver(() => LearningPathType)
export class LearningPathResolver {
  @FieldResolver(() => ProviderType, { nullable: true })
  provider(@Root() path: LearningPathType, @Ctx() { loaders }: Context) {
    return path.providerId === null ? null : loaders.provider.load(path.providerId);
  }

  @FieldResolver(() => [LearningPathStepType])
  steps(@Root() path: LearningPathType, @Ctx() { loaders }: Context) {
    return loaders.pathSteps.load(path.id);
  }
}

@Resolver(() => LearningPathStepType)
export class LearningPathStepResolver {
  @FieldResolver(() => CertificationType, { nullable: true })
  certification(@Root() step: LearningPathStepType, @Ctx() { loaders }: Context) {
    return step.certificationId === null ? null : loaders.certification.load(step.certificationId);
  }
}

@Resolver(() => StrategyRecommendationType)
export class StrategyRecommendationResolver {
  @FieldResolver(() => CertificationType, { nullable: true })
  certification(@Root() rec: StrategyRecommendationType, @Ctx() { loaders }: Context) {
    return rec.certificationId === null ? null : loaders.certification.load(rec.certificationId);
  }
}
