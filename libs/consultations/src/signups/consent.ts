import type { Language } from '../kinds';

/**
 * The consent a resident gives by signing up, stored with the sign-up word for word: the purpose
 * and how long the contact details are kept. Generated from the meeting, so it is always true.
 */
export function consentText(language: Language, retentionDays: number): string {
  return language === 'lt'
    ? `Sutinku, kad mano vardas ir kontaktai būtų naudojami tik šio renginio registracijai, priminimams ir pranešimams apie jį. ` +
        `Jie bus ištrinti praėjus ${retentionDays} d. po renginio; lieka tik nuasmeninti dalyvių skaičiai.`
    : `I agree that my name and contact details are used only to register me for this meeting, to remind me and to tell me about changes to it. ` +
        `They are deleted ${retentionDays} days after the meeting; only anonymous participant counts are kept.`;
}
