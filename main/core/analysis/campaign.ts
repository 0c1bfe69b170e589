import { CALLS_TO_ACTION } from './lexicons/cues';
import { noteText, type Note } from './notes';
import { PhraseMatcher } from './phrase-matcher';
import type { Prepared } from './text';

const CTA = new PhraseMatcher(
  CALLS_TO_ACTION.map((c): [string, string] => [c.trim(), c.trim()]),
  true,
);

export interface CampaignResult {
  campaign: boolean;
  callsToAction: string[];
  hashtags: string[];
  mentions: number;
  reasons: string[];
  /** `reasons` as keys a UI translates. */
  notes: Note[];
}

/** Accounts tagged in one post beyond which it reads as a broadcast, not a conversation. */
export const MANY_MENTIONS = 3;

/** Calls to action, campaign hashtags and tagging of many accounts or media. */
export function detectCampaign(p: Prepared, hashtagsRaw: string[] = p.hashtags): CampaignResult {
  const callsToAction = [...new Set(CTA.match(p.words).map((m) => m.value))];
  const notes: Note[] = [];
  if (callsToAction.length)
    notes.push({ key: 'callsToAction', params: { words: callsToAction.join(', ') } });
  if (p.mentions >= MANY_MENTIONS) notes.push({ key: 'tagsAccounts', params: { n: p.mentions } });
  if (hashtagsRaw.length >= 3)
    notes.push({ key: 'manyHashtags', params: { n: hashtagsRaw.length } });
  const campaign = callsToAction.length > 0 || p.mentions >= MANY_MENTIONS + 2;
  return {
    campaign,
    callsToAction,
    hashtags: hashtagsRaw,
    mentions: p.mentions,
    reasons: notes.map(noteText),
    notes,
  };
}
