import { GraphQLScalarType, Kind } from 'graphql';
import { isValidDate } from '../../services/calendar';
import { BadInputError } from '../errors';

function check(value: unknown): string {
  if (typeof value !== 'string' || !isValidDate(value)) {
    throw new BadInputError(
      'Date',
      `expected a calendar date YYYY-MM-DD (e.g. 2025-03-31), got ${JSON.stringify(value)}`,
      value,
    );
  }
  return value;
}

/** A calendar date, `YYYY-MM-DD`, with no time and no zone; returned exactly as stored. */
export const CalendarDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, with no time of day and no time zone.',
  serialize: (value) => check(value),
  parseValue: (value) => check(value),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new BadInputError('Date', 'expected a string such as "2025-03-31"');
    }
    return check(ast.value);
  },
});
