import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/hooks';
import type { Page } from '../../app/navigation';
import { formatDateTime, formatNumber } from '../../shared/format';

/** What needs attention now, in plain words, each with the page that deals with it. */
export function TodayPanel({
  onGo,
  enabled = true,
}: {
  onGo: (p: Page) => void;
  enabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const today = useApi('dashboard.today', {}, { enabled });
  if (!today.data)
    return (
      <div className="card today" data-testid="today-pending">
        <h2>{t('overview.today')}</h2>
        <p className="muted">{t('common.loading')}</p>
      </div>
    );
  const d = today.data;
  const n = (x: number): string => formatNumber(x, i18n.language);
  const items: Array<{ tone: 'alert' | 'warn' | 'info'; text: string; page: Page }> = [];
  if (d.crisis) {
    items.push({
      tone: 'alert',
      text: t(d.crisis.ongoing ? 'today.crisisOngoing' : 'today.crisisRecent', {
        severity: t(`crises.sev.${d.crisis.severity}`),
        since: formatDateTime(Date.parse(d.crisis.start), i18n.language),
      }),
      page: 'crises',
    });
  }
  if (d.unansweredComplaints > 0) {
    items.push({
      tone: 'warn',
      text: t('today.unanswered', {
        count: d.unansweredComplaints,
        n: n(d.unansweredComplaints),
        since: formatDateTime(d.oldestUnansweredAt, i18n.language),
      }),
      page: 'responses',
    });
  }
  if (d.newComplaints24h > 0) {
    items.push({
      tone: 'info',
      text: t('today.complaints', {
        count: d.newComplaints24h,
        n: n(d.newComplaints24h),
        topics: d.topTopics.map((x) => t(`topics.${x.topic}`)).join(', ') || '—',
      }),
      page: 'mentions',
    });
  }
  if (d.escalating + d.agitators > 0) {
    items.push({
      tone: 'warn',
      text: t('today.people', {
        escalating: t('today.escalating', { count: d.escalating, n: n(d.escalating) }),
        agitators: t('today.agitators', { count: d.agitators, n: n(d.agitators) }),
      }),
      page: 'people',
    });
  }
  return (
    <div className="card today" data-testid="today">
      <h2>{t('overview.today')}</h2>
      <p className="muted">
        {t('today.asOf', { when: formatDateTime(d.asOf, i18n.language), n: n(d.newMentions24h) })}
      </p>
      {items.length === 0 ? (
        <p>{t('today.calm')}</p>
      ) : (
        <ul>
          {items.map((it, i) => (
            <li key={i} className={`today-${it.tone}`}>
              {it.text}{' '}
              <button type="button" className="link" onClick={() => onGo(it.page)}>
                {t(`nav.${it.page}`)} →
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
