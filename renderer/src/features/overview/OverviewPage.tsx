import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodKpis } from '../../../../main/core/model/dashboard';
import { useApi } from '../../api/hooks';
import type { Page } from '../../app/navigation';
import { Chart } from '../../shared/Chart';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatNumber } from '../../shared/format';
import { TodayPanel } from './TodayPanel';

type KpiKey = 'mentions' | 'netSentiment' | 'reputationIndex' | 'complaintShare';

function Delta({
  now,
  before,
  kind,
  lang,
}: {
  now: number | null;
  before: number | null;
  kind: 'count' | 'ratio' | 'points';
  lang: string;
}) {
  const { t } = useTranslation();
  if (now === null || before === null)
    return <span className="delta muted">{t('overview.noCompare')}</span>;
  const diff = now - before;
  const text =
    kind === 'count'
      ? `${diff >= 0 ? '+' : ''}${before > 0 ? formatNumber(Math.round((100 * diff) / before), lang) + ' %' : formatNumber(diff, lang)}`
      : kind === 'ratio'
        ? `${diff >= 0 ? '+' : ''}${formatNumber(Math.round(diff * 100), lang)} ${t('overview.pts')}`
        : `${diff >= 0 ? '+' : ''}${formatNumber(diff, lang)}`;
  return <span className="delta">{t('overview.vsPrevious', { change: text })}</span>;
}

export function OverviewPage({ onGo }: { onGo: (p: Page) => void }) {
  const { t, i18n } = useTranslation();
  const ws = useApi('workspace.get', {});
  const dash = useApi('dashboard.overview', { days: 30 });
  const lang = i18n.language;
  const pct = (x: number | null): string =>
    x === null ? '—' : `${formatNumber(Math.round(x * 100), lang)} %`;

  const volumeConfig = useMemo(() => {
    if (!dash.data) return null;
    const labels = dash.data.series.map((p) =>
      new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        Date.parse(`${p.day}T00:00:00Z`),
      ),
    );
    return {
      type: 'bar' as const,
      data: {
        labels,
        datasets: [
          {
            label: t('mentions.negative'),
            data: dash.data.series.map((p) => p.negative),
            backgroundColor: '#d92d20',
            stack: 's',
          },
          {
            label: t('mentions.neutral'),
            data: dash.data.series.map((p) => p.neutral),
            backgroundColor: '#98a2b3',
            stack: 's',
          },
          {
            label: t('mentions.positive'),
            data: dash.data.series.map((p) => p.positive),
            backgroundColor: '#12b76a',
            stack: 's',
          },
        ],
      },
      options: {
        scales: {
          x: { stacked: true },
          y: { stacked: true, title: { display: true, text: t('overview.mentionsPerDay') } },
        },
      },
    };
  }, [dash.data, lang, t]);

  if (ws.isPending || dash.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (ws.error) return <ErrorNotice error={ws.error} onRetry={() => void ws.refetch()} />;
  if (dash.error) return <ErrorNotice error={dash.error} onRetry={() => void dash.refetch()} />;
  const c = ws.data.counts;
  const cur: PeriodKpis = dash.data.current;
  const prev: PeriodKpis = dash.data.previous;
  const kpi = (
    key: KpiKey,
    label: string,
    value: string,
    kind: 'count' | 'ratio' | 'points',
    help?: string,
  ) => (
    <div key={key}>
      <dt>{label}</dt>
      <dd data-testid={`kpi-${key}`}>{value}</dd>
      <Delta now={cur[key]} before={prev[key]} kind={kind} lang={lang} />
      {help && <small className="muted formula">{help}</small>}
    </div>
  );
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">
        {t('overview.title')} · {ws.data.brand}
      </h1>
      {ws.data.recoveredFromUncleanShutdown && <p className="notice">{t('overview.recovered')}</p>}
      {c.mentions === 0 ? (
        <div className="empty-state">
          <p>{t('overview.empty')}</p>
          <button type="button" onClick={() => onGo('sources')}>
            {t('overview.goSources')}
          </button>
        </div>
      ) : (
        <TodayPanel onGo={onGo} />
      )}
      {c.mentions > 0 && (
        <p className="muted">
          {t('overview.period', {
            from: dash.data.from,
            to: dash.data.to,
            total: formatNumber(c.mentions, lang),
          })}
        </p>
      )}
      <dl className="kpis">
        {kpi('mentions', t('overview.mentions'), formatNumber(cur.mentions, lang), 'count')}
        {kpi(
          'netSentiment',
          t('overview.netSentiment'),
          cur.netSentiment === null ? '—' : formatNumber(Math.round(cur.netSentiment * 100), lang),
          'ratio',
        )}
        {kpi(
          'reputationIndex',
          t('overview.reputation'),
          cur.reputationIndex === null ? '—' : String(cur.reputationIndex),
          'points',
          dash.data.reputationFormula,
        )}
        {kpi('complaintShare', t('overview.complaintShare'), pct(cur.complaintShare), 'ratio')}
      </dl>
      {volumeConfig && cur.mentions > 0 && (
        <div className="card">
          <h2>{t('overview.volume')}</h2>
          <Chart
            config={volumeConfig}
            label={t('overview.volume')}
            testId="chart-volume"
            onPointClick={() => onGo('mentions')}
          />
        </div>
      )}
    </section>
  );
}
