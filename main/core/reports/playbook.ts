import type { TimelineEvent } from '../db/timeline-events-repo';
import type { EpisodeAnnotations } from '../db/episode-annotations-repo';

const HOUR = 3_600_000;

export interface PlaybookItem {
  item: string;
  value: string;
  measured: string;
  ok: boolean | null;
  /** Ticked by the user in the app: the data cannot show it. */
  byHand?: boolean;
  note?: string | null;
}

/** Scorecard items the data cannot show: checkboxes with notes, filled in by the user. */
export const HAND_ITEMS = ['committee', 'listening', 'personal_contact', 'lessons'] as const;
export type HandItem = (typeof HAND_ITEMS)[number];

export const HAND_MEASURED: Record<HandItem, string> = {
  committee: 'crisis committee convened (who decides, how often it meets) — marked by hand',
  listening:
    'active listening: what affected customers expect was gathered and acted on — marked by hand',
  personal_contact:
    'personal attention beyond social media (calls from management, visits) — marked by hand',
  lessons: 'causes fixed and daily care changed so that it does not happen again — marked by hand',
};

const h = (ms: number): string => `${Math.round((ms / HOUR) * 10) / 10} h`;

/**
 * The LetsBonus playbook: measured from the data where it can be, from the user's events
 * (time to the first concrete action) and by hand where it cannot.
 */
export function scorePlaybook(input: {
  onset: number;
  end: number;
  brandPosts: Array<{ t: number; channel: string }>;
  complaints: number;
  complainChannels: string[];
  tone: { replies: number; canned: number; personalised: number };
  events: TimelineEvent[];
  annotations: EpisodeAnnotations;
}): PlaybookItem[] {
  const { onset, end, tone } = input;
  const afterOnset = input.brandPosts.filter((b) => b.t >= onset);
  const first = afterOnset[0];
  const in24 = afterOnset.filter((b) => b.t < onset + 24 * HOUR).length;
  const brandChannels = new Set(afterOnset.map((b) => b.channel));
  let silence = 0;
  let prev = onset;
  for (const b of afterOnset.filter((x) => x.t <= end)) {
    silence = Math.max(silence, b.t - prev);
    prev = b.t;
  }
  silence = Math.max(silence, end - prev);
  const action = input.events.find((e) => e.action && e.at >= onset);
  return [
    {
      item: 'first_response',
      value: first ? h(first.t - onset) : '—',
      measured: 'first brand reply after the onset of the crisis',
      ok: first ? first.t - onset <= 2 * HOUR : false,
    },
    {
      item: 'care_team',
      value: String(in24),
      measured: 'brand replies in the first 24 hours (a dedicated care team)',
      ok: in24 >= Math.max(5, input.complaints * 0.2),
    },
    {
      item: 'channels',
      value: `${[...brandChannels].join(', ') || '—'} / ${input.complainChannels.join(', ') || '—'}`,
      measured: 'channels where the brand answered / channels with negative posts',
      ok: input.complainChannels.every((c) => brandChannels.has(c)),
    },
    {
      item: 'silence',
      value: h(silence),
      measured: 'longest gap without a brand post between onset and end',
      ok: silence <= 12 * HOUR,
    },
    {
      item: 'personal',
      value: tone.replies
        ? `${Math.round((tone.personalised / tone.replies) * 100)} % / ${Math.round((tone.canned / tone.replies) * 100)} %`
        : '—',
      measured: 'personalised replies / canned templates',
      ok: tone.replies ? tone.personalised >= tone.canned : null,
    },
    action
      ? {
          item: 'action',
          value: h(action.at - onset),
          measured: `from the onset to the first event marked as an action: “${action.label}”`,
          ok: action.at - onset <= 24 * HOUR,
        }
      : {
          item: 'action',
          value: '—',
          measured:
            'time to the first concrete action (refund, CEO calls): no event marked as an action after the onset',
          ok: null,
        },
    ...HAND_ITEMS.map((item): PlaybookItem => {
      const a = input.annotations.items[item];
      return {
        item,
        value: a?.checked ? '☑' : '☐',
        measured: HAND_MEASURED[item],
        ok: a ? a.checked : null,
        byHand: true,
        note: a?.note ?? null,
      };
    }),
  ];
}
