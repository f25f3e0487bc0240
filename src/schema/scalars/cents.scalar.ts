import { GraphQLScalarType, Kind } from 'graphql';
import { BadInputError } from '../errors';

/** The largest amount accepted as input: ten billion dollars, far past any training budget. */
export const MAX_INPUT_CENTS = 1_000_000_000_000;

function check(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new BadInputError(
      'Cents',
      `expected a whole number of US cents, got ${JSON.stringify(value)}`,
      value,
    );
  }
  return value;
}

function checkInput(value: unknown): number {
  const cents = check(value);
  if (cents < 0 || cents > MAX_INPUT_CENTS) {
    throw new BadInputError('Cents', `must be between 0 and ${MAX_INPUT_CENTS}, got ${cents}`);
  }
  return cents;
}

/** Money as an integer number of US cents: $300 is 30000. Never a float, never a string. */
export const CentsScalar = new GraphQLScalarType<number, number>({
  name: 'Cents',
  description: 'An amount of money in integer US cents ($300.00 is 30000).',
  serialize: (value) => check(value),
  parseValue: (value) => checkInput(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) {
      throw new BadInputError('Cents', 'expected an integer number of cents, such as 30000');
    }
    return checkInput(Number(ast.value));
  },
});
