import { AuditEntry } from './audit-entry.entity';
import { CareerGoal } from './career-goal.entity';
import { CareerRole } from './career-role.entity';
import { CertificationAlias } from './certification-alias.entity';
import { CertificationPrerequisite } from './certification-prerequisite.entity';
import { CertificationSkill } from './certification-skill.entity';
import { Certification } from './certification.entity';
import { Course } from './course.entity';
import { Employee } from './employee.entity';
import { ExamTopic } from './exam-topic.entity';
import { HeldCertification } from './held-certification.entity';
import { LearningPathStep } from './learning-path-step.entity';
import { LearningPath } from './learning-path.entity';
import { Provider } from './provider.entity';
import { Skill } from './skill.entity';
import { StrategyRecommendation } from './strategy-recommendation.entity';
import { TeamRequirement } from './team-requirement.entity';
import { Team } from './team.entity';

export const entities = [
  AuditEntry,
  CareerGoal,
  CareerRole,
  Certification,
  CertificationAlias,
  CertificationPrerequisite,
  CertificationSkill,
  Course,
  Employee,
  ExamTopic,
  HeldCertification,
  LearningPath,
  LearningPathStep,
  Provider,
  Skill,
  StrategyRecommendation,
  Team,
  TeamRequirement,
];
