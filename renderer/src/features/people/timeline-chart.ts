import type { ChartConfiguration } from 'chart.js';
import type { OutputOf } from '../../../../main/core/api/contract';

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
  const fmt = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const labels = series.map((d) => fmt.format(Date.parse(`${d.day}T12:00:00Z`)));
  const bar = (label: string, data: number[], color: string) => ({
    label,
    data,
    backgroundColor: color,
    stack: 'posts',
  });
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        bar(
          t('people.negative'),
          series.map((d) => d.negative),
          '#d92d20',
        ),
        bar(
          t('people.neutralPosts'),
          series.map((d) => d.neutral),
          '#98a2b3',
        ),
        bar(
          t('people.positive'),
          series.map((d) => d.positive),
          '#12b76a',
        ),
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
      scales: {
        x: { stacked: true },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: t('people.perDay') },
        },
      },
    },
  };
}
