import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventMap } from '../../../../main/core/api/contract';
import { invoke, onEvent } from '../../api/client';
import { useApi } from '../../api/hooks';
import { DateField } from '../../shared/DateField';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatNumber } from '../../shared/format';
import {
  daysIn,
  formatDays,
  formatMonth,
  monthOf,
  periodProblem,
  presetRange,
  PRESETS,
  todayIn,
  type DayRange,
  type PresetId,
} from './period';

export interface ReportOptions {
  lang: 'es' | 'en';
  anonymize: boolean;
  consultant: string;
}

/**
 * A report for days the user chooses (a consultant's monthly client report): a preset or
 * two dates, what those days hold before anything is made, and the steps while it is made.
 * The report itself comes from the core code `report --from --to` uses.
 */
export function PeriodReport({
  options,
  onStored,
}: {
  options: ReportOptions;
  onStored: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const qc = useQueryClient();
  const ws = useApi('workspace.get', {});
  const tz = ws.data?.timezone;
  const [preset, setPreset] = useState<PresetId>('lastMonth');
  const [custom, setCustom] = useState<Partial<DayRange>>({});
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<EventMap['reports.progress'] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  // a preset's days follow "today" in the workspace's zone; chosen dates are the user's
  const range: Partial<DayRange> =
    preset === 'custom' ? custom : tz ? presetRange(preset, todayIn(tz)) : {};
  // subscribed from the start: the first stage is told as soon as the call arrives
  useEffect(() => onEvent('reports.progress', setProgress), []);

  const problem = periodProblem(range.from, range.to);
  const period = problem ? null : (range as DayRange);
  const summary = useApi('reports.periodSummary', period ?? { from: '', to: '' }, {
    enabled: period !== null,
  });
  const s = period ? summary.data : undefined;
  const empty = s !== undefined && s.mentions === 0;

  const choose = (r: Partial<DayRange>): void => {
    setPreset('custom');
    setCustom(r);
    setDone(null);
  };
  const generate = async (): Promise<void> => {
    if (!period) return;
    setBusy(true);
    setProgress(null);
    setDone(null);
    setError(null);
    try {
      const r = await invoke('reports.generatePeriod', {
        ...period,
        lang: options.lang,
        anonymize: options.anonymize,
        ...(options.consultant.trim() ? { consultant: options.consultant.trim() } : {}),
      });
      await qc.invalidateQueries({ queryKey: ['reports.list'] });
      setDone(t('reports.period.done', { range: formatDays(period, lang) }));
      onStored(r.id);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const fmt = (n: number): string => formatNumber(n, lang);
  const lastMonth = s?.data ? monthOf(s.data.last) : null;
  return (
    <div className="card" data-testid="period-report">
      <h2>{t('reports.period.title')}</h2>
      <p className="muted">{t('reports.period.help', { tz: tz ?? '…' })}</p>
      <div className="row" role="group" aria-label={t('reports.period.title')}>
        <label className="inline-field">
          {t('reports.period.preset')}
          <select
            data-testid="period-preset"
            value={preset}
            onChange={(e) => {
              const next = e.target.value as PresetId;
              if (next === 'custom') setCustom(range);
              setPreset(next);
              setDone(null);
            }}
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`reports.period.presets.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <DateField
          label={t('reports.period.from')}
          value={range.from}
          max={range.to}
          testId="period-from"
          onChange={(from) => choose({ ...range, from })}
        />
        <DateField
          label={t('reports.period.to')}
          value={range.to}
          min={range.from}
          testId="period-to"
          onChange={(to) => choose({ ...range, to })}
        />
        <button
          type="button"
          className="primary"
          data-testid="period-generate"
          disabled={busy || !period || empty || !s}
          onClick={() => void generate()}
        >
          {busy ? t('reports.period.generating') : t('reports.period.generate')}
        </button>
      </div>
      <div aria-live="polite" data-testid="period-state">
        {problem && tz && (
          <p className="notice notice-error" data-testid="period-problem">
            {t(problem)}
          </p>
        )}
        {period && s && !empty && (
          <p className="muted">
            {t('reports.period.chosen', {
              range: formatDays(period, lang),
              count: daysIn(period),
              n: fmt(daysIn(period)),
            })}{' '}
            ·{' '}
            {t('reports.period.count', {
              count: s.mentions,
              mentions: fmt(s.mentions),
              customer: fmt(s.customer),
            })}
          </p>
        )}
        {period && s?.data && !empty && (s.data.first > period.from || s.data.last < period.to) && (
          <p className="muted" data-testid="period-partial">
            {t('reports.period.partial', {
              data: formatDays({ from: s.data.first, to: s.data.last }, lang),
            })}
          </p>
        )}
        {period && empty && (
          <div className="empty-state" data-testid="period-empty">
            <p>
              {s.data
                ? t('reports.period.empty', {
                    range: formatDays(period, lang),
                    data: formatDays({ from: s.data.first, to: s.data.last }, lang),
                  })
                : t('reports.period.emptyNoData')}
            </p>
            {lastMonth && (
              <button type="button" onClick={() => choose(lastMonth)}>
                {t('reports.period.useMonth', { month: formatMonth(lastMonth.from, lang) })}
              </button>
            )}
          </div>
        )}
      </div>
      {busy && (
        <div role="status" className="row" data-testid="period-progress">
          <progress
            max={progress?.total ?? 1}
            value={progress?.done ?? 0}
            aria-label={t('reports.period.progressLabel')}
          />
          <span>
            {progress
              ? t('reports.period.step', {
                  n: progress.done + 1,
                  total: progress.total,
                  stage: t(`reports.period.stage.${progress.stage}`),
                })
              : t('common.loading')}
          </span>
        </div>
      )}
      {done && (
        <p className="notice" role="status" data-testid="period-done">
          {done}
        </p>
      )}
      {summary.error && period && <ErrorNotice error={summary.error} />}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}
