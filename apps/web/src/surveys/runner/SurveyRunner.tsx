import { useEffect, useRef, useState } from 'react';
import { Model, type CompletingEvent, type SurveyModel } from 'survey-core';
import { Survey } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.min.css';
import './surveyLocale';
import { type SavedResponse } from '../api';
import { ApiError, type ErrorDetail } from '../../components/request';
import { ErrorBox, useErrorText } from '../../components/ErrorBox';
import { useI18n, type Lang } from '../../components/i18n';
import type { Progress } from '../../components/storage';
import { ResponseSaver, type SaveState } from './ResponseSaver';
import { ResumeLink } from './ResumeLink';

interface Props {
  surveyId: string;
  municipalityCode: string;
  versionId: string;
  definition: Record<string, unknown>;
  languages: string[];
  invitationToken: string | null;
  /** The study consent version agreed to (study instruments); null outside studies. */
  consentVersionId: string | null;
  progress: Progress;
  onSubmitted: (saved: SavedResponse) => void;
  /** The server refused the consent (it changed meanwhile): the page shows the new text. */
  onConsentRefused?: () => void;
}

const CONSENT_REFUSALS = ['CONSENT_REQUIRED', 'CONSENT_NOT_CURRENT'];
const consentRefused = (error: unknown) => error instanceof ApiError && CONSENT_REFUSALS.includes(error.code);

/** The survey in the resident's language when it is offered, else in its first language. */
export function surveyLanguage(lang: Lang, languages: string[]): string {
  if (!languages.length || languages.includes(lang)) return lang;
  return languages[0];
}

/** Where a resumed resident most likely stopped: the last page they answered anything on. */
function lastAnsweredPage(model: SurveyModel): number {
  let found = 0;
  model.visiblePages.forEach((page, index) => {
    if (page.questions.some((q) => !q.isEmpty())) found = index;
  });
  return found;
}

function createModel(definition: object, locale: string, progress: Progress): SurveyModel {
  const model = new Model(definition);
  model.locale = locale;
  // The app shows its own thank-you view once the server has accepted the answers.
  model.showCompletePage = false;
  model.data = progress.answers ?? {};
  const pages = model.visiblePages.length;
  const pageNo = progress.pageNo ?? lastAnsweredPage(model);
  if (pageNo > 0 && pageNo < pages) model.currentPageNo = pageNo;
  return model;
}

export function SurveyRunner(props: Props) {
  const { lang, t } = useI18n();
  const errorText = useErrorText();
  const locale = surveyLanguage(lang, props.languages);
  const [model] = useState(() => createModel(props.definition, locale, props.progress));
  const [progress, setProgress] = useState(props.progress);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [submitError, setSubmitError] = useState<unknown>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const onSubmitted = useRef(props.onSubmitted);
  onSubmitted.current = props.onSubmitted;
  const onConsentRefused = useRef(props.onConsentRefused);
  onConsentRefused.current = props.onConsentRefused;

  // Switching language only relabels the survey: answers and page stay as they are.
  useEffect(() => {
    model.locale = locale;
    // survey-core caches the "Page 2 of 5" text and does not redo it on a locale change.
    model.updateProgressText();
  }, [model, locale]);

  useEffect(() => {
    const saver = new ResponseSaver({
      surveyId: props.surveyId,
      municipalityCode: props.municipalityCode,
      versionId: props.versionId,
      invitationToken: props.invitationToken,
      consentVersionId: props.consentVersionId,
      progress: props.progress,
      snapshot: () => ({ answers: model.data, language: localeRef.current, pageNo: model.currentPageNo }),
      onChange: (next, state) => {
        setProgress(next);
        setSaveState(state);
        if (state.kind === 'failed' && consentRefused(state.error)) onConsentRefused.current?.();
      },
    });

    const onValueChanged = () => saver.changed();
    const onPageChanged = () => void saver.flush();
    const onCompleting = async (_: SurveyModel, options: CompletingEvent) => {
      setSubmitError(null);
      // What survey-core itself does on completion, done first so the server validates exactly
      // the answers that will be kept (it refuses answers to questions that are not shown).
      for (const question of model.getAllQuestions()) {
        question.clearUnusedValues();
        question.clearValueIfInvisible('onComplete');
      }
      try {
        const saved = await saver.complete();
        onSubmitted.current(saved);
      } catch (error) {
        // Refused: the survey stays open on this page with every answer, and says why.
        options.allow = false;
        setSubmitError(error);
      }
    };
    // The phone is about to background or close the tab: send what is pending while we still can.
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void saver.flush({ keepalive: true });
    };
    const onOnline = () => void saver.flush();

    model.onValueChanged.add(onValueChanged);
    model.onCurrentPageChanged.add(onPageChanged);
    model.onCompleting.add(onCompleting);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onHidden);
    window.addEventListener('online', onOnline);
    return () => {
      model.onValueChanged.remove(onValueChanged);
      model.onCurrentPageChanged.remove(onPageChanged);
      model.onCompleting.remove(onCompleting);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onHidden);
      window.removeEventListener('online', onOnline);
      // Leaving for another page of the app: do not drop what was typed in the last second.
      void saver.flush();
      saver.dispose();
    };
    // One saver per mounted survey; the props it reads never change while mounted (see `key`).
  }, [model]);

  useEffect(() => {
    if (submitError) errorRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [submitError]);

  const describeQuestion = (detail: ErrorDetail) => {
    const question = detail.question ? model.getQuestionByName(detail.question) : null;
    if (!question) return { label: detail.question ?? detail.field };
    return {
      label: question.processedTitle || question.name,
      focus: () => model.focusQuestion(question.name),
    };
  };

  return (
    <>
      {submitError != null && (
        <div ref={errorRef}>
          <ErrorBox error={submitError} title={t.submitFailed} describeQuestion={describeQuestion} />
        </div>
      )}
      <div className="survey-frame">
        <Survey model={model} />
      </div>
      <p className={`save-status save-status--${saveState.kind}`} role="status" aria-live="polite">
        {saveState.kind === 'saving' && t.saving}
        {saveState.kind === 'saved' && `✓ ${t.saved}`}
        {saveState.kind === 'failed' &&
          submitError == null &&
          (saveState.error instanceof ApiError && !saveState.error.isNetwork && saveState.error.status !== 429
            ? errorText(saveState.error)
            : t.notSaved)}
      </p>
      {progress.resumeToken && <ResumeLink token={progress.resumeToken} />}
    </>
  );
}
