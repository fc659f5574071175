import type { Signup } from './api';
import { pick } from './format';
import { useMeetingsI18n } from './i18n';
import { MeetingFacts } from './MeetingFacts';
import { QrCode } from './QrCode';

/** Where a sign-up stands: confirmed, waiting (and where in the queue) or cancelled; the check-in code to show at the door. */
export function SignupSummary({ signup }: { signup: Signup }) {
  const { lang, m } = useMeetingsI18n();
  const { status, meeting } = signup;
  // Only a confirmed place has a code to show at the door: waitlisted people get none (nor a QR).
  const live = status === 'confirmed' && !meeting.cancelled;
  const title = status === 'confirmed' ? m.confirmedTitle : status === 'waitlisted' ? m.waitlistedTitle : m.cancelledTitle;

  return (
    <section className={`signup-status signup-status--${status}`} data-testid="signup-status" data-status={status} aria-labelledby="signup-status-title">
      <p className="signup-status__icon" aria-hidden="true">
        {status === 'confirmed' ? '✓' : status === 'waitlisted' ? '…' : '✕'}
      </p>
      <h1 id="signup-status-title" className="signup-status__title">
        {title}
      </h1>
      <p className="signup-status__meeting">{pick(lang, meeting.titleLt, meeting.titleEn)}</p>
      {status === 'waitlisted' && signup.waitlistPosition !== null && (
        <>
          <p className="signup-status__position" data-testid="waitlist-position">
            {m.waitlistPosition(signup.waitlistPosition)}
          </p>
          <p className="signup-status__hint">{m.waitlistHint}</p>
        </>
      )}
      {meeting.cancelled && <p className="notice notice--error">{m.meetingCancelledNote}</p>}
      {signup.attended && <p className="notice notice--success">{m.attendedNote}</p>}
      {live && signup.checkinCode && signup.checkinUrl && (
        <div className="checkin">
          <p className="checkin__label">{m.checkinCode}</p>
          <p className="checkin__code" data-testid="checkin-code">
            {signup.checkinCode}
          </p>
          <QrCode text={signup.checkinUrl} alt={m.qrAlt(signup.checkinCode)} />
          <p className="signup-status__hint">{m.checkinHint}</p>
        </div>
      )}
      <div className="signup-status__facts">
        <MeetingFacts startsAt={meeting.startsAt} endsAt={meeting.endsAt} place={meeting.place} onlineUrl={meeting.onlineUrl} />
      </div>
    </section>
  );
}
