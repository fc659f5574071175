import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Survey } from './survey.entity';

/** A SurveyJS definition. Once published it never changes (a database trigger enforces it). */
@Entity('survey_version')
@Unique(['surveyId', 'version'])
export class SurveyVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'survey_id', type: 'uuid' })
  surveyId: string;

  @ManyToOne(() => Survey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Survey;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  definition: Record<string, unknown>;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
