import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Municipality } from './municipality.entity';

/** A project partner: one per Lithuanian municipality, plus partners abroad with no municipality. */
@Entity('partner_organisation')
export class PartnerOrganisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300, unique: true })
  name: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
