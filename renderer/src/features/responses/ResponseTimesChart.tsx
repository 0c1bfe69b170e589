import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import type { OutputOf } from '../../../../main/core/api/contract';
import { Chart } from '../../shared/Chart';
import { formatMinutes } from './format-minutes';

type Kpis = OutputOf<'responses.kpis'>;

/** How long public answers took: one bar per delay bucket, with the reach-bias table beside it. */
export function ResponseTimesChart({ kpis }: { kpis: Kpis }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const labels = kpis.distribution.map((d, i) => {
      const prev = kpis.distribution[i - 1]?.upToMinutes ?? null;
      return d.upToMinutes === null
        ? t('responses.moreThan', { v: formatMinutes(prev, lang) })
        : t('responses.upTo', { v: formatMinutes(d.upToMinutes, lang) });
    });
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            label: t('responses.replies'),
            data: kpis.distribution.map((d) => d.replies),
            backgroundColor: '#3b82f6',
          },
        ],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          x: { title: { display: true, text: t('responses.firstReplyAfter') } },
          y: { title: { display: true, text: t('responses.replies') }, ticks: { precision: 0 } },
        },
      },
    };
  }, [kpis.distribution, lang, t]);
  return (
    <div className="card">
      <h2>{t('responses.distribution')}</h2>
      {kpis.answered === 0 ? (
        <p className="empty-state">{t('responses.noReplies')}</p>
      ) : (
        <Chart
          config={config}
          label={t('responses.distribution')}
          height={220}
          testId="chart-response-times"
        />
      )}
      {kpis.byReach.length > 0 && (
        <>
          <h3>{t('responses.reach')}</h3>
          <p className="muted">{t('responses.reachHelp')}</p>
          <table className="table" data-testid="reach-bias">
            <thead>
              <tr>
                <th>{t('responses.followers')}</th>
                <th className="num">{t('responses.mentions')}</th>
                <th className="num">{t('responses.rateShort')}</th>
                <th className="num">{t('responses.median')}</th>
              </tr>
            </thead>
            <tbody>
              {kpis.byReach.map((b) => (
                <tr key={b.band}>
                  <td>{t(`responses.bands.${b.band}`)}</td>
                  <td className="num">{b.mentions.toLocaleString(lang)}</td>
                  <td className="num">
                    {b.responseRate === null ? '—' : `${Math.round(b.responseRate * 100)} %`}
                  </td>
                  <td className="num">{formatMinutes(b.medianMinutes, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
