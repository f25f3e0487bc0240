import { Field, Int, ObjectType } from 'type-graphql';
import { CalendarDateScalar } from '../scalars/calendar-date.scalar';
import { CentsScalar } from '../scalars/cents.scalar';
import { HeldCertificationType, TeamRequirementType } from './organization.types';

@ObjectType('RenewalMilestones', {
  description: "The guide's renewal timeline, counted back from the expiry (month-end clamped).",
})
export class RenewalMilestonesType {
  @Field(() => CalendarDateScalar, { description: 'Six months before expiry.' })
  startPreparingOn: string;

  @Field(() => CalendarDateScalar, { description: 'Three months before expiry.' })
  practiceExamsOn: string;

  @Field(() => CalendarDateScalar, { description: 'One month before expiry: final review, exam.' })
  finalReviewOn: string;
}

@ObjectType('ExpiringCredential', {
  description: 'A held certification, active on asOf, that expires within the horizon.',
})
export class ExpiringCredentialType {
  @Field(() => HeldCertificationType)
  heldCertification: HeldCertificationType;

  @Field(() => CalendarDateScalar)
  expiresOn: string;

  @Field(() => Int, { description: 'Days from asOf to expiresOn; 0 on the expiry day.' })
  daysLeft: number;

  @Field(() => CentsScalar, {
    nullable: true,
    description: 'The exam fee again; null when the catalog does not know it.',
  })
  renewalCost: number | null;

  @Field(() => RenewalMilestonesType)
  milestones: RenewalMilestonesType;

  /** The holder and the certification resolve through the request's loaders. */
  employeeId: number;
  certificationId: number;
}

@ObjectType('RequirementAtRisk', {
  description: 'A requirement whose coverage falls below its minimum if the renewals are missed.',
})
export class RequirementAtRiskType {
  @Field(() => TeamRequirementType)
  requirement: TeamRequirementType;

  @Field(() => Int, { description: 'Coverage on asOf.' })
  coverage: number;

  @Field(() => Int, { description: 'Coverage once the expiring holders drop out.' })
  coverageIfMissed: number;

  @Field(() => Int)
  required: number;

  @Field(() => Int, { description: 'required - coverageIfMissed.' })
  shortfall: number;

  @Field(() => CalendarDateScalar, {
    description: 'The earliest date on which one of the expiring holders is last covered.',
  })
  earliestExpiresOn: string;

  /** Resolved to employees (ordered by id) through the request's loader. */
  expiringHolderIds: number[];
}

@ObjectType('RenewalExposure', {
  description: 'What expires within the horizon, what renewing costs, and what is at stake.',
})
export class RenewalExposureType {
  @Field(() => CalendarDateScalar)
  asOf: string;

  @Field(() => Int)
  horizonDays: number;

  @Field(() => CalendarDateScalar, { description: 'asOf + horizonDays, the last day counted.' })
  horizonEnd: string;

  @Field(() => [ExpiringCredentialType], {
    description: 'By expiry, then holder; only people the viewer may see.',
  })
  expiring: ExpiringCredentialType[];

  @Field(() => Int, {
    description: 'Credentials expiring in scope, including those of people not listed.',
  })
  expiringCount: number;

  @Field(() => CentsScalar, { description: 'The sum of the known renewal costs only.' })
  totalRenewalCost: number;

  @Field(() => Int, { description: 'Expiring credentials left out of the total: cost unknown.' })
  unknownCostCount: number;

  @Field(() => [String], { description: 'Names of the certifications whose cost is unknown.' })
  unknownCostCertifications: string[];

  @Field(() => [RequirementAtRiskType], {
    description: 'CRITICAL first, then the larger shortfall, then requirement id.',
  })
  requirementsAtRisk: RequirementAtRiskType[];

  teamId: number | null;
}
