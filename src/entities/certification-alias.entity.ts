import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A name by which the guide refers to a catalog entry, stored lower-case. */
@Entity('certification_alias')
export class CertificationAlias {
  @PrimaryColumn({ type: 'text' })
  alias: string;

  @Column({ name: 'certification_id', type: 'integer' })
  certificationId: number;
}
