import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('provider')
export class Provider {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'renewal_period_raw', type: 'text', nullable: true })
  renewalPeriodRaw: string | null;

  @Column({ name: 'renewal_period_months', type: 'integer', nullable: true })
  renewalPeriodMonths: number | null;

  @Column({ name: 'renewal_requirements', type: 'text', array: true })
  renewalRequirements: string[];
}
