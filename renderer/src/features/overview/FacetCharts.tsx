import { useTranslation } from 'react-i18next';
import type {
  DashboardOverview,
  DashboardTrends,
  EmergingItem,
} from '../../../../main/core/model/dashboard';
import { formatNumber } from '../../shared/format';
import { channelName } from '../../shared/channel-name';
import { mentionsHref, type MentionLink } from '../mentions/mention-link';
import { FigureCard } from './FigureCard';
import { CompareBarFigure } from './CompareBarFigure';
import { COLORS, formatRange } from './overview-format';

const go = (f: MentionLink): void => {
  window.location.hash = mentionsHref(f);
};

/** Complaint topics and star ratings against the comparison period; emerging hashtags and words. */
export function FacetCharts({
  dash,
  trends,
}: {
  dash: DashboardOverview;
  trends: DashboardTrends;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const vs = formatRange(trends.compareFrom, trends.compareTo, lang);
  const period = { fromDay: trends.from, toDay: trends.to };
  const topics = trends.topics;
  const stars = trends.stars;

  const rated = dash.channels.filter((c) => c.ratingCount > 0);
  const avg = dash.current.ratingAverage;
  const avgPrev = dash.previous.ratingAverage;
  const one = (x: number): string => formatNumber(Math.round(x * 10) / 10, lang);
  return (
    <>
      <div className="figure-grid">
        <CompareBarFigure
          id="topics"
          title={t('overview.topics')}
          empty={t('overview.noComplaints')}
          items={topics.map((x) => ({
            label: t(`topics.${x.value}`),
            now: x.mentions,
            before: x.previous,
          }))}
          color={COLORS.negative}
          axis={t('overview.complaintsAxis')}
          vs={vs}
          rows={() =>
            topics.map((x) => ({
              topic: x.value,
              complaints: x.mentions,
              negative: x.negative,
              previous: x.previous,
            }))
          }
          onBar={(i) => {
            const x = topics[i];
            if (x) go({ ...period, complaint: true, topic: x.value });
          }}
        />
        <CompareBarFigure
          id="stars"
          title={t('overview.stars')}
          subtitle={
            avg === null
              ? undefined
              : t('overview.starAverage', {
                  avg: one(avg),
                  prev: avgPrev === null ? '—' : one(avgPrev),
                  channels: rated
                    .map((c) => `${channelName(t, c.channel)} ${one(c.ratingAverage ?? 0)}`)
                    .join(', '),
                })
          }
          empty={t('overview.noStars')}
          items={stars.map((x) => ({
            label: '★'.repeat(Number(x.value)),
            now: x.mentions,
            before: x.previous,
          }))}
          color="#f5a524"
          axis={t('overview.reviewsAxis')}
          vs={vs}
          rows={() =>
            stars.map((x) => ({
              stars: Number(x.value),
              reviews: x.mentions,
              negative: x.negative,
              previous: x.previous,
            }))
          }
          onBar={(i) => {
            const x = stars[i];
            if (x) go({ ...period, stars: Number(x.value) });
          }}
        />
      </div>
      <div className="figure-grid">
        <Emerging
          id="hashtags"
          title={t('overview.hashtags')}
          note={t('overview.hashtagsNote', {
            since: formatRange(trends.baselineFrom, trends.from, lang),
          })}
          items={trends.hashtags}
          unit={t('overview.perDayShort')}
          link={(x) => ({ ...period, q: x.value.slice(1) })}
        />
        <Emerging
          id="terms"
          title={t('overview.terms')}
          note={t('overview.termsNote', {
            n: formatNumber(trends.termSample.period, lang),
            b: formatNumber(trends.termSample.baseline, lang),
          })}
          items={trends.terms}
          unit={t('overview.per100Short')}
          link={(x) => ({ ...period, q: x.value })}
        />
      </div>
    </>
  );
}

function Emerging({
  id,
  title,
  note,
  items,
  unit,
  link,
}: {
  id: string;
  title: string;
  note: string;
  items: EmergingItem[];
  unit: string;
  link: (x: EmergingItem) => MentionLink;
}) {
  const { t, i18n } = useTranslation();
  const n = (x: number): string => formatNumber(x, i18n.language);
  return (
    <FigureCard
      id={id}
      title={title}
      subtitle={note}
      empty={items.length ? null : t('overview.nothingEmerging')}
      rows={() =>
        items.map((x) => ({
          value: x.value,
          mentions: x.mentions,
          negative: x.negative,
          rate: x.rate,
          baseline: x.baseline,
          growth: x.growth,
        }))
      }
    >
      <table className="table emerging" data-testid={`list-${id}`}>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col" className="num">
              {t('overview.uses')}
            </th>
            <th scope="col" className="num">
              {t('overview.negativeShare')}
            </th>
            <th scope="col" className="num">
              {t('overview.rateNowBefore', { unit })}
            </th>
            <th scope="col" className="num">
              {t('overview.growth')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.value}>
              <td>
                <a href={mentionsHref(link(x))}>{x.value}</a>
              </td>
              <td className="num">{n(x.mentions)}</td>
              <td className="num">
                {x.mentions ? `${n(Math.round((100 * x.negative) / x.mentions))} %` : '—'}
              </td>
              <td className="num">
                {n(x.rate)} / {n(x.baseline)}
              </td>
              <td className="num">×{n(x.growth)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </FigureCard>
  );
}
