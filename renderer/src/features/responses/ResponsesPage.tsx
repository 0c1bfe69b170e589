import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { DraftChecker } from './DraftChecker';
import { ResponseKpiCards } from './ResponseKpiCards';
import { ResponseTimesChart } from './ResponseTimesChart';
import { ToneAudit } from './ToneAudit';
import { UnansweredQueue } from './UnansweredQueue';

/** How fast and how well the brand answers, what is still waiting, and a draft checker. */
export function ResponsesPage() {
  const { t } = useTranslation();
  const kpis = useApi('responses.kpis', { days: 30 });
  const ws = useApi('workspace.get', {});
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.responses')}</h1>
      {ws.data && ws.data.handles.length === 0 && (
        // Without the brand's own accounts no post is a brand reply: every figure reads 0 %.
        <p className="notice" data-testid="no-handles">
          {t('responses.noHandles')} <a href="#/settings">{t('responses.noHandlesLink')}</a>
        </p>
      )}
      {kpis.error && <ErrorNotice error={kpis.error} onRetry={() => void kpis.refetch()} />}
      {kpis.data && <ResponseKpiCards kpis={kpis.data} />}
      <UnansweredQueue />
      {kpis.data && <ResponseTimesChart kpis={kpis.data} />}
      <ToneAudit />
      <DraftChecker />
    </section>
  );
}
