import type { NonEmptyArray } from 'type-graphql';
import { AuditResolver } from './audit.resolver';
import { ImportResolver } from './import.resolver';
import {
  RequirementTrainingPlanResolver,
  TrainingAssignmentResolver,
  TrainingBudgetQueryResolver,
  TrainingBudgetResolver,
} from './budget.resolver';
import {
  CareerPlanQueryResolver,
  CareerPlanResolver,
  CareerPlanStepResolver,
} from './career-plan.resolver';
import { CareerRoleResolver, CatalogResolver } from './catalog.resolver';
import {
  CertificationResolver,
  LearningPathResolver,
  LearningPathStepResolver,
  PrerequisiteResolver,
  ProviderResolver,
  StrategyRecommendationResolver,
} from './certification.resolver';
import {
  CoverageQueryResolver,
  RequirementCoverageResolver,
  TeamCoverageResolver,
} from './coverage.resolver';
import { OrganizationMutationResolver } from './organization.mutation.resolver';
import {
  CareerGoalResolver,
  EmployeeResolver,
  HeldCertificationResolver,
  OrganizationQueryResolver,
  TeamRequirementResolver,
  TeamResolver,
} from './organization.resolver';
import {
  ExpiringCredentialResolver,
  RenewalExposureResolver,
  RequirementAtRiskResolver,
} from './renewal.resolver';
import {
  ExcludedCertificationResolver,
  OptimalTrainingPlanResolver,
  PlannedAssignmentResolver,
  PlanningQueryResolver,
} from './planning.resolver';
import {
  LeaverImpactResolver,
  LeaverRequirementImpactResolver,
  SinglePointOfFailureResolver,
  WhatIfQueryResolver,
} from './what-if.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [
  CatalogResolver,
  CareerRoleResolver,
  CertificationResolver,
  PrerequisiteResolver,
  ProviderResolver,
  LearningPathResolver,
  LearningPathStepResolver,
  StrategyRecommendationResolver,
  OrganizationQueryResolver,
  TeamResolver,
  EmployeeResolver,
  HeldCertificationResolver,
  TeamRequirementResolver,
  CareerGoalResolver,
  OrganizationMutationResolver,
  CoverageQueryResolver,
  TeamCoverageResolver,
  RequirementCoverageResolver,
  RenewalExposureResolver,
  ExpiringCredentialResolver,
  RequirementAtRiskResolver,
  TrainingBudgetQueryResolver,
  TrainingBudgetResolver,
  TrainingAssignmentResolver,
  RequirementTrainingPlanResolver,
  CareerPlanQueryResolver,
  CareerPlanResolver,
  CareerPlanStepResolver,
  PlanningQueryResolver,
  OptimalTrainingPlanResolver,
  PlannedAssignmentResolver,
  ExcludedCertificationResolver,
  WhatIfQueryResolver,
  SinglePointOfFailureResolver,
  LeaverImpactResolver,
  LeaverRequirementImpactResolver,
  AuditResolver,
  ImportResolver,
];
