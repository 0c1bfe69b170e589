import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import reportCss from '../../../../main/core/reports/report.css?url';
import { invoke } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatBytes, formatDateTime } from '../../shared/format';
import { base64ToBytes, saveFile } from './download';
import { formatDays } from './period';

/**
 * The app's policy allows no inline styles, so the preview links the report's stylesheet
 * (the same file the report inlines) instead of its <style> block. Reports have no scripts.
 */
function previewDocument(html: string): string {
  return html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
    .replace(/<style>[\s\S]*?<\/style>/, `<link rel="stylesheet" href="${reportCss}">`);
}

/** Reports generated before: open, download as HTML or PDF, delete. */
export function StoredReports({ highlight = null }: { highlight?: number | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const list = useApi('reports.list', {});
  const remove = useApiMutation('reports.remove', ['reports.list']);
  const [preview, setPreview] = useState<{ id: number; html: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const run = async (key: string, f: () => Promise<void>): Promise<void> => {
    setBusy(key);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };
  const html = (id: number) =>
    run(`html-${id}`, async () => {
      const r = await invoke('reports.open', { id });
      saveFile(r.html, 'text/html', r.filename);
    });
  const pdf = (id: number) =>
    run(`pdf-${id}`, async () => {
      const r = await invoke('reports.pdf', { id });
      saveFile(base64ToBytes(r.base64), 'application/pdf', r.filename);
    });
  const open = (id: number) =>
    run(`open-${id}`, async () => {
      if (preview?.id === id) return setPreview(null);
      setPreview({ id, html: previewDocument((await invoke('reports.open', { id })).html) });
    });

  const items = list.data?.items ?? [];
  return (
    <div className="card" data-testid="stored-reports">
      <h2>{t('reports.storedTitle')}</h2>
      {list.error && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <p className="empty-state">{t('reports.storedNone')}</p>}
      {items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('reports.created')}</th>
              <th>{t('reports.covers')}</th>
              <th>{t('reports.options')}</th>
              <th className="num">{t('reports.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr
                key={r.id}
                data-testid="stored-report"
                className={r.id === highlight ? 'row-new' : undefined}
                ref={
                  r.id === highlight ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined
                }
              >
                <td>{formatDateTime(r.createdAt, lang)}</td>
                <td>
                  {r.period ? (
                    <>
                      <span className="chip">{t('reports.kindPeriod')}</span>{' '}
                      {formatDays({ from: r.period.fromDay, to: r.period.toDay }, lang)}
                    </>
                  ) : (
                    <>
                      <span className="chip">{t('reports.kindEpisode')}</span>{' '}
                      {formatDateTime(r.from, lang)} → {formatDateTime(r.to, lang)}
                    </>
                  )}
                </td>
                <td>
                  {r.lang.toUpperCase()}
                  {r.options.anonymize ? ` · ${t('reports.anonymised')}` : ''}
                  {r.options.consultant ? ` · ${r.options.consultant}` : ''}
                </td>
                <td className="num">{formatBytes(r.bytes, lang)}</td>
                <td className="row">
                  <button type="button" onClick={() => void open(r.id)} disabled={busy !== null}>
                    {preview?.id === r.id ? t('reports.closePreview') : t('reports.preview')}
                  </button>
                  <button type="button" onClick={() => void html(r.id)} disabled={busy !== null}>
                    {t('reports.html')}
                  </button>
                  <button
                    type="button"
                    onClick={() => void pdf(r.id)}
                    disabled={busy !== null || !list.data?.pdfAvailable}
                    title={list.data?.pdfAvailable ? undefined : t('reports.pdfUnavailable')}
                  >
                    {busy === `pdf-${r.id}` ? t('common.loading') : t('reports.pdf')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      if (preview?.id === r.id) setPreview(null);
                      remove.mutate({ id: r.id });
                    }}
                  >
                    {t('reports.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && !list.data.pdfAvailable && items.length > 0 && (
        <p className="muted" data-testid="pdf-unavailable">
          {t('reports.pdfUnavailable')}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {preview && (
        <iframe
          className="report-preview"
          title={t('reports.previewLabel')}
          sandbox="allow-same-origin"
          srcDoc={preview.html}
          data-testid="report-preview"
        />
      )}
    </div>
  );
}
