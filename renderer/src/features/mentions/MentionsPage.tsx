import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../main/core/model/channels';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { clipText, formatDateTime } from '../../shared/format';
import { MentionDetailPanel } from './MentionDetailPanel';
import { useMentionPages, type MentionFilters } from './useMentionPages';

const ROW_HEIGHT = 76;

/** Every stored mention, newest first, searchable and filterable; the list is virtualised. */
export function MentionsPage() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [sentiment, setSentiment] = useState<'' | '-1' | '0' | '1'>('');
  const [complaint, setComplaint] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(query.trim()), 250);
    return () => clearTimeout(h);
  }, [query]);

  const filters = useMemo<MentionFilters>(() => {
    const f: MentionFilters = {};
    if (debounced) f.q = debounced;
    if (channel) f.channels = [channel];
    if (sentiment) f.sentiment = Number(sentiment) as -1 | 0 | 1;
    if (complaint) f.complaint = true;
    return f;
  }, [debounced, channel, sentiment, complaint]);

  const pages = useMentionPages(filters);
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const parentRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  const virtualizer = useVirtualizer({
    count: rows.length + (pages.hasNextPage ? 1 : 0),
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 20 && pages.hasNextPage && !pages.isFetchingNextPage)
      void pages.fetchNextPage();
  }, [lastIndex, rows.length, pages]);

  return (
    <section aria-labelledby="page-title" className="mentions-page">
      <h1 id="page-title">{t('nav.mentions')}</h1>
      <div className="row filters" role="search">
        <input
          type="search"
          className="grow"
          data-testid="search"
          aria-label={t('mentions.search')}
          placeholder={t('mentions.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label={t('sources.channel')}
          value={channel}
          onChange={(e) => setChannel(e.target.value as Channel | '')}
        >
          <option value="">{t('mentions.allChannels')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <select
          aria-label={t('mentions.sentiment')}
          value={sentiment}
          onChange={(e) => setSentiment(e.target.value as typeof sentiment)}
        >
          <option value="">{t('mentions.anySentiment')}</option>
          <option value="-1">{t('mentions.negative')}</option>
          <option value="0">{t('mentions.neutral')}</option>
          <option value="1">{t('mentions.positive')}</option>
        </select>
        <label className="chip-check">
          <input
            type="checkbox"
            checked={complaint}
            onChange={(e) => setComplaint(e.target.checked)}
          />
          {t('mentions.complaintsOnly')}
        </label>
      </div>
      {pages.error && <ErrorNotice error={pages.error} onRetry={() => void pages.refetch()} />}
      <div className="mentions-layout">
        <div
          ref={parentRef}
          className="mention-list"
          data-testid="mention-list"
          tabIndex={0}
          aria-label={t('nav.mentions')}
        >
          {rows.length === 0 && !pages.isPending ? (
            <p className="muted empty-state">
              {debounced ? t('mentions.noMatch') : t('mentions.empty')}
            </p>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v) => {
              const m = rows[v.index];
              return (
                <div
                  key={v.key}
                  className="mention-row-wrap"
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: v.size,
                    transform: `translateY(${v.start}px)`,
                  }}
                >
                  {m ? (
                    <button
                      type="button"
                      className={`mention-row${selected === m.id ? ' selected' : ''}`}
                      onClick={() => setSelected(m.id)}
                      data-testid="mention-row"
                    >
                      <span className="mention-meta">
                        <span className={`dot s${m.sentiment ?? 'x'}`} aria-hidden="true" />
                        <strong>
                          {m.authorHandle
                            ? `@${m.authorHandle}`
                            : (m.authorName ?? t('mentions.anonymous'))}
                        </strong>
                        <span className="muted">
                          {' '}
                          · {m.channel} · {formatDateTime(m.postedAt, i18n.language)}
                        </span>
                        {m.isBrand && <span className="chip">{t('mentions.brand')}</span>}
                        {m.complaint && (
                          <span className="chip chip-failing">{t('mentions.complaint')}</span>
                        )}
                      </span>
                      <span className="mention-text">
                        {m.title ? `${clipText(m.title, 300)} — ` : ''}
                        {clipText(m.text)}
                      </span>
                    </button>
                  ) : (
                    <p className="muted">{t('common.loading')}</p>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {selected !== null && (
          <MentionDetailPanel id={selected} onClose={() => setSelected(null)} />
        )}
      </div>
    </section>
  );
}
