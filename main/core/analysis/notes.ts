/**
 * The sentences that explain an analysis, as a key and the words and figures they name, so a
 * UI can say them in its own language (renderer `explain.<key>`). `noteText` gives the English
 * sentence: the CLI prints it, and the workspace model (learning.ts) and older callers read the
 * joined `rule` strings built from it, so an English template must not change its words
 * without checking them.
 */
const TEXT = {
  // sentiment: what happened to one scored word, phrase, hashtag, emoji or the stars
  phrase: 'phrase',
  wantingSoBad: 'phrase: wanting something "so bad"',
  negated: 'negated by "{word}"',
  intensified: 'intensified by "{word}"',
  softened: 'softened by "{word}"',
  afterContrast: 'after a contrast word',
  beforeContrast: 'before a contrast word, or conceded ("although", "aunque")',
  courtesyThanks: 'thanks closing a request (courtesy)',
  inName: 'part of a name (capitalised)',
  discourseMarker: 'discourse marker ("bueno, …", "pero bueno", "well, …")',
  occasion: 'names an occasion or a prize (reports an event)',
  cutOff: 'post cut off with "..." (a shared headline)',
  hedged: 'hedged by "{word}"',
  praiseInQuestion: 'praise inside a question',
  emphasised: 'emphasised (caps or elongation)',
  hashtag: 'hashtag',
  hashtagWords: 'hashtag read as words: {words}',
  emoji: 'emoji',
  emoticon: 'emoticon',
  stars: 'review stars',
  // sentiment: rules over the whole post
  exclamations: '{n} exclamation mark(s) amplify',
  contrast: 'contrast: the part after "but/pero" weighs more, a concession less',
  ironyNeutral: 'likely irony: praise words not counted as positive',
  // irony
  ironicHashtag: 'ironic hashtag',
  ironicPraise: 'praise ("{cue}") next to a complaint or problem',
  // complaint
  complaintTopic: 'negative tone with {topic} words ({words})',
  complaintTone: 'negative tone',
  personalTransaction: 'personal transaction ({words})',
  topicWithoutTone: 'topic words without a negative tone (score {score})',
  noComplaintWords: 'no complaint vocabulary',
  // hate speech (a toxicity finding)
  groupSlur: 'slur against a group ("{word}")',
  misogynistSlur: 'misogynist slur ("{word}")',
  insultToWoman: 'insult aimed at a woman ("{word}")',
  misogynistPutDown: 'misogynist put-down ("{word}")',
  groupHostility: 'hostility ("{word}") towards a group ("{group}")',
  insultAboutGroup: 'insult ("{word}") in a post about a group ("{group}")',
  // campaign
  callsToAction: 'calls to action: {words}',
  tagsAccounts: 'tags {n} accounts',
  manyHashtags: '{n} hashtags',
} as const;

export type NoteKey = keyof typeof TEXT;

/** One explaining sentence: its key and the words (quoted as written) and numbers it names. */
export interface Note {
  key: NoteKey;
  params?: Readonly<Record<string, string | number>>;
}

/**
 * How a param reads in English: a topic id names the topic ("refund_billing" → "refund
 * billing"), a score has two decimals. The UI says both its own way.
 */
function shown(name: string, value: string | number): string {
  if (name === 'topic') return String(value).replace('_', ' ');
  if (name === 'score' && typeof value === 'number') return value.toFixed(2);
  return String(value);
}

/** The English sentence of a note. */
export function noteText(n: Note): string {
  const text: string = TEXT[n.key];
  const params = n.params;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined ? '' : shown(name, v);
  });
}

/** Notes joined as the `rule` of a sentiment term ("negated by "no", after a contrast word"). */
export function notesText(notes: readonly Note[], separator = ', '): string {
  return notes.map(noteText).join(separator);
}

/** A note as the UI receives it: key, its params and the English sentence. */
export function sayNote(n: Note): {
  key: string;
  params: Record<string, string | number>;
  text: string;
} {
  return { key: n.key, params: { ...n.params }, text: noteText(n) };
}

/** Every key with its English template (the renderer's translations are checked against them). */
export const NOTE_TEMPLATES: Readonly<Record<NoteKey, string>> = TEXT;
