import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionListItem } from '../../../../main/core/model/mention';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { authorLabel } from '../../shared/author-label';
import { ExportButtons } from '../../shared/ExportButtons';
import { clipText, formatDateTime } from '../../shared/format';
import { MentionDetailPanel } from './MentionDetailPanel';
import { MentionFilters } from './MentionFilters';
import { ReviewPanel } from './ReviewPanel';
import { linkFromHash, mentionsHref, type MentionLink } from './mention-link';
import { PAGE_SIZE, useMentionPages } from './useMentionPages';
import { channelName } from '../../shared/channel-name';

/**
 * A row's height: padding 16 px, the meta line with a chip ~21 px, gap 3 px, two text lines
 * of 1.35 × 16 px and the border. At 76 px the second line of a long post was cut in half.
 */
const ROW_HEIGHT = 86;
/** Ask for the next page this many rows before the end, so scrolling rarely waits for it. */
const PREFETCH_ROWS = PAGE_SIZE;

/** One row; memoised so a page arriving does not re-render the rows already on screen. */
const MentionRow = memo(function MentionRow({
  m,
  selected,
  onSelect,
  lang,
}: {
  m: MentionListItem;
  selected: boolean;
  onSelect: (id: number) => void;
  lang: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`mention-row${selected ? ' selected' : ''}`}
      onClick={() => onSelect(m.id)}
      data-testid="mention-row"
    >
      <span className="mention-meta">
        <span className={`dot s${m.sentiment ?? 'x'}`} aria-hidden="true" />
        <strong>{authorLabel(t, m)}</strong>
        <span className="muted">
          {' '}
          · {channelName(t, m.channel)} · {formatDateTime(m.postedAt, lang)}
          {m.rating !== null ? ` · ${'★'.repeat(Math.round(m.rating))}` : ''}
        </span>
        {m.isBrand && <span className="chip">{t('mentions.brand')}</span>}
        {m.complaint && <span className="chip chip-failing">{t('mentions.complaint')}</span>}
      </span>
      <span className="mention-text">
        {m.title ? `${clipText(m.title, 300)} — ` : ''}
        {clipText(m.text)}
      </span>
    </button>
  );
});

/**
 * The virtualised rows, a component of its own: the virtualiser renders on every scroll
 * event, and in the page it re-rendered the search box, the filters and the open panels with
 * each step too.
 */
