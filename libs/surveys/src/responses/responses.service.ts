import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { rowsOf } from '@app/database';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { sha256Hex } from '@app/auth';
import { AnswerValidator } from '../answers/answer-validator';
import type { ResponseStatus } from '../response.entity';
import {
  answersInvalid,
  answersNotAnObject,
  invitationNotFound,
  invitationUsed,
  responseAlreadySubmitted,
  responseIdTaken,
  responseMoved,
  responseNotFound,
  tooManyFromAddress,
  versionNotFound,
  wrongMunicipality,
} from '../surveys.errors';
import { AddressLimit } from './address-limit';
import { PublishedVersions, type PublishedVersion } from './published-versions';
import { payloadHash, resumeTokenFor, resumeTokenMatches } from './response-tokens';
import { studyConsentRefusal } from './study-consent';
import { gateProblem, SURVEY_GATE_SQL, type SurveyGate } from './survey-gate';

export interface SaveResponseCommand {
  responseId: string;
  surveyVersionId: string;
  municipalityCode: string;
  language: string;
  status: ResponseStatus;
  /** As parsed from JSON; the validator refuses anything but an object of question -> value. */
  answers: unknown;
  invitationToken?: string;
  resumeToken?: string;
  /** The client's address, for the per-day limit only; never stored. */
  clientAddress?: string;
  /** The study consent version agreed to (study instruments only; checked by the database). */
  consentVersionId?: string | null;
}

export interface SavedResponse {
  id: string;
  status: ResponseStatus;
  surveyVersionId: string;
  resumeToken: string;
  /** A day, never a time: anonymous responses keep no exact timestamp. */
  submittedOn: string | null;
}

interface StoredResponse {
  survey_version_id: string;
  municipality_id: string;
  status: ResponseStatus;
  payload_hash: string;
  submitted_on: string | null;
}

