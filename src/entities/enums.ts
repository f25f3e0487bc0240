export enum ExperienceLevel {
  BEGINNER = 'BEGINNER',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
}

export enum Priority {
  CRITICAL = 'CRITICAL',
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

export enum CostKind {
  ONE_TIME = 'ONE_TIME',
  MONTHLY = 'MONTHLY',
  PER_COURSE = 'PER_COURSE',
  UNKNOWN = 'UNKNOWN',
}

export enum ValidityKind {
  FIXED = 'FIXED',
  LIFETIME = 'LIFETIME',
  UNKNOWN = 'UNKNOWN',
}

export enum DurationUnit {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
