import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  evalChecker,
  evalCheckerCurve,
  evalCheckerOnBrandReplies,
  evalEmotionPolarity,
  evalInsults,
  evalLearning,
  evalSentiment,
  evalThroughput,
  evalUnseenNegatives,
  type EmotionPolarityFigures,
  type LearningFigures,
  type LearningOrder,
  type SentimentFigures,
  type UnseenNegativesFigures,
} from './eval-analysis';
import { describeGroup, describeMisses, evalCrises } from './eval-crises';
import { evalFeeds } from './eval-feeds';
import { evalFuzz } from './eval-fuzz';

/**
 * `npm run eval`: measures Atalaya on the public data sets in ../shared/data when present
 * (they are never shipped or copied into the project). Prints a readable report on stderr
 * and one JSON document on stdout.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      shared: { type: 'string' },
      only: { type: 'string' },
      seeds: { type: 'string' },
      order: { type: 'string' },
      tuning: { type: 'boolean' },
    },
  });
  const learningSeeds = Number(values.seeds ?? 10);
  const shared = resolve(values.shared ?? resolve(process.cwd(), '../shared/data'));
  const results: Record<string, unknown> = { sharedData: existsSync(shared) ? shared : null };
  const say = (m: string): void => {
    process.stderr.write(`${m}\n`);
  };
  if (values.only === 'learning') {
    // `npm run eval -- --only learning [--seeds N]`: the learning curve alone, in about a minute.
    // --order random|suggested: one order only; --tuning: the tuning sets instead of the reported ones.
    const order = values.order;
    const orders: LearningOrder[] | undefined =
      order === 'random' || order === 'suggested' ? [order] : undefined;
    const learning = await evalLearning(shared, learningSeeds, orders, values.tuning ?? false);
    for (const l of learning) say(describeLearning(l));
    process.stdout.write(`${JSON.stringify({ ...results, learning }, null, 2)}\n`);
    return;
  }
  if (values.only === 'sentiment') {
    // `npm run eval -- --only sentiment`: the sentiment figures alone, in about a second.
    results['sentiment'] = await evalSentiment(shared);
    saySentiment(results['sentiment'] as SentimentFigures[], say);
    results['sentimentUnseenNegatives'] = await evalUnseenNegatives(shared);
    sayUnseen(results['sentimentUnseenNegatives'] as UnseenNegativesFigures | null, say);
    results['sentimentEmotionPolarity'] = await evalEmotionPolarity(shared);
    sayEmotion(results['sentimentEmotionPolarity'] as EmotionPolarityFigures | null, say);
    const speed = evalThroughput();
    results['throughput'] = speed;
    say(`analysis throughput: ${speed.textsPerSec} texts/s on one core, heap ${speed.heapMB} MB`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  if (values.only === 'offensive') {
    // `npm run eval -- --only offensive`: insult/hate flags and the draft checker alone.
    await offensive(shared, results, say);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  // Crisis detection is measured on generated scenarios: it needs no data set.
  const crises = evalCrises({ seeds: 30, sizes: [3] });
  const mixed = evalCrises({ seeds: 30, sizes: [2, 3, 5, 10] });
  results['crises'] = { threeTimes: crises, mixedSizes: mixed };
  say(
    `crises at 3× (${crises.seeds} seeded scenarios of ${crises.days} days, ${crises.crises} crises of 6 shapes): ` +
      `median delay ${crises.medianDelayFromOnsetH} h from onset (p90 ${crises.p90DelayFromOnsetH} h), ` +
      `in time (at or after onset, within the rise + 3 h) ${crises.detectedInTime}/${crises.crises}, ` +
      `${crises.falseAlarmsPer30Days} false alarms per 30 days of ordinary traffic (${crises.falseAlarms} in all); ` +
      `ends within 6 h of the last injected mention (not of back-to-baseline): ${crises.endWithin6hOfLastInjected}`,
  );
  say(`  ${describeGroup('all 3×', crises)}`);
  for (const [k, v] of Object.entries(crises.byShape)) say(`  ${describeGroup(`3× ${k}`, v)}`);
  say(`  boundaries more than 6 h off (detected crises): ${describeMisses(crises)}`);
  // The tone and hashtag detectors on crises the volume detector is not built for.
  const drops = evalCrises({ seeds: 30, sizes: [3, 5], shapes: ['sentiment_drop'] });
  const hijacks = evalCrises({ seeds: 30, sizes: [1.5, 2, 3], shapes: ['hijack'] });
  results['crisesTone'] = { sentimentDrop: drops, hashtagHijack: hijacks };
  for (const [name, g, sizeName] of [
    [
      'sentiment drop (a share of positives turned negative, volume unchanged)',
      drops,
      (x: number) => `${x * 10} % of positives turned negative`,
    ],
    [
      'hashtag hijack (a new tag on mostly negative posts)',
      hijacks,
      (x: number) => `tag peaking at ${x}× the mean negative volume`,
    ],
  ] as const) {
    say(`  ${describeGroup(name, g)}; ${g.falseAlarmsPer30Days} false alarms per 30 days`);
    for (const [k, v] of Object.entries(g.bySize))
      say(`    ${describeGroup(sizeName(Number.parseFloat(k)), v)}`);
  }
  say(
    `crises of mixed sizes: ${mixed.falseAlarmsPer30Days} false alarms per 30 days; ` +
      Object.entries(mixed.bySize)
        .map(([k, v]) => `${k} ${v.detected}/${v.crises} detected, end within 6 h ${v.endWithin6h}`)
        .join('; '),
  );
  if (!existsSync(shared)) {
    say(`data not present (${shared}): skipped`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const corpus = resolve(shared, 'feeds/feedparser_tests');
  if (existsSync(corpus)) {
    const f = await evalFeeds(corpus);
    results['feedCorpus'] = f;
    say(
      `feedparser corpus: ${f.files} files — ${f.parsed} parsed, ${f.reported} reported with a reason, ${f.crashed} crashed, ${f.hung} hung (slowest ${f.slowestMs} ms)`,
    );
  }
  const sentiment = await evalSentiment(shared);
  results['sentiment'] = sentiment;
  saySentiment(sentiment, say);
  const unseen = await evalUnseenNegatives(shared);
  results['sentimentUnseenNegatives'] = unseen;
  sayUnseen(unseen, say);
  const emotion = await evalEmotionPolarity(shared);
  results['sentimentEmotionPolarity'] = emotion;
  sayEmotion(emotion, say);
  await offensive(shared, results, say);
  const learning = await evalLearning(shared, learningSeeds);
  results['learning'] = learning;
  for (const l of learning) say(describeLearning(l));
  const speed = evalThroughput();
  results['throughput'] = speed;
  say(`analysis throughput: ${speed.textsPerSec} texts/s on one core, heap ${speed.heapMB} MB`);
  const fuzz = await evalFuzz(shared);
  results['importFuzz'] = fuzz;
  say(
    `importer fuzzing on real exports: ${fuzz.cases} damaged files, ${fuzz.refused} refused with a reason, ${fuzz.rowsRejected} rows rejected, ${fuzz.crashed} crashes, slowest ${fuzz.slowest} ms, integrity ${fuzz.integrity}, earlier data intact: ${fuzz.goodDataIntact}`,
  );
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

/** Insult and hate flags, and the draft checker, on the offensive-language sets. */
async function offensive(
  shared: string,
  results: Record<string, unknown>,
  say: (m: string) => void,
): Promise<void> {
  const insults = await evalInsults(shared);
  results['insults'] = insults;
  for (const r of insults)
    say(
      `${r.flag === 'hate' ? 'hate speech' : 'insult/offensive'}, ${r.set} (n=${r.n}), ${r.flag} flag: F1 ${r.f1.toFixed(3)} (precision ${r.precision.toFixed(3)}, recall ${r.recall.toFixed(3)})`,
    );
  const checker = await evalChecker(shared);
  results['draftChecker'] = checker;
  for (const c of checker)
    say(
      `draft checker, ${c.set}: warns on ${(c.offensiveWarned * 100).toFixed(1)}% of offensive/hateful posts and ${(c.cleanWarned * 100).toFixed(1)}% of the others` +
        (c.cleanWithoutSwearing
          ? ` (${(c.cleanWithoutSwearing.warned * 100).toFixed(1)}% of the ${c.cleanWithoutSwearing.n} HS 0 posts without common swear words)`
          : '') +
        (c.cleanCalmWithoutSwearing
          ? ` (${(c.cleanCalmWithoutSwearing.warned * 100).toFixed(1)}% of the ${c.cleanCalmWithoutSwearing.n} HS 0 posts that are also AG 0, not aggressive, and without common swear words)`
          : '') +
        `; a note and no warning on ${(c.offensiveNotedOnly * 100).toFixed(1)}% / ${(c.cleanNotedOnly * 100).toFixed(1)}%`,
    );
  const curve = await evalCheckerCurve(shared);
  results['draftCheckerCurve'] = curve;
  for (const c of curve)
    say(
      `draft checker trade-off, ${c.set} (offensive/hateful warned, clean warned): ` +
        c.points
          .map(
            (p) =>
              `${p.cue} ${(p.offensiveWarned * 100).toFixed(1)}% / ${(p.cleanWarned * 100).toFixed(1)}%`,
          )
          .join('; '),
    );
  const brand = await evalCheckerOnBrandReplies(shared);
  results['draftCheckerBrandReplies'] = brand;
  if (brand)
    say(
      `draft checker, ${brand.set} (n=${brand.n}): warns on ${brand.warnedCount} (${(brand.warned * 100).toFixed(1)}%), a note and no warning on ${(brand.notedOnly * 100).toFixed(1)}%`,
    );
}

