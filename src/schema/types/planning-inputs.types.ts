import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { DEFAULT_PRIORITY_WEIGHTS } from '../../services/optimizer-costs';
import { CalendarDateScalar } from '../scalars/calendar-date.scalar';
import { CentsScalar } from '../scalars/cents.scalar';

@InputType('PriorityWeightsInput', {
  description: 'Worth of closing one person of gap, by priority. Defaults 8, 4, 2, 1.',
})
export class PriorityWeightsInput {
  @Field(() => Int, { defaultValue: DEFAULT_PRIORITY_WEIGHTS.CRITICAL })
  critical: number;

  @Field(() => Int, { defaultValue: DEFAULT_PRIORITY_WEIGHTS.HIGH })
  high: number;

  @Field(() => Int, { defaultValue: DEFAULT_PRIORITY_WEIGHTS.MEDIUM })
  medium: number;

  @Field(() => Int, { defaultValue: DEFAULT_PRIORITY_WEIGHTS.LOW })
  low: number;
}

@InputType('ExamFeeInput', { description: 'An exam fee to use instead of the catalog cost.' })
export class ExamFeeInput {
  @Field(() => ID)
  certificationId: string;

  @Field(() => CentsScalar)
  fee: number;
}

@InputType('CostAssumptionsInput', {
  description:
    "The guide's cost breakdown: exam fees, study materials, practice exams, retake fees. The " +
    'guide gives numbers only for exam fees (the catalog cost); the others default to 0.',
})
export class CostAssumptionsInput {
  @Field(() => [ExamFeeInput], {
    defaultValue: [],
    description:
      'Overrides of the catalog exam fee; also prices a credential of unknown cost. At most ' +
      'one per certification, which must be in the catalog.',
  })
  examFees: ExamFeeInput[];

  @Field(() => CentsScalar, { defaultValue: 0, description: 'Per credential.' })
  studyMaterials: number;

  @Field(() => CentsScalar, { defaultValue: 0, description: 'Per credential.' })
  practiceExams: number;

  @Field(() => Float, {
    defaultValue: 0,
    description: 'Retake allowance = this probability x the exam fee, rounded to a cent.',
  })
  retakeProbability: number;
}

@ArgsType()
export class OptimizerArgs {
  @Field(() => ID)
  teamId: string;

  @Field(() => CentsScalar, { description: 'The cap on the sum of expected costs.' })
  budget: number;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'Default: today.' })
  asOf: string | null;

  @Field(() => Int, { defaultValue: 365 })
  horizonDays: number;

  @Field(() => PriorityWeightsInput, { nullable: true })
  weights: PriorityWeightsInput | null;

  @Field(() => CostAssumptionsInput, { nullable: true })
  costs: CostAssumptionsInput | null;

  @Field(() => Int, { defaultValue: 1, description: 'Credentials (renewals too) a person.' })
  maxPerPersonPerQuarter: number;

  @Field(() => Float, {
    defaultValue: 10,
    description:
      'For the whole request, from 0.1 to 60; past it the best plan known answers, with ' +
      'status TIME_LIMIT unless it closes every weighted gap.',
  })
  timeLimitSeconds: number;

  @Field(() => Int, { defaultValue: 1, description: '1 = January: the calendar year.' })
  fiscalYearStartMonth: number;
}

@ArgsType()
export class BudgetChangeArgs extends OptimizerArgs {
  @Field(() => CentsScalar, { description: 'Added to budget; for a cut, pass the lower budget.' })
  delta: number;
}
