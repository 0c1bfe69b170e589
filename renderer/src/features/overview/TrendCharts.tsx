import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../main/core/model/channels';
import type { DashboardOverview } from '../../../../main/core/model/dashboard';
import { Chart } from '../../shared/Chart';
import { channelName } from '../../shared/channel-name';
import { formatNumber } from '../../shared/format';
import { sentimentBars, stackedCountScales } from '../../shared/sentiment-stack';
import { mentionsHref, type MentionLink } from '../mentions/mention-link';
import { FigureCard } from './FigureCard';
import { CompareBarFigure } from './CompareBarFigure';
import { bucketLabel, COLORS, formatRange } from './overview-format';

const go = (f: MentionLink): void => {
  window.location.hash = mentionsHref(f);
};

/** Volume stacked by sentiment and net sentiment over time, each against the comparison period. */
export function TrendCharts({ dash }: { dash: DashboardOverview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const s = dash.series;
  const p = dash.previousSeries;
  const vs = formatRange(dash.compareFrom, dash.compareTo, lang);
  const unit = t(`overview.per.${dash.bucket}`);

  const volume = useMemo(
    () => ({
      type: 'bar' as const,
      data: {
        labels: s.map((x) => bucketLabel(x, dash.bucket, lang)),
        datasets: [
          ...sentimentBars(s, {
            negative: t('mentions.negative'),
            neutral: t('mentions.neutral'),
            positive: t('mentions.positive'),
          }),
          {
            type: 'line' as const,
            label: t('overview.previousTotal', { period: vs }),
            data: s.map((_, i) => {
              const q = p[i];
              return q ? q.positive + q.neutral + q.negative : null;
            }),
            borderColor: COLORS.previous,
            borderDash: [5, 4],
            pointRadius: 0,
            borderWidth: 1.5,
          },
        ],
      },
      options: {
        scales: stackedCountScales(t('overview.mentionsPer', { unit })),
      },
    }),
    [s, p, dash.bucket, lang, t, vs, unit],
  );

  const net = useMemo(
    () => ({
      type: 'line' as const,
      data: {
        labels: s.map((x) => bucketLabel(x, dash.bucket, lang)),
        datasets: [
          {
            label: t('overview.thisPeriod'),
            data: s.map((x) => (x.netSentiment === null ? null : Math.round(x.netSentiment * 100))),
            borderColor: COLORS.current,
            backgroundColor: COLORS.current,
            spanGaps: true,
            pointRadius: s.length > 60 ? 0 : 2,
          },
          {
            label: t('overview.previousPeriod', { period: vs }),
            data: s.map((_, i) => {
              const q = p[i];
              return q && q.netSentiment !== null ? Math.round(q.netSentiment * 100) : null;
            }),
            borderColor: COLORS.previous,
            borderDash: [5, 4],
            spanGaps: true,
            pointRadius: 0,
          },
        ],
      },
      options: {
        scales: {
          y: { min: -100, max: 100, title: { display: true, text: t('overview.netAxis') } },
        },
      },
    }),
    [s, p, dash.bucket, lang, t, vs],
  );

  const sentimentOf = [-1, 0, 1] as const;
  const bucketLink = (i: number): MentionLink => {
    const x = s[i];
    return x ? { fromDay: x.day, toDay: x.end } : {};
  };
  const noData = dash.current.mentions === 0 ? t('overview.noDataPeriod') : null;
  return (
    <>
      <FigureCard
        id="volume"
        title={t('overview.volume')}
        subtitle={t('overview.clickHint')}
        empty={noData}
        rows={() =>
          s.map((x, i) => ({
            from: x.day,
            to: x.end,
            positive: x.positive,
            neutral: x.neutral,
            negative: x.negative,
            complaints: x.complaints,
            previousFrom: p[i]?.day ?? null,
            previousTotal: p[i]
              ? (p[i]?.positive ?? 0) + (p[i]?.neutral ?? 0) + (p[i]?.negative ?? 0)
              : null,
          }))
        }
      >
        <Chart
          config={volume}
          label={t('overview.volume')}
          testId="chart-volume"
          onPointClick={(i, ds) => {
            const sentiment = sentimentOf[ds];
            go({ ...bucketLink(i), ...(sentiment !== undefined ? { sentiment } : {}) });
          }}
        />
      </FigureCard>
      <div className="figure-grid">
        <FigureCard
          id="net-sentiment"
          title={t('overview.netTitle')}
          subtitle={t('overview.netFormula')}
          empty={noData}
          rows={() =>
            s.map((x, i) => ({
              from: x.day,
              to: x.end,
              netSentiment: x.netSentiment === null ? null : Math.round(x.netSentiment * 1000) / 10,
              previousFrom: p[i]?.day ?? null,
              previousNetSentiment:
                p[i]?.netSentiment == null
                  ? null
                  : Math.round((p[i]?.netSentiment ?? 0) * 1000) / 10,
            }))
          }
        >
          <Chart
            config={net}
            label={t('overview.netTitle')}
            testId="chart-net"
            onPointClick={(i) => go(bucketLink(i))}
          />
        </FigureCard>
        <CompareBarFigure
          id="channels"
          title={t('overview.channels')}
          subtitle={dash.channels
            .map(
              (c) =>
                `${channelName(t, c.channel)}: ${formatNumber(c.mentions, lang)} (${t('overview.negativeCount', { count: c.negative, n: formatNumber(c.negative, lang) })})`,
            )
            .join(' · ')}
          empty={t('overview.noDataPeriod')}
          items={dash.channels.map((c) => ({
            label: channelName(t, c.channel),
            now: c.mentions,
            before: c.previous,
          }))}
          color={COLORS.current}
          axis={t('overview.customerMentions')}
          vs={vs}
          rows={() =>
            dash.channels.map((c) => ({
              channel: c.channel,
              mentions: c.mentions,
              positive: c.positive,
              negative: c.negative,
              complaints: c.complaints,
              ratingAverage: c.ratingAverage,
              previous: c.previous,
            }))
          }
          onBar={(i) => {
            const c = dash.channels[i];
            if (c) go({ fromDay: dash.from, toDay: dash.to, channels: [c.channel as Channel] });
          }}
        />
      </div>
    </>
  );
}
