import type { EntityManager } from 'typeorm';
import { BadInputError } from '../../schema/errors';
import { expiryDate } from '../calendar';
import type { HeldRecord } from '../renewal-exposure.service';
import * as valid from '../validate';
import { auditMany, inSlices, type ImportActor } from './audit-rows';
import { importDate } from './dates';
import { addToGroup } from './group';
import type { ImportKindHandler } from './kind';
import {
  changedFields,
  errorRow,
  ImportAction,
  type ImportRowResult,
  type PlannedRow,
} from './report';

interface HeldRow {
  email: string;
  certification: string;
  earnedOn: string;
  /** Null: derived from the catalog's validity, as `recordCertification` does. */
  expiresOn: string | null;
  /** Undefined without the column: an update keeps the stored value. */
  credentialId: string | null | undefined;
}

interface HeldWrite {
  before: HeldRecord | null;
  after: Omit<HeldRecord, 'id'>;
}

/**
 * Credentials by (employee email, certification slug or alias, earnedOn): a new triple
 * records a credential, a known one updates its expiry and credential id.
 */
export const heldCertifications: ImportKindHandler<HeldRow, HeldWrite> = {
  columns: [
    { field: 'email', names: ['email', 'employee email'], required: true },
    {
      field: 'certification',
      names: ['certification', 'certification slug', 'slug', 'cert'],
      required: true,
    },
    {
      field: 'earnedOn',
      names: ['earned on', 'earned', 'date earned', 'issued on'],
      required: true,
    },
    {
      field: 'expiresOn',
      names: ['expires on', 'expires', 'expiry date', 'expiration date'],
      required: false,
    },
    { field: 'credentialId', names: ['credential id', 'credential'], required: false },
  ],

  parse(cells, settings) {
    const earnedOn = importDate('earnedOn', cells.earnedOn ?? '', settings.dateFormat);
    if (earnedOn > settings.today) {
      throw new BadInputError('earnedOn', `cannot be after today (${settings.today})`, earnedOn);
    }
    const expires = cells.expiresOn?.trim();
    const expiresOn = expires ? importDate('expiresOn', expires, settings.dateFormat) : null;
    if (expiresOn !== null && expiresOn < earnedOn) {
      throw new BadInputError('expiresOn', `cannot be before earnedOn (${earnedOn})`, expiresOn);
    }
    const credential = cells.credentialId;
    return {
      email: valid.email('email', cells.email ?? ''),
      certification: valid.text('certification', cells.certification ?? '', 200),
      earnedOn,
      expiresOn,
      credentialId:
        credential === undefined
          ? undefined
          : valid.optionalText('credentialId', credential.trim() || null, 100),
    };
  },

  key: (row) => `${row.email}|${row.certification}|${row.earnedOn}`,

  async plan(tx, rows, settings) {
    const values = rows.map((row) => row.value);
    const people = await lookup<{ id: number }>(
      tx,
      'SELECT id, email AS key FROM employee WHERE email = ANY($1)',
      values.map((v) => v.email),
    );
    const certs = await lookup<{ id: number; validityMonths: number | null }>(
      tx,
      `SELECT id, slug AS key, validity_months AS "validityMonths" FROM certification
        WHERE slug = ANY($1)
       UNION ALL
       SELECT c.id, a.alias, c.validity_months FROM certification_alias a
         JOIN certification c ON c.id = a.certification_id WHERE a.alias = ANY($1)`,
      values.map((v) => v.certification),
    );
    const keyed = values.map((v) => ({
      employeeId: people.get(v.email)?.id ?? 0,
      certificationId: certs.get(v.certification)?.id ?? 0,
      earnedOn: v.earnedOn,
    }));
    const found: HeldRecord[] = await tx.query(
      `SELECT h.id, h.employee_id AS "employeeId", h.certification_id AS "certificationId",
              h.earned_on AS "earnedOn", h.expires_on AS "expiresOn",
              h.credential_id AS "credentialId", h.revoked_on AS "revokedOn",
              h.revoke_reason AS "revokeReason"
         FROM held_certification h
         JOIN unnest($1::int[], $2::int[], $3::date[])
              AS u(employee_id, certification_id, earned_on)
           ON (h.employee_id, h.certification_id, h.earned_on) =
              (u.employee_id, u.certification_id, u.earned_on)
        ORDER BY h.id ${settings.lock ? 'FOR UPDATE OF h' : ''}`,
      [
        keyed.map((k) => k.employeeId),
        keyed.map((k) => k.certificationId),
        keyed.map((k) => k.earnedOn),
      ],
    );
    const existing = new Map<string, HeldRecord[]>();
    for (const held of found) {
      const key = tripleKey(held);
      addToGroup(existing, key, held);
    }

    // A slug and an alias of one certification are two keys in the file but one credential.
    const lineOfTriple = new Map<string, number>();
    return rows.map(({ line, value }): PlannedRow<HeldWrite> | ImportRowResult => {
      const person = people.get(value.email);
      const cert = certs.get(value.certification);
      if (!person) return errorRow(line, `email: no employee has the email ${value.email}`);
      if (!cert) {
        return errorRow(
          line,
          `certification: no certification has the slug or alias "${value.certification}"`,
        );
      }
      const triple = tripleKey({
        employeeId: person.id,
        certificationId: cert.id,
        earnedOn: value.earnedOn,
      });
      const earlier = lineOfTriple.get(triple);
      if (earlier !== undefined)
        return errorRow(line, `records the same credential as line ${earlier}`);
      lineOfTriple.set(triple, line);
      const matches = existing.get(triple) ?? [];
      if (matches.length > 1) {
        return errorRow(
          line,
          `${matches.length} records of this credential were earned on ${value.earnedOn}; ` +
            'update them one by one',
        );
      }
      const before = matches[0] ?? null;
      const after = {
        employeeId: person.id,
        certificationId: cert.id,
        earnedOn: value.earnedOn,
        expiresOn: value.expiresOn ?? expiryDate(value.earnedOn, cert.validityMonths),
        credentialId:
          value.credentialId === undefined ? (before?.credentialId ?? null) : value.credentialId,
        revokedOn: before?.revokedOn ?? null,
        revokeReason: before?.revokeReason ?? null,
      };
      if (!before)
        return { line, action: ImportAction.CREATE, reason: null, value: { before, after } };
      const changes = changedFields({ ...after, id: before.id }, before, [
        'expiresOn',
        'credentialId',
      ]);
      const action = changes ? ImportAction.UPDATE : ImportAction.UNCHANGED;
      return { line, action, reason: changes, value: { before, after } };
    });
  },

  write: inSlices(writeSlice),
};

