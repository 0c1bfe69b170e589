import { useTranslation } from 'react-i18next';
import type { DashboardOverview, DashboardResponses } from '../../../../main/core/model/dashboard';
import { ExportButtons } from '../../shared/ExportButtons';
import { formatNumber } from '../../shared/format';
import { mentionsHref } from '../mentions/mention-link';
import { formatMinutes, formatRange, percent } from './overview-format';

type Kind = 'count' | 'ratio' | 'points' | 'minutes';

interface Kpi {
  key: string;
  label: string;
  value: string;
  now: number | null;
  before: number | null;
  kind: Kind;
  /** Which way is good news: more mentions is neutral, fewer complaints is good. */
  better: 'up' | 'down' | null;
  help?: string;
  href?: string;
}

function Delta({ k, vs, lang }: { k: Kpi; vs: string; lang: string }) {
  const { t } = useTranslation();
  if (k.now === null || k.before === null)
    return <span className="delta muted">{t('overview.noCompare')}</span>;
  const diff = k.now - k.before;
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
  const abs = Math.abs(diff);
  const text =
    k.kind === 'count'
      ? k.before > 0
        ? `${sign}${formatNumber(Math.round((100 * abs) / k.before), lang)} %`
        : `${sign}${formatNumber(abs, lang)}`
      : k.kind === 'ratio'
        ? `${sign}${formatNumber(Math.round(abs * 1000) / 10, lang)} ${t('overview.pts')}`
        : k.kind === 'minutes'
          ? `${sign}${formatMinutes(abs, lang)}`
          : `${sign}${formatNumber(Math.round(abs), lang)}`;
  const good =
    k.better === null || diff === 0 ? '' : diff > 0 === (k.better === 'up') ? ' good' : ' bad';
  return (
    <span
      className={`delta${good}`}
      title={t('overview.previousValue', { value: String(k.before) })}
    >
      {t('overview.vsPeriod', { change: text, period: vs })}
    </span>
  );
}

/** The period's KPIs, each with its change against the comparison period. */
export function KpiGrid({
  dash,
  responses,
}: {
  dash: DashboardOverview;
  responses: DashboardResponses | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cur = dash.current;
  const prev = dash.previous;
  const r = responses?.current;
  const rp = responses?.previous;
  const period = { fromDay: dash.from, toDay: dash.to };
  const pending = t('common.loading');
  const kpis: Kpi[] = [
    {
      key: 'mentions',
      label: t('overview.mentions'),
      value: formatNumber(cur.mentions, lang),
      now: cur.mentions,
      before: prev.mentions,
      kind: 'count',
      better: null,
      href: mentionsHref(period),
    },
    {
      key: 'netSentiment',
      label: t('overview.netSentiment'),
      value:
        cur.netSentiment === null ? '—' : formatNumber(Math.round(cur.netSentiment * 100), lang),
      now: cur.netSentiment === null ? null : Math.round(cur.netSentiment * 100),
      before: prev.netSentiment === null ? null : Math.round(prev.netSentiment * 100),
      kind: 'points',
      better: 'up',
      help: t('overview.netFormula'),
    },
    {
      key: 'reputationIndex',
      label: t('overview.reputation'),
      value: cur.reputationIndex === null ? '—' : String(cur.reputationIndex),
      now: cur.reputationIndex,
      before: prev.reputationIndex,
      kind: 'points',
      better: 'up',
      // The same formula as the core's REPUTATION_FORMULA, in the user's language.
      help: t('overview.reputationFormula'),
    },
    {
      key: 'complaintShare',
      label: t('overview.complaintShare'),
      value: percent(cur.complaintShare, lang),
      now: cur.complaintShare,
      before: prev.complaintShare,
      kind: 'ratio',
      better: 'down',
      href: mentionsHref({ ...period, complaint: true }),
    },
    {
      key: 'unanswered',
      label: t('overview.unanswered'),
      value: r ? formatNumber(r.unansweredComplaints, lang) : pending,
      now: r ? r.unansweredComplaints : null,
      before: rp ? rp.unansweredComplaints : null,
      kind: 'count',
      better: 'down',
      help: r
        ? t('overview.unansweredOf', { count: r.complaints, n: formatNumber(r.complaints, lang) })
        : undefined,
      href: mentionsHref({ ...period, complaint: true, unanswered: true }),
    },
    {
      key: 'firstResponse',
      label: t('overview.firstResponse'),
      value: r ? formatMinutes(r.medianFirstResponseMinutes, lang) : pending,
      now: r?.medianFirstResponseMinutes ?? null,
      before: rp?.medianFirstResponseMinutes ?? null,
      kind: 'minutes',
      better: 'down',
      help: r ? t('overview.answeredN', { n: formatNumber(r.answered, lang) }) : undefined,
    },
  ];
  const vs = formatRange(dash.compareFrom, dash.compareTo, lang);
  return (
    <div className="card kpi-card">
      <div className="card-head">
        <h2>{t('overview.kpis')}</h2>
        <ExportButtons
          name={`kpis_${dash.from}_${dash.to}`}
          label={t('overview.kpis')}
          rows={() =>
            kpis.map((k) => ({
              kpi: k.key,
              label: k.label,
              from: dash.from,
              to: dash.to,
              value: k.now,
              compareFrom: dash.compareFrom,
              compareTo: dash.compareTo,
              previous: k.before,
            }))
          }
        />
      </div>
      <dl className="kpis">
        {kpis.map((k) => (
          <div key={k.key}>
            <dt>{k.label}</dt>
            <dd data-testid={`kpi-${k.key}`}>
              {k.href ? (
                <a href={k.href} title={t('overview.seeMentions')}>
                  {k.value}
                </a>
              ) : (
                k.value
              )}
            </dd>
            {k.value !== pending && <Delta k={k} vs={vs} lang={lang} />}
            {k.help && <small className="muted formula">{k.help}</small>}
          </div>
        ))}
      </dl>
    </div>
  );
}
