import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A node of the organization tree: department > team > sub-team. */
@Entity('team')
export class Team {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId: number | null;

  @Column({ name: 'manager_id', type: 'integer', nullable: true })
  managerId: number | null;
}
