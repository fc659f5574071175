import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { useTitle } from '../components/useTitle';
import { consultationsApi } from '../consultations/workspace/api';
import { api } from '../surveys/api';
import { AdminFrame } from './AdminFrame';
import { adminApi } from './api';
import { useAdminI18n } from './i18n';

/** Municipalities (add, rename) and partner organisations (add). */
export default function MunicipalitiesPage() {
  const { a } = useAdminI18n();
  useTitle(a.municipalitiesTitle);
  return <AdminFrame>{() => <Municipalities />}</AdminFrame>;
}

/** A small form of text fields that calls `action` and then refreshes the lists. */
function QuickForm({ fields, submitLabel, action, testId }: { fields: { name: string; label: string }[]; submitLabel: string; action: (values: Record<string, string>) => Promise<unknown>; testId?: string }) {
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await action(Object.fromEntries(fields.map((f) => [f.name, (values[f.name] ?? '').trim()])));
      setValues({});
      // The public municipality list is cached per page load (surveys/api.ts): reload it too.
      await client.invalidateQueries();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form form--inline" onSubmit={submit} noValidate data-testid={testId}>
      {fields.map((field) => (
        <label key={field.name} className="field">
          <span className="field__label">{field.label}</span>
          <input className="field__input" value={values[field.name] ?? ''} onChange={(e) => setValues({ ...values, [field.name]: e.target.value })} />
        </label>
      ))}
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
      {error !== null && <ErrorBox error={error} />}
    </form>
  );
}

function Municipalities() {
  const { a } = useAdminI18n();
  const municipalities = useQuery({ queryKey: ['admin-municipalities'], queryFn: () => api.municipalities() });
  const partners = useQuery({ queryKey: ['partner-organisations'], queryFn: consultationsApi.partnerOrganisations });
  return (
    <>
      <h1 className="page-title">{a.municipalitiesTitle}</h1>
      <section className="panel">
        {municipalities.isPending && <Loading />}
        {municipalities.isError && <ErrorBox error={municipalities.error} />}
        {municipalities.data && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{a.code}</th>
                <th scope="col">{a.nameLt}</th>
                <th scope="col">{a.nameEn}</th>
                <th scope="col">{a.rename}</th>
              </tr>
            </thead>
            <tbody>
              {municipalities.data.map((m) => (
                <tr key={m.code}>
                  <td>{m.code}</td>
                  <td>{m.name.lt}</td>
                  <td>{m.name.en}</td>
                  <td>
                    <QuickForm
                      fields={[
                        { name: 'nameLt', label: a.nameLt },
                        { name: 'nameEn', label: a.nameEn },
                      ]}
                      submitLabel={a.rename}
                      action={(v) => adminApi.renameMunicipality(m.code, { nameLt: v.nameLt || m.name.lt, nameEn: v.nameEn || m.name.en })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2 className="section-title">{a.addMunicipality}</h2>
        <QuickForm
          fields={[
            { name: 'code', label: a.code },
            { name: 'nameLt', label: a.nameLt },
            { name: 'nameEn', label: a.nameEn },
          ]}
          submitLabel={a.addMunicipality}
          action={(v) => adminApi.createMunicipality({ code: v.code, nameLt: v.nameLt, nameEn: v.nameEn })}
          testId="new-municipality"
        />
      </section>
      <section className="panel">
        <h2 className="section-title">{a.partnersTitle}</h2>
        {partners.isError && <ErrorBox error={partners.error} />}
        {partners.data && (
          <ul className="plain-list">
            {partners.data.map((p) => (
              <li key={p.id} className="version-row">
                {p.name} · {p.country}
                {p.municipality ? ` · ${p.municipality.code}` : ''}
              </li>
            ))}
          </ul>
        )}
        <QuickForm
          fields={[
            { name: 'name', label: a.partnerName },
            { name: 'country', label: a.country },
            { name: 'municipalityCode', label: a.partnerMunicipality },
          ]}
          submitLabel={a.addPartner}
          action={(v) => adminApi.createPartner({ name: v.name, country: v.country, municipalityCode: v.municipalityCode || undefined })}
        />
      </section>
    </>
  );
}
