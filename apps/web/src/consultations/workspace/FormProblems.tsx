import { readableReason } from '../../components/fieldErrors';
import { ApiError } from '../../components/request';
import { ErrorBox } from '../../components/ErrorBox';
import { useStaffMeetingsI18n } from './i18n';

/**
 * Above a form: "check the marked fields" when a field shows a problem; the server's own answer
 * when it is about something no field shows (a conflict, a lost connection, a reason on a field
 * this form does not have).
 */
export function FormProblems({ error, errors, fields }: { error: unknown; errors: Record<string, string>; fields: string[] }) {
  const { s } = useStaffMeetingsI18n();
  const onFields = fields.some((field) => errors[field]);
  const unplaced =
    error !== null &&
    (!(error instanceof ApiError) || error.details.length === 0 || error.details.some((d) => !fields.includes(d.field.split('.')[0])));
  return (
    <>
      {onFields && (
        <p className="notice notice--error" role="alert" tabIndex={-1}>
          {s.formHasErrors}
        </p>
      )}
      {unplaced && <ErrorBox error={error} />}
      {unplaced && error instanceof ApiError && error.details.length > 0 && (
        <ul className="notice__list">
          {error.details
            .filter((d) => !fields.includes(d.field.split('.')[0]))
            .map((d, i) => (
              <li key={i}>
                <strong>{d.field}</strong>: {readableReason(d.reason)}
              </li>
            ))}
        </ul>
      )}
    </>
  );
}
