import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';
import { Link } from '../../router';
import type { Account } from '../../workspace/api';
import { StaffFrame } from '../../workspace/StaffFrame';
import { studiesApi, type StudyListItem } from '../api';
import { useStudiesI18n } from '../i18n';

/** `/staff/studies`: researchers their studies, admins all, staff the running ones of their municipalities. */
export default function StudiesListPage() {
  const { st } = useStudiesI18n();
  useTitle(st.studiesTitle);
  return <StaffFrame>{(account) => <StudyList account={account} />}</StaffFrame>;
}

function StudyList({ account }: { account: Account }) {
  const { st } = useStudiesI18n();
  const studies = useLoad('studies', () => studiesApi.list());
  return (
    <>
      <h1 className="page-title">{st.studiesTitle}</h1>
      {account.role !== 'staff' && (
        <p>
          <Link to="/staff/studies/new" className="button" data-testid="new-study-link">
            {st.newStudy}
          </Link>
        </p>
      )}
      {studies.state === 'loading' && <Loading />}
      {studies.state === 'error' && <ErrorBox error={studies.error} onRetry={studies.retry} />}
      {studies.state === 'ready' &&
        (studies.data.length === 0 ? (
          <p className="notice">{account.role === 'staff' ? st.noStudiesStaff : st.noStudies}</p>
        ) : (
          <ul className="card-list">
            {studies.data.map((study) => (
              <li key={study.id}>
                <StudyCard study={study} />
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

function StudyCard({ study }: { study: StudyListItem }) {
  const { lang, st } = useStudiesI18n();
  return (
    <Link to={`/staff/studies/${encodeURIComponent(study.id)}`} className="card card--link" data-testid={`study-${study.id}`}>
      <span className="card__body">
        <span className="card__title">{lang === 'lt' ? study.titleLt : study.titleEn}</span>
        <span className="card__meta">
          <span data-testid="study-status">{st.status[study.status]}</span>
          <span>{st.consentVersionShort(study.consentVersion)}</span>
          <span>{st.instrumentsCount(study.instruments)}</span>
          <span>{st.municipalitiesCount(study.municipalityCodes.length)}</span>
        </span>
      </span>
      <span className="card__chevron" aria-hidden="true">
        ›
      </span>
    </Link>
  );
}
