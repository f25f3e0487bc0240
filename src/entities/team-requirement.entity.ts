import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Priority } from './enums';

/** A team needs at least `minHolders` people holding a certification, or any covering a skill. */
@Entity('team_requirement')
export class TeamRequirement {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'team_id', type: 'integer' })
  teamId: number;

  @Column({ name: 'certification_id', type: 'integer', nullable: true })
  certificationId: number | null;

  @Column({ name: 'skill_id', type: 'integer', nullable: true })
  skillId: number | null;

  @Column({ name: 'min_holders', type: 'integer' })
  minHolders: number;

  @Column({ type: 'enum', enum: Priority, enumName: 'requirement_priority' })
  priority: Priority;
}