function saySentiment(sentiment: SentimentFigures[], say: (m: string) => void): void {
  for (const r of sentiment) {
    const peers = Object.entries(r.peers)
      .map(([k, v]) => `${k} ${v.f1.toFixed(3)}`)
      .join(', ');
    say(
      `sentiment, ${r.set} (n=${r.n}): Atalaya macro-F1 ${r.atalaya.f1.toFixed(3)} (accuracy ${r.atalaya.accuracy.toFixed(3)}) — peers: ${peers}`,
    );
    const [neg, neu, pos] = r.confusion.map((row) => row.join('/'));
    say(
      `  per class F1 neg/neu/pos ${r.atalaya.perClass.map((x) => x.toFixed(3)).join('/')}; confusion (gold → predicted neg/neu/pos): negative ${neg}, neutral ${neu}, positive ${pos}`,
    );
    say(
      `  halves by line parity: A (odd lines, read for errors) ${r.halves.a.toFixed(3)}, B (even lines, held out) ${r.halves.b.toFixed(3)}`,
    );
  }
}

function sayEmotion(e: EmotionPolarityFigures | null, say: (m: string) => void): void {
  if (!e) return;
  const peers = Object.entries(e.peers)
    .map(([k, v]) => `${k} ${v.accuracy.toFixed(3)} of ${v.polar.toFixed(3)}`)
    .join(', ');
  say(
    `sentiment polarity, ${e.set} (n=${e.n}): Atalaya right on ${e.atalaya.accuracy.toFixed(3)} of the ${e.atalaya.polar.toFixed(3)} it gives a polarity — peers: ${peers}`,
  );
}

