import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * Tells "the database cannot be reached" apart from every other failure, so a request that
 * fails for that reason gets a clear, retryable error instead of an internal one.
 */

/** Socket errors from connecting to or talking with the server. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs meaning the server is going away or not accepting work yet: class 08 (connection
 * exception), admin/crash shutdown, "the database system is starting up", too many clients.
 */
const SQLSTATE_CLASS = '08';
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres and its pool say when a connection dies or never comes. */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not queryable/,
];

/**
 * True when `error`, or an error it wraps (TypeORM's `driverError`, `cause`, GraphQL's
 * `originalError`), says the database is unreachable.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || error === null || typeof error !== 'object') return false;
  // TypeORM releases a connection the moment it reports an error; the transaction's next
  // statement then fails with one of these. The service never releases a runner it still
  // uses, so here they mean the connection died mid-transaction.
  if (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof QueryRunnerProviderAlreadyReleasedError
  ) {
    return true;
  }
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    originalError?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string') {
    if (SOCKET_CODES.has(e.code) || SQLSTATES.has(e.code)) return true;
    if (/^[0-9A-Z]{5}$/.test(e.code) && e.code.startsWith(SQLSTATE_CLASS)) return true;
  }
  if (typeof e.message === 'string' && DRIVER_MESSAGES.some((re) => re.test(e.message as string))) {
    return true;
  }
  // A connection attempt to several addresses fails with an AggregateError of socket errors.
  if (
    Array.isArray(e.errors) &&
    e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))
  ) {
    return true;
  }
  return [e.driverError, e.cause, e.originalError].some(
    (inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1),
  );
}
