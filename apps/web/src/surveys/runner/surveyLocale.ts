import { surveyLocalization } from 'survey-core';
import 'survey-core/i18n/lithuanian';

/**
 * SurveyJS's Lithuanian strings are partly machine-translated; these are the ones residents see
 * most, said the way a Lithuanian form would say them.
 */
const lt: Record<string, string> = {
  placeholder: 'Pasirinkite…',
  ratingOptionsCaption: 'Pasirinkite…',
  buttongroupOptionsCaption: 'Pasirinkite…',
  otherItemText: 'Kita (įrašykite)',
  commentText: 'Jūsų komentaras',
  deselectAllItemText: 'Atžymėti visus',
  loadingSurvey: 'Įkeliama…',
};

const strings = surveyLocalization.locales.lt as Record<string, string> | undefined;
if (strings) Object.assign(strings, lt);
