import { useTranslation } from 'react-i18next';
import type { DraftWarning } from '../../../../main/core/responses/draft-check';

/** Checker warnings: what is wrong, why, and a calmer way to say it. */
export function WarningList({ warnings }: { warnings: DraftWarning[] }) {
  const { t } = useTranslation();
  return (
    <ul className="why">
      {warnings.map((w, i) => (
        <li key={i}>
          <strong className="neg">{t(`responses.kinds.${w.kind}`)}</strong>: {w.reason}{' '}
          <span className="muted">→ {w.hint}</span>
        </li>
      ))}
    </ul>
  );
}
