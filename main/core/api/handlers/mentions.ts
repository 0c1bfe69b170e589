import { explainText } from '../../analysis';
import { sayNote } from '../../analysis/notes';
import {
  correctFlag,
  correctSentiment,
  FLAGS,
  MIN_CORRECTIONS,
  type Flag,
  type FlagModel,
} from '../../analysis/learning';
import { REVIEW_BATCH } from '../../analysis/review';
import {
  correctMention,
  loadCorrectionModel,
  loadFlagModel,
  retrainCorrectionModel,
  retrainFlagModel,
} from '../../db/corrections-repo';
import { AtalayaError } from '../../db/errors';
import { correctedFields, uncorrectMention } from '../../db/uncorrect';
import type { Db } from '../../db/workspace-file';
import { readProfile } from '../../db/profile-repo';
import { getMention, getThread, searchMentions } from '../../db/mentions-query';
import { reviewSuggestions } from '../../db/review-query';
import { localDaysToUtc } from '../../db/trends-query';
import { analysedText, analysisOptions } from '../../sources/analyzer';
import type { Deps } from '../deps';
import type { Handlers } from '../handler-types';
import { cancelReanalysis, CORRECTION_SETTLE_MS, scheduleReanalysis } from '../reanalysis-job';

/**
 * Retrains the workspace models of the fields `touched` says changed (a topic has none) and
 * schedules the re-analysis that makes stored results follow them once the user stops
 * correcting for a moment; returns the figures the detail panel shows.
 */
function retrainModels(
  deps: Deps,
  db: Db,
  touched: (f: 'sentiment' | Flag) => boolean,
  /** False when the models of the touched fields were retrained already (uncorrectMention). */
  retrain = true,
) {
  const model =
    touched('sentiment') && retrain ? retrainCorrectionModel(db) : loadCorrectionModel(db);
  const flagModel = (f: Flag): FlagModel | null =>
    touched(f) && retrain ? retrainFlagModel(db, f) : loadFlagModel(db, f);
  const complaint = flagModel('complaint');
  const insult = flagModel('insult');
  const retrained = touched('sentiment') || FLAGS.some(touched);
  if (retrained && deps.mode !== 'cli') scheduleReanalysis(deps, CORRECTION_SETTLE_MS);
  const summary = (m: FlagModel | null) => ({
    corrections: m?.examples ?? 0,
    accuracy: m && m.examples > 0 ? m.check : null,
  });
  return {
    corrections: model?.examples ?? 0,
    minimum: MIN_CORRECTIONS,
    accuracy: model && model.examples > 0 ? model.check : null,
    flags: { complaint: summary(complaint), insult: summary(insult) },
  };
}

export const mentionHandlers: Pick<
  Handlers,
  | 'mentions.search'
  | 'mentions.get'
  | 'mentions.correct'
  | 'mentions.uncorrect'
  | 'mentions.review'
  | 'analysis.cancel'
> = {
  'mentions.review': (deps, input) => ({
    ...reviewSuggestions(deps.session.require().db, input.limit ?? REVIEW_BATCH),
    minimum: MIN_CORRECTIONS,
  }),
  'mentions.correct': (deps, input) => {
    const ws = deps.session.require();
    const { id, ...c } = input;
    if (!correctMention(ws.db, id, c, readProfile(ws.db).timezone, deps.clock.now())) {
      throw new AtalayaError('not_found', `Mention ${id} is not in this workspace`);
    }
    const figures = retrainModels(deps, ws.db, (f) => c[f] !== undefined);
    deps.emit('workspace.changed', { path: ws.path });
    return { corrected: true, ...figures };
  },
  'mentions.uncorrect': (deps, input) => {
    const ws = deps.session.require();
    const timezone = readProfile(ws.db).timezone;
    const r = uncorrectMention(ws.db, input.id, input.fields ?? 'all', timezone);
    if (!r) throw new AtalayaError('not_found', `Mention ${input.id} is not in this workspace`);
    // uncorrectMention retrained the models of the fields taken back; the other rows follow them
    // in the re-analysis this schedules.
    const figures = retrainModels(deps, ws.db, (f) => r.undone.includes(f), false);
    if (r.undone.length) deps.emit('workspace.changed', { path: ws.path });
    return { ...r, ...figures };
  },
  'analysis.cancel': (deps) => ({ cancelled: cancelReanalysis(deps) }),
  'mentions.search': (deps, input) => {
    const { beforeId, limit, fromDay, toDay, ...filter } = input;
    const db = deps.session.require().db;
    if (fromDay || toDay) {
      // Local days of the workspace, as the Overview shows them (a click on a day's bar).
      const tz = readProfile(db).timezone;
      const [start, end] = localDaysToUtc(fromDay ?? '1970-01-01', toDay ?? '9999-12-30', tz);
      filter.from = Math.max(filter.from ?? start, start);
      filter.to = Math.min(filter.to ?? end - 1, end - 1);
      if (filter.from > filter.to)
        throw new AtalayaError('validation', 'The date range starts after it ends');
    }
    return searchMentions(db, filter, { beforeId, limit: limit ?? 100 });
  },
  'mentions.get': (deps, input) => {
    const db = deps.session.require().db;
    const mention = getMention(db, input.id);
    if (!mention)
      throw new AtalayaError(
        'not_found',
        `Mention ${input.id} is not in this workspace (it may have been undone)`,
      );
    const text = analysedText(mention);
    const { explanation: e } = explainText(text, analysisOptions(mention));
    const model = loadCorrectionModel(db);
    const learned = model && model.examples > 0 ? correctSentiment(model, text, e) : null;
    const learnedFlag = (f: Flag) => {
      const m = loadFlagModel(db, f);
      if (!m || m.examples === 0) return null;
      const r = correctFlag(m, text, e);
      return {
        corrections: m.examples,
        minimum: MIN_CORRECTIONS,
        base: r.base,
        value: r.value,
        changed: r.changed,
      };
    };
    return {
      mention,
      corrected: correctedFields(db, input.id) ?? [],
      thread: getThread(db, input.id),
      explanation: {
        language: { lang: e.language.lang, confidence: e.language.confidence },
        sentiment: {
          score: e.sentiment.score,
          terms: e.sentiment.terms.slice(0, 20).map((t) => ({
            term: t.term,
            weight: t.weight,
            notes: (t.notes ?? []).map(sayNote),
          })),
          rules: e.sentiment.notes.map(sayNote),
          thresholds: e.sentiment.thresholds,
        },
        irony: e.irony.note && sayNote(e.irony.note),
        complaint: {
          complaint: e.complaint.complaint,
          topic: e.complaint.topic,
          reasons: e.complaint.notes.map(sayNote),
          words: e.complaint.evidence.map((x) => x.term),
        },
        toxicity: {
          insult: e.toxicity.insult,
          severity: e.toxicity.severity,
          findings: e.toxicity.findings.map((f) => ({
            kind: f.kind,
            term: f.term,
            severity: f.severity,
            note: f.note ? sayNote(f.note) : null,
          })),
        },
        campaign: e.campaign.notes.map(sayNote),
        learned: learned && {
          corrections: model?.examples ?? 0,
          minimum: MIN_CORRECTIONS,
          base: learned.base,
          sentiment: learned.sentiment,
          changed: learned.changed,
          features: learned.features,
        },
        learnedFlags: { complaint: learnedFlag('complaint'), insult: learnedFlag('insult') },
      },
    };
  },
};
