import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CostKind, DurationUnit, ExperienceLevel, ValidityKind } from '../enums';
import { CentsScalar } from '../scalars/cents.scalar';

@ObjectType('RenewalPolicy', {
  description: "A provider's renewal rules, as the guide gives them.",
})
export class RenewalPolicyType {
  @Field(() => String)
  periodRaw: string;

  @Field(() => Int, { nullable: true })
  periodMonths: number | null;

  @Field(() => [String])
  requirements: string[];
}

@ObjectType('Provider')
export class ProviderType {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  name: string;

  renewalPeriodRaw: string | null;
  renewalPeriodMonths: number | null;
  renewalRequirements: string[];
}

@ObjectType('LevelRange', {
  description: 'Beginner to Intermediate is min BEGINNER, max INTERMEDIATE.',
})
export class LevelRangeType {
  @Field(() => String, { description: 'The guide text.' })
  raw: string;

  @Field(() => ExperienceLevel)
  min: ExperienceLevel;

  @Field(() => ExperienceLevel)
  max: ExperienceLevel;
}

@ObjectType('Duration')
export class DurationType {
  @Field(() => String, { description: 'The guide text, e.g. "3-6 months".' })
  raw: string;

  @Field(() => Int)
  min: number;

  @Field(() => Int)
  max: number;

  @Field(() => DurationUnit)
  unit: DurationUnit;

  @Field(() => Boolean, {
    description: 'True when the range is per course ("1-3 days per course").',
  })
  perCourse: boolean;
}

@ObjectType('CostEstimate', {
  description: 'An estimate in integer cents: min <= expected <= max.',
})
export class CostEstimateType {
  @Field(() => CentsScalar)
  min: number;

  @Field(() => CentsScalar)
  expected: number;

  @Field(() => CentsScalar)
  max: number;
}

@ObjectType('CostModel')
export class CostModelType {
  @Field(() => String, { nullable: true, description: 'The guide text, e.g. "$39/month".' })
  raw: string | null;

  @Field(() => CostKind)
  kind: CostKind;

  @Field(() => CentsScalar, { nullable: true, description: 'The fee (per month, per course).' })
  feeLow: number | null;

  @Field(() => CentsScalar, { nullable: true })
  feeHigh: number | null;

  @Field(() => CostEstimateType, {
    nullable: true,
    description: 'What earning it costs; null when the guide gives no cost.',
  })
  estimate: CostEstimateType | null;
}

@ObjectType('Validity')
export class ValidityType {
  @Field(() => String, { nullable: true, description: 'The guide text, e.g. "3 years".' })
  raw: string | null;

  @Field(() => ValidityKind)
  kind: ValidityKind;

  @Field(() => Int, { nullable: true })
  months: number | null;
}

@ObjectType('Prerequisite')
export class PrerequisiteType {
  @Field(() => Int)
  position: number;

  @Field(() => String, { description: 'The guide text.' })
  raw: string;

  prerequisiteId: number | null;
}

@ObjectType('ExamTopic')
export class ExamTopicType {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  weightRaw: string | null;

  @Field(() => Int, { nullable: true, description: 'Lower bound of the weight, in percent.' })
  weightMin: number | null;

  @Field(() => Int, { nullable: true })
  weightMax: number | null;
}

@ObjectType('Course')
export class CourseType {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  group: string | null;
}

@ObjectType('Skill')
export class SkillType {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  name: string;
}

@ObjectType('Certification')
export class CertificationType {
  @Field(() => ID)
  id: number;

  @Field(() => String, { description: "The guide's stable key, e.g. aws_ml_specialty." })
  slug: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  university: string | null;

  @Field(() => String, { nullable: true })
  instructor: string | null;

  @Field(() => String, { nullable: true })
  examFormat: string | null;

  @Field(() => String, { nullable: true })
  focus: string | null;

  @Field(() => String, { nullable: true })
  recognition: string | null;

  @Field(() => String, { nullable: true })
  credit: string | null;

  @Field(() => [String])
  studyResources: string[];

  @Field(() => Boolean, {
    description: 'False for entries the guide only names (as a prerequisite or a path step).',
  })
  dataComplete: boolean;

  @Field(() => String, { nullable: true, description: 'Where in the guide the entry comes from.' })
  sourceSection: string | null;

  providerId: number;
  levelRaw: string | null;
  levelMin: ExperienceLevel | null;
  levelMax: ExperienceLevel | null;
  durationRaw: string | null;
  durationMin: number | null;
  durationMax: number | null;
  durationUnit: DurationUnit | null;
  durationPerCourse: boolean;
  costRaw: string | null;
  costKind: CostKind;
  costLowCents: number | null;
  costHighCents: number | null;
  validityRaw: string | null;
  validityKind: ValidityKind;
  validityMonths: number | null;
}

@ObjectType('LearningPathStep')
export class LearningPathStepType {
  @Field(() => Int)
  position: number;

  @Field(() => String, { description: 'The guide key, e.g. step_1, week_1_4, foundation.' })
  label: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  durationRaw: string | null;

  @Field(() => [String])
  details: string[];

  certificationId: number | null;
}

@ObjectType('LearningPath')
export class LearningPathType {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  timelineRaw: string | null;

  @Field(() => Int, { nullable: true })
  timelineMinMonths: number | null;

  @Field(() => Int, { nullable: true })
  timelineMaxMonths: number | null;

  @Field(() => String, { nullable: true })
  sourceSection: string | null;

  providerId: number | null;
}

@ObjectType('CareerRole')
export class CareerRoleType {
  @Field(() => ID)
  id: number;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  name: string;

  @Field(() => Boolean)
  fromGuide: boolean;
}

@ObjectType('StrategyRecommendation', {
  description: 'A credential the strategy recommends, or a category with no single credential.',
})
export class StrategyRecommendationType {
  @Field(() => String)
  rawName: string;

  @Field(() => Boolean)
  isCategory: boolean;

  certificationId: number | null;
}
