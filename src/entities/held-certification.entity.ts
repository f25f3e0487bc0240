import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An employee's credential. A renewal is a new record; revocation keeps the record. */
@Entity('held_certification')
export class HeldCertification {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'employee_id', type: 'integer' })
  employeeId: number;

  @Column({ name: 'certification_id', type: 'integer' })
  certificationId: number;

  @Column({ name: 'earned_on', type: 'date' })
  earnedOn: string;

  /** Null for lifetime credentials and for those whose validity the catalog does not know. */
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  @Column({ name: 'credential_id', type: 'text', nullable: true })
  credentialId: string | null;

  @Column({ name: 'revoked_on', type: 'date', nullable: true })
  revokedOn: string | null;

  @Column({ name: 'revoke_reason', type: 'text', nullable: true })
  revokeReason: string | null;
}
