import type { ChartConfiguration } from 'chart.js';
import type { OutputOf } from '../../../../main/core/api/contract';
import { sentimentBars, stackedCountScales } from '../../shared/sentiment-stack';
import { dateTimeFormat } from '../../shared/format';

type Series = OutputOf<'people.get'>['series'];

/**
 * Stacked bars of the author's posts per local day by tone, and triangles on the days the
 * brand replied: whether they calmed down or escalated after a reply reads left to right.
 */
export function timelineChartConfig(
  series: Series,
  lang: string,
  t: (k: string) => string,
): ChartConfiguration<'bar'> {
  const fmt = dateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const labels = series.map((d) => fmt.format(Date.parse(`${d.day}T12:00:00Z`)));
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        ...sentimentBars(series, {
          negative: t('people.negative'),
          neutral: t('people.neutralPosts'),
          positive: t('people.positive'),
        }),
        {
          // chart.js mixes a line dataset into a bar chart; only its points are drawn
          type: 'line' as unknown as 'bar',
          label: t('people.brandReplies'),
          data: series.map((d) => (d.brandReplies > 0 ? d.brandReplies : Number.NaN)),
          backgroundColor: '#1d4ed8',
          borderColor: '#1d4ed8',
          ...({ showLine: false, pointStyle: 'triangle', pointRadius: 8 } as object),
        },
      ],
    },
    options: {
      scales: stackedCountScales(t('people.perDay')),
    },
  };
}
