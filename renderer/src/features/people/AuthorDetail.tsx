import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../main/core/api/contract';
import { useApi, useApiMutation } from '../../api/hooks';
import { Chart } from '../../shared/Chart';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDateTime, formatNumber, formatPercent, formatScore } from '../../shared/format';
import { SETTABLE } from './labels';
import { useReasonText } from './reason-text';
import { timelineChartConfig } from './timeline-chart';
import { GroupCard } from './GroupsView';

type Detail = OutputOf<'people.get'>;

const pct = (v: number | null | undefined, lang: string): string =>
  v === null || v === undefined ? '—' : formatPercent(v, lang);

/** One author: why the label, the timeline with the brand's replies, label changes, overrides. */
export function AuthorDetail({
  id,
  onBack,
  onOpen,
}: {
  id: number;
  onBack: () => void;
  onOpen: (id: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const detail = useApi('people.get', { id });
  const override = useApiMutation('people.override', ['people.list', 'people.get']);
  const heading = useRef<HTMLHeadingElement>(null);
  const say = useReasonText();
  useEffect(() => heading.current?.focus(), [id]);
  const series = detail.data?.series;
  const config = useMemo(() => timelineChartConfig(series ?? [], lang, t), [series, lang, t]);
  return (
    <section aria-labelledby="author-title" data-testid="author-detail">
      <button type="button" onClick={onBack} data-testid="author-back">
        {t('people.back')}
      </button>
      {detail.error && <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />}
      {detail.isPending && <p className="loading">{t('common.loading')}</p>}
      {detail.data && (
        <>
          <h2 id="author-title" ref={heading} tabIndex={-1}>
            @{detail.data.person.handle}{' '}
            <span className={`chip label-${detail.data.person.label}`}>
              {t(`people.labels.${detail.data.person.label}`)}
            </span>
            {detail.data.person.overridden && <span className="muted"> ({t('people.byYou')})</span>}
          </h2>
          <p className="muted">
            {[
              detail.data.person.name,
              detail.data.person.channel,
              `${t('people.posts')}: ${formatNumber(detail.data.person.posts, lang)}`,
              `${t('people.score')}: ${formatScore(detail.data.person.score, i18n.language)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <div className="card">
            <p>
              <strong>{detail.data.person.why[0] && say(detail.data.person.why[0])}</strong>
            </p>
            <ul className="why">
              {detail.data.person.why.slice(1).map((r, i) => (
                <li key={i}>{say(r)}</li>
              ))}
            </ul>
            <div className="row" role="group" aria-label={t('people.isRight')}>
              <span className="muted">{t('people.isRight')}</span>
              {SETTABLE.map((l) => (
                <button
                  key={l}
                  type="button"
                  aria-pressed={detail.data.person.label === l && detail.data.person.overridden}
                  className={`label-${l}`}
                  disabled={override.isPending}
                  onClick={() =>
                    override.mutate({
                      channel: detail.data.person.channel as never,
                      handle: detail.data.person.handle,
                      label: l,
                    })
                  }
                >
                  {t(`people.labels.${l}`)}
                </button>
              ))}
              {detail.data.person.overridden && (
                <button
                  type="button"
                  onClick={() =>
                    override.mutate({
                      channel: detail.data.person.channel as never,
                      handle: detail.data.person.handle,
                      label: null,
                    })
                  }
                >
                  {t('people.reset')}
                </button>
              )}
            </div>
            {override.error && <ErrorNotice error={override.error} />}
          </div>
          <div className="card">
            <h3>{t('people.timeline')}</h3>
            <p className="muted">{t('people.chartHelp')}</p>
            <Chart
              config={config}
              label={t('people.timeline')}
              height={220}
              testId="chart-author"
            />
          </div>
          <History data={detail.data} />
          <Evidence data={detail.data} />
          {detail.data.groups.length > 0 && (
            <div className="card">
              <h3>{t('people.groups')}</h3>
              {detail.data.groups.map((g) => (
                <GroupCard key={g.id} group={g} onOpen={onOpen} current={id} />
              ))}
            </div>
          )}
          <Features data={detail.data} />
          <Posts data={detail.data} />
        </>
      )}
    </section>
  );
}

function History({ data }: { data: Detail }) {
  const { t, i18n } = useTranslation();
  const when = (ms: number | null) => formatDateTime(ms, i18n.language);
  const label = (l: string) => t(`people.labels.${l}`);
  const h = data.history;
  return (
    <div className="card" data-testid="label-history">
      <h3>{t('people.history')}</h3>
      {h.length === 1 && h[0] && !h[0].byUser ? (
        <p>
          {t('people.historyOne', {
            label: label(h[0].label),
            when: when(h[0].at),
            until: when(h[0].dataUntil),
          })}
        </p>
      ) : (
        <ol className="history">
          {h.map((c, i) => (
            <li key={c.at}>
              {i > 0 && h[i - 1] && (
                <span className="muted">{label(h[i - 1]?.label ?? '')} → </span>
              )}
              {c.byUser
                ? t('people.historyUser', { when: when(c.at), label: label(c.label) })
                : t('people.historyItem', {
                    when: when(c.at),
                    label: label(c.label),
                    until: when(c.dataUntil),
                  })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function Evidence({ data }: { data: Detail }) {
  const { t, i18n } = useTranslation();
  const posts = data.posts.filter((p) => p.evidence);
  return (
    <div className="card" data-testid="author-evidence">
      <h3>{t('people.evidence')}</h3>
      {posts.length === 0 ? (
        <p className="muted">{t('people.noEvidence')}</p>
      ) : (
        <ul className="author-posts">
          {posts.map((p) => (
            <li key={p.id}>
              <span className={`dot s${p.sentiment ?? 0}`} aria-hidden="true" />{' '}
              <span className="muted">{formatDateTime(p.postedAt, i18n.language)}</span>
              <p className="mention-full-text">{p.text}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Features({ data }: { data: Detail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const f = data.features;
  const th = data.thresholds;
  const p = (v: number) => pct(v, lang);
  return (
    <div className="card">
      {f && (
        <>
          <h3>{t('people.features')}</h3>
          <dl className="facts" data-testid="author-features">
            <dt>{t('people.f.posts')}</dt>
            <dd>{formatNumber(f.posts, lang)}</dd>
            <dt>{t('people.f.activeDays')}</dt>
            <dd>{formatNumber(f.activeDays, lang)}</dd>
            <dt>{t('people.f.negativeShare')}</dt>
            <dd>{pct(f.negativeShare, lang)}</dd>
            <dt>{t('people.f.positiveShare')}</dt>
            <dd>{pct(f.positiveShare, lang)}</dd>
            <dt>{t('people.f.complaints')}</dt>
            <dd>{formatNumber(f.complaints, lang)}</dd>
            <dt>{t('people.f.insults')}</dt>
            <dd>{formatNumber(f.insults, lang)}</dd>
            <dt>{t('people.f.concreteness')}</dt>
            <dd>{pct(f.concreteness, lang)}</dd>
            <dt>{t('people.f.campaignShare')}</dt>
            <dd>{pct(f.campaignShare, lang)}</dd>
            <dt>{t('people.f.repetitionShare')}</dt>
            <dd>{pct(f.repetitionShare, lang)}</dd>
            <dt>{t('people.f.coordinatedWith')}</dt>
            <dd>{formatNumber(f.coordinatedWith, lang)}</dd>
            <dt>{t('people.f.repliedByBrand')}</dt>
            <dd>{f.repliedByBrand ? t('people.yes') : t('people.no')}</dd>
            {f.repliedByBrand && (
              <>
                <dt>{t('people.f.negativeBeforeReply')}</dt>
                <dd>{pct(f.negativeBeforeReply, lang)}</dd>
                <dt>{t('people.f.negativeAfterReply')}</dt>
                <dd>{pct(f.negativeAfterReply, lang)}</dd>
                <dt>{t('people.f.campaignAfterReply')}</dt>
                <dd>{pct(f.campaignAfterReply, lang)}</dd>
                <dt>{t('people.f.compensationMentioned')}</dt>
                <dd>{f.compensationMentioned ? t('people.yes') : t('people.no')}</dd>
              </>
            )}
          </dl>
        </>
      )}
      <details data-testid="thresholds">
        <summary>{t('people.thresholds')}</summary>
        <ul className="why">
          <li>{t('people.th.minHistory', { n: th.minHistory })}</li>
          <li>
            {t('people.th.agitator', {
              neg: p(th.agitatorNegativeShare),
              conc: p(th.agitatorMaxConcreteness),
              camp: p(th.agitatorCampaignShare),
              rep: p(th.agitatorRepetitionShare),
            })}
          </li>
          <li>{t('people.th.escalating')}</li>
          <li>{t('people.th.angry', { neg: p(th.angryNegativeShare) })}</li>
          <li>{t('people.th.supporter', { pos: p(th.supporterPositiveShare) })}</li>
          <li>
            {t('people.th.coordination', {
              accounts: th.coordinationMinAccounts,
              min: th.coordinationWindowMinutes,
            })}
          </li>
          <li>{t('people.th.care')}</li>
          <li>{t('people.th.score')}</li>
        </ul>
      </details>
    </div>
  );
}

function Posts({ data }: { data: Detail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="card">
      <h3>{t('people.posts_all')}</h3>
      {data.postsShown < data.person.posts && (
        <p className="muted">
          {t('people.postsShown', {
            shown: formatNumber(data.postsShown, lang),
            total: formatNumber(data.person.posts, lang),
          })}
        </p>
      )}
      <ul className="author-posts" data-testid="author-posts">
        {[...data.posts].reverse().map((p) => (
          <li key={p.id}>
            <span className={`dot s${p.sentiment ?? 0}`} aria-hidden="true" />{' '}
            <span className="muted">{formatDateTime(p.postedAt, lang)}</span>{' '}
            {p.evidence && <span className="chip">{t('people.evidenceMark')}</span>}{' '}
            {p.complaint && <span className="chip">{t('people.complaintMark')}</span>}{' '}
            {p.campaign && <span className="chip label-agitator">{t('people.campaignMark')}</span>}{' '}
            {p.insult && <span className="chip label-agitator">{t('people.insultMark')}</span>}
            <p className="mention-full-text">{p.text}</p>
            {p.reply && (
              <div className="brand-reply">
                <span className="muted">
                  {t('people.replied', {
                    handle: p.reply.handle ?? '',
                    when: formatDateTime(p.reply.postedAt, lang),
                  })}
                </span>
                <p className="mention-full-text">{p.reply.text}</p>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
