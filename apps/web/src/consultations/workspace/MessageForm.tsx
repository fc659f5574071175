import { useId, useState, type FormEvent } from 'react';
import { TextField } from '../../components/TextField';
import { consultationsApi } from './api';
import { FormProblems } from './FormProblems';
import { useStaffMeetingsI18n } from './i18n';
import { lengthProblem, useStaffForm } from './useStaffForm';

/** One message to everyone holding a place or waiting; the worker sends it by email or SMS. */
export function MessageForm({ meetingId, onSent }: { meetingId: string; onSent?: () => void }) {
  const { s } = useStaffMeetingsI18n();
  const form = useStaffForm({ subject: '', body: '' });
  const [sent, setSent] = useState<number | null>(null);
  const base = useId();
  const { values } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    await form.submit(
      {
        subject: lengthProblem(s, values.subject, 3),
        body: lengthProblem(s, values.body, 3),
      },
      async () => {
        const answer = await consultationsApi.messageAll(meetingId, { subject: values.subject.trim(), body: values.body.trim() });
        setSent(answer.recipients);
        onSent?.();
        form.setValues({ subject: '', body: '' });
      },
    );
  };

  return (
    <form ref={form.ref} className="form form--wide" onSubmit={submit} noValidate data-testid="message-form">
      <p className="field__hint">{s.messageHint}</p>
      <FormProblems error={form.error} errors={form.errors} fields={['subject', 'body']} />
      <TextField id={`${base}subject`} label={s.subject} maxLength={200} {...form.bind('subject')} />
      <TextField id={`${base}body`} label={s.body} rows={5} maxLength={5000} {...form.bind('body')} />
      <div className="actions actions--row actions--tight">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? s.sending : s.send}
        </button>
        <p className="actions__status" role="status">
          {sent !== null && s.sentTo(sent)}
        </p>
      </div>
    </form>
  );
}
