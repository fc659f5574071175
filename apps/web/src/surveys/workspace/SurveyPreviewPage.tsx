import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Model } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.min.css';
import '../runner/surveyLocale';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { useTitle } from '../../components/useTitle';
import { Link } from '../../router';
import { StaffFrame } from '../../workspace/StaffFrame';
import { surveysApi } from './api';
import { useSurveysWorkspaceI18n } from './i18n';

type Mode = 'test' | 'display';

/**
 * A version as a resident sees it, in LT or EN. Test mode lets the researcher answer; nothing is
 * ever sent: this page has no save path at all (no ResponseSaver, no response id), and the
 * survey's completion only shows a note here.
 */
export default function SurveyPreviewPage({ surveyId, version }: { surveyId: string; version: number }) {
  const { w } = useSurveysWorkspaceI18n();
  useTitle(w.previewTitle(version));
  return <StaffFrame>{() => <Preview surveyId={surveyId} version={version} />}</StaffFrame>;
}

function Preview({ surveyId, version }: { surveyId: string; version: number }) {
  const { lang, w } = useSurveysWorkspaceI18n();
  const loaded = useQuery({ queryKey: ['survey-version', surveyId, version], queryFn: () => surveysApi.version(surveyId, version) });
  const [language, setLanguage] = useState<string>(lang);
  const [mode, setMode] = useState<Mode>('test');
  const [run, setRun] = useState(0);

  if (loaded.isPending) return <Loading />;
  if (loaded.isError) return <ErrorBox error={loaded.error} onRetry={() => void loaded.refetch()} />;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/staff/surveys/${encodeURIComponent(surveyId)}`}>{w.backToSurveys}</Link>
      </p>
      <h1 className="page-title">{w.previewTitle(version)}</h1>
      <p className="lead">{w.previewIntro}</p>
      <div className="toolbar" role="group" aria-label={w.previewLanguage}>
        {['lt', 'en'].map((code) => (
          <button
            key={code}
            type="button"
            className={code === language ? 'button' : 'button button--secondary'}
            aria-pressed={code === language}
            onClick={() => setLanguage(code)}
            data-testid={`preview-lang-${code}`}
          >
            {code.toUpperCase()}
          </button>
        ))}
        {(['test', 'display'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className={value === mode ? 'button' : 'button button--secondary'}
            aria-pressed={value === mode}
            onClick={() => setMode(value)}
            data-testid={`preview-mode-${value}`}
          >
            {value === 'test' ? w.modeTest : w.modeDisplay}
          </button>
        ))}
      </div>
      <p className="notice notice--warning" data-testid="test-banner">
        {w.testBanner}
      </p>
      {/* A phone-wide frame: what a resident sees on the phone most of them answer on. */}
      <div className="preview-frame" data-testid="preview">
        <PreviewSurvey key={`${mode}:${run}`} definition={loaded.data.definition} language={language} mode={mode} onAgain={() => setRun((n) => n + 1)} />
      </div>
    </>
  );
}

function PreviewSurvey(props: { definition: Record<string, unknown>; language: string; mode: Mode; onAgain: () => void }) {
  const { w } = useSurveysWorkspaceI18n();
  const [completed, setCompleted] = useState(false);
  const model = useMemo(() => {
    const created = new Model(props.definition);
    created.mode = props.mode === 'display' ? 'display' : 'edit';
    created.showCompletePage = false;
    // The only thing completing does here: say so. No request is made.
    created.onComplete.add(() => setCompleted(true));
    return created;
  }, [props.definition, props.mode]);
  useEffect(() => {
    model.locale = props.language;
    model.updateProgressText();
  }, [model, props.language]);

  if (completed) {
    return (
      <div className="notice notice--success" role="status" data-testid="test-completed">
        <p>{w.testCompleted}</p>
        <button type="button" className="button button--secondary" onClick={props.onAgain}>
          {w.testAgain}
        </button>
      </div>
    );
  }
  return <Survey model={model} />;
}
