import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../main/core/api/contract';
import { invoke } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime } from '../../shared/format';

type TimelineEvent = OutputOf<'events.add'>;

/** `datetime-local` value in the user's zone for an instant. */
function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * User-added timeline events of one episode ("refund announced"): add, list, remove with undo.
 * Kept in its own file so the Crises page can mount it too.
 */
export function EpisodeEvents({ from, to, onset }: { from: number; to: number; onset: number }) {
  const { t, i18n } = useTranslation();
  const events = useApi('events.list', { from, to });
  const add = useApiMutation('events.add', ['events.list', 'reports.list']);
  const remove = useApiMutation('events.remove', ['events.list']);
  const [when, setWhen] = useState(() => toLocalInput(onset));
  const [label, setLabel] = useState('');
  const [action, setAction] = useState(false);
  const [note, setNote] = useState('');
  const [removed, setRemoved] = useState<TimelineEvent | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setError(null);
    try {
      await add.mutateAsync({
        at: new Date(when).getTime(),
        label,
        action,
        ...(note.trim() ? { note } : {}),
      });
      setLabel('');
      setNote('');
      setAction(false);
    } catch (err) {
      setError(err as Error);
    }
  };
  const undo = async (): Promise<void> => {
    if (!removed) return;
    await invoke('events.restore', { id: removed.id });
    setRemoved(null);
    await events.refetch();
  };

  return (
    <div className="card" data-testid="episode-events">
      <h3>{t('reports.eventsTitle')}</h3>
      <p className="muted">{t('reports.eventsHelp')}</p>
      {events.error && <ErrorNotice error={events.error} onRetry={() => void events.refetch()} />}
      {events.data?.items.length === 0 && <p className="empty-state">{t('reports.eventsNone')}</p>}
      <ul className="queue">
        {events.data?.items.map((e) => (
          <li key={e.id} className="row" data-testid="event">
            <span className="mono">{formatDateTime(e.at, i18n.language)}</span>
            <span className="grow">
              {e.label} {e.action && <span className="chip chip-ok">{t('reports.actionTag')}</span>}
              {e.note && <span className="muted"> · {e.note}</span>}
            </span>
            <button
              type="button"
              aria-label={`${t('common.remove')}: ${e.label}`}
              onClick={() =>
                void remove.mutateAsync({ id: e.id }).then((r) => setRemoved(r.removed))
              }
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ul>
      {removed && (
        <p className="notice row" role="status">
          {t('reports.eventRemoved', { label: removed.label })}
          <button type="button" className="link" onClick={() => void undo()}>
            {t('reports.undo')}
          </button>
        </p>
      )}
      <form className="row" onSubmit={(e) => void submit(e)} data-testid="event-form">
        <label className="field">
          <span>{t('reports.eventWhen')}</span>
          <input
            type="datetime-local"
            required
            value={when}
            onChange={(e) => setWhen(e.target.value)}
          />
        </label>
        <label className="field grow">
          <span>{t('reports.eventLabel')}</span>
          <input
            required
            maxLength={200}
            value={label}
            placeholder={t('reports.eventLabelPlaceholder')}
            onChange={(e) => setLabel(e.target.value)}
          />
        </label>
        <label className="field grow">
          <span>{t('reports.note')}</span>
          <input maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <label className="chip-check">
          <input type="checkbox" checked={action} onChange={(e) => setAction(e.target.checked)} />
          {t('reports.eventAction')}
        </label>
        <button type="submit" className="primary" disabled={add.isPending || !label.trim()}>
          {t('reports.eventAdd')}
        </button>
      </form>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

const HOUR = 3_600_000;

/** The period a report on this episode covers (as the report model does): a day before, two after. */
export function episodeRange(e: { start: string; end: string | null }): {
  from: number;
  to: number;
} {
  const start = Date.parse(e.start);
  const end = e.end ? Date.parse(e.end) : start + 30 * 24 * HOUR;
  return { from: start - 24 * HOUR, to: end + 48 * HOUR };
}

/** Folded events panel for an episode card (Crises page). */
export function EpisodeEventsFor({ episode }: { episode: { start: string; end: string | null } }) {
  const { t } = useTranslation();
  return (
    <details className="episode-events">
      <summary>{t('reports.eventsTitle')}</summary>
      <EpisodeEvents onset={Date.parse(episode.start)} {...episodeRange(episode)} />
    </details>
  );
}
