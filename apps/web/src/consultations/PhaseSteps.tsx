import type { Phase } from './api';
import { useMeetingsI18n } from './i18n';

const ORDER: Phase[] = ['announced', 'open', 'held', 'reported'];

/** Where a consultation is: its four phases in order, the current one marked. */
export function PhaseSteps({ phase }: { phase: Phase }) {
  const { m } = useMeetingsI18n();
  const at = ORDER.indexOf(phase);
  return (
    <div className="phase" data-testid="phase" data-phase={phase}>
      <ol className="phase__steps" aria-label={m.phaseLabel}>
        {ORDER.map((step, i) => (
          <li
            key={step}
            className={`phase__step${i < at ? ' phase__step--done' : ''}${i === at ? ' phase__step--current' : ''}`}
            aria-current={i === at ? 'step' : undefined}
          >
            {m.phases[step]}
          </li>
        ))}
      </ol>
      <p className="phase__hint">{m.phaseHints[phase]}</p>
    </div>
  );
}
