import { useSyncExternalStore } from 'react';
import type { Municipality } from '../surveys/api';
import { loadLanguage, saveLanguage } from './storage';

export type Lang = 'lt' | 'en';
export const LANGS: readonly Lang[] = ['lt', 'en'];

const lt = {
  appName: 'Gyventojų balsas',
  appTagline: 'Jūsų nuomonė apie jūsų savivaldybę',
  languageLabel: 'Kalba',
  skipToContent: 'Pereiti prie turinio',
  loading: 'Įkeliama…',
  retry: 'Bandyti dar kartą',
  backHome: 'Į pradžią',

  homeTitle: 'Pasirinkite savivaldybę',
  homeIntro:
    'Atsakykite į savo savivaldybės gyventojų apklausas telefonu ar kompiuteriu. Atsakymai saugomi automatiškai, todėl galite tęsti vėliau.',
  noMunicipalities: 'Kol kas nėra savivaldybių.',

  surveysTitle: (municipality: string) => `${municipality}: apklausos`,
  openSurveys: 'Vykstančios apklausos',
  noSurveys: 'Šiuo metu šioje savivaldybėje vykstančių apklausų nėra. Užsukite vėliau!',
  openUntil: (date: string) => `Galima atsakyti iki ${date}`,
  noDeadline: 'Be pabaigos datos',
  byInvitation: 'Tik su kvietimu',
  otherMunicipalities: 'Kitos savivaldybės',
  resultsLink: 'Apklausų rezultatai',
  resultsLinkHint: 'Ką atsakė gyventojai: apibendrinti, anoniminiai rezultatai',
  publishedResults: 'Paskelbti rezultatai',
  allResults: 'Visi paskelbti rezultatai',
  staffLink: 'Darbuotojams',
  meetingsLink: 'Susitikimai ir konsultacijos',
  meetingsLinkHint: 'Užsiregistruokite į viešas diskusijas, mokymus ir susitikimus',

  anonymousNote: 'Apklausa anoniminė: nerenkame jūsų vardo ar kontaktų.',
  notAnonymousNote: 'Ši apklausa nėra anoniminė.',
  chooseMunicipality: 'Kurios savivaldybės gyventojas esate?',
  invitationRequiredTitle: 'Reikalingas kvietimas',
  invitationRequired:
    'Į šią apklausą atsakyti galima tik su asmenine kvietimo nuoroda. Atidarykite nuorodą, kurią gavote kvietime.',
  saving: 'Saugoma…',
  saved: 'Atsakymai išsaugoti',
  notSaved: 'Nepavyko išsaugoti. Bandysime dar kartą, kai pakeisite atsakymą.',
  submitting: 'Siunčiama…',
  resumeTitle: 'Tęsti vėliau kitame įrenginyje',
  resumeHint:
    'Šiame įrenginyje atsakymai išliks. Norėdami tęsti kitame įrenginyje, išsisaugokite šią nuorodą. Niekam jos nesiųskite: su ja galima matyti ir keisti jūsų atsakymus.',
  copyLink: 'Kopijuoti nuorodą',
  copied: 'Nukopijuota',
  submitFailed: 'Atsakymų išsiųsti nepavyko',
  goToQuestion: 'Eiti prie klausimo',

  thankYouTitle: 'Ačiū!',
  thankYouText: 'Jūsų atsakymai gauti. Apibendrinti rezultatai bus paskelbti jūsų savivaldybei.',
  submittedOn: (date: string) => `Pateikta ${date}`,
  moreSurveys: 'Kitos apklausos',
  alreadySubmittedTitle: 'Jau atsakėte',
  alreadySubmitted: 'Šiame įrenginyje į šią apklausą jau atsakyta. Ačiū!',
  startNew: 'Pildyti iš naujo (kitas žmogus)',

  invitationChecking: 'Tikrinamas kvietimas…',
  resumeLoading: 'Atkuriami jūsų atsakymai…',
  resumeBadLink: 'Ši nuoroda neišsami. Nukopijuokite visą nuorodą, su dalimi po ženklo „#“.',
  invitationBadLink: 'Ši kvietimo nuoroda neišsami. Nukopijuokite visą nuorodą, su dalimi po ženklo „#“.',
  resumeAlreadySubmitted: 'Šie atsakymai jau pateikti, jų keisti nebegalima. Ačiū, kad dalyvavote!',

  notFoundTitle: 'Puslapis nerastas',
  notFound: 'Tokio puslapio nėra.',
  errorTitle: 'Kažkas nepavyko',
  networkError: 'Nepavyko susisiekti su serveriu. Patikrinkite interneto ryšį ir bandykite dar kartą.',
  tooManyRequests: 'Per daug užklausų. Palaukite minutę ir bandykite dar kartą.',
  serverError: 'Serverio klaida. Bandykite šiek tiek vėliau.',
  errorCodes: {
    SURVEY_NOT_FOUND: 'Tokios apklausos nėra.',
    SURVEY_CLOSED: 'Ši apklausa jau baigėsi.',
    SURVEY_NOT_OPEN: 'Ši apklausa dar neprasidėjo.',
    SURVEY_VERSION_NOT_FOUND: 'Šios apklausos versija nebegalioja.',
    MUNICIPALITY_NOT_FOUND: 'Tokios savivaldybės nėra.',
    WRONG_MUNICIPALITY: 'Ši apklausa šioje savivaldybėje nevykdoma.',
    LANGUAGE_NOT_OFFERED: 'Ši apklausa šia kalba nepateikiama.',
    INVITATION_REQUIRED: 'Į šią apklausą galima atsakyti tik su kvietimo nuoroda.',
    INVITATION_NOT_FOUND: 'Ši kvietimo nuoroda negalioja.',
    INVITATION_USED: 'Šis kvietimas jau panaudotas atsakyti į apklausą.',
    RESPONSE_ID_TAKEN: 'Šių atsakymų tęsti nepavyko. Pradėkite iš naujo.',
    RESPONSE_ALREADY_SUBMITTED: 'Šie atsakymai jau pateikti, jų keisti nebegalima.',
    RESPONSE_CANNOT_MOVE: 'Šių atsakymų tęsti nebegalima. Pradėkite iš naujo.',
    RESPONSE_NOT_FOUND: 'Pagal šią nuorodą atsakymų nerasta.',
    INVALID_INPUT: 'Netinkama užklausa arba nuoroda.',
    ANSWERS_INVALID: 'Kai kurių atsakymų priimti negalima. Pataisykite juos ir bandykite dar kartą.',
    RESULTS_NOT_PUBLISHED: 'Šios apklausos rezultatai nepaskelbti.',
    RESULTS_NOT_COMPILED: 'Šios apklausos versijos rezultatai dar neapskaičiuoti.',
    UNKNOWN_QUESTIONS: 'Paskelbti galima tik apskaičiuotus klausimus (laisvo teksto klausimų – niekada).',
    MUNICIPALITY_NOT_IN_SURVEY: 'Ši apklausa šioje savivaldybėje nevykdoma (arba ne jums).',
    NOT_SIGNED_IN: 'Pirmiausia prisijunkite.',
    SESSION_INVALID: 'Sesija baigėsi. Prisijunkite iš naujo.',
    WRONG_CREDENTIALS: 'Neteisingas el. paštas arba slaptažodis.',
    CSRF_TOKEN_INVALID: 'Sesija nebegalioja šiame lange. Atnaujinkite puslapį arba prisijunkite iš naujo.',
    ROLE_NOT_ALLOWED: 'Jūsų vaidmuo šio veiksmo neleidžia.',
    CONSULTATION_NOT_FOUND: 'Tokios konsultacijos nėra.',
    MEETING_NOT_FOUND: 'Tokio susitikimo nėra.',
    MEETING_CANCELLED: 'Šis susitikimas atšauktas.',
    MEETING_PAST: 'Šis susitikimas jau prasidėjo arba įvyko.',
    SIGNUP_DEADLINE_PASSED: 'Registracija į šį susitikimą jau baigėsi.',
    SIGNUP_NOT_OPEN: 'Registracija į šios konsultacijos susitikimus šiuo metu nevyksta.',
    ALREADY_SIGNED_UP: 'Su šiuo kontaktu į šį susitikimą jau užsiregistruota.',
    CONTACT_INVALID: 'Nurodykite el. pašto adresą.',
    CONTACT_EMAIL_REQUIRED: 'Reikia el. pašto adreso: registracija patvirtinama nuoroda iš laiško.',
    SIGNUP_CONFIRMATION_EXPIRED: 'Registracija nebuvo laiku patvirtinta ir vietos neturi. Užsiregistruokite iš naujo.',
    SIGNUP_ATTENDED: 'Jūs jau pažymėti atvykę, todėl registracijos atšaukti nebegalima.',
    PARTNER_REQUIRED: 'Pasirinkite partnerių organizaciją.',
    PARTNER_NOT_IN_QUOTAS: 'Šiame susitikime šiai organizacijai vietų neskirta.',
    NO_QUOTAS: 'Šiame susitikime vietos organizacijoms neskirstomos.',
    SIGNUP_NOT_FOUND: 'Ši registracijos nuoroda negalioja. Naudokite nuorodą iš patvirtinimo pranešimo.',
    SIGNUP_PURGED: 'Šios registracijos duomenys ištrinti pasibaigus saugojimo laikotarpiui.',
    CHECKIN_CODE_UNKNOWN: 'Tokio kodo šio susitikimo registracijose nėra.',
    CHECKIN_NOT_CONFIRMED: 'Šis asmuo neturi patvirtintos vietos.',
    MEETING_ALREADY_CANCELLED: 'Šis susitikimas jau atšauktas.',
    MUNICIPALITY_OUTSIDE_SCOPE: 'Konsultacijas galite rengti tik savo savivaldybėse.',
    PHASE_NEEDS_REPORT: 'Etapas „Paskelbtos išvados“ nustatomas tik paskelbus išvadas.',
    MEETING_TIME_INVALID: 'Patikrinkite susitikimo laiką.',
    MEETING_PLACE_MISSING: 'Nurodykite vietą arba nuorodą prisijungti internetu.',
    QUOTA_INVALID: 'Patikrinkite vietas partnerių organizacijoms.',
    CONSENT_REQUIRED: 'Ši apklausa yra tyrimo dalis: pirmiausia sutikite dalyvauti.',
    CONSENT_NOT_CURRENT: 'Tyrimo sutikimo tekstas pasikeitė: perskaitykite ir sutikite su nauja versija.',
    CONSENT_NOT_APPLICABLE: 'Ši apklausa ar renginys nėra tyrimo dalis.',
    STUDY_NOT_ACTIVE: 'Šis tyrimas dabar nevykdomas: atsakymai ir registracijos nepriimami.',
    WITHDRAWAL_LINK_INVALID: 'Ši nuoroda negalioja. Naudokite nuorodą iš sutikimo patvirtinimo laiško.',
  } as Partial<Record<string, string>>,
};

