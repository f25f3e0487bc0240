import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CentsScalar } from '../scalars/cents.scalar';

@ObjectType('PriorityWeights')
export class PriorityWeightsType {
  @Field(() => Int)
  critical: number;

  @Field(() => Int)
  high: number;

  @Field(() => Int)
  medium: number;

  @Field(() => Int)
  low: number;
}

@ObjectType('ExamFee')
export class ExamFeeType {
  @Field(() => ID)
  certificationId: number;

  @Field(() => CentsScalar)
  fee: number;
}

@ObjectType('CostAssumptions', { description: 'The assumptions the plan was priced with.' })
export class CostAssumptionsType {
  @Field(() => [ExamFeeType])
  examFees: ExamFeeType[];

  @Field(() => CentsScalar)
  studyMaterials: number;

  @Field(() => CentsScalar)
  practiceExams: number;

  @Field(() => Float)
  retakeProbability: number;
}
