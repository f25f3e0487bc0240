import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A role an employee can aim at: the guide's three, or one the organization defines. */
@Entity('career_role')
export class CareerRole {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'from_guide', type: 'boolean' })
  fromGuide: boolean;
}
