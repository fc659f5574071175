import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { formatMoment } from '../../components/i18n';
import { pick } from '../format';
import { useMeetingsI18n } from '../i18n';
import { Link } from '../../router';
import type { Account } from '../../workspace/api';
import { consultationsApi } from './api';
import { useStaffMeetingsI18n } from './i18n';
import { NewConsultationForm } from './NewConsultationForm';
import { StaffFrame } from '../../workspace/StaffFrame';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';

export default function StaffConsultationsPage() {
  const { s } = useStaffMeetingsI18n();
  useTitle(s.consultationsTitle);
  return <StaffFrame>{(account) => <ConsultationList account={account} />}</StaffFrame>;
}

function ConsultationList({ account }: { account: Account }) {
  const { lang, s } = useStaffMeetingsI18n();
  const { m } = useMeetingsI18n();
  const list = useLoad('staff-consultations', () => consultationsApi.list());

  return (
    <>
      <h1 className="page-title">{s.consultationsTitle}</h1>
      {list.state === 'loading' && <Loading />}
      {list.state === 'error' && <ErrorBox error={list.error} onRetry={list.retry} />}
      {list.state === 'ready' &&
        (list.data.length === 0 ? (
          <p className="notice">{s.noConsultations}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table--stack" data-testid="consultations">
              <caption className="sr-only">{s.consultationsTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.colTitle}</th>
                  <th scope="col">{s.municipality}</th>
                  <th scope="col">{s.colPhase}</th>
                  <th scope="col">{s.colCreated}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/staff/consultations/${encodeURIComponent(c.id)}`}>{pick(lang, c.titleLt, c.titleEn)}</Link>
                    </th>
                    <td data-label={s.municipality}>{pick(lang, c.municipalityNameLt, c.municipalityNameEn) || c.municipalityCode}</td>
                    <td data-label={s.colPhase}>
                      <span className={`badge badge--phase badge--${c.phase}`}>{m.phases[c.phase] ?? c.phase}</span>
                    </td>
                    <td data-label={s.colCreated}>{c.createdAt ? formatMoment(c.createdAt, lang) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}

      <section className="staff-section" aria-labelledby="new-consultation-title">
        <h2 id="new-consultation-title" className="staff-section__title">
          {s.newConsultation}
        </h2>
        <NewConsultationForm account={account} />
      </section>
    </>
  );
}
