import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ExperienceLevel } from './enums';

/**
 * One line of the guide's strategy: a role or an experience level recommends a credential
 * (or, with no certification, a category such as "Industry-specific certifications").
 */
@Entity('strategy_recommendation')
export class StrategyRecommendation {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'career_role_id', type: 'integer', nullable: true })
  careerRoleId: number | null;

  @Column({
    name: 'experience_level',
    type: 'enum',
    enum: ExperienceLevel,
    enumName: 'experience_level',
    nullable: true,
  })
  experienceLevel: ExperienceLevel | null;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'raw_name', type: 'text' })
  rawName: string;

  @Column({ name: 'certification_id', type: 'integer', nullable: true })
  certificationId: number | null;
}
