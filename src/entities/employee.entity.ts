import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ExperienceLevel } from './enums';

@Entity('employee')
export class Employee {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ name: 'team_id', type: 'integer' })
  teamId: number;

  @Column({
    name: 'experience_level',
    type: 'enum',
    enum: ExperienceLevel,
    enumName: 'experience_level',
  })
  experienceLevel: ExperienceLevel;

  /** A calendar date, `YYYY-MM-DD`. */
  @Column({ name: 'hire_date', type: 'date' })
  hireDate: string;
}
