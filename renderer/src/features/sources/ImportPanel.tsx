import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  EventMap,
  ImportPreview,
  InputOf,
  OutputOf,
  PickedFile,
} from '../../../../main/core/api/contract';
import { CHANNELS } from '../../../../main/core/model/channels';
import {
  IMPORT_FORMATS,
  type ImportFileSummary,
  type ImportSummary,
} from '../../../../main/core/model/imports';
import { invoke, onEvent } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { channelName } from '../../shared/channel-name';
import { formatBytes, formatNumber } from '../../shared/format';
import { MappingPreview } from './MappingPreview';
import { useFileReasonText, useRowReasonText } from './row-reason-text';
import { uploadFile } from './upload';

const FORMATS = IMPORT_FORMATS;
type Format = (typeof FORMATS)[number];

/** The core's reason a file was refused, without the file name it puts first (shown already). */
function refusalReason(f: ImportFileSummary): string {
  const reason = f.reason ?? '';
  return reason.startsWith(`${f.file}: `) ? reason.slice(f.file.length + 2) : reason;
}

/** Errors of rows; a refused file's own reason (no row) is its line above, not a row. */
function rowErrors(r: ImportSummary): ImportSummary['errors'] {
  const refused = new Set(r.files.filter((f) => f.status === 'refused').map((f) => f.file));
  return r.errors.filter((e) => !(e.line === null && refused.has(e.file)));
}

