import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let cache: Map<string, number> | null = null;

/**
 * English word valences from the VADER lexicon (MIT; shipped in the vader-sentiment
 * package, Apache-2.0), read once from the package at first use. See NOTICE.
 */
export function englishLexicon(): Map<string, number> {
  if (cache) return cache;
  const req = createRequire(typeof __filename === 'string' ? __filename : import.meta.url);
  const text = readFileSync(req.resolve('vader-sentiment/vader_lexicon.txt'), 'utf8');
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [word, mean] = line.split('\t');
    if (word && mean && /^[a-z'][a-z']+$/.test(word)) map.set(word.replace(/'/g, ''), Number(mean));
  }
  // Customer-care vocabulary VADER lacks or underrates, and the "#" words it has as plain words.
  for (const [w, v] of Object.entries(EN_EXTRA)) map.set(w, v);
  cache = map;
  return map;
}

const EN_EXTRA: Record<string, number> = {
  refund: -1,
  delayed: -1.8,
  delay: -1.5,
  cancelled: -1.6,
  canceled: -1.6,
  broken: -2,
  scam: -3,
  ripoff: -3,
  overpriced: -2.2,
  unacceptable: -2.8,
  useless: -2.5,
  worst: -3.1,
  rude: -2.2,
  waiting: -0.8,
  hold: -0.3,
  outage: -2,
  down: -0.5,
  lost: -1.6,
  missing: -1.5,
  damaged: -2,
  faulty: -2.5,
  defective: -2.5,
  disgusting: -3,
  appalling: -3,
  awful: -3,
  terrible: -3,
  thanks: 1.9,
  thank: 1.5,
  thx: 1.5,
  ty: 1.2,
  amazing: 2.8,
  awesome: 3.1,
  excited: 2.3,
  cant: -0.3,
  tomorrow: 0.3,
  may: 0,
  like: 1.5,
  support: 0.8,
  lol: 1.3,
  lmao: 1.3,
  haha: 1.8,
  hahaha: 2,
  congrats: 2.5,
  birthday: 1.5,
  win: 2,
  beautiful: 2.9,
  cute: 2,
  fun: 2.3,
  best: 3.2,
  great: 3.1,
  good: 1.9,
  nice: 1.8,
  happy: 2.7,
  sad: -2.1,
  hate: -2.7,
};

/** Multi-word English expressions matched on the normalised text. */
export const EN_PHRASES: Array<[string, number]> = [
  ['still waiting', -2.5],
  ['no response', -2.5],
  ['no reply', -2.5],
  ['nobody answers', -2.8],
  ['never again', -2.8],
  ['not happy', -2.2],
  ['not impressed', -2],
  ['not working', -2.5],
  ['doesnt work', -2.5],
  ['does not work', -2.5],
  ['waste of', -2.5],
  ['fed up', -2.5],
  ['sort it out', -1.5],
  ['thanks for nothing', -3],
  ['well done', 2.2],
  ['cant wait', 2.2],
  ['can not wait', 2.2],
  ['looking forward', 2],
  ['love it', 3],
  ['love this', 3],
  ['highly recommend', 3],
  ['dont recommend', -2.8],
  ['do not recommend', -2.8],
  ['customer service', -0.3],
  ['on hold', -1.5],
  ['kind of', 0],
  ['sort of', 0],
  ['no problem', 1.5],
  ['no worries', 1.5],
  ['not bad', 1.5],
  ['not good', -1.8],
  ['happy birthday', 2.8],
  ['good luck', 2],
  ['rest in peace', -1],
  ['the best', 2.8],
  ['so good', 2.5],
  ['so bad', -2.5],
  ['thank you', 2],
  ['is a joke', -2.5],
  ['a joke', -1.5],
  ['are you kidding', -2.2],
  ['kidding me', -2.2],
  ['screw you', -3],
  ['i miss', -1.5],
  ['so sad', -2.5],
  ['sick of', -2.5],
  ['tired of', -2.2],
  ['what a shame', -2.5],
  ['too bad', -1.5],
  ['how dare', -2.5],
  ['shame on', -2.8],
  ['shut up', -2.2],
  ['makes me sick', -3],
  ['cant stand', -2.5],
  ['can not stand', -2.5],
  ['pissed off', -2.5],
  ['thank god', 1.5],
  ['good morning', 1.2],
  ['good night', 1],
  ['happy new year', 2.5],
  ['merry christmas', 2.5],
  ['no way', -0.5],
  ['not sure', -0.5],
  ['let down', -2.2],
  ['ripped off', -3],
  ['over it', -1.2],
  ['not a fan', -1.8],
  ['big fan', 2.2],
  ['huge fan', 2.5],
];
