import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CostKind, DurationUnit, ExperienceLevel, ValidityKind } from './enums';
import { Provider } from './provider.entity';

/** One credential of the catalog; raw guide strings are kept beside the parsed values. */
@Entity('certification')
export class Certification {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'provider_id', type: 'integer' })
  providerId: number;

  @ManyToOne(() => Provider)
  @JoinColumn({ name: 'provider_id' })
  provider?: Provider;

  @Column({ type: 'text', nullable: true })
  university: string | null;

  @Column({ type: 'text', nullable: true })
  instructor: string | null;

  @Column({ name: 'level_raw', type: 'text', nullable: true })
  levelRaw: string | null;

  @Column({
    name: 'level_min',
    type: 'enum',
    enum: ExperienceLevel,
    enumName: 'experience_level',
    nullable: true,
  })
  levelMin: ExperienceLevel | null;

  @Column({
    name: 'level_max',
    type: 'enum',
    enum: ExperienceLevel,
    enumName: 'experience_level',
    nullable: true,
  })
  levelMax: ExperienceLevel | null;

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

  @Column({ name: 'duration_per_course', type: 'boolean' })
  durationPerCourse: boolean;

  @Column({ name: 'cost_raw', type: 'text', nullable: true })
  costRaw: string | null;

  @Column({ name: 'cost_kind', type: 'enum', enum: CostKind, enumName: 'cost_kind' })
  costKind: CostKind;

  @Column({ name: 'cost_low_cents', type: 'integer', nullable: true })
  costLowCents: number | null;

  @Column({ name: 'cost_high_cents', type: 'integer', nullable: true })
  costHighCents: number | null;

  @Column({ name: 'validity_raw', type: 'text', nullable: true })
  validityRaw: string | null;

  @Column({ name: 'validity_kind', type: 'enum', enum: ValidityKind, enumName: 'validity_kind' })
  validityKind: ValidityKind;

  @Column({ name: 'validity_months', type: 'integer', nullable: true })
  validityMonths: number | null;

  @Column({ name: 'exam_format', type: 'text', nullable: true })
  examFormat: string | null;

  @Column({ type: 'text', nullable: true })
  focus: string | null;

  @Column({ type: 'text', nullable: true })
  recognition: string | null;

  @Column({ type: 'text', nullable: true })
  credit: string | null;

  @Column({ name: 'study_resources', type: 'text', array: true })
  studyResources: string[];

  @Column({ name: 'data_complete', type: 'boolean' })
  dataComplete: boolean;

  @Column({ name: 'source_section', type: 'text', nullable: true })
  sourceSection: string | null;
}
