import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatNumber } from '../../shared/format';
import { saveFile } from './download';

const WHAT = ['mentions', 'authors', 'kpis'] as const;
const FORMATS = ['csv', 'json'] as const;

/** Mentions, authors and daily KPIs as CSV or JSON, so a client keeps its data. */
export function DataExport() {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const run = async (what: (typeof WHAT)[number], format: (typeof FORMATS)[number]) => {
    setBusy(`${what}.${format}`);
    setError(null);
    try {
      const r = await invoke('data.export', { what, format });
      saveFile(r.content, r.mime, r.filename);
      setDone(t('reports.exported', { n: formatNumber(r.rows, i18n.language), file: r.filename }));
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="card" data-testid="data-export">
      <h2>{t('reports.exportTitle')}</h2>
      <p className="muted">{t('reports.exportHelp')}</p>
      {WHAT.map((what) => (
        <div key={what} className="row">
          <span className="grow">{t(`reports.exportWhat.${what}`)}</span>
          {FORMATS.map((f) => (
            <button
              key={f}
              type="button"
              disabled={busy !== null}
              onClick={() => void run(what, f)}
              data-testid={`export-${what}-${f}`}
            >
              {busy === `${what}.${f}` ? t('common.loading') : f.toUpperCase()}
            </button>
          ))}
        </div>
      ))}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
