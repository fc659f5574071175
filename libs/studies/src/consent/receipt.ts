import type { EntityManager } from 'typeorm';
import { enqueueMessages, withdrawUrlPlaceholder } from '@app/mail';
import { termsText, type Language } from './consent-terms';

export interface ReceiptRequest {
  consentVersionId: string;
  language: Language;
  /** Where the receipt goes; the participant's own address. */
  email: string;
  /** Who the withdrawal link withdraws (a registered StudyParticipantSource kind and its row id). */
  participant: { kind: string; id: string };
  /** The sign-up the message belongs to, so it is purged with it; null for other kinds. */
  signupId: string | null;
}

const DAY = {
  lt: new Intl.DateTimeFormat('lt-LT', { dateStyle: 'long', timeZone: 'Europe/Vilnius' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Vilnius' }),
};

/**
 * A receipt of consent, sent in the caller's transaction (with the sign-up or application it
 * records): the study, the consent version agreed to and its full text and terms, and the personal
 * withdrawal link (a placeholder, made at send time: the stored message holds no working link).
 */
export async function enqueueConsentReceipt(tx: EntityManager, request: ReceiptRequest): Promise<string> {
  const [row]: {
    titleLt: string;
    titleEn: string;
    version: number;
    textLt: string;
    textEn: string;
    createdAt: Date;
    contactsDays: number;
    freeTextDays: number;
    paradataDays: number;
    withdrawalPolicy: 'delete' | 'anonymise';
  }[] = await tx.query(
    `SELECT st.title_lt AS "titleLt", st.title_en AS "titleEn", cv.version, cv.text_lt AS "textLt", cv.text_en AS "textEn",
            cv.created_at AS "createdAt", cv.contacts_days AS "contactsDays", cv.free_text_days AS "freeTextDays",
            cv.paradata_days AS "paradataDays", cv.withdrawal_policy AS "withdrawalPolicy"
       FROM consent_version cv JOIN study st ON st.id = cv.study_id WHERE cv.id = $1`,
    [request.consentVersionId],
  );
  if (!row) throw new Error(`consent version ${request.consentVersionId} does not exist`);
  const lt = request.language === 'lt';
  const title = lt ? row.titleLt : row.titleEn;
  const link = withdrawUrlPlaceholder(request.participant.kind, request.participant.id);
  const body = [
    lt
      ? `Ačiū, kad sutikote dalyvauti tyrime „${title}“. Tai jūsų sutikimo patvirtinimas.`
      : `Thank you for agreeing to take part in the study "${title}". This is the receipt of your consent.`,
    '',
    lt
      ? `Sutikimo tekstas, ${row.version} versija (${DAY.lt.format(row.createdAt)}):`
      : `Consent text, version ${row.version} (${DAY.en.format(row.createdAt)}):`,
    '',
    lt ? row.textLt : row.textEn,
    '',
    ...termsText(row, request.language).map((line) => `- ${line}`),
    '',
    `${lt ? 'Atšaukti sutikimą' : 'Withdraw your consent'}: ${link}`,
  ].join('\n');
  const [id] = await enqueueMessages(tx, [
    {
      signupId: request.signupId,
      kind: 'study_receipt',
      channel: 'email',
      recipient: request.email,
      subject: `${lt ? 'Sutikimo patvirtinimas' : 'Your consent receipt'}: ${title}`.slice(0, 300),
      body,
    },
  ]);
  return id;
}
