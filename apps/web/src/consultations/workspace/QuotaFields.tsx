import { useId } from 'react';
import { ApiError } from '../../components/request';
import { ErrorBox } from '../../components/ErrorBox';
import { FieldError } from '../../components/TextField';
import { useLoad } from '../../components/useLoad';
import { consultationsApi } from './api';
import { useStaffMeetingsI18n } from './i18n';

interface Props {
  /** Partner organisation id -> places as typed; empty means none. */
  seats: Record<string, string>;
  onChange: (seats: Record<string, string>) => void;
  error?: string;
}

/** Places per partner organisation: one number box per partner. */
export function QuotaFields({ seats, onChange, error }: Props) {
  const { s } = useStaffMeetingsI18n();
  const partners = useLoad('partner-organisations', () => consultationsApi.partnerOrganisations());
  const base = useId();

  return (
    <fieldset className="fieldset" aria-describedby={error ? `${base}quotas-error` : undefined} data-testid="quotas">
      <legend className="fieldset__legend">{s.quotas}</legend>
      <p className="field__hint">{s.quotasHint}</p>
      {partners.state === 'error' &&
        (partners.error instanceof ApiError && partners.error.status === 403 ? (
          <p className="field__hint" data-testid="partners-unavailable">
            {s.partnersUnavailable}
          </p>
        ) : (
          <ErrorBox error={partners.error} onRetry={partners.retry} />
        ))}
      {partners.state === 'ready' && (
        <div className="form__row">
          {partners.data.map((partner) => (
            <div className="field" key={partner.id}>
              <label htmlFor={`${base}${partner.id}`} className="field__label">
                {s.seatsFor(partner.name)}
              </label>
              <input
                id={`${base}${partner.id}`}
                className="field__input"
                type="number"
                inputMode="numeric"
                min={1}
                value={seats[partner.id] ?? ''}
                aria-invalid={error ? true : undefined}
                onChange={(event) => onChange({ ...seats, [partner.id]: event.target.value })}
              />
            </div>
          ))}
        </div>
      )}
      <FieldError id={`${base}quotas`} error={error} />
    </fieldset>
  );
}
