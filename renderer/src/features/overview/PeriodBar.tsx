import { useTranslation } from 'react-i18next';
import type { DashboardOverview } from '../../../../main/core/model/dashboard';
import { DateField } from '../../shared/DateField';

export interface PeriodChoice {
  custom: boolean;
  days: number;
  from: string;
  to: string;
  compare: 'previous' | 'year' | 'custom';
  compareFrom: string;
  compareTo: string;
}

const PRESETS = [7, 30, 90, 365, 730];

/** Which days to look at and what to compare them with (previous period, a year before, chosen). */
export function PeriodBar({
  choice,
  onChange,
  dash,
}: {
  choice: PeriodChoice;
  onChange: (c: PeriodChoice) => void;
  dash: DashboardOverview | undefined;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<PeriodChoice>): void => onChange({ ...choice, ...patch });
  return (
    <div className="row period-bar" role="group" aria-label={t('overview.periodControls')}>
      <label className="inline-field">
        {t('overview.periodLabel')}
        <select
          data-testid="period"
          value={choice.custom ? 'custom' : String(choice.days)}
          onChange={(e) => {
            const v = e.target.value;
            if (v === 'custom') set({ custom: true, from: dash?.from ?? '', to: dash?.to ?? '' });
            else set({ custom: false, days: Number(v) });
          }}
        >
          {PRESETS.map((d) => (
            <option key={d} value={d}>
              {t('overview.lastDays', { n: d })}
            </option>
          ))}
          <option value="custom">{t('overview.customRange')}</option>
        </select>
      </label>
      {choice.custom && (
        <>
          <DateField
            label={t('overview.from')}
            value={choice.from}
            max={choice.to}
            onChange={(v) => set({ from: v ?? '' })}
          />
          <DateField
            label={t('overview.to')}
            value={choice.to}
            min={choice.from}
            onChange={(v) => set({ to: v ?? '' })}
          />
        </>
      )}
      <label className="inline-field">
        {t('overview.compareWith')}
        <select
          data-testid="compare"
          value={choice.compare}
          onChange={(e) => {
            const v = e.target.value as PeriodChoice['compare'];
            set(
              v === 'custom'
                ? {
                    compare: v,
                    compareFrom: dash?.compareFrom ?? '',
                    compareTo: dash?.compareTo ?? '',
                  }
                : { compare: v },
            );
          }}
        >
          <option value="previous">{t('overview.comparePrevious')}</option>
          <option value="year">{t('overview.compareYear')}</option>
          <option value="custom">{t('overview.compareCustom')}</option>
        </select>
      </label>
      {choice.compare === 'custom' && (
        <>
          <DateField
            label={t('overview.from')}
            testId="compare-from"
            value={choice.compareFrom}
            max={choice.compareTo}
            onChange={(v) => set({ compareFrom: v ?? '' })}
          />
          <DateField
            label={t('overview.to')}
            testId="compare-to"
            value={choice.compareTo}
            min={choice.compareFrom}
            onChange={(v) => set({ compareTo: v ?? '' })}
          />
        </>
      )}
    </div>
  );
}
