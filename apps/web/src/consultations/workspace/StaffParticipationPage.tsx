import { api } from '../../surveys/api';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { municipalityName } from '../../components/i18n';
import { useMeetingsI18n } from '../i18n';
import { formatPercent } from '../../results/format';
import { consultationsApi, type ParticipationRow } from './api';
import { useStaffMeetingsI18n } from './i18n';
import { StaffFrame } from '../../workspace/StaffFrame';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';

export default function StaffParticipationPage() {
  const { s } = useStaffMeetingsI18n();
  useTitle(s.participationTitle);
  return <StaffFrame>{() => <Participation />}</StaffFrame>;
}

/** Places held and people checked in against the targets, per municipality and kind of meeting. */
function Participation() {
  const { lang, s } = useStaffMeetingsI18n();
  const { m } = useMeetingsI18n();
  const report = useLoad('participation', () => consultationsApi.participation());
  const municipalities = useLoad('municipalities', () => api.municipalities().catch(() => []));
  const names = municipalities.state === 'ready' ? municipalities.data : undefined;
  const place = (row: ParticipationRow) => (row.municipalityCode === null ? s.allMunicipalities : municipalityName(names, row.municipalityCode, lang));

  return (
    <>
      <h1 className="page-title">{s.participationTitle}</h1>
      <p className="lead">{s.participationIntro}</p>
      {report.state === 'loading' && <Loading />}
      {report.state === 'error' && <ErrorBox error={report.error} onRetry={report.retry} />}
      {report.state === 'ready' &&
        (report.data.items.length === 0 ? (
          <p className="notice">{s.noParticipation}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table--stack" data-testid="participation">
              <caption className="sr-only">{s.participationTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.municipality}</th>
                  <th scope="col">{s.colKind}</th>
                  <th scope="col" className="num">{s.colMeetings}</th>
                  <th scope="col" className="num">{s.confirmedOf}</th>
                  <th scope="col" className="num">{s.attendedLabel}</th>
                  <th scope="col" className="num">{s.colTarget}</th>
                  <th scope="col">{s.colProgress}</th>
                </tr>
              </thead>
              <tbody>
                {report.data.items.map((row) => (
                  <tr key={`${row.municipalityCode ?? '*'}:${row.kind}`}>
                    <th scope="row">{place(row)}</th>
                    <td data-label={s.colKind}>{m.kinds[row.kind] ?? row.kind}</td>
                    <td data-label={s.colMeetings} className="num">{row.meetings}</td>
                    <td data-label={s.confirmedOf} className="num">{row.confirmed}</td>
                    <td data-label={s.attendedLabel} className="num">{row.attended}</td>
                    <td data-label={s.colTarget} className="num">{row.target ?? s.noTarget}</td>
                    <td data-label={s.colProgress}>
                      {row.target ? (
                        <span className="progress">
                          <progress max={row.target} value={Math.min(row.attended, row.target)} aria-label={`${place(row)}: ${s.colProgress}`} />
                          <span className="progress__text">{formatPercent((100 * row.attended) / row.target, lang)}</span>
                        </span>
                      ) : (
                        s.notYet
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}