function describeLearning(l: LearningFigures): string {
  const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;
  return (
    `learning from ${l.flag ? `${l.flag} corrections (macro-F1 of 2 classes)` : 'corrections'}, ${l.order === 'suggested' ? 'in the order the app suggests them' : 'in random order'} (${l.set}, ${l.mentions} mentions, ${l.evaluated} scored, mean ± sd over ${l.seeds} seeds): ` +
    `${l.curve.map((c) => `${c.corrections} → ${c.f1.toFixed(3)} ± ${c.sd.toFixed(3)}`).join(', ')}; ` +
    `gain at 200 ${signed(l.gain200)}; worst seed against 0 corrections ${l.curve
      .filter((c) => c.corrections > 0)
      .map((c) => `${c.corrections} ${signed(c.worstChange)}`)
      .join(
        ', ',
      )}; the 200 are ${l.labels200.join('/')} ${l.flag ? `not ${l.flag}/${l.flag}` : 'negative/neutral/positive'}; training on 200 corrections ${l.trainMs200} ms`
  );
}

function sayUnseen(u: UnseenNegativesFigures | null, say: (m: string) => void): void {
  if (!u) return;
  const peers = Object.entries(u.peers)
    .map(([k, v]) => `${k} ${v.toFixed(3)}`)
    .join(', ');
  say(
    `sentiment, ${u.set} (${u.rows} rows, ${u.inTweetEvalVal} also in TweetEval val dropped, n=${u.n}, all negative): Atalaya recalls ${u.atalayaRecall.toFixed(3)} — peers: ${peers}`,
  );
}

void main();
