import type { DataSource } from 'typeorm';
import { Certification } from '../entities/certification.entity';
import { Employee } from '../entities/employee.entity';
import { HeldCertification } from '../entities/held-certification.entity';
import { BadInputError, ConflictError, NotFoundError } from '../schema/errors';
import { expiryDate } from './calendar';
import { audit } from './audit.service';
import type { Viewer } from './auth.service';
import * as valid from './validate';

export interface RecordCertificationInput {
  employeeId: string | number;
  certificationSlug: string;
  earnedOn: string;
  /** When left out, derived from the catalog: earnedOn + validity, clamped to month end. */
  expiresOn?: string | null;
  credentialId?: string | null;
}

export class HeldCertificationService {
  constructor(private readonly db: DataSource) {}

  async record(
    actor: Viewer,
    input: RecordCertificationInput,
    today: string,
  ): Promise<HeldCertification> {
    const employeeId = valid.id('employeeId', input.employeeId);
    const earnedOn = valid.date('earnedOn', input.earnedOn);
    if (earnedOn > today) {
      throw new BadInputError('earnedOn', `cannot be after today (${today})`, earnedOn);
    }
    const credentialId = valid.optionalText('credentialId', input.credentialId, 100);

    return this.db.transaction(async (tx) => {
      if (!(await tx.existsBy(Employee, { id: employeeId }))) {
        throw new NotFoundError('employee', 'id', employeeId);
      }
      const cert = await tx.findOneBy(Certification, { slug: input.certificationSlug });
      if (!cert) throw new NotFoundError('certification', 'slug', input.certificationSlug);

      const expiresOn = input.expiresOn
        ? valid.date('expiresOn', input.expiresOn)
        : expiryDate(earnedOn, cert.validityMonths);
      if (expiresOn !== null && expiresOn < earnedOn) {
        throw new BadInputError('expiresOn', `cannot be before earnedOn (${earnedOn})`, expiresOn);
      }
      const same = await tx.findOneBy(HeldCertification, {
        employeeId,
        certificationId: cert.id,
        earnedOn,
      });
      if (same) {
        throw new ConflictError(
          `employee ${employeeId} already has ${cert.slug} earned on ${earnedOn} ` +
            `(held certification ${same.id})`,
          { field: 'earnedOn' },
        );
      }
      const saved = await tx.save(
        tx.create(HeldCertification, {
          employeeId,
          certificationId: cert.id,
          earnedOn,
          expiresOn,
          credentialId,
          revokedOn: null,
          revokeReason: null,
        }),
      );
      await audit(tx, actor, {
        action: 'CREATE',
        entity: 'held_certification',
        entityId: saved.id,
        before: null,
        after: saved,
      });
      return saved;
    });
  }

  /** Marks a held certification revoked; it stays on record but no longer counts. */
  async revoke(
    actor: Viewer,
    heldId: string | number,
    options: { revokedOn: string; reason?: string | null; today: string },
  ): Promise<HeldCertification> {
    const id = valid.id('id', heldId);
    const revokedOn = valid.date('revokedOn', options.revokedOn);
    if (revokedOn > options.today) {
      throw new BadInputError('revokedOn', `cannot be after today (${options.today})`, revokedOn);
    }
    const reason = valid.optionalText('reason', options.reason, 500, true);

    return this.db.transaction(async (tx) => {
      const held = await tx.findOne(HeldCertification, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!held) throw new NotFoundError('held certification', 'id', id);
      if (held.revokedOn !== null) {
        throw new ConflictError(
          `held certification ${id} was already revoked on ${held.revokedOn}`,
        );
      }
      if (revokedOn < held.earnedOn) {
        throw new BadInputError(
          'revokedOn',
          `cannot be before earnedOn (${held.earnedOn})`,
          revokedOn,
        );
      }
      const before = { ...held };
      held.revokedOn = revokedOn;
      held.revokeReason = reason;
      const saved = await tx.save(held);
      await audit(tx, actor, {
        action: 'REVOKE',
        entity: 'held_certification',
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }
}
