import type { ConsentTerms } from '../study-view';

export type Language = 'lt' | 'en';

/**
 * The platform's own statement of a consent version's terms, shown under the researcher's text on
 * every consent page and in every receipt, generated from the version so it is always true. It
 * says plainly that anonymous answers cannot be withdrawn: nothing links them to a person.
 */
export function termsText(terms: ConsentTerms, language: Language): string[] {
  if (language === 'lt') {
    return [
      `Jei registruojatės į tyrimo renginį, jūsų vardas ir kontaktai saugomi ne ilgiau kaip ${terms.contactsDays} d. po renginio, tada ištrinami.`,
      `Laisvu tekstu įrašyti atsakymai ištrinami praėjus ${terms.freeTextDays} d. po atsakymų pateikimo.`,
      `Duomenys apie pildymą (kada pradėjote ir paskutinį kartą išsaugojote) ištrinami praėjus ${terms.paradataDays} d.; lieka tik pateikimo diena.`,
      terms.withdrawalPolicy === 'delete'
        ? 'Jei pateikėte kontaktus, gausite patvirtinimą su nuoroda, kuria bet kada galite atšaukti sutikimą: tada jūsų registracija ir duomenys ištrinami.'
        : 'Jei pateikėte kontaktus, gausite patvirtinimą su nuoroda, kuria bet kada galite atšaukti sutikimą: tada jūsų vardas ir kontaktai ištrinami, lieka tik nuasmeninti skaičiai.',
      'Anoniminių apklausos atsakymų atšaukti negalima: jie niekaip nesusieti su jumis, todėl jų neįmanoma rasti.',
      'Tyrėjams duomenys perduodami tik nuasmeninti.',
    ];
  }
  return [
    `If you sign up for a study meeting, your name and contact details are kept for at most ${terms.contactsDays} days after the meeting, then deleted.`,
    `Answers typed as free text are deleted ${terms.freeTextDays} days after the answers were submitted.`,
    `Data about answering (when you started and last saved) is deleted after ${terms.paradataDays} days; only the day of submission is kept.`,
    terms.withdrawalPolicy === 'delete'
      ? 'If you gave contact details, you get a receipt with a link to withdraw your consent at any time: your sign-up and your data are then deleted.'
      : 'If you gave contact details, you get a receipt with a link to withdraw your consent at any time: your name and contact details are then deleted; only anonymous counts remain.',
    'Anonymous survey answers cannot be withdrawn: nothing links them to you, so they cannot be found.',
    'Researchers receive the data only in de-identified form.',
  ];
}
