import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { municipalityName } from '../components/i18n';
import { Loading } from '../components/Loading';
import { useTitle } from '../components/useTitle';
import { consultationsApi } from '../consultations/workspace/api';
import { MEETING_KINDS } from '../consultations/kinds';
import { useMeetingsI18n } from '../consultations/i18n';
import { api } from '../surveys/api';
import { AdminFrame } from './AdminFrame';
import { adminApi, type TargetRow } from './api';
import { useAdminI18n } from './i18n';

/** Participation targets per municipality (and all together) and kind of meeting; saving replaces them all. */
export default function TargetsPage() {
  const { a } = useAdminI18n();
  useTitle(a.targetsTitle);
  return <AdminFrame>{() => <Targets />}</AdminFrame>;
}

const keyOf = (code: string | null, kind: string) => `${code ?? '*'}:${kind}`;

function Targets() {
  const { lang, a } = useAdminI18n();
  const { m } = useMeetingsI18n();
  const client = useQueryClient();
  const participation = useQuery({ queryKey: ['participation'], queryFn: consultationsApi.participation });
  const municipalities = useQuery({ queryKey: ['admin-municipalities'], queryFn: () => api.municipalities() });
  const loaded = useMemo(() => {
    const values: Record<string, string> = {};
    for (const row of participation.data?.items ?? []) if (row.target !== null) values[keyOf(row.municipalityCode, row.kind)] = String(row.target);
    return values;
  }, [participation.data]);
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  if (participation.isPending || municipalities.isPending) return <Loading />;
  if (participation.isError) return <ErrorBox error={participation.error} />;
  if (municipalities.isError) return <ErrorBox error={municipalities.error} />;
  const values = { ...loaded, ...edited };
  const rows: (string | null)[] = [null, ...municipalities.data.map((mu) => mu.code)];

  const save = async () => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const targets: TargetRow[] = [];
      for (const code of rows)
        for (const kind of MEETING_KINDS) {
          const text = values[keyOf(code, kind)]?.trim();
          if (text) targets.push({ kind, ...(code ? { municipalityCode: code } : {}), target: Number(text) });
        }
      await adminApi.setTargets(targets);
      setSaved(true);
      setEdited({});
      await client.invalidateQueries({ queryKey: ['participation'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1 className="page-title">{a.targetsTitle}</h1>
      <p className="muted">{a.targetsIntro}</p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" />
              {MEETING_KINDS.map((kind) => (
                <th key={kind} scope="col">
                  {m.kinds[kind]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((code) => (
              <tr key={code ?? '*'}>
                <th scope="row">{code ? municipalityName(municipalities.data, code, lang) : a.allMunicipalities}</th>
                {MEETING_KINDS.map((kind) => (
                  <td key={kind}>
                    <input
                      className="field__input field__input--short"
                      type="number"
                      min={0}
                      aria-label={`${code ?? a.allMunicipalities} ${m.kinds[kind]}`}
                      value={values[keyOf(code, kind)] ?? ''}
                      onChange={(e) => setEdited({ ...edited, [keyOf(code, kind)]: e.target.value })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="button" disabled={busy} onClick={() => void save()}>
        {a.saveTargets}
      </button>
      {saved && <p className="notice notice--success" role="status">{a.saved}</p>}
      {error !== null && <ErrorBox error={error} />}
    </>
  );
}
