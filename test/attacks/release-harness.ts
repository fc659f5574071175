import type { Pool } from 'pg';
import { loadSyntheticResponses } from '../support/synthetic-responses';
import type { TestApp } from '../support/test-app';
import { waitFor } from '../support/test-worker';
import type { PublishedDocument, PublishedMunicipality } from './published';

/**
 * Drives the real pipeline as its users do: responses go into the database (COPY, as a busy
 * municipality would fill it), a researcher asks for a release through the API, the test waits
 * until the worker has compiled and audited every municipality, and reads the documents through
 * the API. The truth (the raw answers) is read from the database only to score attacks.
 */
/** A release compiles and audits every municipality of the survey; on a loaded 2-core machine that takes minutes. */
export const RELEASE_TIMEOUT_MS = 600000;

export class ReleaseHarness {
  private readonly seen = new Set<string>();

  constructor(
    private readonly t: TestApp,
    private readonly auth: Record<string, string>,
    readonly survey: { surveyId: string; versionId: string; definition: Record<string, unknown> },
  ) {}

  /** Adds `count` synthetic completed responses in one municipality; returns their answers, in order. */
  async addResponses(municipalityId: string, count: number, seed: number): Promise<Record<string, unknown>[]> {
    await loadSyntheticResponses(this.t.db, this.survey.definition, {
      surveyId: this.survey.surveyId,
      surveyVersionId: this.survey.versionId,
      municipalityIds: [municipalityId],
      count,
      seed,
      days: 0,
    });
    return this.newAnswers(municipalityId);
  }

  /** Adds responses with exactly these answers (the attacker's fakes, or a chosen respondent). */
  async addAnswers(municipalityId: string, answers: Record<string, unknown>[]): Promise<void> {
    for (const a of answers) {
      await this.t.db.query(
        `INSERT INTO response (id, survey_id, survey_version_id, municipality_id, language, status, answers, payload_hash, started_on, updated_on, submitted_on)
         VALUES (gen_random_uuid(), $1, $2, $3, 'lt', 'complete', $4::jsonb, md5($5::text), current_date, current_date, current_date)`,
        [this.survey.surveyId, this.survey.versionId, municipalityId, JSON.stringify(a), JSON.stringify(a)],
      );
    }
    await this.newAnswers(municipalityId);
  }

  private async newAnswers(municipalityId: string): Promise<Record<string, unknown>[]> {
    const { rows } = await this.t.db.query<{ id: string; answers: Record<string, unknown> }>(
      `SELECT id, answers FROM response WHERE survey_version_id = $1 AND municipality_id = $2 ORDER BY id`,
      [this.survey.versionId, municipalityId],
    );
    const fresh = rows.filter((r) => !this.seen.has(r.id));
    fresh.forEach((r) => this.seen.add(r.id));
    return fresh.map((r) => r.answers);
  }

  /** Asks for a release and waits until every municipality's compile (and audit) is done. */
  async release(): Promise<number> {
    // 503 says "try again in a few seconds" (the database was busy): a client retries, so does the test.
    let res = await this.t.http.post(`/api/surveys/${this.survey.surveyId}/results/releases`).set(this.auth).send({});
    for (let attempt = 1; res.status === 503 && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      res = await this.t.http.post(`/api/surveys/${this.survey.surveyId}/results/releases`).set(this.auth).send({});
    }
    if (res.status !== 202 && res.status !== 409) throw new Error(`release: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.status === 202) {
      await waitFor(
        'the release compiled everywhere',
        async () => {
          const { body } = await this.t.http.get(`/api/surveys/${this.survey.surveyId}/results/compilations`).set(this.auth).expect(200);
          return (body.items as { status: string; releaseWanted: boolean; pending: boolean }[]).every((c) => c.status === 'done' && !c.releaseWanted && !c.pending);
        },
        RELEASE_TIMEOUT_MS,
      );
    }
    return res.status;
  }

  /** The staff/researcher document (the released figures). */
  async document(): Promise<PublishedDocument & { noiseBound: number; statsThreshold: number }> {
    const { body } = await this.t.http.get(`/api/surveys/${this.survey.surveyId}/results`).set(this.auth).expect(200);
    return body;
  }

  async municipality(code: string): Promise<PublishedMunicipality> {
    const doc = await this.document();
    const m = doc.municipalities.find((x) => x.code === code);
    if (!m) throw new Error(`no results for ${code}`);
    return m;
  }
}

export async function municipalityId(db: Pool, code: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM municipality WHERE code = $1`, [code]);
  return rows[0].id;
}
