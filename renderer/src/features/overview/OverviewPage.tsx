import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import type { Page } from '../../app/navigation';
import { ErrorNotice } from '../../shared/ErrorNotice';

export function OverviewPage({ onGo }: { onGo: (p: Page) => void }) {
  const { t, i18n } = useTranslation();
  const ws = useApi('workspace.get', {});
  if (ws.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (ws.error) return <ErrorNotice error={ws.error} onRetry={() => void ws.refetch()} />;
  const n = new Intl.NumberFormat(i18n.language);
  const c = ws.data.counts;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">
        {t('overview.title')} · {ws.data.brand}
      </h1>
      {ws.data.recoveredFromUncleanShutdown && <p className="notice">{t('overview.recovered')}</p>}
      <h2>{t('overview.today')}</h2>
      {c.mentions === 0 ? (
        <div className="empty-state">
          <p>{t('overview.empty')}</p>
          <button type="button" onClick={() => onGo('sources')}>
            {t('overview.goSources')}
          </button>
        </div>
      ) : null}
      <dl className="kpis">
        <div>
          <dt>{t('overview.mentions')}</dt>
          <dd data-testid="kpi-mentions">{n.format(c.mentions)}</dd>
        </div>
        <div>
          <dt>{t('overview.authors')}</dt>
          <dd>{n.format(c.authors)}</dd>
        </div>
        <div>
          <dt>{t('overview.feeds')}</dt>
          <dd>{n.format(c.feeds)}</dd>
        </div>
        <div>
          <dt>{t('overview.imports')}</dt>
          <dd>{n.format(c.batches)}</dd>
        </div>
      </dl>
    </section>
  );
}
