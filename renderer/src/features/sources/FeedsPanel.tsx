import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedRow } from '../../../../main/core/model/feeds';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime, formatNumber } from '../../shared/format';
import { FeedTools } from './FeedTools';
import { useFeedErrorText } from './row-reason-text';

function feedStatus(f: FeedRow): 'paused' | 'failing' | 'ok' | 'new' {
  if (f.paused) return 'paused';
  if (f.failures > 0) return 'failing';
  return f.lastFetchAt === null ? 'new' : 'ok';
}

/** The workspace's feeds: add, pause/resume, remove, and their polling state in plain words. */
export function FeedsPanel() {
  const { t, i18n } = useTranslation();
  const feedErrorText = useFeedErrorText();
  const feeds = useApi('feeds.list', {});
  const add = useApiMutation('feeds.add', ['feeds.list', 'workspace.get']);
  const update = useApiMutation('feeds.update', ['feeds.list']);
  const remove = useApiMutation('feeds.remove', ['feeds.list', 'workspace.get']);
  const test = useApiMutation('feeds.test');
  // Add feed reads the address first, as `feeds add` does: a web page or a typo is caught now,
  // not at a poll nobody watches, and the feed gets its own title instead of the host name.
  const probe = useApiMutation('feeds.test');
  const pollNow = useApiMutation('feeds.poll', [
    'feeds.list',
    'workspace.get',
    'sources.batches',
    'dashboard.overview',
  ]);
  const [url, setUrl] = useState('');
  const [filter, setFilter] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const items = feeds.data?.items ?? [];
  const err =
    add.error ?? update.error ?? remove.error ?? test.error ?? probe.error ?? pollNow.error;
  /** Saves the feed and fetches it at once, so its posts show without waiting for a poll. */
  const addAndPoll = (name?: string): void =>
    add.mutate(
      { url, keywordFilter: filter, name },
      {
        onSuccess: (feed) => {
          setUrl('');
          probe.reset();
          pollNow.mutate({ ids: [feed.id] });
        },
      },
    );

  return (
    <section className="card" aria-labelledby="feeds-title">
      <h2 id="feeds-title">{t('sources.feeds')}</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          test.reset();
          probe.mutate(
            { url },
            { onSuccess: (r) => addAndPoll(r.title?.trim().slice(0, 200) || undefined) },
          );
        }}
      >
        <label className="inline-field grow">
          <span>{t('sources.feedUrl')}</span>
          <input
            type="url"
            required
            placeholder="https://…"
            value={url}
            data-testid="feed-url"
            onChange={(e) => setUrl(e.target.value)}
          />
        </label>
        <label className="chip-check">
          <input type="checkbox" checked={filter} onChange={(e) => setFilter(e.target.checked)} />
          {t('sources.keywordFilter')}
        </label>
        <button
          type="button"
          disabled={!url || test.isPending}
          onClick={() => test.mutate({ url })}
        >
          {t('sources.testFeed')}
        </button>
        <button type="submit" className="primary" disabled={add.isPending || probe.isPending}>
          {probe.isPending ? t('sources.readingFeed') : t('sources.addFeed')}
        </button>
      </form>
      <FeedTools />
      {test.data && (
        <p role="status" className="notice">
          {t('sources.testResult', {
            title: test.data.title ?? url,
            items: test.data.items,
            channel: test.data.channel,
          })}
        </p>
      )}
      {items.length > 0 && (
        <div className="row">
          <button
            type="button"
            onClick={() => pollNow.mutate({})}
            disabled={pollNow.isPending}
            data-testid="poll-now"
          >
            {pollNow.isPending ? t('sources.polling') : t('sources.pollNow')}
          </button>
          {pollNow.data && (
            <span role="status" className="muted" data-testid="poll-result">
              {t('sources.pollResult', { ...pollNow.data, count: pollNow.data.feeds })}
            </span>
          )}
        </div>
      )}
      {err && (
        <ErrorNotice error={err}>
          {err === probe.error && (
            <button type="button" data-testid="add-anyway" onClick={() => addAndPoll()}>
              {t('sources.addAnyway')}
            </button>
          )}
        </ErrorNotice>
      )}
      {items.length === 0 ? (
        <p className="muted">{t('sources.noFeeds')}</p>
      ) : (
        <table className="table" data-testid="feeds">
          <thead>
            <tr>
              <th scope="col">{t('sources.feed')}</th>
              <th scope="col">{t('sources.status')}</th>
              <th scope="col">{t('sources.lastFetch')}</th>
              <th scope="col">{t('sources.nextDue')}</th>
              <th scope="col" className="num">
                {t('sources.items')}
              </th>
              <th scope="col">
                <span className="sr-only">{t('sources.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((f) => {
              const status = feedStatus(f);
              return (
                <tr key={f.id}>
                  <td>
                    <strong>{f.name}</strong>
                    <div className="mono muted">{f.url}</div>
                    {f.lastError && (
                      <div className="error-text" data-testid="feed-error">
                        {feedErrorText(f)}
                      </div>
                    )}
                  </td>
                  <td>
                    <span className={`chip chip-${status}`}>
                      {t(`sources.feedStatus.${status}`)}
                    </span>
                  </td>
                  <td>{formatDateTime(f.lastFetchAt, i18n.language)}</td>
                  <td>{f.paused ? '—' : formatDateTime(f.nextDueAt, i18n.language)}</td>
                  <td className="num">{formatNumber(f.itemsTotal, i18n.language)}</td>
                  <td className="row">
                    <button
                      type="button"
                      onClick={() => update.mutate({ id: f.id, paused: !f.paused })}
                    >
                      {f.paused ? t('sources.resume') : t('sources.pause')}
                    </button>
                    {confirming === f.id ? (
                      <>
                        <button
                          type="button"
                          className="danger"
                          onClick={() => remove.mutate({ id: f.id })}
                        >
                          {t('sources.removeYes')}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          {t('sources.undoNo')}
                        </button>
                      </>
                    ) : (
                      <button type="button" onClick={() => setConfirming(f.id)}>
                        {t('common.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