function tripleKey(held: Pick<HeldRecord, 'employeeId' | 'certificationId' | 'earnedOn'>) {
  return `${held.employeeId}|${held.certificationId}|${held.earnedOn}`;
}

/** Rows by their `key` column; the first row wins where two share a key. */
async function lookup<T>(tx: EntityManager, sql: string, keys: string[]): Promise<Map<string, T>> {
  const rows: Array<T & { key: string }> = await tx.query(sql, [[...new Set(keys)]]);
  const map = new Map<string, T>();
  for (const row of rows) if (!map.has(row.key)) map.set(row.key, row);
  return map;
}

async function writeSlice(tx: EntityManager, rows: HeldWrite[], actor: ImportActor) {
  const created = rows.filter((row) => row.before === null);
  const updated = rows.filter((row) => row.before !== null);
  const inserted: Array<
    { id: number } & Pick<HeldRecord, 'employeeId' | 'certificationId' | 'earnedOn'>
  > = await tx.query(
    `INSERT INTO held_certification
         (employee_id, certification_id, earned_on, expires_on, credential_id)
       SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::date[], $5::text[])
       RETURNING id, employee_id AS "employeeId", certification_id AS "certificationId",
                 earned_on AS "earnedOn"`,
    [
      created.map((r) => r.after.employeeId),
      created.map((r) => r.after.certificationId),
      created.map((r) => r.after.earnedOn),
      created.map((r) => r.after.expiresOn),
      created.map((r) => r.after.credentialId),
    ],
  );
  if (updated.length > 0) {
    await tx.query(
      `UPDATE held_certification h SET expires_on = u.expires_on, credential_id = u.credential_id
         FROM unnest($1::int[], $2::date[], $3::text[]) AS u(id, expires_on, credential_id)
        WHERE h.id = u.id`,
      [
        updated.map((r) => r.before?.id ?? 0),
        updated.map((r) => r.after.expiresOn),
        updated.map((r) => r.after.credentialId),
      ],
    );
  }
  // The plan lets each (employee, certification, earnedOn) be created once per import.
  const ids = new Map(inserted.map((row) => [tripleKey(row), row.id]));
  const changes = [
    ...created.map((row) => ({
      entityId: ids.get(tripleKey(row.after)) ?? 0,
      before: null,
      after: row.after,
    })),
    ...updated.map((row) => ({
      entityId: row.before?.id ?? 0,
      before: row.before,
      after: row.after,
    })),
  ];
  await auditMany(
    tx,
    actor,
    'held_certification',
    changes.map((c) => ({ ...c, after: { id: c.entityId, ...c.after } })),
  );
}
