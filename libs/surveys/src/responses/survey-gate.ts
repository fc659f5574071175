import type { DomainError } from '@app/http';
import type { AccessMode } from '../survey.entity';
import {
  invitationRequired,
  languageNotOffered,
  surveyClosed,
  surveyNotOpenYet,
  wrongMunicipality,
} from '../surveys.errors';

/** The survey's current settings as seen by one submission; read fresh on every save, never cached. */
export interface SurveyGate {
  survey_id: string;
  access_mode: AccessMode;
  anonymous: boolean;
  languages: string[];
  opens_at: Date | null;
  opened: boolean;
  open_still: boolean;
  municipality_id: string | null;
  targeted: boolean;
}

/** $1 survey id, $2 municipality code. */
export const SURVEY_GATE_SQL = `
  SELECT s.id AS survey_id, s.access_mode, s.anonymous, s.languages, s.opens_at,
         (s.opens_at IS NULL OR s.opens_at <= now()) AS opened,
         (s.closes_at IS NULL OR s.closes_at > now()) AS open_still,
         m.id AS municipality_id,
         EXISTS (SELECT 1 FROM survey_municipality sm WHERE sm.survey_id = s.id AND sm.municipality_id = m.id) AS targeted
    FROM survey s LEFT JOIN municipality m ON m.code = $2
   WHERE s.id = $1`;

/**
 * The first rule a submission breaks, in the order a resident would want to hear them; or null.
 * An invitation is needed to start a response, not to continue one (the resume token does that).
 */
export function gateProblem(
  gate: SurveyGate,
  request: { municipalityCode: string; language: string; invitationToken?: string },
  starting: boolean,
): DomainError | null {
  if (!gate.open_still) return surveyClosed();
  if (!gate.opened) return surveyNotOpenYet(gate.opens_at!);
  if (!gate.municipality_id || !gate.targeted) return wrongMunicipality(request.municipalityCode);
  if (!gate.languages.includes(request.language)) return languageNotOffered(request.language, gate.languages);
  if (starting && gate.access_mode === 'invitation' && !request.invitationToken) return invitationRequired();
  return null;
}
