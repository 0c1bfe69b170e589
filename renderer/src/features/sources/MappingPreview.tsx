import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ChannelHint, ImportPreview, PickedFile } from '../../../../main/core/api/contract';
import { invoke } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { channelName } from '../../shared/channel-name';
import { useFileReasonText, useRowReasonText } from './row-reason-text';

const FIELDS = [
  'text',
  'date',
  'author',
  'id',
  'title',
  'url',
  'channel',
  'rating',
  'reply_to',
  'lang',
] as const;

/** Which channel rows without a channel column get, and what in the file says so. */
function channelHintText(hint: ChannelHint | null, chosen: string, t: TFunction): string {
  if (chosen) return t('sources.channelHint.chosen', { channel: channelName(t, chosen) });
  if (!hint) return t('sources.channelHint.none');
  const channel = channelName(t, hint.channel);
  return hint.from === 'urls'
    ? t('sources.channelHint.urls', { ...hint, channel })
    : t('sources.channelHint.columns', { channel, columns: hint.columns.join(', ') });
}

/**
 * Shows the first rows of a file as they would be imported and lets the user map columns to
 * fields (suggested from Spanish and English column names), or pick a saved preset.
 */
export function MappingPreview({
  file,
  format,
  map,
  onMap,
  channel,
  opened,
}: {
  file: PickedFile;
  /** The preview already read for a file refused for its columns: shown at once, focus on the text column. */
  opened?: ImportPreview;
  format: string;
  /** The channel picked below the preview ('' = from the file). */
  channel: string;
  map: Record<string, string>;
  onMap: (m: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const rowReason = useRowReasonText();
  const fileReason = useFileReasonText();
  const [preview, setPreview] = useState<ImportPreview | null>(opened ?? null);
  const [error, setError] = useState<Error | null>(null);
  const [presetName, setPresetName] = useState('');
  const presets = useApi('sources.presets', {});
  const save = useApiMutation('sources.savePreset', ['sources.presets']);
  const textColumn = useRef<HTMLSelectElement>(null);

  const load = async (m: Record<string, string>): Promise<void> => {
    try {
      const input: Parameters<typeof invoke<'sources.preview'>>[1] = { fileToken: file.token };
      if (format !== 'auto') input.format = format as never;
      if (Object.keys(m).length) input.map = m as never;
      const p = await invoke('sources.preview', input);
      setError(null);
      setPreview(p);
      if (!Object.keys(m).length && Object.keys(p.suggested).length) onMap(p.suggested);
    } catch (e) {
      setError(e as Error);
    }
  };
  const focusText = useRef(Boolean(opened));
  useEffect(() => {
    if (preview && focusText.current && textColumn.current) {
      focusText.current = false;
      textColumn.current.focus();
    }
  }, [preview]);
  const setField = (field: string, column: string): void => {
    const next = { ...map };
    if (column) next[field] = column;
    else delete next[field];
    onMap(next);
    void load(next);
  };

  return (
    <div className="mapping" data-testid="mapping">
      <div className="row">
        <button type="button" onClick={() => void load(map)} data-testid="preview">
          {t('sources.preview', { name: file.name })}
        </button>
        {(presets.data?.items.length ?? 0) > 0 && (
          <select
            aria-label={t('sources.presets')}
            value=""
            onChange={(e) => {
              const p = presets.data?.items.find((x) => x.name === e.target.value);
              if (p) {
                onMap(p.map);
                void load(p.map);
              }
            }}
          >
            <option value="">{t('sources.presets')}</option>
            {presets.data?.items.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </div>
      {error && <ErrorNotice error={error} />}
      {preview && (
        <>
          <p className="muted">{t('sources.detected', { format: preview.format ?? '?' })}</p>
          {!preview.error && !map['channel'] && (
            <p className="muted" data-testid="channel-hint">
              {channelHintText(preview.channel, channel, t)}
            </p>
          )}
          {preview.error && (
            <p className="notice notice-error" data-testid="preview-error">
              {fileReason({
                key: preview.errorKey,
                params: preview.errorParams,
                reason: preview.error,
              })}
            </p>
          )}
          {preview.columns.length > 0 && (
            <div className="map-grid">
              {FIELDS.map((f) => (
                <label key={f} className="inline-field">
                  <span>{t(`sources.fields.${f}`)}</span>
                  <select
                    value={map[f] ?? ''}
                    onChange={(e) => setField(f, e.target.value)}
                    data-testid={`map-${f}`}
                    ref={f === 'text' ? textColumn : undefined}
                  >
                    <option value="">—</option>
                    {preview.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <span className="row">
                <input
                  placeholder={t('sources.presetName')}
                  value={presetName}
                  onChange={(e) => setPresetName(e.target.value)}
                  aria-label={t('sources.presetName')}
                />
                <button
                  type="button"
                  disabled={!presetName.trim() || !map['text']}
                  onClick={() => save.mutate({ name: presetName, map: map as never })}
                >
                  {t('sources.savePreset')}
                </button>
              </span>
            </div>
          )}
          <table className="table" data-testid="preview-rows">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('sources.fields.date')}</th>
                <th scope="col">{t('sources.fields.author')}</th>
                <th scope="col">{t('sources.fields.text')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r, i) => (
                <tr key={i} className={r.ok ? undefined : 'error-text'}>
                  <td>{r.line ?? ''}</td>
                  <td>{r.ok ? r.date?.replace('T', ' ').slice(0, 16) : ''}</td>
                  <td>{r.ok ? (r.author ?? '—') : ''}</td>
                  <td>{r.ok ? r.text : rowReason(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
