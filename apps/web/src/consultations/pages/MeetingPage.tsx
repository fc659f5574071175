import { useEffect, useRef, useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { formatMoment } from '../../components/i18n';
import { meetingsApi, type MeetingDetails, type SignupRequested } from '../api';
import { closedReason, pick } from '../format';
import { useMeetingsI18n } from '../i18n';
import { MeetingFacts } from '../MeetingFacts';
import { SignupForm } from '../SignupForm';
import { Link } from '../../router';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';

/** `/meetings/:id`: one meeting and its sign-up form; after asking for a place, "check your email" in its place. */
export default function MeetingPage({ id }: { id: string }) {
  const { lang, m } = useMeetingsI18n();
  const meeting = useLoad(`meeting:${id}`, () => meetingsApi.meeting(id));
  const [signup, setSignup] = useState<SignupRequested | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  useTitle(meeting.state === 'ready' ? pick(lang, meeting.data.titleLt, meeting.data.titleEn) : null);

  useEffect(() => {
    if (!signup) return;
    window.scrollTo(0, 0);
    confirmation.current?.focus({ preventScroll: true });
  }, [signup]);

  if (meeting.state === 'loading') return <Loading />;
  if (meeting.state === 'error') return <ErrorBox error={meeting.error} onRetry={meeting.retry} />;
  const data = meeting.data;

  if (signup) {
    return (
      <div ref={confirmation} tabIndex={-1} className="confirmation" data-testid="signup-check-email">
        <section className="signup-status signup-status--pending" aria-labelledby="check-email-title">
          <p className="signup-status__icon" aria-hidden="true">
            ✉
          </p>
          <h1 id="check-email-title" className="signup-status__title">
            {m.checkEmailTitle}
          </h1>
          <p className="signup-status__meeting">{pick(lang, data.titleLt, data.titleEn)}</p>
          <p>{m.checkEmailText(signup.confirmWithinMinutes)}</p>
          <p className="signup-status__hint">{m.checkEmailWhy}</p>
        </section>
        <p className="actions">
          <Link to={`/consultations/${encodeURIComponent(data.consultationId)}`} className="button button--secondary">
            {m.aboutConsultation}
          </Link>
        </p>
      </div>
    );
  }

  const closed = closedReason(data, m);
  return (
    <>
      <nav className="crumbs" aria-label="breadcrumb">
        <Link to={`/consultations/${encodeURIComponent(data.consultationId)}`}>
          ‹ {pick(lang, data.consultationTitleLt, data.consultationTitleEn) || m.aboutConsultation}
        </Link>
      </nav>
      <p className="card__meta">
        <span className="badge badge--kind">{m.kinds[data.kind] ?? data.kind}</span>
      </p>
      <h1 className="page-title" data-testid="meeting-title">
        {pick(lang, data.titleLt, data.titleEn)}
      </h1>
      <MeetingFacts startsAt={data.startsAt} endsAt={data.endsAt} place={data.place} onlineUrl={data.onlineUrl} extra={<Extra meeting={data} />} />
      {closed ? (
        <p className="notice notice--warning" data-testid="signup-closed">
          {closed}
        </p>
      ) : (
        <section aria-labelledby="signup-title">
          <h2 id="signup-title" className="section-title">
            {m.signUpTitle}
          </h2>
          {data.seatsLeft <= 0 && <p className="notice notice--warning">{m.full}</p>}
          <SignupForm meeting={data} onSignedUp={setSignup} />
        </section>
      )}
    </>
  );
}

function Extra({ meeting }: { meeting: MeetingDetails }) {
  const { lang, m } = useMeetingsI18n();
  return (
    <>
      <div className="facts__row">
        <dt>{m.institution}</dt>
        <dd>{pick(lang, meeting.institution, meeting.institutionEn || meeting.institution)}</dd>
      </div>
      {meeting.signupOpen && (
        <div className="facts__row">
          <dt>{m.signUpTitle}</dt>
          <dd>
            <strong className="seats" data-testid="seats-left">
              {meeting.seatsLeft > 0 ? m.seatsLeft(meeting.seatsLeft) : m.waitlisted(meeting.waitlisted)}
            </strong>
            <br />
            {m.signupBy(formatMoment(meeting.signupDeadline, lang))}
          </dd>
        </div>
      )}
    </>
  );
}
