import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Municipality } from '@app/municipalities';
import { SurveyResponse } from './response.entity';
import { Survey } from './survey.entity';

/**
 * A single-use invitation. Only the token's hash is stored. For anonymous surveys the invitation
 * records that it was used, on which day, and nothing about which response it led to.
 */
@Entity('invitation')
@Index('invitation_survey_idx', ['surveyId', 'municipalityId'])
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Survey;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality;

  @Column({ name: 'token_hash', type: 'char', length: 64, unique: true })
  tokenHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'used_on', type: 'date', nullable: true })
  usedOn: string | null;

  /** Set only for surveys that are not anonymous. */
  @Column({ name: 'response_id', type: 'uuid', nullable: true })
  responseId: string | null;

  @ManyToOne(() => SurveyResponse, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'response_id' })
  response?: SurveyResponse;
}
