import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('exam_topic')
export class ExamTopic {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'certification_id', type: 'integer' })
  certificationId: number;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'weight_raw', type: 'text', nullable: true })
  weightRaw: string | null;

  @Column({ name: 'weight_min', type: 'integer', nullable: true })
  weightMin: number | null;

  @Column({ name: 'weight_max', type: 'integer', nullable: true })
  weightMax: number | null;
}
