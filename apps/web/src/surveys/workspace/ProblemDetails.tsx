import { ApiError } from '../../components/request';

/**
 * A definition's problems as the server found them (field and reason). They are about the
 * researcher's own SurveyJS JSON, so they are shown as technical details under the translated
 * message, in a list the researcher can act on.
 */
export function ProblemDetails({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || error.code !== 'DEFINITION_INVALID' || !error.details.length) return null;
  return (
    <ul className="notice__list" data-testid="definition-problems">
      {error.details.map((detail, i) => (
        <li key={i}>
          <code>{detail.field}</code>: {detail.reason}
        </li>
      ))}
    </ul>
  );
}
