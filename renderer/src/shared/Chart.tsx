import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';
import { useEffect, useRef } from 'react';

ChartJS.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Filler,
  Legend,
  Tooltip,
);

/**
 * The one component that owns chart.js. Numbers arrive precomputed from the core; this only
 * draws them, follows the theme colours, and reports clicks on a point or bar (its index in
 * the data and the index of its dataset), so every figure can open the mentions behind it.
 */
export function Chart<T extends ChartType>({
  config,
  label,
  height = 260,
  onPointClick,
  testId,
}: {
  config: ChartConfiguration<T>;
  label: string;
  height?: number;
  onPointClick?: (index: number, datasetIndex: number) => void;
  testId?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartJS<T> | null>(null);
  const click = useRef(onPointClick);
  useEffect(() => {
    click.current = onPointClick;
  }, [onPointClick]);

  useEffect(() => {
    if (!canvas.current) return;
    const css = getComputedStyle(document.documentElement);
    ChartJS.defaults.color = css.getPropertyValue('--muted').trim() || '#5b6475';
    ChartJS.defaults.borderColor = css.getPropertyValue('--border').trim() || '#d9dee7';
    chart.current = new ChartJS(canvas.current, {
      ...config,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        ...config.options,
        onClick: (_e, elements) => {
          const first = elements[0];
          if (first && click.current) click.current(first.index, first.datasetIndex);
        },
        onHover: (e, elements) => {
          const target = e.native?.target;
          if (target instanceof HTMLElement)
            target.style.cursor = elements.length && click.current ? 'pointer' : 'default';
        },
      },
    } as ChartConfiguration<T>);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [config]);

  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
