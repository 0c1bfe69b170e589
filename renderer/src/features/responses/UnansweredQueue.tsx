import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, OutputOf } from '../../../../main/core/api/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { authorLabel } from '../../shared/author-label';
import { channelName } from '../../shared/channel-name';
import { formatDateTime } from '../../shared/format';

type Handling = InputOf<'responses.mark'>['handling'];
const HANDLINGS: Handling[] = ['phone', 'dm', 'email', 'dismissed'];
const REFRESH = ['responses.queue', 'responses.kpis', 'dashboard.today'] as const;
/** The most urgent ones first; the rest one click away, so the page stays short. */
const FIRST = 10;

interface Done {
  id: number;
  handling: Handling;
  previous: OutputOf<'responses.mark'>['previous'];
}

/**
 * Complaints with no brand reply, most urgent first. Each can be marked as dealt with
 * elsewhere (phone, DM, email) or dismissed, with a note; the last mark can be undone.
 */
export function UnansweredQueue() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queue = useApi('responses.queue', { days: 30 });
  const mark = useApiMutation('responses.mark', [...REFRESH]);
  const unmark = useApiMutation('responses.unmark', [...REFRESH]);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const [done, setDone] = useState<Done | null>(null);
  const [showAll, setShowAll] = useState(false);
  const all = queue.data?.items ?? [];
  const shown = showAll ? all : all.slice(0, FIRST);

  const apply = (id: number, handling: Handling) => {
    const note = notes[id]?.trim();
    mark.mutate(
      { id, handling, ...(note ? { note } : {}) },
      { onSuccess: (r) => setDone({ id, handling, previous: r.previous }) },
    );
  };
  const undo = () => {
    if (!done) return;
    const back = done.previous;
    if (back)
      mark.mutate({
        id: done.id,
        handling: back.handling,
        ...(back.note ? { note: back.note } : {}),
      });
    else unmark.mutate({ id: done.id });
    setDone(null);
  };

  return (
    <div className="card">
      <h2>{t('responses.queue')}</h2>
      <p className="muted">{t('responses.queueHelp')}</p>
      {queue.error && <ErrorNotice error={queue.error} onRetry={() => void queue.refetch()} />}
      {(mark.error ?? unmark.error) && (
        <ErrorNotice error={(mark.error ?? unmark.error) as Error} />
      )}
      {done && (
        <div role="status" className="notice" data-testid="mark-status">
          {t('responses.markedAs', { how: t(`responses.handling.${done.handling}`) })}{' '}
          <button type="button" onClick={undo} data-testid="mark-undo">
            {t('responses.undo')}
          </button>
        </div>
      )}
      {queue.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : all.length === 0 ? (
        <p className="empty-state">{t('responses.queueEmpty')}</p>
      ) : (
        <>
          <p data-testid="queue-count">
            {t(all.length >= 200 ? 'responses.waitingMany' : 'responses.waiting', {
              n: all.length,
              count: all.length,
            })}
          </p>
          <ul className="queue" data-testid="queue">
            {shown.map((m) => (
              <li key={m.id} data-testid="queue-item">
                <strong>{authorLabel(t, m)}</strong>{' '}
                <span className="muted">
                  · {channelName(t, m.channel)} · {formatDateTime(m.postedAt, lang)}
                </span>
                {m.topic && <span className="chip chip-failing">{t(`topics.${m.topic}`)}</span>}
                {m.insult && (
                  <span className="chip chip-failing">{t('responses.kinds.insult')}</span>
                )}
                {/* a news item or review is read by its headline first, as in Mentions */}
                <div>
                  {m.title ? `${m.title} — ` : ''}
                  {m.text}
                </div>
                <div className="actions" role="group" aria-label={t('responses.markGroup')}>
                  <input
                    type="text"
                    maxLength={1000}
                    className="note-input"
                    placeholder={t('responses.notePlaceholder')}
                    aria-label={t('responses.note')}
                    value={notes[m.id] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [m.id]: e.target.value })}
                  />
                  {HANDLINGS.map((h) => (
                    <button
                      key={h}
                      type="button"
                      disabled={mark.isPending}
                      onClick={() => apply(m.id, h)}
                      data-testid={`mark-${h}`}
                    >
                      {t(`responses.handling.${h}`)}
                    </button>
                  ))}
                </div>
              </li>
            ))}
          </ul>
          {all.length > FIRST && (
            <button type="button" onClick={() => setShowAll(!showAll)} data-testid="queue-more">
              {showAll ? t('responses.showFewer') : t('responses.showAll', { n: all.length })}
            </button>
          )}
        </>
      )}
    </div>
  );
}
