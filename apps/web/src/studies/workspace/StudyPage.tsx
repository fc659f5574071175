import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { formatMoment, municipalityName } from '../../components/i18n';
import { Loading } from '../../components/Loading';
import { useLoad } from '../../components/useLoad';
import { useTitle } from '../../components/useTitle';
import { Link } from '../../router';
import { api, type Municipality } from '../../surveys/api';
import { StaffFrame } from '../../workspace/StaffFrame';
import { studiesApi, type Study } from '../api';
import { useStudiesI18n } from '../i18n';
import { ConsentPanel } from './ConsentPanel';
import { InstrumentsPanel } from './InstrumentsPanel';
import { PolicyPanel } from './PolicyPanel';
import { StatusPanel } from './StatusPanel';
import { StudyForm } from './StudyForm';

/** `/staff/studies/:id`: the study, its fieldwork status, instruments, consent (with history), policies and meetings. */
export default function StudyPage({ id }: { id: string }) {
  return <StaffFrame>{() => <StudyLoader id={id} />}</StaffFrame>;
}

function StudyLoader({ id }: { id: string }) {
  const { st } = useStudiesI18n();
  const study = useLoad(`study:${id}`, () => studiesApi.get(id));
  const municipalities = useLoad('municipalities', () => api.municipalities());
  useTitle(study.state === 'ready' ? study.data.titleLt : st.detailsTitle);
  if (study.state === 'loading' || municipalities.state === 'loading') return <Loading />;
  if (study.state === 'error') return <ErrorBox error={study.error} onRetry={study.retry} />;
  return <StudyView study={study.data} municipalities={municipalities.state === 'ready' ? municipalities.data : []} />;
}

function StudyView({ study, municipalities }: { study: Study; municipalities: Municipality[] }) {
  const { lang, st } = useStudiesI18n();
  return (
    <div data-testid="study-page" data-study-id={study.id}>
      <nav className="crumbs">
        <Link to="/staff/studies">‹ {st.backToStudies}</Link>
      </nav>
      <p className="overline" data-testid="study-status">
        {st.status[study.status]}
      </p>
      <h1 className="page-title">{lang === 'lt' ? study.titleLt : study.titleEn}</h1>
      {!study.canManage && (
        <p className="notice" data-testid="read-only">
          {st.readOnly}
        </p>
      )}
      <StatusPanel study={study} />
      {study.canManage ? (
        <DetailsPanel study={study} municipalities={municipalities} />
      ) : (
        <DetailsFacts study={study} municipalities={municipalities} />
      )}
      <InstrumentsPanel study={study} />
      <ConsentPanel study={study} />
      <PolicyPanel study={study} />
      {study.meetings.length > 0 && (
        <section className="panel">
          <h2 className="section-title">{st.meetingsTitle}</h2>
          <ul>
            {study.meetings.map((m) => (
              <li key={m.id}>
                {lang === 'lt' ? m.titleLt : m.titleEn} · {formatMoment(m.startsAt, lang)} ·{' '}
                {municipalityName(municipalities, m.municipalityCode, lang)} · {st.signups(m.signups)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function DetailsPanel({ study, municipalities }: { study: Study; municipalities: Municipality[] }) {
  const { st } = useStudiesI18n();
  const researchers = useLoad('study-researchers', () => studiesApi.researchers());
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  return (
    <section className="panel">
      <h2 className="section-title">{st.detailsTitle}</h2>
      {researchers.state === 'ready' ? (
        <StudyForm
          key={study.updatedAt}
          study={study}
          municipalities={municipalities}
          researchers={researchers.data}
          submitLabel={st.save}
          onSubmit={async (body) => {
            setSaved(false);
            client.setQueryData([`study:${study.id}`], await studiesApi.update(study.id, body));
            void client.invalidateQueries({ queryKey: ['studies'] });
            setSaved(true);
          }}
        />
      ) : (
        <Loading />
      )}
      {saved && (
        <p className="notice notice--success" role="status">
          {st.saved}
        </p>
      )}
    </section>
  );
}

function DetailsFacts({ study, municipalities }: { study: Study; municipalities: Municipality[] }) {
  const { lang, st } = useStudiesI18n();
  return (
    <section className="panel">
      <h2 className="section-title">{st.detailsTitle}</h2>
      <p>{lang === 'lt' ? study.purposeLt : study.purposeEn}</p>
      <dl className="facts">
        <dt>{st.municipalities}</dt>
        <dd>{study.municipalityCodes.map((code) => municipalityName(municipalities, code, lang)).join(', ')}</dd>
        <dt>{st.researchers}</dt>
        <dd>{study.researchers.map((r) => r.displayName).join(', ')}</dd>
        <dt>{st.ethicsCommittee}</dt>
        <dd>{study.ethics.committee ?? '–'}</dd>
        <dt>{st.ethicsReference}</dt>
        <dd>{study.ethics.reference ?? '–'}</dd>
      </dl>
    </section>
  );
}