@Injectable()
export class ResponsesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly versions: PublishedVersions,
    private readonly validator: AnswerValidator,
    private readonly addressLimit: AddressLimit,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Creates or continues a response; `created` tells the controller 201 from 200. A retry of an
   * accepted request (same id, same payload) returns the first result and writes nothing.
   */
  async save(command: SaveResponseCommand): Promise<{ created: boolean; response: SavedResponse }> {
    try {
      return await this.saveChecked(command);
    } catch (error) {
      throw studyConsentRefusal(error) ?? error;
    }
  }

  private async saveChecked(command: SaveResponseCommand): Promise<{ created: boolean; response: SavedResponse }> {
    if (typeof command.answers !== 'object' || command.answers === null || Array.isArray(command.answers)) {
      throw answersNotAnObject();
    }
    const version = await this.versions.find(command.surveyVersionId);
    if (!version) throw versionNotFound();
    const verdict = this.validator.validate(version.id, version.definition, command.answers as Record<string, unknown>, command.status);
    if (verdict.problems.length) throw answersInvalid(verdict.problems);
    // The hash is of what the client sent (so a retry matches); what is stored has the server's computed values.
    const stored = verdict.answers;
    const hash = payloadHash({
      surveyVersionId: version.id,
      municipalityCode: command.municipalityCode,
      language: command.language,
      status: command.status,
      answers: command.answers,
    });

    if (!command.invitationToken && !command.resumeToken) {
      await this.checkAddressLimit(version.surveyId, command.clientAddress);
      const inserted = await this.insertPublicResponse(command, stored, version, hash);
      if (inserted) return { created: true, response: inserted };
    }
    if (command.invitationToken && !command.resumeToken) {
      const started = await this.startAnonymousInvitationResponse(command, stored, version, hash);
      if (started) return started;
    }
    return this.dataSource.transaction((tx) => this.saveInTransaction(tx, command, stored, version, hash));
  }

  /**
   * Starting a response to an ANONYMOUS invitation-only survey. Using up the invitation and
   * writing the response are two transactions, so no transaction id (xmin) and no timestamp joins
   * the invitation to its response. The use also rewrites every invitation of the survey used that
   * day, so they all carry the newest use's transaction id and their order of use cannot be paired
   * with the order of responses. Should the response then fail, a third transaction gives the
   * invitation back. Returns null for anything else (not anonymous, a retry, a continuation): the
   * single-transaction path handles those.
   */
  private async startAnonymousInvitationResponse(
    command: SaveResponseCommand,
    answers: Record<string, unknown>,
    version: PublishedVersion,
    hash: string,
  ): Promise<{ created: boolean; response: SavedResponse } | null> {
    const [gate]: SurveyGate[] = await this.dataSource.query(SURVEY_GATE_SQL, [version.surveyId, command.municipalityCode]);
    if (!gate || gate.access_mode !== 'invitation' || !gate.anonymous) return null;
    const [existing] = await this.dataSource.query(`SELECT 1 FROM response WHERE id = $1`, [command.responseId]);
    if (existing) return null;
    const problem = gateProblem(gate, command, true);
    if (problem) throw problem;
    const invitationId = await this.dataSource.transaction(async (tx) => {
      const id = await this.checkInvitation(tx, command, gate);
      await tx.query(`UPDATE invitation SET used_on = current_date WHERE id = $1`, [id]);
      await tx.query(
        `UPDATE invitation SET used_on = used_on WHERE survey_id = $1 AND used_on = current_date AND id <> $2`,
        [gate.survey_id, id],
      );
      return id;
    });
    try {
      return await this.dataSource.transaction((tx) => this.saveInTransaction(tx, command, answers, version, hash, true));
    } catch (error) {
      await this.dataSource.query(`UPDATE invitation SET used_on = NULL WHERE id = $1`, [invitationId]);
      throw error;
    }
  }

  /** A new public response counts against its address's daily limit for the survey (429 beyond it, nothing written). */
  private async checkAddressLimit(surveyId: string, address: string | undefined): Promise<void> {
    if (!address) return;
    const [survey]: { limit: number }[] = await this.dataSource.query(
      `SELECT responses_per_address_per_day AS "limit" FROM survey WHERE id = $1`,
      [surveyId],
    );
    if (survey && !(await this.addressLimit.allow(surveyId, address, survey.limit))) throw tooManyFromAddress(survey.limit);
  }

  /**
   * The common case, a new response to a public survey, in one statement: the survey's rules are
   * checked in the same INSERT ... SELECT that writes, so a survey closing meanwhile cannot slip
   * through. Returns null when nothing was inserted.
   */
  private async insertPublicResponse(
    command: SaveResponseCommand,
    answers: Record<string, unknown>,
    version: PublishedVersion,
    hash: string,
  ): Promise<SavedResponse | null> {
    // A named (prepared) statement: planned once per connection, not on every submit.
    const pool: Pool = (this.dataSource.driver as PostgresDriver).master;
    const { rows: [row] } = await pool.query<{ inserted: boolean; submitted_on: string | null }>({
      name: 'insert-public-response',
      text: `WITH gate AS (${SURVEY_GATE_SQL}),
       inserted AS (
         INSERT INTO response (id, survey_id, survey_version_id, municipality_id, language, status, answers, payload_hash, submitted_on,
                               consent_version_id)
         SELECT $3::uuid, g.survey_id, $4::uuid, g.municipality_id, $5::text, $6::text, $7::jsonb, $8::text,
                CASE WHEN $6::text = 'complete' THEN current_date END, $9::uuid
           FROM gate g
          WHERE g.access_mode = 'public' AND g.opened AND g.open_still AND g.targeted AND $5::text = ANY (g.languages)
         ON CONFLICT (id) DO NOTHING
         RETURNING submitted_on::text
       )
       SELECT EXISTS (SELECT 1 FROM inserted) AS inserted, (SELECT submitted_on FROM inserted) AS submitted_on`,
      values: [
        version.surveyId,
        command.municipalityCode,
        command.responseId,
        version.id,
        command.language,
        command.status,
        answers,
        hash,
        command.consentVersionId ?? null,
      ],
    });
    // Not inserted: the id exists, or a rule refused it. The transactional path tells which, and in
    // the right order (an identical retry succeeds even after the survey has closed).
    return row.inserted ? this.result(command.responseId, command.status, version.id, row.submitted_on) : null;
  }

  private async saveInTransaction(
    tx: EntityManager,
    command: SaveResponseCommand,
    answers: Record<string, unknown>,
    version: PublishedVersion,
    hash: string,
    invitationUsedApart = false,
  ): Promise<{ created: boolean; response: SavedResponse }> {
    const [gate]: SurveyGate[] = await tx.query(SURVEY_GATE_SQL, [version.surveyId, command.municipalityCode]);
    const [existing]: StoredResponse[] = await tx.query(
      `SELECT survey_version_id, municipality_id, status, payload_hash, submitted_on::text
         FROM response WHERE id = $1 FOR UPDATE`,
      [command.responseId],
    );
    if (existing?.payload_hash === hash) {
      return {
        created: false,
        response: this.result(command.responseId, existing.status, existing.survey_version_id, existing.submitted_on),
      };
    }
    const problem = gateProblem(gate, command, !existing);
    if (problem) throw problem;
    if (existing) {
      if (!resumeTokenMatches(this.config.APP_SECRET, command.responseId, command.resumeToken)) throw responseIdTaken();
      if (existing.status === 'complete') throw responseAlreadySubmitted();
      if (existing.survey_version_id !== version.id) throw responseMoved('surveyVersionId');
      if (existing.municipality_id !== gate.municipality_id) throw responseMoved('municipalityCode');
    }
    // Starting a response uses the invitation up; from then on the resume token continues it, so
    // a resident can finish on another device without the invitation link.
    const invitationId =
      gate.access_mode === 'invitation' && !existing && !invitationUsedApart ? await this.checkInvitation(tx, command, gate) : null;

    const [saved]: { submitted_on: string | null }[] = existing
      ? rowsOf(
          await tx.query(
            `UPDATE response SET language = $2, status = $3::text, answers = $4, payload_hash = $5, updated_on = current_date,
                    submitted_on = CASE WHEN $3::text = 'complete' THEN current_date END, consent_version_id = $6
              WHERE id = $1 RETURNING submitted_on::text`,
            [command.responseId, command.language, command.status, answers, hash, command.consentVersionId ?? null],
          ),
        )
      : await tx.query(
          `INSERT INTO response (id, survey_id, survey_version_id, municipality_id, language, status, answers, payload_hash, submitted_on,
                                 consent_version_id)
           VALUES ($1, $2, $3, $4, $5, $6::text, $7, $8, CASE WHEN $6::text = 'complete' THEN current_date END, $9)
           RETURNING submitted_on::text`,
          [
            command.responseId,
            gate.survey_id,
            version.id,
            gate.municipality_id,
            command.language,
            command.status,
            answers,
            hash,
            command.consentVersionId ?? null,
          ],
        );

    // No compile is asked for here: results change only at releases, and a job row written with
    // the response would time-stamp it to the microsecond.
    if (invitationId) {
      // Anonymous: the invitation learns only that it was used, and the day; never which response.
      await tx.query(
        `UPDATE invitation SET used_on = current_date, response_id = $2 WHERE id = $1 AND used_on IS NULL`,
        [invitationId, gate.anonymous ? null : command.responseId],
      );
    }
    return {
      created: !existing,
      response: this.result(command.responseId, command.status, version.id, saved.submitted_on),
    };
  }

  /** Locks the invitation so two devices completing with one token cannot both succeed. */
  private async checkInvitation(tx: EntityManager, command: SaveResponseCommand, gate: SurveyGate): Promise<string> {
    const [invitation]: { id: string; municipality_id: string; used_on: string | null }[] = await tx.query(
      `SELECT id, municipality_id, used_on::text FROM invitation WHERE token_hash = $1 AND survey_id = $2 FOR UPDATE`,
      [sha256Hex(command.invitationToken!), gate.survey_id],
    );
    if (!invitation) throw invitationNotFound();
    if (invitation.used_on) throw invitationUsed();
    if (invitation.municipality_id !== gate.municipality_id) throw wrongMunicipality(command.municipalityCode);
    return invitation.id;
  }

  /** For the resume link. Answers are returned only while the response is unfinished. */
  async getForResume(responseId: string, resumeToken: string | undefined) {
    if (!resumeTokenMatches(this.config.APP_SECRET, responseId, resumeToken)) throw responseNotFound();
    const [row] = await this.dataSource.query(
      `SELECT r.id, r.survey_id AS "surveyId", r.survey_version_id AS "surveyVersionId", m.code AS "municipalityCode",
              r.language, r.status, CASE WHEN r.status = 'partial' THEN r.answers END AS answers,
              r.consent_version_id AS "consentVersionId"
         FROM response r JOIN municipality m ON m.id = r.municipality_id WHERE r.id = $1`,
      [responseId],
    );
    if (!row) throw responseNotFound();
    return row;
  }

  private result(id: string, status: ResponseStatus, surveyVersionId: string, submittedOn: string | null): SavedResponse {
    return { id, status, surveyVersionId, resumeToken: resumeTokenFor(this.config.APP_SECRET, id), submittedOn };
  }
}
