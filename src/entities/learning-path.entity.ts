import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('learning_path')
export class LearningPath {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'provider_id', type: 'integer', nullable: true })
  providerId: number | null;

  @Column({ name: 'timeline_raw', type: 'text', nullable: true })
  timelineRaw: string | null;

  @Column({ name: 'timeline_min_months', type: 'integer', nullable: true })
  timelineMinMonths: number | null;

  @Column({ name: 'timeline_max_months', type: 'integer', nullable: true })
  timelineMaxMonths: number | null;

  @Column({ name: 'source_section', type: 'text', nullable: true })
  sourceSection: string | null;
}
