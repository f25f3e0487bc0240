import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('course')
export class Course {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'certification_id', type: 'integer' })
  certificationId: number;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'course_group', type: 'text', nullable: true })
  group: string | null;

  @Column({ type: 'text' })
  name: string;
}
