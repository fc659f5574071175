import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@app/http';
import { Municipality } from '@app/municipalities';

@Entity('account')
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lowercased: sign-in is case-insensitive and the unique index relies on it. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  @ManyToMany(() => Municipality)
  @JoinTable({
    name: 'account_municipality',
    joinColumn: { name: 'account_id' },
    inverseJoinColumn: { name: 'municipality_id' },
  })
  municipalities?: Municipality[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
