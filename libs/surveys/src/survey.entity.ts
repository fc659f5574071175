import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Municipality } from '@app/municipalities';

export type AccessMode = 'public' | 'invitation';
export const ACCESS_MODES: readonly AccessMode[] = ['public', 'invitation'];

/** A survey's settings; its questions live in immutable SurveyVersions. */
@Entity('survey')
export class Survey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80, unique: true })
  slug: string;

  @Column({ name: 'access_mode', type: 'varchar', length: 20 })
  accessMode: AccessMode;

  /** Anonymous: responses keep no link to an invitation, account, exact time, address or browser. */
  @Column({ type: 'boolean', default: true })
  anonymous: boolean;

  @Column({ type: 'text', array: true })
  languages: string[];

  /** Closed questions results are broken down by (issue: results), e.g. age_band, gender. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  breakdowns: string[];

  @Column({ name: 'opens_at', type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @ManyToMany(() => Municipality)
  @JoinTable({
    name: 'survey_municipality',
    joinColumn: { name: 'survey_id' },
    inverseJoinColumn: { name: 'municipality_id' },
  })
  municipalities?: Municipality[];

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
