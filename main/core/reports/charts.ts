import { localDayOf } from '../db/local-day';
import type { T } from './html-text';
import type { ReportModel } from './model';

/** Inline SVG charts: no script, no network, they print as vectors. */
const HOUR = 3_600_000;
/** Longer than this, the volume is drawn per local day: 720 hourly bars are a grey smear. */
const HOURLY_MAX_HOURS = 7 * 24;
type Stamp = (ms: number) => string;

interface Frame {
  h0: number;
  h1: number;
  width: number;
  height: number;
}
const xOf = (f: Frame, hour: number): number =>
  ((hour - f.h0) / Math.max(1, f.h1 - f.h0)) * f.width;

/** Numbered dashed lines at the user's events (green: concrete actions), matching the events table. */
function eventMarks(f: Frame, events: ReportModel['events'], plotBottom: number): string {
  return events
    .map((e, i) => {
      const x = xOf(f, e.at / HOUR).toFixed(1);
      const c = e.action ? '#067647' : '#1f6feb';
      return `<g class="event-mark"><line x1="${x}" y1="12" x2="${x}" y2="${plotBottom}" stroke="${c}" stroke-dasharray="3 2"/><circle cx="${x}" cy="7" r="6.5" fill="${c}"/><text x="${x}" y="10" font-size="8.5" fill="#fff" text-anchor="middle">${i + 1}</text></g>`;
    })
    .join('');
}

function axis(f: Frame, plotBottom: number, right: string, stamp: Stamp): string {
  return `<line x1="0" y1="${plotBottom}" x2="${f.width}" y2="${plotBottom}" stroke="#667085"/><text x="0" y="${f.height - 3}" font-size="10">${stamp(f.h0 * HOUR)}</text><text x="${f.width}" y="${f.height - 3}" font-size="10" text-anchor="end">${stamp(f.h1 * HOUR)}${right}</text>`;
}

/** The hourly series summed per local day of the workspace; each bar spans its day. */
function perDay(
  m: ReportModel,
): Array<{ hour: number; hours: number; total: number; negative: number }> {
  const dayOf = localDayOf(m.timezone);
  const days = new Map<string, { hour: number; hours: number; total: number; negative: number }>();
  for (const s of m.series) {
    const day = dayOf(s.hour * HOUR);
    const d = days.get(day);
    if (d) {
      d.total += s.total;
      d.negative += s.negative;
    } else
      days.set(day, {
        hour: localStart(s.hour, dayOf),
        hours: 24,
        total: s.total,
        negative: s.negative,
      });
  }
  return [...days.values()];
}

/** The first hour of the local day an hour falls in. */
function localStart(hour: number, dayOf: (ms: number) => string): number {
  const day = dayOf(hour * HOUR);
  let h = hour;
  while (h > hour - 25 && dayOf((h - 1) * HOUR) === day) h--;
  return h;
}

const svg = (f: Frame, id: string, label: string, body: string): string =>
  `<svg class="chart" id="${id}" role="img" aria-label="${label}" viewBox="0 0 ${f.width} ${f.height}" width="100%" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

export function frameOf(m: ReportModel, width = 680, height = 180): Frame {
  return { h0: Math.floor(m.from / HOUR), h1: Math.ceil(m.to / HOUR), width, height };
}

/**
 * Customer mentions per hour — per local day over more than a week — (grey) with the
 * negative ones (red), the onset line and the events, under its caption.
 */
export function volumeChart(m: ReportModel, t: (typeof T)['es'], stamp: Stamp): string {
  const f = frameOf(m);
  const daily = f.h1 - f.h0 > HOURLY_MAX_HOURS;
  const label = daily ? t.curveDaily : t.curve;
  const caption = `<p class="muted">${label}</p>`;
  if (!m.series.length) return `${caption}<p>—</p>`;
  const bars = daily ? perDay(m) : m.series.map((s) => ({ ...s, hours: 1 }));
  const bottom = f.height - 18;
  const top = 16;
  const max = Math.max(1, ...bars.map((s) => s.total));
  const unit = f.width / Math.max(1, f.h1 - f.h0);
  const y = (v: number): number => (v / max) * (bottom - top);
  const rects = bars
    .map((s) => {
      const x = xOf(f, s.hour).toFixed(1);
      // a day's bar leaves a hairline gap so that neighbouring days stay apart
      const bw = Math.max(1, unit * s.hours - (daily ? 1 : 0)).toFixed(1);
      return `<rect x="${x}" y="${(bottom - y(s.total)).toFixed(1)}" width="${bw}" height="${y(s.total).toFixed(1)}" fill="#98a2b3"/><rect x="${x}" y="${(bottom - y(s.negative)).toFixed(1)}" width="${bw}" height="${y(s.negative).toFixed(1)}" fill="#d92d20"/>`;
    })
    .join('');
  const onset =
    m.phases.onset === null
      ? ''
      : `<line x1="${xOf(f, m.phases.onset / HOUR).toFixed(1)}" y1="${top}" x2="${xOf(f, m.phases.onset / HOUR).toFixed(1)}" y2="${bottom}" stroke="#1c2330" stroke-width="1.5"/>`;
  return `${caption}${svg(
    f,
    'chart-volume',
    label,
    `${rects}${onset}${eventMarks(f, m.events, bottom)}${axis(f, bottom, ` · ${daily ? t.maxPerDay(max) : t.maxPerHour(max)}`, stamp)}`,
  )}`;
}

/** Net sentiment per 24 hours on a −1…+1 scale with the zero line, and the events. */
export function sentimentChart(m: ReportModel, label: string, stamp: Stamp): string {
  const f = frameOf(m, 680, 130);
  const pts = m.sentimentDaily.filter((d) => d.net !== null);
  if (!pts.length) return '<p>—</p>';
  const bottom = f.height - 18;
  const top = 16;
  const y = (v: number): number => top + ((1 - v) / 2) * (bottom - top);
  const line = pts
    .map(
      (d, i) =>
        `${i ? 'L' : 'M'}${xOf(f, d.hour + 12).toFixed(1)} ${y(d.net as number).toFixed(1)}`,
    )
    .join(' ');
  const dots = pts
    .map(
      (d) =>
        `<circle cx="${xOf(f, d.hour + 12).toFixed(1)}" cy="${y(d.net as number).toFixed(1)}" r="2.5" fill="${(d.net as number) < 0 ? '#d92d20' : '#067647'}"/>`,
    )
    .join('');
  const grid = `<line x1="0" y1="${y(0)}" x2="${f.width}" y2="${y(0)}" stroke="#98a2b3" stroke-dasharray="2 3"/><text x="2" y="${y(1) + 8}" font-size="9" fill="#5b6475">+1</text><text x="2" y="${y(-1) - 2}" font-size="9" fill="#5b6475">−1</text>`;
  return svg(
    f,
    'chart-sentiment',
    label,
    `${grid}<path d="${line}" fill="none" stroke="#1c2330" stroke-width="1.5"/>${dots}${eventMarks(f, m.events, bottom)}${axis(f, bottom, '', stamp)}`,
  );
}
