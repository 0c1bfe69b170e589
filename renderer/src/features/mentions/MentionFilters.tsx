import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../main/core/model/channels';
import { AUTHOR_LABELS, TOPICS } from '../../../../main/core/model/labels';
import { DateField } from '../../shared/DateField';
import { channelName } from '../../shared/channel-name';
import type { MentionLink } from './mention-link';

const LANGS = ['es', 'en', 'und'] as const;

function FilterSelect({
  id,
  label,
  any,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  any: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange: (v: string | undefined) => void;
}) {
  return (
    <select
      aria-label={label}
      data-testid={`filter-${id}`}
      value={value}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      <option value="">{any}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

function FilterCheck({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (on: true | undefined) => void;
}) {
  return (
    <label className="chip-check">
      <input
        type="checkbox"
        data-testid={`filter-${id}`}
        checked={checked}
        onChange={(e) => onChange(e.target.checked || undefined)}
      />
      {label}
    </label>
  );
}

/** Every Mentions filter; they combine with each other and with the search words. */
export function MentionFilters({
  filters,
  onChange,
}: {
  filters: MentionLink;
  onChange: (f: MentionLink) => void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof MentionLink>(k: K, v: MentionLink[K] | undefined): void => {
    const next = { ...filters };
    if (v === undefined) delete next[k];
    else next[k] = v;
    onChange(next);
  };
  const active = Object.keys(filters).filter((k) => k !== 'q').length;
  return (
    <div className="row filters" data-testid="mention-filters">
      <FilterSelect
        id="channel"
        label={t('sources.channel')}
        any={t('mentions.allChannels')}
        value={filters.channels?.[0] ?? ''}
        options={CHANNELS.map((c) => ({ value: c, label: channelName(t, c) }))}
        onChange={(v) => set('channels', v ? [v as Channel] : undefined)}
      />
      <FilterSelect
        id="sentiment"
        label={t('mentions.sentiment')}
        any={t('mentions.anySentiment')}
        value={filters.sentiment === undefined ? '' : String(filters.sentiment)}
        options={[
          { value: '-1', label: t('mentions.negative') },
          { value: '0', label: t('mentions.neutral') },
          { value: '1', label: t('mentions.positive') },
        ]}
        onChange={(v) => set('sentiment', v === undefined ? v : (Number(v) as -1 | 0 | 1))}
      />
      <FilterSelect
        id="topic"
        label={t('mentions.topic')}
        any={t('mentions.anyTopic')}
        value={filters.topic ?? ''}
        options={TOPICS.map((x) => ({ value: x, label: t(`topics.${x}`) }))}
        onChange={(v) => set('topic', v)}
      />
      <FilterSelect
        id="lang"
        label={t('mentions.language')}
        any={t('mentions.anyLanguage')}
        value={filters.lang ?? ''}
        options={LANGS.map((x) => ({ value: x, label: t(`mentions.lang.${x}`) }))}
        onChange={(v) => set('lang', v)}
      />
      <FilterSelect
        id="label"
        label={t('mentions.authorLabel')}
        any={t('mentions.anyAuthor')}
        value={filters.authorLabel ?? ''}
        options={AUTHOR_LABELS.map((x) => ({ value: x, label: t(`people.labels.${x}`) }))}
        onChange={(v) =>
          set(
            'authorLabel',
            AUTHOR_LABELS.find((l) => l === v),
          )
        }
      />
      <DateField
        label={t('overview.from')}
        testId="filter-from"
        value={filters.fromDay}
        max={filters.toDay}
        onChange={(v) => set('fromDay', v)}
      />
      <DateField
        label={t('overview.to')}
        testId="filter-to"
        value={filters.toDay}
        min={filters.fromDay}
        onChange={(v) => set('toDay', v)}
      />
      <FilterCheck
        id="complaint"
        label={t('mentions.complaintsOnly')}
        checked={filters.complaint === true}
        onChange={(v) => set('complaint', v)}
      />
      <FilterCheck
        id="unanswered"
        label={t('mentions.unansweredOnly')}
        checked={filters.unanswered === true}
        onChange={(v) => set('unanswered', v)}
      />
      {filters.stars !== undefined && (
        <span className="chip">
          {t('mentions.starsFilter', { n: filters.stars })}{' '}
          <button
            type="button"
            className="link"
            aria-label={t('mentions.removeStars')}
            onClick={() => set('stars', undefined)}
          >
            ×
          </button>
        </span>
      )}
      {active > 0 && (
        <button
          type="button"
          className="link"
          data-testid="filters-clear"
          onClick={() => onChange(filters.q ? { q: filters.q } : {})}
        >
          {t('mentions.clearFilters', { n: active })}
        </button>
      )}
    </div>
  );
}
