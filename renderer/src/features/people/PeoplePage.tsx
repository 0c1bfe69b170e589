import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../main/core/api/contract';
import { useApi } from '../../api/hooks';
import { channelName } from '../../shared/channel-name';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime, formatNumber, formatScore } from '../../shared/format';
import { AuthorDetail } from './AuthorDetail';
import { GroupsView } from './GroupsView';
import { LABELS, type Label } from './labels';
import { useReasonText } from './reason-text';

type Sort = NonNullable<InputOf<'people.list'>['sort']>;
type Channel = NonNullable<InputOf<'people.list'>['channel']>;

/** Who is talking: angry customers apart from agitators, each label with its reasons. */
export function PeoplePage() {
  const { t } = useTranslation();
  const [view, setView] = useState<'list' | 'groups'>('list');
  const [open, setOpen] = useState<number | null>(null);
  // kept here so the filters survive opening an author and coming back
  const [filters, setFilters] = useState<PeopleFilters>({
    label: '',
    channel: '',
    q: '',
    sort: 'rank',
    dir: 'desc',
  });
  const groups = useApi('people.groups', {});
  const show = (id: number) => {
    setOpen(id);
    setView('list');
  };
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{t('nav.people')}</h1>
      {open !== null ? (
        <AuthorDetail id={open} onBack={() => setOpen(null)} onOpen={show} />
      ) : (
        <>
          <div className="row tabs" role="tablist" aria-label={t('people.tabs')}>
            {(['list', 'groups'] as const).map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                aria-selected={view === v}
                className={view === v ? 'chip-on' : undefined}
                onClick={() => setView(v)}
                data-testid={v === 'list' ? 'tab-people' : 'tab-groups'}
              >
                {v === 'list'
                  ? t('people.tabPeople')
                  : t('people.tabGroups', { n: groups.data?.total ?? 0 })}
              </button>
            ))}
          </div>
          <div role="tabpanel">
            {view === 'list' ? (
              <PeopleList onOpen={show} f={filters} setF={setFilters} />
            ) : (
              <GroupsView onOpen={show} />
            )}
          </div>
        </>
      )}
    </section>
  );
}

export interface PeopleFilters {
  label: Label | '';
  channel: Channel | '';
  q: string;
  sort: Sort;
  dir: 'asc' | 'desc';
}

function PeopleList({
  onOpen,
  f,
  setF,
}: {
  onOpen: (id: number) => void;
  f: PeopleFilters;
  setF: (f: PeopleFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const set = (patch: Partial<PeopleFilters>) => setF({ ...f, ...patch });
  const say = useReasonText();
  const people = useApi(
    'people.list',
    {
      ...(f.label ? { label: f.label } : {}),
      ...(f.channel ? { channel: f.channel } : {}),
      ...(f.q.trim() ? { q: f.q.trim() } : {}),
      sort: f.sort,
      dir: f.dir,
    },
    { placeholderData: (prev) => prev },
  );
  if (people.error)
    return <ErrorNotice error={people.error} onRetry={() => void people.refetch()} />;
  const counts = people.data?.counts ?? {};
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const sortButton = (col: Sort, text: string) => {
    const active = f.sort === col;
    return (
      <button
        type="button"
        className="link"
        onClick={() =>
          set({
            sort: col,
            dir: active && f.dir === 'desc' ? 'asc' : col === 'handle' && !active ? 'asc' : 'desc',
          })
        }
        aria-label={t('people.sortBy', { col: text })}
        data-testid={`sort-${col}`}
      >
        {text} {active ? (f.dir === 'desc' ? '▼' : '▲') : ''}
      </button>
    );
  };
  const ariaSort = (col: Sort) =>
    f.sort === col ? (f.dir === 'desc' ? 'descending' : 'ascending') : undefined;
  return (
    <>
      <p className="muted">{t('people.intro', { n: people.data?.minHistory ?? 3 })}</p>
      <div className="row" role="group" aria-label={t('people.filter')}>
        <button
          type="button"
          aria-pressed={f.label === ''}
          className={f.label === '' ? 'chip-on' : undefined}
          onClick={() => set({ label: '' })}
        >
          {t('people.all')} ({formatNumber(all, lang)})
        </button>
        {LABELS.map((l) => (
          <button
            key={l}
            type="button"
            aria-pressed={f.label === l}
            className={`label-${l}${f.label === l ? ' chip-on' : ''}`}
            onClick={() => set({ label: l })}
            data-testid={`filter-${l}`}
          >
            {t(`people.labels.${l}`)} ({formatNumber(counts[l] ?? 0, lang)})
          </button>
        ))}
      </div>
      <div className="row filters">
        <label className="inline-field">
          <span>{t('people.channel')}</span>
          <select
            value={f.channel}
            onChange={(e) => set({ channel: e.target.value as Channel | '' })}
            data-testid="people-channel"
          >
            <option value="">{t('people.allChannels')}</option>
            {Object.entries(people.data?.channels ?? {}).map(([c, n]) => (
              <option key={c} value={c}>
                {channelName(t, c)} ({formatNumber(n, lang)})
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('people.search')}</span>
          <input
            type="search"
            value={f.q}
            placeholder={t('people.searchPlaceholder')}
            onChange={(e) => set({ q: e.target.value })}
            data-testid="people-search"
          />
        </label>
      </div>
      {!people.data ? (
        <p className="loading">{t('common.loading')}</p>
      ) : people.data.items.length === 0 ? (
        <p className="empty-state">
          {all === 0 && !f.q && !f.channel ? t('people.empty') : t('people.noMatch')}
        </p>
      ) : (
        <>
          <table className="table" data-testid="people">
            <thead>
              <tr>
                <th scope="col" aria-sort={ariaSort('handle')}>
                  {sortButton('handle', t('people.author'))}
                </th>
                <th scope="col">{t('people.label')}</th>
                <th scope="col" className="num" aria-sort={ariaSort('score')}>
                  {sortButton('score', t('people.score'))}
                </th>
                <th scope="col" className="num" aria-sort={ariaSort('posts')}>
                  {sortButton('posts', t('people.posts'))}
                </th>
                <th scope="col" aria-sort={ariaSort('last')}>
                  {sortButton('last', t('people.lastSeen'))}
                </th>
                <th scope="col">{t('people.why')}</th>
              </tr>
            </thead>
            <tbody>
              {people.data.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => onOpen(p.id)}
                      aria-label={t('people.open', { handle: p.handle })}
                      data-testid="open-author"
                    >
                      <strong>@{p.handle}</strong>
                    </button>{' '}
                    <span className="muted">{channelName(t, p.channel)}</span>
                  </td>
                  <td>
                    <span className={`chip label-${p.label}`}>{t(`people.labels.${p.label}`)}</span>
                    {p.overridden && <span className="muted"> ({t('people.byYou')})</span>}
                  </td>
                  <td className="num">
                    {/* Not judged: a score next to "not enough history" read as a verdict. */}
                    {p.label === 'insufficient_history' ? '—' : formatScore(p.score, lang)}
                  </td>
                  <td className="num">{formatNumber(p.posts, lang)}</td>
                  <td>{formatDateTime(p.lastSeenAt, lang)}</td>
                  <td>{p.why[0] && say(p.why[0])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {t('people.showing', {
              shown: formatNumber(people.data.items.length, lang),
              total: formatNumber(people.data.total, lang),
            })}
          </p>
        </>
      )}
    </>
  );
}
