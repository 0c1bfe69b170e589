import { formatNumber } from '../../shared/format';

/** A duration in minutes as people say it: "25 min", "3.5 h", "2 d". */
export function formatMinutes(m: number | null, lang: string): string {
  if (m === null) return '—';
  if (m < 60) return `${formatNumber(Math.round(m), lang)} min`;
  if (m < 1440) return `${formatNumber(Math.round((m / 60) * 10) / 10, lang)} h`;
  return `${formatNumber(Math.round((m / 1440) * 10) / 10, lang)} d`;
}

export function formatShare(x: number | null, lang: string): string {
  return x === null ? '—' : `${formatNumber(Math.round(x * 100), lang)} %`;
}
