import { sentimentChart, volumeChart } from './charts';
import { T } from './html-text';
import type { ReportModel } from './model';
import REPORT_CSS from './report.css?raw';
import { GUIDANCE } from './scct';

/** Everything user-provided goes through here: the report is text, never markup from posts. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

const HOUR = 3_600_000;

function scctSection(m: ReportModel, t: (typeof T)['es']): string {
  const g = m.scct.type ? GUIDANCE[m.lang][m.scct.type] : null;
  const names = (xs: string[]): string => xs.map((s) => esc(t.strategy[s] ?? s)).join(', ') || '—';
  const rec = new Set<string>(m.scct.recommended);
  const bad = new Set<string>(m.scct.discouraged);
  const rows = m.scct.seen
    .map((s) => {
      const cls = rec.has(s.strategy) ? 'ok' : bad.has(s.strategy) ? 'ko' : '';
      const share = m.scct.replies ? Math.round((s.replies / m.scct.replies) * 100) : 0;
      return `<tr><td class="${cls}">${esc(t.strategy[s.strategy] ?? s.strategy)}</td><td class="num">${s.replies}</td><td class="num">${share} %</td><td class="muted">${esc(s.cues.join(', '))}</td></tr>`;
    })
    .join('');
  return `<section id="scct"><h2>${esc(t.scct)}</h2>
${g ? `<p><b>${esc(g.name)}.</b> ${esc(g.text)}</p><p>${esc(t.recommended)}: <span class="ok">${names(m.scct.recommended)}</span> · ${esc(t.discouraged)}: <span class="ko">${names(m.scct.discouraged)}</span></p>` : `<p class="muted">${esc(t.scctNone)}</p>`}
<h3>${esc(t.seen)}</h3><table><tr><th></th><th class="num">${esc(t.replies)}</th><th class="num">%</th><th>${esc(t.cues)}</th></tr>${rows || '<tr><td colspan="4">—</td></tr>'}</table>
<p class="muted">${esc(t.seenHow(m.scct.replies))}</p></section>`;
}

/** How the report writes instants and days: in the workspace's zone, in the report's language. */
export function reportDates(lang: 'es' | 'en', timezone: string) {
  const locale = lang === 'en' ? 'en-GB' : 'es-ES';
  const at = new Intl.DateTimeFormat(locale, {
    timeZone: timezone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const days = new Intl.DateTimeFormat(locale, {
    timeZone: timezone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return {
    at: (ms: number): string => at.format(ms),
    /** [from, to) as the local days it covers: "1–30 November 2026". */
    days: (from: number, to: number): string => days.formatRange(from, Math.max(from, to - 1)),
  };
}

/** The crisis episodes a period report found in its days. */
function episodesTable(m: ReportModel, t: (typeof T)['es'], at: (ms: number) => string): string {
  if (!m.episodes.length) return `<p class="muted">${esc(t.crisesNone)}</p>`;
  const rows = m.episodes
    .map(
      (e) =>
        `<tr><td>${at(e.start)}</td><td>${at(e.peak)}</td><td>${e.end === null ? esc(t.ongoing) : at(e.end)}</td><td>${esc(t.severities[e.severity] ?? e.severity)}</td></tr>`,
    )
    .join('');
  return `<table class="episodes"><tr><th>${esc(t.onset)}</th><th>${esc(t.peak)}</th><th>${esc(t.end)}</th><th>${esc(t.severity)}</th></tr>${rows}</table>`;
}

export function renderReportHtml(
  m: ReportModel,
  branding: { consultant?: string; color?: string } = {},
): string {
  const t = T[m.lang];
  const period = m.kind === 'period';
  const dates = reportDates(m.lang, m.timezone);
  const d = (ms: number | null): string => (ms === null ? t.ongoing : dates.at(ms));
  const color = /^#[0-9a-f]{3,8}$/i.test(branding.color ?? '')
    ? (branding.color as string)
    : '#1f6feb';
  const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)} %`);
  const mins = (x: number | null): string =>
    x === null ? '—' : x < 60 ? `${Math.round(x)} min` : `${Math.round((x / 60) * 10) / 10} h`;
  const since = (at: number): string =>
    m.phases.onset === null ? '' : `${Math.round(((at - m.phases.onset) / HOUR) * 10) / 10} h`;
  const actionLabel =
    m.events.find((e) => e.action && e.at >= (m.phases.onset ?? m.from))?.label ?? null;
  const measured = (p: ReportModel['playbook'][number]): string =>
    p.item === 'action' ? t.actionMeasured(actionLabel) : (t.measured[p.item] ?? p.measured);
  const events = m.events.length
    ? `<table class="events"><tr><th>#</th><th>${esc(t.events)}</th><th>${esc(t.when)}</th>${m.phases.onset === null ? '' : `<th class="num">${esc(t.sinceOnset)}</th>`}</tr>${m.events
        .map(
          (e, i) =>
            `<tr><td>${i + 1}</td><td>${esc(e.label)}${e.action ? ` <span class="tag">${esc(t.action)}</span>` : ''}${e.note ? `<br><span class="muted">${esc(e.note)}</span>` : ''}</td><td>${d(e.at)}</td>${m.phases.onset === null ? '' : `<td class="num">${since(e.at)}</td>`}</tr>`,
        )
        .join('')}</table>`
    : `<p class="muted">${esc(t.eventsNone)}</p>`;
  const title = period ? t.titlePeriod : t.title;
  const span = dates.days(m.from, m.to);
  // a previous period without a single mention is one the workspace has no data for
  const prev = m.previous && m.previous.mentions > 0 ? m.previous : null;
  const kpi = (n: number, label: string, before: number | undefined): string =>
    `<div><b>${n}</b>${esc(label)}${period ? `<span class="muted prev">${esc(t.vsPrevious)}: ${before ?? esc(t.noData)}</span>` : ''}</div>`;
  const phases = period
    ? `<h3>${esc(t.crisesInPeriod)}</h3>${episodesTable(m, t, dates.at)}`
    : `<table><tr><th>${esc(t.onset)}</th><th>${esc(t.detected)}</th><th>${esc(t.peak)}</th><th>${esc(t.end)}</th></tr><tr><td>${d(m.phases.onset)}</td><td>${d(m.phases.detectedAt)}</td><td>${d(m.phases.peak)}</td><td>${d(m.phases.end)}</td></tr></table>`;
  return `<!doctype html>
<html lang="${m.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)} · ${esc(m.brand)}${period ? ` · ${esc(span)}` : ''}</title>
<style>
:root { --accent: ${color}; }
${REPORT_CSS}</style></head><body>
<header><h1>${esc(title)} · ${esc(m.brand)}</h1>
<p class="muted">${esc(t.period)}: ${esc(period ? span : `${d(m.from)} → ${d(m.to)}`)} · ${esc(t.localTime(m.timezone))}${branding.consultant ? ` · ${esc(branding.consultant)}` : ''}${m.anonymized ? ` · ${esc(t.anon)}` : ''}</p>${m.coverage ? `<p class="muted" id="coverage">${esc(t.coverage(dates.days(m.coverage.first, m.coverage.last + 1)))}</p>` : ''}</header>
<section id="summary"><h2>${esc(t.summary)}</h2><p>${esc(period ? t.conclusionPeriod(m, prev) : t.conclusion(m))}</p>
<div class="kpis">${kpi(m.totals.mentions, t.mentions, prev?.mentions)}${kpi(m.totals.negative, t.negative, prev?.negative)}${kpi(m.totals.complaints, t.complaints, prev?.complaints)}${kpi(m.totals.brandReplies, t.replies, prev?.brandReplies)}</div></section>
<section id="timeline"><h2>${esc(t.timeline)}</h2>${volumeChart(m, t, dates.at)}
<p class="muted">${esc(t.sentiment)}</p>${sentimentChart(m, t.sentiment, dates.at)}
${phases}</section>
<section id="events"><h2>${esc(t.events)}</h2>${events}</section>
<section id="channels"><h2>${esc(t.channels)} · ${esc(t.hashtags)}</h2><table><tr><th>${esc(t.channels)}</th><th class="num">${esc(t.mentions)}</th><th class="num">${esc(t.negative)}</th></tr>
${m.channels.map((c) => `<tr><td>${esc(t.channel[c.channel] ?? c.channel)}</td><td class="num">${c.mentions}</td><td class="num">${c.negative}</td></tr>`).join('')}</table>
<p>${m.hashtags.map((h) => `${esc(h.tag)} (${h.n})`).join(' · ') || '—'}</p></section>
<section id="people"><h2>${esc(period ? t.peoplePeriod : t.people)}</h2><p>${
    Object.entries(m.people.byLabel)
      .map(([k, v]) => `${v} ${esc(t.labels[k] ?? k)}`)
      .join(' · ') || '—'
  }</p>
<table>${m.people.top.length ? `<tr><th>${esc(t.author)}</th><th>${esc(t.profile)}</th><th class="num">${esc(t.negativeOfPosts)}</th></tr>` : ''}${m.people.top.map((p) => `<tr><td>${esc(p.handle)}</td><td>${esc(t.label[p.label] ?? p.label)}</td><td class="num">${p.negative} / ${p.posts}</td></tr>`).join('')}</table></section>
<section id="key-posts"><h2>${esc(t.keyPosts)}</h2>${m.keyPosts.map((k) => `<blockquote>${esc(k.text)}<br><span class="muted">${esc(k.handle)} · ${esc(t.channel[k.channel] ?? k.channel)} · ${d(k.at)}</span></blockquote>`).join('') || '<p>—</p>'}</section>
<section id="responses"><h2>${esc(t.responses)}</h2><table><tr><th></th><th class="num">${esc(t.rate)}</th><th class="num">${esc(t.median)}</th></tr>
<tr><td>${esc(period ? t.thisPeriod : t.during)}</td><td class="num">${pct(m.responses.during.responseRate)}</td><td class="num">${mins(m.responses.during.medianMinutes)}</td></tr>
<tr><td>${esc(period ? t.previousPeriod : t.before)}</td><td class="num">${pct(m.responses.before.responseRate)}</td><td class="num">${mins(m.responses.before.medianMinutes)}</td></tr></table>
<h2>${esc(t.tone)}</h2><p>${m.tone.replies} ${esc(t.replies)}: ${m.tone.flagged} ${esc(t.flagged)}, ${m.tone.canned} ${esc(t.canned)}, ${m.tone.personalised} ${esc(t.personalised)}.</p></section>
${period ? '' : scctSection(m, t)}
${
  period
    ? ''
    : `<section id="playbook"><h2>${esc(t.playbook)}</h2><table class="scorecard"><tr><th></th><th></th><th>${esc(t.how)}</th></tr>
${m.playbook.map((p) => `<tr data-item="${esc(p.item)}"><td>${esc(t.item[p.item] ?? p.item)}</td><td class="val ${p.ok === null ? '' : p.ok ? 'ok' : 'ko'}">${esc(p.value)}</td><td class="muted">${esc(measured(p))}${p.byHand ? ` <span class="hand">(${esc(t.byHand)})</span>` : ''}${p.note ? `<br>${esc(p.note)}` : ''}</td></tr>`).join('')}</table></section>`
}
<footer><p class="muted">${esc(t.generated)}.</p></footer>
</body></html>`;
}
