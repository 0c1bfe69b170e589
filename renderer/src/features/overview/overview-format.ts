import type { Bucket, DaySeriesPoint } from '../../../../main/core/model/dashboard';
import { dateTimeFormat, formatNumber } from '../../shared/format';
import { TONE_COLORS } from '../../shared/sentiment-stack';

/** A local day (YYYY-MM-DD of the workspace) as the user reads dates: "3 mar 2026". */
export function formatDay(day: string, lang: string, withYear = true): string {
  return dateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    // The string already is a local day: format it as-is, without shifting it again.
    timeZone: 'UTC',
  }).format(Date.parse(`${day}T00:00:00Z`));
}

export function formatRange(from: string, to: string, lang: string): string {
  return from === to ? formatDay(from, lang) : `${formatDay(from, lang)} – ${formatDay(to, lang)}`;
}

/** Axis label of a bucket: the day, the week's first day, or the month. */
export function bucketLabel(p: DaySeriesPoint, bucket: Bucket, lang: string): string {
  if (bucket === 'month')
    return dateTimeFormat(lang, {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(Date.parse(`${p.day}T00:00:00Z`));
  return formatDay(p.day, lang, false);
}

export function percent(x: number | null, lang: string): string {
  return x === null ? '—' : `${formatNumber(Math.round(x * 1000) / 10, lang)} %`;
}

/** Minutes as "45 min", "3 h 20 min" or "2 d 4 h". */
export function formatMinutes(m: number | null, lang: string): string {
  if (m === null) return '—';
  const n = (x: number): string => formatNumber(x, lang);
  if (m < 60) return `${n(Math.round(m))} min`;
  if (m < 1440) {
    const h = Math.floor(m / 60);
    const r = Math.round(m - h * 60);
    return r ? `${n(h)} h ${n(r)} min` : `${n(h)} h`;
  }
  const d = Math.floor(m / 1440);
  const h = Math.round((m - d * 1440) / 60);
  return h ? `${n(d)} d ${n(h)} h` : `${n(d)} d`;
}

export const COLORS = {
  ...TONE_COLORS,
  current: '#2e6be6',
  previous: '#98a2b3',
};

/**
 * Horizontal bars of this period against the comparison period, one row per label (channels,
 * complaint topics, star ratings).
 */
export function compareBars(o: {
  labels: string[];
  now: number[];
  before: number[];
  color: string;
  axis: string;
  thisLabel: string;
  beforeLabel: string;
}) {
  return {
    type: 'bar' as const,
    data: {
      labels: o.labels,
      datasets: [
        { label: o.thisLabel, data: o.now, backgroundColor: o.color },
        { label: o.beforeLabel, data: o.before, backgroundColor: COLORS.previous },
      ],
    },
    options: {
      indexAxis: 'y' as const,
      scales: { x: { beginAtZero: true, title: { display: true, text: o.axis } } },
    },
  };
}
