import type {
  CostKind,
  DurationUnit,
  ExperienceLevel,
  ParsedExamTopic,
  ValidityKind,
} from './parse';

/** The catalog as plain records keyed by slug, ready to be written to the database. */

export interface ProviderRecord {
  slug: string;
  name: string;
  renewalPeriodRaw: string | null;
  renewalPeriodMonths: number | null;
  renewalRequirements: string[];
}

export interface PrerequisiteRecord {
  raw: string;
  /** The catalog entry the text names, or null for a skill or experience requirement. */
  prerequisiteSlug: string | null;
}

export interface CourseRecord {
  /** NVIDIA's "fundamentals", "applications", "deployment"; null for a flat course list. */
  group: string | null;
  name: string;
}

export interface CertificationRecord {
  slug: string;
  name: string;
  providerSlug: string;
  university: string | null;
  instructor: string | null;
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
  examFormat: string | null;
  focus: string | null;
  recognition: string | null;
  credit: string | null;
  studyResources: string[];
  /** False for entries the guide only names (as a prerequisite or a path step). */
  dataComplete: boolean;
  sourceSection: string;
  prerequisites: PrerequisiteRecord[];
  /** The guide's 'exam_topics' (weighted) and 'topics' (unweighted), in order. */
  examTopics: ParsedExamTopic[];
  courses: CourseRecord[];
}

export interface AliasRecord {
  /** Normalized: lower case, whitespace collapsed. */
  alias: string;
  certificationSlug: string;
}

export interface SkillRecord {
  slug: string;
  name: string;
}

export interface SkillLinkRecord {
  certificationSlug: string;
  skillSlug: string;
  /** The certification's own guide text that matched the skill. */
  evidence: string;
}

export interface LearningPathStepRecord {
  /** The guide's key for the step ("week_1_4", "step_2", "beginner"). */
  label: string;
  title: string;
  certificationSlug: string | null;
  durationRaw: string | null;
  durationMin: number | null;
  durationMax: number | null;
  durationUnit: DurationUnit | null;
  details: string[];
}

export interface LearningPathRecord {
  slug: string;
  name: string;
  providerSlug: string | null;
  timelineRaw: string | null;
  timelineMinMonths: number | null;
  timelineMaxMonths: number | null;
  sourceSection: string;
  steps: LearningPathStepRecord[];
}

export interface CareerRoleRecord {
  slug: string;
  name: string;
  fromGuide: boolean;
}

/** One name in the strategy: by career role or by experience level, never both. */
export interface RecommendationRecord {
  careerRoleSlug: string | null;
  experienceLevel: ExperienceLevel | null;
  /** 1-based order within its role or level, as in the guide. */
  position: number;
  rawName: string;
  /** Null when the name is a category rather than one credential. */
  certificationSlug: string | null;
}

export interface Catalog {
  providers: ProviderRecord[];
  certifications: CertificationRecord[];
  aliases: AliasRecord[];
  skills: SkillRecord[];
  skillLinks: SkillLinkRecord[];
  learningPaths: LearningPathRecord[];
  careerRoles: CareerRoleRecord[];
  recommendations: RecommendationRecord[];
}
