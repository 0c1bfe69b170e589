import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import { Chart } from '../../shared/Chart';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime, formatNumber } from '../../shared/format';
import { EpisodeEventsFor } from '../reports/EpisodeEvents';

/** Crisis episodes with why the alarm fired: negative volume against its usual band. */
export function CrisesPage() {
  const { t, i18n } = useTranslation();
  const [sensitivity, setSensitivity] = useState<'low' | 'medium' | 'high'>('medium');
  const crises = useApi('crises.list', { sensitivity });
  const lang = i18n.language;
  const config = useMemo(() => {
    const s = crises.data?.series ?? [];
    const labels = s.map((p) =>
      new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', hour: '2-digit' }).format(
        p.hour * 3_600_000,
      ),
    );
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
          value={sensitivity}
          onChange={(e) => setSensitivity(e.target.value as typeof sensitivity)}
        >
          <option value="low">{t('crises.low')}</option>
          <option value="medium">{t('crises.medium')}</option>
          <option value="high">{t('crises.high')}</option>
        </select>
      </label>
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
          <div key={e.id} className={`card episode sev-${e.severity}`} data-testid="episode">
            <h2>
              <span className={`chip sev-${e.severity}`}>{t(`crises.sev.${e.severity}`)}</span>{' '}
              {formatDateTime(Date.parse(e.start), lang)} →{' '}
              {e.end ? formatDateTime(Date.parse(e.end), lang) : t('crises.ongoing')}
            </h2>
            <p>
              {t('crises.peak', {
                when: formatDateTime(Date.parse(e.peak), lang),
                n: formatNumber(e.peakNegative, lang),
                usual: formatNumber(e.expectedAtPeak, lang),
              })}
            </p>
            <p>{t('crises.detected', { when: formatDateTime(Date.parse(e.detectedAt), lang) })}</p>
            {e.channels.length > 0 && (
              <p>{t('crises.channels', { list: e.channels.join(', ') })}</p>
            )}
            {e.hashtags.length > 0 && <p>{t('crises.hashtags', { list: e.hashtags.join(' ') })}</p>}
            <EpisodeEventsFor episode={e} />
          </div>
        ))
      )}
    </section>
  );
}
