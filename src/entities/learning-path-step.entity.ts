import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DurationUnit } from './enums';

@Entity('learning_path_step')
export class LearningPathStep {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'learning_path_id', type: 'integer' })
  learningPathId: number;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ name: 'certification_id', type: 'integer', nullable: true })
  certificationId: number | null;

  @Column({ name: 'duration_raw', type: 'text', nullable: true })
  durationRaw: string | null;

  @Column({ name: 'duration_min', type: 'integer', nullable: true })
  durationMin: number | null;

  @Column({ name: 'duration_max', type: 'integer', nullable: true })
  durationMax: number | null;

  @Column({
    name: 'duration_unit',
    type: 'enum',
    enum: DurationUnit,
    enumName: 'duration_unit',
    nullable: true,
  })
  durationUnit: DurationUnit | null;

  @Column({ type: 'text', array: true })
  details: string[];
}