type Dict = typeof lt;

const en: Dict = {
  appName: "Residents' Voice",
  appTagline: 'Your say on your municipality',
  languageLabel: 'Language',
  skipToContent: 'Skip to content',
  loading: 'Loading…',
  retry: 'Try again',
  backHome: 'Home',

  homeTitle: 'Choose your municipality',
  homeIntro:
    "Answer your municipality's resident surveys on a phone or computer. Answers are saved as you go, so you can continue later.",
  noMunicipalities: 'There are no municipalities yet.',

  surveysTitle: (municipality: string) => `${municipality}: surveys`,
  openSurveys: 'Open surveys',
  noSurveys: 'There are no open surveys in this municipality right now. Please check back later!',
  openUntil: (date: string) => `Open until ${date}`,
  noDeadline: 'No closing date',
  byInvitation: 'By invitation only',
  otherMunicipalities: 'Other municipalities',
  resultsLink: 'Survey results',
  resultsLinkHint: 'What residents answered: summary, anonymised results',
  publishedResults: 'Published results',
  allResults: 'All published results',
  staffLink: 'For staff',
  meetingsLink: 'Meetings and consultations',
  meetingsLinkHint: 'Sign up for public discussions, trainings and meetings',

  anonymousNote: 'This survey is anonymous: we do not collect your name or contact details.',
  notAnonymousNote: 'This survey is not anonymous.',
  chooseMunicipality: 'Which municipality do you live in?',
  invitationRequiredTitle: 'Invitation required',
  invitationRequired:
    'This survey can only be answered with a personal invitation link. Please open the link from your invitation.',
  saving: 'Saving…',
  saved: 'Answers saved',
  notSaved: 'Could not save. We will try again when you change an answer.',
  submitting: 'Sending…',
  resumeTitle: 'Continue later on another device',
  resumeHint:
    'Your answers stay on this device. To continue on another device, keep this link. Do not share it: anyone with it can see and change your answers.',
  copyLink: 'Copy link',
  copied: 'Copied',
  submitFailed: 'Your answers could not be sent',
  goToQuestion: 'Go to question',

  thankYouTitle: 'Thank you!',
  thankYouText: 'Your answers were received. Summary results will be published for your municipality.',
  submittedOn: (date: string) => `Submitted on ${date}`,
  moreSurveys: 'Other surveys',
  alreadySubmittedTitle: 'Already answered',
  alreadySubmitted: 'This survey has already been answered on this device. Thank you!',
  startNew: 'Answer again (another person)',

  invitationChecking: 'Checking your invitation…',
  resumeLoading: 'Restoring your answers…',
  resumeBadLink: 'This link is incomplete. Copy the whole link, including the part after “#”.',
  invitationBadLink: 'This invitation link is incomplete. Copy the whole link, including the part after “#”.',
  resumeAlreadySubmitted: 'These answers were already submitted and can no longer change. Thank you for taking part!',

  notFoundTitle: 'Page not found',
  notFound: 'There is no such page.',
  errorTitle: 'Something went wrong',
  networkError: 'Could not reach the server. Check your internet connection and try again.',
  tooManyRequests: 'Too many requests. Please wait a minute and try again.',
  serverError: 'Server error. Please try again a little later.',
  // English keeps the server's own messages, which are written for residents.
  errorCodes: {},
};

