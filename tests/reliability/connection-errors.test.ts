import { GraphQLError } from 'graphql';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/connection-errors';
import { createErrorFormatter } from '../../src/schema/format-error';

/** A node-postgres server error: a message and a SQLSTATE. */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'FATAL' });
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });
}

describe('which failures mean "the database is unavailable"', () => {
  it.each([
    ['refused', socketError('ECONNREFUSED')],
    ['reset', socketError('ECONNRESET')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['dropped', new Error('Connection terminated unexpectedly')],
    ['connect timeout', new Error('Connection terminated due to connection timeout')],
    ['admin shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['starting up', pgError('57P03', 'the database system is starting up')],
    ['class 08', pgError('08006', 'connection failure')],
    ['too many clients', pgError('53300', 'sorry, too many clients already')],
    [
      'wrapped by TypeORM',
      new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection')),
    ],
    ['runner released mid-transaction', new QueryRunnerAlreadyReleasedError()],
    ['manager of a released runner', new QueryRunnerProviderAlreadyReleasedError()],
    ['several addresses refused', new AggregateError([socketError('ECONNREFUSED')])],
    ['as a cause', new Error('query failed', { cause: socketError('ECONNREFUSED') })],
  ])('%s: yes', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key'))],
    ['statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['syntax error', pgError('42601', 'syntax error at or near "SELEC"')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('%s: no', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on a cycle of causes', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe('the error a client sees', () => {
  const logged: unknown[] = [];
  const format = createErrorFormatter((error) => logged.push(error));

  it('says DATABASE_UNAVAILABLE without SQL, parameters or a stack, and logs the cause', () => {
    const cause = new QueryFailedError(
      'SELECT "e"."email" FROM "employee" "e" WHERE "e"."id" = $1',
      [42],
      pgError('57P01', 'terminating connection due to administrator command'),
    );
    const error = new GraphQLError(cause.message, { path: ['employee'], originalError: cause });
    const formatted = format({ message: cause.message, path: ['employee'] }, error);
    expect(formatted).toEqual({
      message: 'The database is unavailable; try again shortly.',
      path: ['employee'],
      extensions: { code: 'DATABASE_UNAVAILABLE' },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/SELECT|email|42|administrator|stack/);
    expect(logged).toContain(cause);
  });

  it('still masks every other failure as INTERNAL_SERVER_ERROR', () => {
    const cause = new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key value'));
    const error = new GraphQLError(cause.message, { path: ['x'], originalError: cause });
    expect(format({ message: cause.message, path: ['x'] }, error).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });
});
