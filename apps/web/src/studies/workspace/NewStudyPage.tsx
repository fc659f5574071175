import { useQueryClient } from '@tanstack/react-query';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';
import { Link, navigate } from '../../router';
import { api } from '../../surveys/api';
import { StaffFrame } from '../../workspace/StaffFrame';
import { studiesApi } from '../api';
import { useStudiesI18n } from '../i18n';
import { StudyForm } from './StudyForm';

/** `/staff/studies/new`: a draft study (researchers and admins). */
export default function NewStudyPage() {
  const { st } = useStudiesI18n();
  useTitle(st.newStudy);
  return <StaffFrame>{() => <NewStudy />}</StaffFrame>;
}

function NewStudy() {
  const { st } = useStudiesI18n();
  const client = useQueryClient();
  const municipalities = useLoad('municipalities', () => api.municipalities());
  const researchers = useLoad('study-researchers', () => studiesApi.researchers());
  const failed = municipalities.state === 'error' ? municipalities : researchers.state === 'error' ? researchers : null;
  return (
    <>
      <nav className="crumbs">
        <Link to="/staff/studies">‹ {st.backToStudies}</Link>
      </nav>
      <h1 className="page-title">{st.newStudy}</h1>
      {failed && failed.state === 'error' && <ErrorBox error={failed.error} onRetry={failed.retry} />}
      {(municipalities.state === 'loading' || researchers.state === 'loading') && <Loading />}
      {municipalities.state === 'ready' && researchers.state === 'ready' && (
        <StudyForm
          municipalities={municipalities.data}
          researchers={researchers.data}
          submitLabel={st.create}
          onSubmit={async (body) => {
            const study = await studiesApi.create(body);
            client.setQueryData([`study:${study.id}`], study);
            void client.invalidateQueries({ queryKey: ['studies'] });
            navigate(`/staff/studies/${encodeURIComponent(study.id)}`);
          }}
        />
      )}
    </>
  );
}