const DICTS: Record<Lang, Dict> = { lt, en };

let current: Lang = loadLanguage() ?? 'lt';
const listeners = new Set<() => void>();
document.documentElement.lang = current;

export function getLanguage(): Lang {
  return current;
}

export function setLanguage(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  saveLanguage(lang);
  document.documentElement.lang = lang;
  listeners.forEach((notify) => notify());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useI18n(): { lang: Lang; t: Dict; setLanguage: (lang: Lang) => void } {
  const lang = useSyncExternalStore(subscribe, getLanguage);
  return { lang, t: DICTS[lang], setLanguage };
}

/** Survey titles are SurveyJS localizable strings: `default` is English, other keys are locales. */
export function localized(text: unknown, lang: Lang): string {
  if (typeof text === 'string') return text;
  if (!text || typeof text !== 'object') return '';
  const map = text as Record<string, unknown>;
  const pick = lang === 'lt' ? [map.lt, map.default] : [map.en, map.default];
  for (const value of [...pick, ...Object.values(map)]) {
    if (typeof value === 'string' && value.trim()) return value;
  }
  return '';
}

const LOCALES: Record<Lang, string> = { lt: 'lt-LT', en: 'en-GB' };

/** A calendar day such as `submittedOn` ("2025-11-23"): no time zone may shift it. */
export function formatDay(day: string, lang: Lang): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment such as `closesAt`: shown in Lithuanian time, with the hour, so "until" is unambiguous. */
export function formatMoment(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Vilnius',
  }).format(date);
}

/** A municipality's name in the current language; its code until the list has loaded. */
export function municipalityName(list: Municipality[] | undefined, code: string, lang: Lang): string {
  const m = list?.find((item) => item.code === code);
  return m ? m.name[lang] || m.name.lt || code : code;
}
