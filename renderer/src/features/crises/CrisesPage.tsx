import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { Chart } from '../../shared/Chart';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { EpisodeEventsFor } from '../reports/EpisodeEvents';
import { EpisodeCard } from './EpisodeCard';
import { useEpisodeFromHash } from './open-episode';
import { formatHour } from '../../shared/format';

/**
 * Crisis episodes with why the alarm fired: negative volume against its usual band, the tone
 * and hashtag signals, how the crisis spread and who drove it. `#/crises?episode=ID` (a
 * notification click) scrolls to that episode.
 */
export function CrisesPage() {
  const { t, i18n } = useTranslation();
  const [sensitivity, setSensitivity] = useState<'low' | 'medium' | 'high'>('medium');
  const crises = useApi('crises.list', { sensitivity });
  const openId = useEpisodeFromHash();
  const lang = i18n.language;
  const config = useMemo(() => {
    const s = crises.data?.series ?? [];
    const labels = s.map((p) => formatHour(p.hour * 3_600_000, lang));
    return {
      type: 'line' as const,
      data: {
        labels,
        datasets: [
          {
            label: t('crises.negative'),
            data: s.map((p) => p.negative),
            borderColor: '#d92d20',
            pointRadius: s.map((p) => (p.fired ? 5 : 0)),
            borderWidth: 1.5,
          },
          {
            label: t('crises.usual'),
            data: s.map((p) => p.expected),
            borderColor: '#98a2b3',
            pointRadius: 0,
            borderWidth: 1,
          },
          {
            label: t('crises.threshold'),
            data: s.map((p) => p.upper),
            borderColor: '#f59e0b',
            borderDash: [4, 4],
            pointRadius: 0,
            borderWidth: 1,
          },
        ],
      },
      options: {
        scales: {
          x: { ticks: { maxTicksLimit: 14 } },
          y: { title: { display: true, text: t('crises.perHour') } },
        },
      },
    };
  }, [crises.data, lang, t]);
  if (crises.error)
    return <ErrorNotice error={crises.error} onRetry={() => void crises.refetch()} />;
  const episodes = [...(crises.data?.episodes ?? [])].reverse();
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.crises')}</h1>
      <label className="inline-field">
        <span>{t('crises.sensitivity')}</span>
        <select
          aria-describedby="sensitivity-help"
          data-testid="sensitivity"
          value={sensitivity}
          onChange={(e) => setSensitivity(e.target.value as typeof sensitivity)}
        >
          <option value="low">{t('crises.low')}</option>
          <option value="medium">{t('crises.medium')}</option>
          <option value="high">{t('crises.high')}</option>
        </select>
      </label>
      <p id="sensitivity-help" className="muted">
        {t('crises.sensitivityHelp')}
      </p>
      <p className="muted">{t('crises.how')}</p>
      {crises.data && crises.data.series.length > 0 && (
        <div className="card">
          <h2>{t('crises.chart')}</h2>
          <Chart config={config} label={t('crises.chart')} testId="chart-crises" />
        </div>
      )}
      {crises.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : episodes.length === 0 ? (
        <p className="empty-state">{t('crises.none')}</p>
      ) : (
        episodes.map((e) => (
          <EpisodeCard key={e.id} e={e} selected={e.id === openId}>
            <EpisodeEventsFor episode={e} />
          </EpisodeCard>
        ))
      )}
    </section>
  );
}
