import type { Role } from '@rectify/auth';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  username!: string;

  /** bcrypt, cost 10. */
  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text')
  role!: Role;

  /** Set for department users (their unit); null for commission staff. */
  @Column('text', { name: 'unit_id', nullable: true })
  unitId!: string | null;
}
