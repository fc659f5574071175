import { fixtureCompilations, fixtureDocument } from '../fixture';
import { PreliminaryBanner } from '../PreliminaryBanner';
import { ResultsView } from '../ResultsView';
import { CompilationsTable } from '../workspace/CompilationsTable';

const noop = () => undefined;

/**
 * Dev-only (`vite` dev server, /dev/results-fixture): the results components and the compilations
 * table on hand-made data, no server needed. Buttons that call the API fail here, as they should.
 */
export default function FixtureResultsPage() {
  return (
    <>
      <h1 className="page-title">Fixture: {fixtureDocument.survey.slug}</h1>
      <CompilationsTable
        surveyId={fixtureDocument.survey.id}
        version={1}
        compilations={{ items: fixtureCompilations, error: null, polling: true, retry: noop, merge: noop }}
        canRelease
      />
      <PreliminaryBanner />
      <ResultsView doc={fixtureDocument} csvUrl="#" />
    </>
  );
}
