import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A prerequisite as the guide words it, linked to a catalog entry when it names one. */
@Entity('certification_prerequisite')
export class CertificationPrerequisite {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'certification_id', type: 'integer' })
  certificationId: number;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  raw: string;

  @Column({ name: 'prerequisite_id', type: 'integer', nullable: true })
  prerequisiteId: number | null;
}
