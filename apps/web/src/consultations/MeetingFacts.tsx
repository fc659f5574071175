import type { ReactNode } from 'react';
import { formatWhen } from './format';
import { useMeetingsI18n } from './i18n';

interface Props {
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  extra?: ReactNode;
}

/** When and where, as a short list that reads well on a phone. */
export function MeetingFacts({ startsAt, endsAt, place, onlineUrl, extra }: Props) {
  const { lang, m } = useMeetingsI18n();
  return (
    <dl className="facts">
      <div className="facts__row">
        <dt>{m.when}</dt>
        <dd data-testid="meeting-when">{formatWhen(startsAt, endsAt, lang)}</dd>
      </div>
      {place && (
        <div className="facts__row">
          <dt>{m.where}</dt>
          <dd>{place}</dd>
        </div>
      )}
      {onlineUrl && (
        <div className="facts__row">
          <dt>{m.online}</dt>
          <dd>
            <a href={onlineUrl} target="_blank" rel="noopener noreferrer">
              {m.joinOnline}
            </a>
          </dd>
        </div>
      )}
      {extra}
    </dl>
  );
}
