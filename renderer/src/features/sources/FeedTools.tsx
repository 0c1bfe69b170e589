import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';

/** Feed addresses suggested from the brand keywords, and OPML import/export. */
export function FeedTools() {
  const { t } = useTranslation();
  const [show, setShow] = useState(false);
  const suggest = useApi('feeds.suggest', {}, { enabled: show });
  const add = useApiMutation('feeds.add', ['feeds.list', 'workspace.get']);
  const importOpml = useApiMutation('feeds.importOpml', ['feeds.list', 'workspace.get']);
  const [error, setError] = useState<Error | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const exportOpml = async (): Promise<void> => {
    try {
      const r = await invoke('feeds.exportOpml', {});
      const url = URL.createObjectURL(new Blob([r.xml], { type: 'text/x-opml' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = 'atalaya-feeds.opml';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div className="feed-tools">
      <div className="row">
        <button type="button" onClick={() => setShow(!show)}>
          {t('sources.suggestions')}
        </button>
        <button type="button" onClick={() => input.current?.click()}>
          {t('sources.importOpml')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".opml,.xml"
          hidden
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) importOpml.mutate({ xml: await f.text() });
          }}
        />
        <button type="button" onClick={() => void exportOpml()}>
          {t('sources.exportOpml')}
        </button>
        {importOpml.data && (
          <span role="status" className="muted">
            {t('sources.opmlResult', { ...importOpml.data })}
          </span>
        )}
      </div>
      {(error ?? importOpml.error ?? add.error) && (
        <ErrorNotice error={(error ?? importOpml.error ?? add.error) as Error} />
      )}
      {show && suggest.data && (
        <ul className="queue">
          {suggest.data.items.map((s, i) => (
            <li key={i} className="row">
              <strong>{s.source}</strong> <span className="mono grow">{s.url}</span>
              {s.note ? (
                <span className="muted">{s.note}</span>
              ) : (
                <button
                  type="button"
                  onClick={() => add.mutate({ url: s.url, keywordFilter: false })}
                >
                  {t('sources.addFeed')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
