import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../shared/Chart';
import type { ExportRow } from '../../shared/export';
import { FigureCard } from './FigureCard';
import { compareBars } from './overview-format';

/** A figure of horizontal bars, this period against the comparison one; a bar opens its mentions. */
export function CompareBarFigure({
  id,
  title,
  subtitle,
  empty,
  items,
  color,
  axis,
  vs,
  rows,
  onBar,
}: {
  id: string;
  title: string;
  subtitle?: string;
  empty: string;
  items: Array<{ label: string; now: number; before: number }>;
  color: string;
  axis: string;
  /** The comparison period, as the legend names it. */
  vs: string;
  rows: () => ExportRow[];
  onBar: (index: number) => void;
}) {
  const { t } = useTranslation();
  // Parents build `items` on every render; the chart is rebuilt only when the numbers change.
  const key = JSON.stringify(items);
  const config = useMemo(
    () =>
      compareBars({
        labels: items.map((x) => x.label),
        now: items.map((x) => x.now),
        before: items.map((x) => x.before),
        color,
        axis,
        thisLabel: t('overview.thisPeriod'),
        beforeLabel: t('overview.previousPeriod', { period: vs }),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `items`
    [key, color, axis, t, vs],
  );
  return (
    <FigureCard
      id={id}
      title={title}
      subtitle={subtitle}
      empty={items.length ? null : empty}
      rows={rows}
    >
      <Chart
        config={config}
        label={title}
        testId={`chart-${id}`}
        height={Math.max(160, 50 + items.length * 34)}
        onPointClick={onBar}
      />
    </FigureCard>
  );
}
