import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime, formatNumber } from '../../shared/format';

function minutes(m: number | null, lang: string): string {
  if (m === null) return '—';
  if (m < 60) return `${formatNumber(Math.round(m), lang)} min`;
  if (m < 1440) return `${formatNumber(Math.round((m / 60) * 10) / 10, lang)} h`;
  return `${formatNumber(Math.round((m / 1440) * 10) / 10, lang)} d`;
}

/** How fast and how well the brand answers, what is still waiting, and a draft checker. */
export function ResponsesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const kpis = useApi('responses.kpis', { days: 30 });
  const queue = useApi('responses.queue', { days: 30 });
  const check = useApiMutation('responses.check');
  const [draft, setDraft] = useState('');
  const pct = (x: number | null): string =>
    x === null ? '—' : `${formatNumber(Math.round(x * 100), lang)} %`;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.responses')}</h1>
      {kpis.error && <ErrorNotice error={kpis.error} />}
      {kpis.data && (
        <dl className="kpis">
          <div>
            <dt>{t('responses.rate')}</dt>
            <dd data-testid="kpi-rate">{pct(kpis.data.responseRate)}</dd>
            <span className="delta">
              {t('responses.ofN', { answered: kpis.data.answered, n: kpis.data.customerMentions })}
            </span>
          </div>
          <div>
            <dt>{t('responses.median')}</dt>
            <dd>{minutes(kpis.data.medianMinutes, lang)}</dd>
            <span className="delta">
              {t('responses.p90', { v: minutes(kpis.data.p90Minutes, lang) })}
            </span>
          </div>
          <div>
            <dt>{t('responses.business')}</dt>
            <dd>{minutes(kpis.data.medianBusinessMinutes, lang)}</dd>
            <span className="delta">
              {t('responses.target', { v: pct(kpis.data.withinTarget) })}
            </span>
          </div>
          <div>
            <dt>{t('responses.within')}</dt>
            <dd>{pct(kpis.data.within1h)}</dd>
            <span className="delta">
              {t('responses.within4', { a: pct(kpis.data.within4h), b: pct(kpis.data.within24h) })}
            </span>
          </div>
        </dl>
      )}
      <div className="card">
        <h2>{t('responses.checker')}</h2>
        <p className="muted">{t('responses.checkerHelp')}</p>
        <textarea
          className="draft"
          rows={3}
          value={draft}
          data-testid="draft"
          onChange={(e) => setDraft(e.target.value)}
          aria-label={t('responses.checker')}
        />
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!draft.trim() || check.isPending}
            onClick={() => check.mutate({ text: draft })}
            data-testid="check-draft"
          >
            {t('responses.check')}
          </button>
        </div>
        {check.data && (
          <div role="status" data-testid="draft-result">
            {check.data.warnings.length === 0 ? (
              <p className="notice">{t('responses.ok')}</p>
            ) : (
              <ul className="why">
                {check.data.warnings.map((w, i) => (
                  <li key={i}>
                    <strong className="neg">{t(`responses.kinds.${w.kind}`)}</strong>: {w.reason}{' '}
                    <span className="muted">→ {w.hint}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <div className="card">
        <h2>{t('responses.queue')}</h2>
        {queue.data && queue.data.items.length === 0 ? (
          <p className="muted">{t('responses.queueEmpty')}</p>
        ) : (
          <ul className="queue" data-testid="queue">
            {queue.data?.items.map((m) => (
              <li key={m.id}>
                <strong>@{m.authorHandle ?? '—'}</strong>{' '}
                <span className="muted">
                  · {m.channel} · {formatDateTime(m.postedAt, lang)}
                </span>
                {m.topic && <span className="chip chip-failing">{t(`topics.${m.topic}`)}</span>}
                <div>{m.text}</div>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
