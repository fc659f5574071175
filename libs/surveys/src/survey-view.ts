/**
 * What the surveys API answers staff and researchers with. A types-only file (no decorators, no
 * server imports) so the web app imports it type-only and cannot drift from the server.
 */

export interface SurveyVersionSummary {
  id: string;
  version: number;
  publishedAt: Date | null;
  createdAt: Date;
}

export interface SurveyView {
  id: string;
  slug: string;
  accessMode: string;
  anonymous: boolean;
  languages: string[];
  breakdowns: string[];
  disclosureK: number;
  /** R of the release rule as set (null: 2k). */
  releaseMinResponses: number | null;
  /** New responses accepted per network address per day. */
  responsesPerAddressPerDay: number;
  opensAt: Date | null;
  closesAt: Date | null;
  municipalityCodes: string[];
  versions: SurveyVersionSummary[];
  /** The newest published version: what residents answer now. */
  currentVersion: number | null;
}

/** Fieldwork: responses per municipality and day (GET /api/surveys/:id/response-counts). */
export interface ResponseCountRow {
  municipalityCode: string;
  day: string;
  complete: number;
  partial: number;
}

/** Invitations issued and used per municipality (GET /api/surveys/:id/invitations). */
export interface InvitationSummaryRow {
  municipalityCode: string;
  issued: number;
  used: number;
}
