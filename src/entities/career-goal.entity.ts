import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('career_goal')
export class CareerGoal {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'employee_id', type: 'integer', unique: true })
  employeeId: number;

  @Column({ name: 'career_role_id', type: 'integer' })
  careerRoleId: number;

  @Column({ name: 'target_date', type: 'date', nullable: true })
  targetDate: string | null;
}
