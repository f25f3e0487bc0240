import { GraphQLScalarType, Kind } from 'graphql';
import { FIRST_DATE, isAcceptedDate, LAST_INPUT_DATE } from '../../services/calendar';
import { BadInputError } from '../errors';

function check(value: unknown): string {
  if (typeof value !== 'string' || !isAcceptedDate(value)) {
    throw new BadInputError(
      'Date',
      `expected a calendar date YYYY-MM-DD from ${FIRST_DATE} to ${LAST_INPUT_DATE}, ` +
        `got ${JSON.stringify(value)}`,
      value,
    );
  }
  return value;
}

/** Output is checked for shape only: a stored or computed date may lie past the input range. */
function checkOutput(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new TypeError(`a Date field resolved to ${JSON.stringify(value)}`);
  }
  return value;
}

/** A calendar date, `YYYY-MM-DD`, with no time and no zone; returned exactly as stored. */
export const CalendarDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, with no time of day and no time zone.',
  serialize: (value) => checkOutput(value),
  parseValue: (value) => check(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new BadInputError('Date', 'expected a string such as "2025-03-31"');
    }
    return check(ast.value);
  },
});
