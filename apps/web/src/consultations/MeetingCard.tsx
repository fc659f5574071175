import { Link } from '../router';
import type { Meeting } from './api';
import { closedReason, formatWhen, pick } from './format';
import { useMeetingsI18n } from './i18n';

/** One meeting in a list: what, when, where, and whether a place is still to be had. */
export function MeetingCard({ meeting, showConsultation = false }: { meeting: Meeting; showConsultation?: boolean }) {
  const { lang, m } = useMeetingsI18n();
  const closed = closedReason(meeting, m);
  const consultation = showConsultation ? pick(lang, meeting.consultationTitleLt, meeting.consultationTitleEn) : '';
  return (
    <Link to={`/meetings/${encodeURIComponent(meeting.id)}`} className="card card--link" data-testid={`meeting-${meeting.id}`}>
      <span className="card__body">
        <span className="card__meta">
          <span className="badge badge--kind">{m.kinds[meeting.kind] ?? meeting.kind}</span>
          {consultation && <span>{consultation}</span>}
        </span>
        <span className="card__title">{pick(lang, meeting.titleLt, meeting.titleEn)}</span>
        <span className="card__meta">{formatWhen(meeting.startsAt, meeting.endsAt, lang)}</span>
        <span className="card__meta">{meeting.place ?? (meeting.onlineUrl ? m.online : '')}</span>
        <span className="card__meta">
          {closed ? (
            <span className="badge">{meeting.cancelledAt ? m.cancelled : closed}</span>
          ) : meeting.seatsLeft > 0 ? (
            <strong className="seats">{m.seatsLeft(meeting.seatsLeft)}</strong>
          ) : (
            <span className="badge">{m.full}</span>
          )}
        </span>
      </span>
      <span className="card__chevron" aria-hidden="true">›</span>
    </Link>
  );
}
