import type {
  BreakdownDescription,
  CompilationView,
  BreakdownResult,
  Cell,
  ItemDescription,
  ItemResult,
  MunicipalityResults,
  ResultsDocument,
  Stats,
} from './types';

/**
 * A hand-made results document for working on the results pages without a server: opened only by
 * the dev-only route /dev/results-fixture (see App.tsx), never part of a production build.
 * Counts are pseudo-random but fixed; counts below k are suppressed as the server does.
 */
const K = 5;

let seed = 7;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};

const cell = (n: number): Cell => (n < K ? { count: null, suppressed: true } : { count: n, suppressed: false });
const t = (en: string, lt: string) => ({ default: en, lt });
const choices = (...list: [string, string, string][]) => list.map(([value, en, lt]) => ({ value, text: t(en, lt) }));
const scale = choices(['1', '1 – not at all', '1 – visai ne'], ['2', '2', '2'], ['3', '3', '3'], ['4', '4', '4'], ['5', '5 – fully', '5 – visiškai']);

const items: ItemDescription[] = [
  {
    item: 'trust_municipality', question: 'trust_municipality', row: null, kind: 'choice', type: 'rating',
    title: t("How much do you trust your municipality to act in residents' interests?", 'Kiek pasitikite savo savivaldybe, kad ji veikia gyventojų interesais?'),
    rowText: null, choices: scale,
  },
  ...(['council', 'mayor'] as const).map((row): ItemDescription => ({
    item: `trust_institutions.${row}`, question: 'trust_institutions', row, kind: 'choice', type: 'matrix',
    title: t('How much do you trust each of these?', 'Kiek pasitikite šiomis institucijomis?'),
    rowText: row === 'council' ? t('Municipal council', 'Savivaldybės taryba') : t('Mayor', 'Meras'),
    choices: scale,
  })),
  {
    item: 'informed', question: 'informed', row: null, kind: 'choice', type: 'radiogroup',
    title: t('How well informed do you feel about local decisions?', 'Kaip gerai esate informuoti apie vietos sprendimus?'),
    rowText: null,
    choices: choices(['very_well', 'Very well', 'Labai gerai'], ['fairly_well', 'Fairly well', 'Pakankamai gerai'], ['poorly', 'Poorly', 'Prastai'], ['not_at_all', 'Not at all', 'Visai ne']),
  },
  {
    item: 'participation_ways', question: 'participation_ways', row: null, kind: 'multiple', type: 'checkbox',
    title: t('How did you take part?', 'Kaip dalyvavote?'), rowText: null,
    choices: choices(['public_meeting', 'Public meeting or discussion', 'Viešas susirinkimas ar diskusija'], ['consultation', 'Consultation with the municipality', 'Konsultacija su savivaldybe'], ['survey', 'Survey', 'Apklausa'], ['other', 'Other', 'Kita']),
  },
  {
    item: 'meeting_times_suit', question: 'meeting_times_suit', row: null, kind: 'choice', type: 'boolean',
    title: t('Do the times of municipal meetings suit you?', 'Ar jums tinka savivaldybės renginių laikas?'), rowText: null, choices: [],
  },
  {
    item: 'years_in_municipality', question: 'years_in_municipality', row: null, kind: 'numeric', type: 'text',
    title: t('How many years have you lived in this municipality?', 'Kiek metų gyvenate šioje savivaldybėje?'), rowText: null, choices: [],
  },
];

const breakdowns: BreakdownDescription[] = [
  { name: 'age_band', title: t('Age', 'Amžius'), groups: ['18_29', '30_44', '45_59', '60_74', '75_plus'].map((v) => ({ value: v, text: v.replace('_plus', '+').replace('_', '–') })) },
  { name: 'gender', title: t('Gender', 'Lytis'), groups: choices(['female', 'Female', 'Moteris'], ['male', 'Male', 'Vyras'], ['other', 'Other', 'Kita']) },
  { name: 'settlement_type', title: t('Where do you live?', 'Kur gyvenate?'), groups: choices(['city', 'City', 'Mieste'], ['town', 'Town', 'Miestelyje'], ['village', 'Village', 'Kaime']) },
];

const values = (item: ItemDescription) =>
  item.type === 'boolean' ? ['true', 'false'] : item.choices.map((c) => c.value);

function stats(n: number, low: number, high: number): Stats | null {
  if (n < K) return null;
  const median = Math.round(low + (high - low) * (0.35 + random() * 0.3));
  return { mean: Math.round((median + random() - 0.5) * 100) / 100, median, q1: Math.max(low, median - 1 - Math.round(random() * 2)), q3: Math.min(high, median + 1 + Math.round(random() * 2)) };
}

