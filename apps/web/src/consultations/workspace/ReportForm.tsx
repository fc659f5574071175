import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../components/request';
import { TextField } from '../../components/TextField';
import { formatMoment } from '../../components/i18n';
import { consultationsApi, type StaffConsultation } from './api';
import { FormProblems } from './FormProblems';
import { useStaffMeetingsI18n } from './i18n';
import { useStaffForm } from './useStaffForm';

const FIELDS = ['heardLt', 'heardEn', 'decidedLt', 'decidedEn'] as const;

/** "What we heard, what was decided", in both languages; publishing moves the consultation to reported. */
export function ReportForm({ consultation, onChange }: { consultation: StaffConsultation; onChange: (c: StaffConsultation) => void }) {
  const { lang, s } = useStaffMeetingsI18n();
  const report = consultation.report;
  const form = useStaffForm({
    heardLt: report?.heardLt ?? '',
    heardEn: report?.heardEn ?? '',
    decidedLt: report?.decidedLt ?? '',
    decidedEn: report?.decidedEn ?? '',
  });
  const base = useId();
  const { values } = form;
  // Meetings not all held yet: the server refuses until staff confirm they mean to publish now.
  const [unheld, setUnheld] = useState(false);

  const publish = async (confirmUnheldMeetings: boolean) => {
    const problems = Object.fromEntries(FIELDS.map((f) => [f, values[f].trim() ? undefined : s.required]));
    await form.submit(problems, async () => {
      try {
        onChange(
          await consultationsApi.publishReport(consultation.id, {
            heardLt: values.heardLt.trim(),
            heardEn: values.heardEn.trim(),
            decidedLt: values.decidedLt.trim(),
            decidedEn: values.decidedEn.trim(),
            ...(confirmUnheldMeetings ? { confirmUnheldMeetings: true } : {}),
          }),
        );
        setUnheld(false);
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'MEETINGS_NOT_HELD') setUnheld(true);
        else throw caught;
      }
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await publish(false);
  };

  return (
    <form ref={form.ref} className="form form--wide" onSubmit={submit} noValidate data-testid="report-form">
      <p className="field__hint">{s.reportHint}</p>
      {report && (
        <p className="notice notice--success" role="status">
          {s.reportPublished(formatMoment(report.publishedAt, lang))}
        </p>
      )}
      <FormProblems error={form.error} errors={form.errors} fields={[...FIELDS]} />
      <div className="form__row">
        <TextField id={`${base}heardLt`} label={s.heardLt} lang="lt" rows={6} maxLength={20000} {...form.bind('heardLt')} />
        <TextField id={`${base}heardEn`} label={s.heardEn} lang="en" rows={6} maxLength={20000} {...form.bind('heardEn')} />
      </div>
      <div className="form__row">
        <TextField id={`${base}decidedLt`} label={s.decidedLt} lang="lt" rows={6} maxLength={20000} {...form.bind('decidedLt')} />
        <TextField id={`${base}decidedEn`} label={s.decidedEn} lang="en" rows={6} maxLength={20000} {...form.bind('decidedEn')} />
      </div>
      {unheld && (
        <div className="notice notice--warning" role="alert" data-testid="report-unheld-warning">
          <p className="notice__title">{s.unheldTitle}</p>
          <p className="notice__text">{s.unheldWarning}</p>
          <button type="button" className="button" disabled={form.busy} onClick={() => void publish(true)} data-testid="report-publish-anyway">
            {s.publishAnyway}
          </button>
        </div>
      )}
      <button type="submit" className="button" disabled={form.busy} data-testid="report-publish">
        {form.busy ? s.publishing : report ? s.updateReport : s.publishReport}
      </button>
    </form>
  );
}
