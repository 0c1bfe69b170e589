import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../main/core/api/contract';
import { useApi } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { dateTimeFormat, formatDateTime, formatNumber } from '../../shared/format';

type Group = OutputOf<'people.groups'>['items'][number];

/** Accounts that posted the same text, or the same hashtags and links, within minutes. */
export function GroupsView({ onOpen }: { onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const groups = useApi('people.groups', {});
  if (groups.error)
    return <ErrorNotice error={groups.error} onRetry={() => void groups.refetch()} />;
  return (
    <div data-testid="groups">
      {groups.data && (
        <p className="muted">
          {t('people.groupsIntro', {
            accounts: groups.data.minAccounts,
            min: groups.data.windowMinutes,
          })}
        </p>
      )}
      {groups.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : groups.data.items.length === 0 ? (
        <p className="empty-state">{t('people.groupsEmpty')}</p>
      ) : (
        groups.data.items.map((g) => (
          <div className="card" key={g.id}>
            <GroupCard group={g} onOpen={onOpen} />
          </div>
        ))
      )}
    </div>
  );
}

/** One group: when, what they shared, and its members as links to their detail. */
export function GroupCard({
  group: g,
  onOpen,
  current,
}: {
  group: Group;
  onOpen: (id: number) => void;
  current?: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <article className="group" data-testid="group" aria-label={t(`people.groupKind.${g.kind}`)}>
      <p>
        <strong>{t(`people.groupKind.${g.kind}`)}</strong> ·{' '}
        {t('people.groupWhen', {
          accounts: formatNumber(g.members.length, lang),
          posts: formatNumber(g.posts, lang),
          from: formatDateTime(g.firstAt, lang),
          to:
            g.lastAt - g.firstAt < 86_400_000
              ? dateTimeFormat(lang, { timeStyle: 'short' }).format(g.lastAt)
              : formatDateTime(g.lastAt, lang),
        })}{' '}
        · {t('people.groupBursts', { count: g.bursts })}
      </p>
      <blockquote className="mention-full-text">{g.text}</blockquote>
      {g.shared.length > 0 && (
        <p className="row">
          <span className="muted">{t('people.shared')}:</span>
          {g.shared.map((s) => (
            <span className="chip" key={s}>
              {s}
            </span>
          ))}
        </p>
      )}
      <div className="row" role="group" aria-label={t('people.members')}>
        <span className="muted">{t('people.members')}:</span>
        {g.members.map((m) =>
          m.id === current ? (
            <strong key={m.id}>@{m.handle}</strong>
          ) : (
            <button
              key={m.id}
              type="button"
              className={`label-${m.label ?? 'insufficient_history'}`}
              onClick={() => onOpen(m.id)}
              aria-label={t('people.open', { handle: m.handle })}
            >
              @{m.handle}
            </button>
          ),
        )}
      </div>
    </article>
  );
}
