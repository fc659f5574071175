import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { studyNotFound } from '../studies.errors';
import type { QuasiIdentifierSource, RetentionDays } from '../study-view';
import { resolveQuasiIdentifiers } from './anonymisation';
import { questionNames } from './definition-questions';

/** What an export of a study needs from it: the export feature's one entry point into the study core. */
export interface StudyExportPolicy {
  studyId: string;
  /** Every combination of the quasi-identifiers in exported rows must have at least k rows. */
  k: number;
  quasiIdentifiers: string[];
  /** Per instrument (survey): where each quasi-identifier comes from in its current version. */
  instruments: { surveyId: string; role: string; quasiIdentifiers: QuasiIdentifierSource[] }[];
  /** 32 random bytes, made once per study. Pseudonyms: HMAC-SHA256(key, recipient id + response id). Never logged, served or exported. */
  pseudonymKey: Buffer;
  retention: RetentionDays;
}

/**
 * Read-only access to a study's policies for server code (exports). No access check here: the
 * caller decides who may export (this is never reachable over HTTP as such).
 */
@Injectable()
export class StudyPolicies {
  constructor(private readonly dataSource: DataSource) {}

  async exportPolicy(studyId: string): Promise<StudyExportPolicy> {
    const [study]: { k: number; quasiIdentifiers: string[]; key: Buffer; retention: RetentionDays }[] = await this.dataSource.query(
      `SELECT st.disclosure_k AS k, st.quasi_identifiers AS "quasiIdentifiers", pk.key,
              json_build_object('contactsDays', st.contacts_days, 'freeTextDays', st.free_text_days,
                                'paradataDays', st.paradata_days, 'exportsDays', st.exports_days) AS retention
         FROM study st JOIN study_pseudonym_key pk ON pk.study_id = st.id WHERE st.id = $1`,
      [studyId],
    );
    if (!study) throw studyNotFound();
    const instruments: {
      surveyId: string;
      role: string;
      explicit: Record<string, string>;
      breakdowns: string[];
      definition: Record<string, unknown> | null;
    }[] = await this.dataSource.query(
      `SELECT i.survey_id AS "surveyId", i.role, i.quasi_identifier_questions AS explicit, s.breakdowns,
                (SELECT sv.definition FROM survey_version sv WHERE sv.survey_id = s.id AND sv.published_at IS NOT NULL
                  ORDER BY sv.version DESC LIMIT 1) AS definition
           FROM study_instrument i JOIN survey s ON s.id = i.survey_id WHERE i.study_id = $1 ORDER BY i.attached_at`,
      [studyId],
    );
    return {
      studyId,
      k: study.k,
      quasiIdentifiers: study.quasiIdentifiers,
      pseudonymKey: study.key,
      retention: study.retention,
      instruments: instruments.map((i) => ({
        surveyId: i.surveyId,
        role: i.role,
        quasiIdentifiers: resolveQuasiIdentifiers(study.quasiIdentifiers, {
          breakdowns: i.breakdowns,
          questions: i.definition ? questionNames(i.definition) : new Set(),
          explicit: i.explicit,
        }),
      })),
    };
  }
}
