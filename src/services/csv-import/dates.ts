import { BadInputError } from '../../schema/errors';
import { addDays, isValidDate } from '../calendar';

/**
 * A date layout a caller names for a file, such as `DD/MM/YYYY` or `MM-DD-YYYY`: the three
 * parts in any order, joined by one separator (`/`, `.`, `-` or a space).
 */
export interface DateFormat {
  text: string;
  order: Array<'DD' | 'MM' | 'YYYY'>;
  separator: string;
}

const FORMAT = /^(DD|MM|YYYY)([/.\- ])(DD|MM|YYYY)\2(DD|MM|YYYY)$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const SERIAL = /^\d{1,7}(\.\d+)?$/;
// Excel's 1900 date system: serial 1 is 1900-01-01, and 60 is 1900-02-29, a day Excel
// invented to stay compatible with Lotus 1-2-3. Serials after it are one day too high.
const EXCEL_FAKE_LEAP_DAY = 60;
const EXCEL_LAST_SERIAL = 2_958_465; // 9999-12-31

/** Reads a caller's `dateFormat`; throws BAD_USER_INPUT naming the accepted layouts. */
export function parseDateFormat(text: string): DateFormat {
  const match = FORMAT.exec(text.trim().toUpperCase());
  const order = match ? [match[1], match[3], match[4]] : [];
  if (!match || new Set(order).size !== 3) {
    throw new BadInputError(
      'dateFormat',
      'must arrange DD, MM and YYYY with one separator, e.g. DD/MM/YYYY or MM/DD/YYYY',
      text,
    );
  }
  return { text: match[0], order: order as DateFormat['order'], separator: match[2] };
}

/**
 * A cell as an ISO date. Accepted everywhere: `YYYY-MM-DD` and Excel serial numbers (1900
 * date system). Other layouts only in the caller's `format`; without one, 03/04/2024 is
 * refused, since it is 3 April in most of the world and March 4 in the United States.
 */
export function importDate(field: string, cell: string, format: DateFormat | null): string {
  const value = cell.trim();
  if (ISO.test(value)) return checked(field, value, cell);
  if (SERIAL.test(value)) return fromExcelSerial(field, value);
  if (!format) {
    throw new BadInputError(
      field,
      'is not a YYYY-MM-DD date or an Excel serial number; for another layout name the ' +
        "file's dateFormat (e.g. DD/MM/YYYY), since a date like 03/04/2024 is ambiguous",
      cell,
    );
  }
  const parts = value.split(format.separator);
  const digits = { DD: /^\d{1,2}$/, MM: /^\d{1,2}$/, YYYY: /^\d{4}$/ };
  if (parts.length !== 3 || format.order.some((part, i) => !digits[part].test(parts[i] ?? ''))) {
    throw new BadInputError(field, `does not match the date format ${format.text}`, cell);
  }
  const at = (part: DateFormat['order'][number]) => parts[format.order.indexOf(part)] ?? '';
  return checked(
    field,
    `${at('YYYY')}-${at('MM').padStart(2, '0')}-${at('DD').padStart(2, '0')}`,
    cell,
  );
}

function checked(field: string, iso: string, cell: string): string {
  if (!isValidDate(iso)) throw new BadInputError(field, `is not a calendar date (${iso})`, cell);
  return iso;
}

/** Excel's serial day number (a time of day after the point is dropped) as an ISO date. */
export function fromExcelSerial(field: string, cell: string): string {
  const serial = Math.floor(Number(cell));
  if (serial < 1 || serial > EXCEL_LAST_SERIAL) {
    throw new BadInputError(
      field,
      `as an Excel serial date must be from 1 to ${EXCEL_LAST_SERIAL}, got ${serial}`,
      cell,
    );
  }
  if (serial === EXCEL_FAKE_LEAP_DAY) {
    throw new BadInputError(
      field,
      'is Excel serial 60, which Excel shows as 1900-02-29, a day that did not exist',
      cell,
    );
  }
  return addDays('1899-12-31', serial < EXCEL_FAKE_LEAP_DAY ? serial : serial - 1);
}