const MentionList = memo(function MentionList({
  rows,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  busy,
  empty,
  filtered,
  onShowAll,
  selected,
  onSelect,
}: {
  rows: MentionListItem[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
  busy: boolean;
  empty: boolean;
  filtered: boolean;
  onShowAll: () => void;
  selected: number | null;
  onSelect: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const parentRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions by design
  const virtualizer = useVirtualizer({
    count: rows.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - PREFETCH_ROWS && hasNextPage && !isFetchingNextPage)
      void fetchNextPage();
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  return (
    <div
      ref={parentRef}
      className="mention-list"
      data-testid="mention-list"
      tabIndex={0}
      aria-label={t('nav.mentions')}
      aria-busy={busy}
    >
      {empty ? (
        <div className="muted empty-state" data-testid="mentions-empty">
          <p>{filtered ? t('mentions.noMatch') : t('mentions.empty')}</p>
          {filtered && (
            <button type="button" onClick={() => onShowAll()}>
              {t('mentions.showAll')}
            </button>
          )}
        </div>
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
                <MentionRow
                  m={m}
                  selected={selected === m.id}
                  onSelect={onSelect}
                  lang={i18n.language}
                />
              ) : (
                <p className="muted">{t('mentions.searchingOlder')}</p>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});

/** Closes the open mention and puts the keyboard back on its row, where the user was. */
function closeAndRefocus(close: () => void): void {
  const row = document.querySelector<HTMLElement>('.mention-row.selected');
  close();
  row?.focus();
}

/**
 * Every stored mention, newest first, searchable and filterable; the list is virtualised.
 * Filters live in the address (#/mentions?…), so a chart click opens exactly its mentions
 * and a reload keeps them.
 */
export function MentionsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<MentionLink>(() => linkFromHash(window.location.hash));
  const [query, setQuery] = useState(filters.q ?? '');
  const [selected, setSelected] = useState<number | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const closeDetail = (): void => closeAndRefocus(() => setSelected(null));
  // Escape closes the open mention, as the × does.
  useEffect(() => {
    if (selected === null || reviewing) return;
    const on = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !e.defaultPrevented) closeAndRefocus(() => setSelected(null));
    };
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, [selected, reviewing]);
  /**
   * Words typed in the search box that are not in the filters yet (the 250 ms pause has not
   * passed). The menu's link (#/mentions) changes the address at the click, but its hashchange
   * is delivered as a later task: under load, after the user has already typed. Such a link
   * names no search, so it must not clear words typed after it.
   */
  const typed = useRef<string | null>(null);
  useEffect(() => {
    const on = (): void => {
      const f = linkFromHash(window.location.hash);
      setFilters(f);
      if (f.q !== undefined || typed.current === null) setQuery(f.q ?? '');
    };
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const update = (f: MentionLink): void => {
    setFilters(f);
    // replaceState: the address follows the filters without a history entry per keystroke.
    window.history.replaceState(null, '', mentionsHref(f));
  };
  // The search joins the filters once typing pauses for 250 ms — timed from the last change of
  // the words or the filters, not from the last render (a page arriving must not postpone it).
  useEffect(() => {
    const q = query.trim();
    if (q === (filters.q ?? '')) {
      typed.current = null;
      return;
    }
    const h = setTimeout(() => {
      typed.current = null;
      const next = { ...filters };
      if (q) next.q = q;
      else delete next.q;
      setFilters(next);
      window.history.replaceState(null, '', mentionsHref(next));
    }, 250);
    return () => clearTimeout(h);
  }, [query, filters]);

  const pages = useMentionPages(filters);
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const filtered = Object.keys(filters).length > 0;
  const showAll = useCallback(() => update({}), []);

  return (
    <section aria-labelledby="page-title" className="mentions-page">
      <div className="card-head">
        <h1 id="page-title">{t('nav.mentions')}</h1>
        <div className="row">
          <button
            type="button"
            data-testid="review-open"
            aria-pressed={reviewing}
            className={reviewing ? 'chip-on' : undefined}
            onClick={() => setReviewing((r) => !r)}
          >
            {t('review.open')}
          </button>
          {rows.length > 0 && (
            <ExportButtons
              name="mentions"
              label={t('mentions.loadedRows', { n: rows.length })}
              rows={() =>
                rows.map((m) => ({
                  id: m.id,
                  postedAt: new Date(m.postedAt).toISOString(),
                  channel: m.channel,
                  author: m.authorHandle ?? m.authorName,
                  text: m.text,
                  title: m.title,
                  url: m.url,
                  lang: m.lang,
                  sentiment: m.sentiment,
                  complaint: m.complaint,
                  topic: m.topic,
                  rating: m.rating,
                  brand: m.isBrand,
                }))
              }
            />
          )}
        </div>
      </div>
      <div className="row" role="search">
        <input
          type="search"
          className="grow"
          data-testid="search"
          aria-label={t('mentions.search')}
          placeholder={t('mentions.searchPlaceholder')}
          value={query}
          onChange={(e) => {
            typed.current = e.target.value;
            setQuery(e.target.value);
          }}
        />
      </div>
      <MentionFilters filters={filters} onChange={update} />
      {pages.error && <ErrorNotice error={pages.error} onRetry={() => void pages.refetch()} />}
      <div className="mentions-layout">
        <MentionList
          rows={rows}
          hasNextPage={hasNextPage}
          isFetchingNextPage={isFetchingNextPage}
          fetchNextPage={fetchNextPage}
          busy={pages.isFetching}
          empty={rows.length === 0 && !pages.isPending && !hasNextPage}
          filtered={filtered}
          onShowAll={showAll}
          selected={selected}
          onSelect={setSelected}
        />
        {reviewing ? (
          <ReviewPanel onClose={() => setReviewing(false)} />
        ) : (
          selected !== null && (
            <MentionDetailPanel key={selected} id={selected} onClose={closeDetail} />
          )
        )}
      </div>
    </section>
  );
}
