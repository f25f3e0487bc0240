import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A certification covers a skill; `evidence` is the guide text the link rests on. */
@Entity('certification_skill')
export class CertificationSkill {
  @PrimaryColumn({ name: 'certification_id', type: 'integer' })
  certificationId: number;

  @PrimaryColumn({ name: 'skill_id', type: 'integer' })
  skillId: number;

  @Column({ type: 'text' })
  evidence: string;
}
