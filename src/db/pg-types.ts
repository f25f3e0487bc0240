import pg from 'pg';

/**
 * Decides, once for the whole process, how PostgreSQL values cross into JavaScript:
 * - `date` stays the `YYYY-MM-DD` string PostgreSQL sent; a JS Date would be local
 *   midnight and can shift the day.
 * - `bigint` (what SUM and COUNT return) becomes a number, refused past 2^53 rather than
 *   silently rounded.
 */
const DATE_OID = 1082;
const INT8_OID = 20;

function safeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`integer ${text} from PostgreSQL exceeds JavaScript's safe range`);
  }
  return value;
}

let installed = false;

export function installPgTypeParsers(): void {
  if (installed) return;
  pg.types.setTypeParser(DATE_OID, (text: string) => text);
  pg.types.setTypeParser(INT8_OID, safeInteger);
  installed = true;
}
