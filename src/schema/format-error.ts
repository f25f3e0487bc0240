import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseUnavailable } from '../db/connection-errors';
import { AppError } from './errors';

/** Codes that Apollo itself assigns to client mistakes; these are safe to pass through. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Passes client errors through and masks everything else: no SQL, no file paths, no stack
 * leaves the server. The full error goes to the log instead.
 */
export function createErrorFormatter(log: (error: unknown) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return { message: original.message, path: formatted.path, extensions: formatted.extensions };
    }
    // A scalar that rejects a literal in the query fails validation; the cause is the input.
    const cause = (original as { originalError?: unknown } | null)?.originalError;
    if (cause instanceof AppError) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { ...cause.extensions },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { message, locations, path } = formatted;
      return { message, locations, path, extensions: { code } };
    }
    log(original);
    // Not the client's fault and not a bug: worth a retry once the database is back.
    if (isDatabaseUnavailable(original)) {
      return {
        message: 'The database is unavailable; try again shortly.',
        path: formatted.path,
        extensions: { code: 'DATABASE_UNAVAILABLE' },
      };
    }
    return {
      message: 'Internal server error; the details are in the server log.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