/** Drop or pick export files, choose a format, watch progress, cancel, read the summary. */
export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const rowReason = useRowReasonText();
  const fileReason = useFileReasonText();
  const info = useApi('app.info', {});
  const importMutation = useApiMutation('sources.import', ['sources.batches', 'workspace.get']);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [format, setFormat] = useState<Format>('auto');
  const [channel, setChannel] = useState<string>('');
  const [map, setMap] = useState<Record<string, string>>({});
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [progress, setProgress] = useState<EventMap['import.progress'] | null>(null);
  const [results, setResults] = useState<OutputOf<'sources.import'>[]>([]);
  const [error, setError] = useState<Error | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  /** The preview of a refused file kept for its mapping, shown as soon as it is listed again. */
  const [remap, setRemap] = useState<{ token: string; preview: ImportPreview } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => onEvent('import.progress', setProgress), []);

  const addBrowserFiles = async (list: FileList | null): Promise<void> => {
    if (!list?.length) return;
    setError(null);
    try {
      for (const f of Array.from(list)) {
        setUploading(f.name);
        const picked = await uploadFile(f);
        setFiles((prev) => [...prev, picked]);
      }
    } catch (e) {
      setError(e as Error);
    } finally {
      setUploading(null);
    }
  };

  const choose = async (): Promise<void> => {
    if (info.data?.canPickFiles) {
      try {
        const r = await invoke('sources.choose', {});
        setFiles((prev) => [...prev, ...r.files]);
      } catch (e) {
        setError(e as Error);
      }
    } else inputRef.current?.click();
  };

  /** Lets go of a listed file the user will not import (an uploaded copy is deleted). */
  const discard = (token: string): void => {
    setFiles((prev) => prev.filter((f) => f.token !== token));
    void invoke('sources.discard', { fileToken: token }).catch(() => undefined);
  };

  const run = async (): Promise<void> => {
    setResults([]);
    setError(null);
    const queue = files;
    setFiles([]);
    setMap({});
    setRemap(null);
    const kept: PickedFile[] = [];
    for (const f of queue) {
      setCurrent(f.token);
      const input: InputOf<'sources.import'> = { fileToken: f.token, format };
      if (channel) input.channel = channel as InputOf<'sources.import'>['channel'];
      if (Object.keys(map).length) input.map = map as InputOf<'sources.import'>['map'];
      try {
        const r = await importMutation.mutateAsync(input);
        setResults((prev) => [...prev, r]);
        for (const k of r.files) if (k.kept) kept.push(k.kept);
      } catch (e) {
        setError(e as Error);
      }
    }
    setCurrent(null);
    setProgress(null);
    // A file refused for its columns is still here: straight to its mapping, no second drop.
    const first = kept[0];
    if (first) {
      try {
        const input: InputOf<'sources.preview'> = { fileToken: first.token };
        if (format !== 'auto') input.format = format;
        const preview = await invoke('sources.preview', input);
        setRemap({ token: first.token, preview });
        if (Object.keys(preview.suggested).length) setMap(preview.suggested);
      } catch (e) {
        setError(e as Error);
      }
      setFiles((prev) => [...kept, ...prev]);
    }
  };

  const busy = importMutation.isPending || uploading !== null;
  const pct =
    progress && progress.totalBytes > 0
      ? Math.round((100 * progress.bytesRead) / progress.totalBytes)
      : null;
  const n = (x: number): string => formatNumber(x, i18n.language);

  return (
    <section className="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('sources.importTitle')}</h2>
      <p className="muted">{t('sources.importHelp')}</p>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void addBrowserFiles(e.dataTransfer.files);
        }}
      >
        <p>{uploading ? t('sources.uploading', { name: uploading }) : t('sources.drop')}</p>
        <button type="button" onClick={() => void choose()} disabled={busy}>
          {t('sources.choose')}
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => void addBrowserFiles(e.target.files)}
        />
      </div>
      {files.length > 0 && (
        <ul className="file-list" aria-label={t('sources.ready')}>
          {files.map((f) => (
            <li key={f.token}>
              <strong>{f.name}</strong>{' '}
              <span className="muted">{formatBytes(f.size, i18n.language)}</span>{' '}
              <button
                type="button"
                className="link"
                disabled={busy}
                aria-label={t('sources.discardFile', { name: f.name })}
                onClick={() => discard(f.token)}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {files[0] && (
        <MappingPreview
          key={files[0].token}
          file={files[0]}
          format={format}
          map={map}
          onMap={setMap}
          channel={channel}
          opened={remap?.token === files[0].token ? remap.preview : undefined}
        />
      )}
      <div className="row">
        <label className="inline-field">
          <span>{t('sources.format')}</span>
          <select
            data-testid="format"
            value={format}
            onChange={(e) => setFormat(e.target.value as Format)}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'auto' ? t('sources.formatAuto') : f}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('sources.channel')}</span>
          <select
            value={channel}
            data-testid="channel"
            onChange={(e) => setChannel(e.target.value)}
          >
            <option value="">{t('sources.channelAuto')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelName(t, c)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          data-testid="import"
          disabled={!files.length || busy}
          onClick={() => void run()}
        >
          {t('sources.import')}
        </button>
        {importMutation.isPending && current && (
          <button
            type="button"
            onClick={() => void invoke('sources.cancel', { fileToken: current })}
          >
            {t('sources.cancel')}
          </button>
        )}
      </div>
      {importMutation.isPending && progress && (
        <div role="status" aria-live="polite" className="progress-block">
          <progress max={100} value={pct ?? undefined} aria-label={t('sources.progress')} />
          <span>
            {t('sources.progressText', {
              file: progress.file,
              rows: n(progress.rows),
              rate: n(progress.rowsPerSec),
            })}
            {progress.etaSeconds !== null
              ? ` · ${t('sources.eta', { s: progress.etaSeconds })}`
              : ''}
          </span>
        </div>
      )}
      {error && <ErrorNotice error={error} />}
      {results.map((r, i) => (
        <div key={i} className="notice" role="status" data-testid="import-result">
          {r.files.map((f) => (
            <p key={f.file} className={f.status === 'refused' ? 'error-text' : undefined}>
              {f.status === 'refused'
                ? t('sources.refused', {
                    file: f.file,
                    reason: fileReason({ ...f, reason: refusalReason(f) }),
                  })
                : t('sources.summary', {
                    count: f.imported,
                    file: f.file,
                    format: f.format,
                    imported: n(f.imported),
                    duplicates: n(f.duplicates),
                    rejected: n(f.rejected),
                  })}
              {f.status === 'cancelled' ? ` ${t('sources.cancelled')}` : ''}
            </p>
          ))}
          {r.files.some((f) => f.kept) && (
            <p data-testid="refused-hint">{t('sources.refusedHint')}</p>
          )}
          {rowErrors(r).length > 0 && (
            <details>
              <summary>{t('sources.errors', { count: rowErrors(r).length })}</summary>
              <ul className="error-list">
                {rowErrors(r)
                  .slice(0, 50)
                  .map((e, j) => (
                    <li key={j}>
                      <span className="mono">
                        {e.file}
                        {e.line ? `:${e.line}` : ''}
                      </span>{' '}
                      {rowReason(e)}
                    </li>
                  ))}
              </ul>
            </details>
          )}
        </div>
      ))}
    </section>
  );
}
