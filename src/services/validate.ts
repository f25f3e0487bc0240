import { FIRST_DATE, isAcceptedDate, LAST_INPUT_DATE } from './calendar';
import { BadInputError } from '../schema/errors';

// Control characters have no place in text; notes may keep tabs and line breaks, names not.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A trimmed, non-empty string of at most `max` characters, free of control characters and
 * of unpaired surrogates (which PostgreSQL would store as U+FFFD, not as sent). Everything
 * else, quotes and right-to-left marks included, is stored exactly as given.
 */
export function text(field: string, value: string, max: number, multiline = false): string {
  const trimmed = value.trim();
  if (!trimmed.isWellFormed()) {
    throw new BadInputError(field, 'must be well-formed Unicode (it has an unpaired surrogate)');
  }
  if (trimmed.length === 0) throw new BadInputError(field, 'must not be empty', value);
  if (trimmed.length > max) {
    throw new BadInputError(field, `must be at most ${max} characters, got ${trimmed.length}`);
  }
  if (CONTROL.test(trimmed)) throw new BadInputError(field, 'must not contain control characters');
  if (!multiline && LINE_BREAK_OR_TAB.test(trimmed)) {
    throw new BadInputError(field, 'must be one line, without tabs or line breaks');
  }
  return trimmed;
}

export function optionalText(
  field: string,
  value: string | null | undefined,
  max: number,
  multiline = false,
) {
  return value === null || value === undefined ? null : text(field, value, max, multiline);
}

export function email(field: string, value: string): string {
  const address = text(field, value, 320).toLowerCase();
  if (!EMAIL.test(address)) {
    throw new BadInputError(field, 'must be an email address such as ada@example.com', value);
  }
  return address;
}

export function date(field: string, value: string): string {
  if (!isAcceptedDate(value)) {
    throw new BadInputError(
      field,
      `must be a calendar date YYYY-MM-DD from ${FIRST_DATE} to ${LAST_INPUT_DATE}`,
      value,
    );
  }
  return value;
}

export function positiveInt(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new BadInputError(field, `must be a whole number from 1 to ${max}`, value);
  }
  return value;
}

/** The id of a stored row: GraphQL IDs arrive as strings. */
export function id(field: string, value: string | number): number {
  const parsed = typeof value === 'number' ? value : Number(value);
  if (
    !Number.isSafeInteger(parsed) ||
    parsed < 1 ||
    parsed > 2_147_483_647 ||
    !/^\d+$/.test(String(value))
  ) {
    throw new BadInputError(field, 'must be a record id: a whole number from 1', value);
  }
  return parsed;
}