/** One group's (or everyone's) answers to an item when `n` answered. */
function answers(item: ItemDescription, n: number) {
  const vs = values(item);
  const weights = vs.map(() => 0.3 + random());
  const total = weights.reduce((a, b) => a + b, 0);
  const raw = vs.map((_, i) => Math.round((n * weights[i]) / total * (item.kind === 'multiple' ? 1.6 : 1)));
  const answered = cell(n);
  return {
    answered,
    counts: item.kind === 'numeric' ? [] : vs.map((value, i) => ({ value, count: cell(raw[i]) })),
    stats: item.kind === 'numeric' ? stats(n, 0, 60) : item.type === 'rating' || item.type === 'matrix' ? stats(n, 1, 5) : null,
  };
}

function itemResult(item: ItemDescription, responses: number): ItemResult {
  const n = Math.round(responses * (0.75 + random() * 0.2));
  const overall = answers(item, n);
  const breakdownResults: BreakdownResult[] = breakdowns.map((b) => {
    const shares = b.groups.map(() => 0.2 + random());
    const total = shares.reduce((a, x) => a + x, 0) + 0.15;
    const groups = [
      ...b.groups.map((g, i) => ({ value: g.value, ...answers(item, Math.round((n * shares[i]) / total)) })),
      { value: null, ...answers(item, Math.round((n * 0.15) / total)) },
    ];
    return { breakdown: b.name, groups };
  });
  return { item: item.item, question: item.question, row: item.row, kind: item.kind, ...overall, skipped: cell(responses - n), breakdowns: breakdownResults };
}

function municipality(code: string, nameLt: string, nameEn: string, responses: number): MunicipalityResults {
  const belowThreshold = responses < K;
  return {
    code, nameLt, nameEn, responses: belowThreshold ? null : responses, release: 2, releasedOn: '2026-03-02', belowThreshold, tablesWithheld: false,
    items: belowThreshold ? [] : items.map((item) => itemResult(item, responses)),
  };
}

export const fixtureDocument: ResultsDocument = {
  survey: { id: '00000000-0000-4000-8000-000000000001', slug: 'resident-survey', title: t('Resident survey 2026', 'Gyventojų apklausa 2026') },
  version: 1,
  k: K,
  statsThreshold: Math.max(4 * K, 20),
  noiseBound: 2,
  status: 'preliminary',
  publishedOn: null,
  items,
  breakdowns,
  municipalities: [
    municipality('birzai', 'Biržų rajono savivaldybė', 'Biržai District Municipality', 212),
    municipality('moletai', 'Molėtų rajono savivaldybė', 'Molėtai District Municipality', 38),
    municipality('zarasai', 'Zarasų rajono savivaldybė', 'Zarasai District Municipality', 3),
    municipality('utena', 'Utenos rajono savivaldybė', 'Utena District Municipality', 97),
  ],
};

const compilation = (code: string, nameLt: string, nameEn: string, rest: Partial<CompilationView>): CompilationView => ({
  surveyVersionId: '00000000-0000-4000-8000-000000000002',
  version: 1,
  municipality: { code, nameLt, nameEn },
  status: 'done',
  progress: 100,
  pending: false,
  attempt: 1,
  lastError: null,
  requestedAt: '2026-03-02T10:14:00Z',
  startedAt: '2026-03-02T10:14:05Z',
  finishedAt: '2026-03-02T10:15:00Z',
  audit: { cellsChecked: 1840, solves: 212, exposed: 0, rounds: 1, withheldMore: 0, millis: 480, tablesWithheld: false },
  releaseWanted: false,
  releaseOutcome: 'released',
  lastRelease: { number: 2, releasedOn: '2026-03-02' },
  newResponses: 14,
  releaseNeeds: 10,
  burstDays: [],
  ...rest,
});

/** One compilation in every state the table draws. */
export const fixtureCompilations: CompilationView[] = [
  compilation('birzai', 'Biržų rajono savivaldybė', 'Biržai District Municipality', { pending: true }),
  compilation('moletai', 'Molėtų rajono savivaldybė', 'Molėtai District Municipality', { status: 'running', progress: 42, releaseWanted: true, newResponses: 12 }),
  compilation('zarasai', 'Zarasų rajono savivaldybė', 'Zarasai District Municipality', { status: 'queued', progress: 0, newResponses: 1, releaseOutcome: 'too_few_new' }),
  compilation('utena', 'Utenos rajono savivaldybė', 'Utena District Municipality', {
    status: 'retrying', attempt: 2, lastError: 'DATABASE_UNAVAILABLE', newResponses: 3, burstDays: ['2026-02-27'],
  }),
  compilation('ignalina', 'Ignalinos rajono savivaldybė', 'Ignalina District Municipality', {
    status: 'failed', attempt: 1, lastError: 'VERSION_NOT_PUBLISHED', lastRelease: null, audit: null, releaseNeeds: 1,
  }),
  compilation('pagegiai', 'Pagėgių savivaldybė', 'Pagėgiai Municipality', {
    status: 'never', progress: 0, attempt: 0, requestedAt: null, startedAt: null, finishedAt: null, audit: null, lastRelease: null,
    releaseOutcome: null, newResponses: 0, releaseNeeds: 1,
  }),
];
