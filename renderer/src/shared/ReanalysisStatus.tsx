import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventMap } from '../../../main/core/api/contract';
import { invoke, onEvent } from '../api/client';
import { formatNumber } from './format';

/**
 * One line while stored mentions are re-analysed (new rules after an update, or a model the
 * user's corrections retrained), with a way to stop it: what is done stays done.
 */
export function ReanalysisStatus() {
  const { t, i18n } = useTranslation();
  const [p, setP] = useState<EventMap['analysis.progress'] | null>(null);
  useEffect(() => onEvent('analysis.progress', (x) => setP(x.state === 'running' ? x : null)), []);
  if (!p) return null;
  const pct = p.total > 0 ? Math.floor((100 * p.done) / p.total) : 0;
  return (
    <div className="reanalysis" role="status" data-testid="reanalysis-status">
      <span>
        {t('analysis.reanalysing', {
          done: formatNumber(p.done, i18n.language),
          total: formatNumber(p.total, i18n.language),
          pct,
        })}
      </span>
      <progress max={100} value={pct} aria-label={t('analysis.progressLabel')} />
      <button type="button" className="link" onClick={() => void invoke('analysis.cancel', {})}>
        {t('analysis.stop')}
      </button>
    </div>
  );
}
