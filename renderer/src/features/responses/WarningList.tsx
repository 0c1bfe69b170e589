import { useTranslation } from 'react-i18next';
import type { DraftWarning } from '../../../../main/core/responses/draft-check';

/**
 * Checker warnings: what is wrong, why, and a calmer way to say it. Notes (lower severity) are
 * listed the same way, labelled as notes and not in the warning colour.
 */
export function WarningList({
  warnings,
  notes = [],
}: {
  warnings: DraftWarning[];
  notes?: DraftWarning[];
}) {
  const { t } = useTranslation();
  return (
    <ul className="why">
      {warnings.map((w, i) => (
        <li key={i} data-testid="draft-warning">
          <strong className="neg">{t(`responses.kinds.${w.kind}`)}</strong>: {w.reason}{' '}
          <span className="muted">→ {w.hint}</span>
        </li>
      ))}
      {notes.map((w, i) => (
        <li key={`n${i}`} data-testid="draft-note">
          <strong>
            {t('responses.noteLabel')} · {t(`responses.kinds.${w.kind}`)}
          </strong>
          : {w.reason} <span className="muted">→ {w.hint}</span>
        </li>
      ))}
    </ul>
  );
}
