import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../main/core/api/contract';
import { useApi } from '../../api/hooks';
import type { Page } from '../../app/navigation';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatNumber } from '../../shared/format';
import { FacetCharts } from './FacetCharts';
import { KpiGrid } from './KpiGrid';
import { formatRange } from './overview-format';
import { PeriodBar, type PeriodChoice } from './PeriodBar';
import { TodayPanel } from './TodayPanel';
import { TrendCharts } from './TrendCharts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The API input of a choice; half-typed custom dates fall back to the preset period. */
function toInput(c: PeriodChoice): InputOf<'dashboard.overview'> {
  const customOk = c.custom && DAY.test(c.from) && DAY.test(c.to) && c.from <= c.to;
  const period = customOk ? { from: c.from, to: c.to } : { days: c.days };
  const compareOk =
    DAY.test(c.compareFrom) && DAY.test(c.compareTo) && c.compareFrom <= c.compareTo;
  if (c.compare === 'custom' && compareOk)
    return { ...period, compareFrom: c.compareFrom, compareTo: c.compareTo };
  if (c.compare === 'year') return { ...period, compareYear: true };
  return period;
}

/**
 * What needs attention today first, then the period's KPIs and figures. Each part renders
 * as soon as its own data arrives: the Today panel, the KPIs and the volume chart do not
 * wait for the slower trends (topics, hashtags, words) or response figures.
 */
export function OverviewPage({ onGo }: { onGo: (p: Page) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [choice, setChoice] = useState<PeriodChoice>({
    custom: false,
    days: 30,
    from: '',
    to: '',
    compare: 'previous',
    compareFrom: '',
    compareTo: '',
  });
  const input = toInput(choice);
  const keep = { placeholderData: keepPreviousData };
  const ws = useApi('workspace.get', {});
  const dash = useApi('dashboard.overview', input, keep);
  // The slower parts ask only once the overview is in, so they never delay the first paint.
  const ready = dash.data !== undefined;
  const trends = useApi('dashboard.trends', input, { ...keep, enabled: ready });
  const responses = useApi('dashboard.responses', input, { ...keep, enabled: ready });

  const empty = ws.data?.counts.mentions === 0;
  return (
    <section aria-labelledby="page-title" className="overview">
      <h1 id="page-title">
        {t('overview.title')}
        {ws.data ? ` · ${ws.data.brand}` : ''}
      </h1>
      {ws.data?.recoveredFromUncleanShutdown && <p className="notice">{t('overview.recovered')}</p>}
      {ws.error && <ErrorNotice error={ws.error} onRetry={() => void ws.refetch()} />}
      {empty ? (
        <div className="empty-state">
          <p>{t('overview.empty')}</p>
          <button type="button" onClick={() => onGo('sources')}>
            {t('overview.goSources')}
          </button>
        </div>
      ) : (
        // Asked for once the overview is in: the server answers one call at a time, and the
        // Today panel runs crisis detection over the whole history (seconds at 1M mentions),
        // which must not hold back the KPIs and the chart.
        <TodayPanel onGo={onGo} enabled={ready} />
      )}
      {!empty && (
        <>
          <PeriodBar choice={choice} onChange={setChoice} dash={dash.data} />
          {dash.data && (
            <p className="muted" data-testid="period-line">
              {t('overview.periodLine', {
                period: formatRange(dash.data.from, dash.data.to, lang),
                compare: formatRange(dash.data.compareFrom, dash.data.compareTo, lang),
                total: ws.data ? formatNumber(ws.data.counts.mentions, lang) : '…',
              })}
            </p>
          )}
          {dash.error && <ErrorNotice error={dash.error} onRetry={() => void dash.refetch()} />}
          {dash.isPending && <p className="loading">{t('common.loading')}</p>}
          {dash.data && (
            <>
              <KpiGrid dash={dash.data} responses={responses.data} />
              <TrendCharts dash={dash.data} />
              {trends.error && (
                <ErrorNotice error={trends.error} onRetry={() => void trends.refetch()} />
              )}
              {trends.data ? (
                <FacetCharts dash={dash.data} trends={trends.data} />
              ) : (
                !trends.error && <p className="loading">{t('common.loading')}</p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
