import { useLoad } from '../../components/useLoad';
import { studiesApi } from '../api';
import { useStudiesI18n } from '../i18n';

/**
 * For a meeting form: the active studies running in the municipality that the signed-in person can
 * see (staff: those of their municipalities). Choosing one makes the meeting's sign-ups agree to its consent.
 */
export function StudyChoice({
  id,
  municipalityCode,
  value,
  onChange,
}: {
  id: string;
  municipalityCode: string;
  value: string;
  onChange: (studyId: string) => void;
}) {
  const { lang, st } = useStudiesI18n();
  const studies = useLoad('studies', () => studiesApi.list());
  const choosable =
    studies.state === 'ready' ? studies.data.filter((s) => s.status === 'active' && s.municipalityCodes.includes(municipalityCode)) : [];
  if (!choosable.length && !value) return null;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {st.meetingStudy}
      </label>
      <p className="field__hint">{st.meetingStudyHint}</p>
      <select id={id} className="field__input" value={value} onChange={(event) => onChange(event.target.value)} data-testid="meeting-study">
        <option value="">{st.noStudy}</option>
        {choosable.map((s) => (
          <option key={s.id} value={s.id}>
            {lang === 'lt' ? s.titleLt : s.titleEn}
          </option>
        ))}
      </select>
    </div>
  );
}
