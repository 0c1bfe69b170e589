import type { z } from 'zod';
import { z as zod } from 'zod';
import type { WorkspaceProfile } from '../model/workspace';
import type { CrisisEpisode } from '../crises';
import type { CrisisAlert } from '../crises/notify';
import type { DashboardOverview, DashboardResponses, DashboardTrends } from '../model/dashboard';
import type { ResponseKpis } from '../responses/kpis';
import type { HandlingMark } from '../db/handling-repo';
import type { DraftWarning } from '../responses/draft-check';
import type { AuditedReply } from '../responses/audit';
import type { FeedRow } from '../model/feeds';
import type { StoredReport } from '../db/reports-repo';
import type { TimelineEvent } from '../db/timeline-events-repo';
import { IMPORT_FORMATS, type BatchRow, type ImportSummary } from '../model/imports';
import type { MentionDetail, MentionListItem } from '../model/mention';
import type { ReviewItem } from '../db/review-query';
import type { Uncorrection } from '../db/uncorrect';
import type { BackupFile } from '../db/backup';
import type { ErrorDetails } from '../db/errors';
import type { ChannelHint } from '../sources/importers/channel-hint';
import { MAP_FIELDS } from '../sources/importers/mapping';
import type { AuthorDetail, GroupSummary, PersonRow } from '../people/people-query';
import type { THRESHOLDS } from '../people/judge';
import { AUTHOR_LABELS, CORRECTABLE_FIELDS, TOPICS, type CorrectableField } from '../model/labels';
import { channelSchema, emptySchema, periodObject, periodSchema, profileSchema } from './schemas';
import type { LocalPeriod, PeriodSummary } from '../reports/period';
import type { ReportProgress } from '../reports/generate';

/**
 * The one contract between the UI (Electron IPC or HTTP in `serve`) and the core. Each
 * method has an input schema, validated at every boundary, and an output type. The
 * renderer imports this module for its types only.
 */
function method<I extends z.ZodType, O>(input: I): { input: I; output: O } {
  return { input, output: undefined as unknown as O };
}

export type AppMode = 'electron' | 'serve' | 'cli';

export interface AppInfo {
  version: string;
  mode: AppMode;
  schemaVersion: number;
  workspace: { path: string; name: string; brand: string } | null;
  /** Methods that need the desktop shell (native dialogs) are unavailable in browser mode. */
  canPickFiles: boolean;
  demoAvailable: boolean;
  /** The workspace could not be opened because it is damaged; `backup` can replace it. */
  openFailure: {
    path: string;
    name: string;
    backup: string;
    error: { code: string; message: string; details?: ErrorDetails };
  } | null;
}

export interface WorkspaceDetails extends WorkspaceProfile {
  path: string;
  name: string;
  schemaVersion: number;
  counts: { mentions: number; authors: number; batches: number; feeds: number };
  recoveredFromUncleanShutdown: boolean;
}

export interface RecentWorkspace {
  path: string;
  name: string;
  brand: string | null;
  openedAt: number;
  missing: boolean;
}

export type { BackupFile } from '../db/backup';
export type { ErrorDetails, InputIssue } from '../db/errors';
export type { ChannelHint } from '../sources/importers/channel-hint';

export interface IntegrityReport {
  ok: boolean;
  details: string[];
  checkedAt: number;
}

const pathSchema = zod.strictObject({ path: zod.string().min(1).max(4096) });
const chooseSchema = zod.strictObject({ purpose: zod.enum(['open', 'create']) });
const restoreSchema = zod.strictObject({
  path: zod.string().min(1).max(4096),
  backup: zod.string().min(1).max(4096),
  /** The UI asks first: replacing a workspace is never a single click. */
  confirm: zod.literal(true),
});
const createSchema = zod.strictObject({
  path: zod.string().min(1).max(4096),
  profile: profileSchema,
});

const idSchema = zod.number().int().positive();
const formatSchema = zod.enum(IMPORT_FORMATS);
// partialRecord: a mapping names only the fields it needs
const mapSchema = zod.partialRecord(zod.enum(MAP_FIELDS), zod.string().min(1).max(200));
const importSchema = zod.strictObject({
  fileToken: zod.string().min(8).max(64),
  format: formatSchema.optional(),
  map: mapSchema.optional(),
  channel: channelSchema.optional(),
});
const previewSchema = zod.strictObject({
  fileToken: zod.string().min(8).max(64),
  format: formatSchema.optional(),
  map: mapSchema.optional(),
});
const presetSchema = zod.strictObject({ name: zod.string().trim().min(1).max(80), map: mapSchema });

export interface ImportPreview {
  format: string | null;
  columns: string[];
  suggested: Record<string, string>;
  /** The channel rows get when they name none (tweet columns, links to x.com…), and why. */
  channel: ChannelHint | null;
  rows: Array<{
    line: number | null;
    ok: boolean;
    date?: string;
    author?: string | null;
    text?: string;
    reason?: string;
    /** `reason` as a key the UI says in its language (importers/row-reasons.ts). */
    key?: string;
    params?: Record<string, string | number>;
  }>;
  error: string | null;
  /** `error` as a key the UI says in its language (importers/file-reasons.ts), when it has one. */
  errorKey?: string;
  errorParams?: Record<string, string | number>;
}

const uploadSchema = zod.strictObject({
  uploadId: zod.string().max(64).optional(),
  name: zod.string().min(1).max(255),
  /** base64, at most 4 MiB of text per chunk */
  data: zod.string().max(4 * 1024 * 1024),
  last: zod.boolean(),
});
const httpUrl = zod
  .string()
  .trim()
  .max(2048)
  .refine(
    (u) => {
      try {
        const p = new URL(u).protocol;
        return p === 'http:' || p === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'a feed address starts with http:// or https://' },
  );
const feedAddSchema = zod.strictObject({
  url: httpUrl,
  name: zod.string().trim().max(200).optional(),
  channel: channelSchema.nullable().optional(),
  intervalMinutes: zod
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .optional(),
  keywordFilter: zod.boolean().optional(),
});
const feedUpdateSchema = zod.strictObject({
  id: idSchema,
  name: zod.string().trim().min(1).max(200).optional(),
  channel: channelSchema.nullable().optional(),
  intervalMinutes: zod
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .optional(),
  paused: zod.boolean().optional(),
  keywordFilter: zod.boolean().optional(),
});
const byIdSchema = zod.strictObject({ id: idSchema });
const feedTestSchema = zod.strictObject({ url: httpUrl });
const feedPollSchema = zod.strictObject({ ids: zod.array(idSchema).max(1000).optional() });
const opmlSchema = zod.strictObject({ xml: zod.string().max(2 * 1024 * 1024) });
const cancelSchema = zod.strictObject({ fileToken: zod.string().min(8).max(64) });
const batchIdSchema = zod.strictObject({ batchId: idSchema });

const authorLabelSchema = zod.enum(AUTHOR_LABELS);
const daySchema = zod.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');
const searchSchema = zod.strictObject({
  q: zod.string().max(500).optional(),
  from: zod.number().int().optional(),
  to: zod.number().int().optional(),
  channels: zod.array(channelSchema).max(20).optional(),
  sentiment: zod.union([zod.literal(-1), zod.literal(0), zod.literal(1)]).optional(),
  complaint: zod.boolean().optional(),
  topic: zod.string().max(40).optional(),
  lang: zod.string().max(8).optional(),
  authorId: idSchema.optional(),
  isBrand: zod.boolean().optional(),
  authorLabel: authorLabelSchema.optional(),
  unanswered: zod.boolean().optional(),
  stars: zod.number().int().min(1).max(5).optional(),
  /** Local days in the workspace timezone (inclusive); `from`/`to` are UTC epoch ms. */
  fromDay: daySchema.optional(),
  toDay: daySchema.optional(),
  beforeId: zod.number().int().positive().optional(),
  limit: zod.number().int().min(1).max(500).optional(),
});

const correctSchema = zod
  .strictObject({
    id: idSchema,
    sentiment: zod.union([zod.literal(-1), zod.literal(0), zod.literal(1)]).optional(),
    complaint: zod.boolean().optional(),
    insult: zod.boolean().optional(),
    topic: zod.enum(TOPICS).nullable().optional(),
    note: zod.string().max(1000).optional(),
  })
  .refine(
    (c) =>
      c.sentiment !== undefined ||
      c.complaint !== undefined ||
      c.insult !== undefined ||
      c.topic !== undefined,
    {
      message: 'say what to correct: sentiment, complaint, insult or topic',
    },
  );
const uncorrectSchema = zod.strictObject({
  id: idSchema,
  /** The fields to take back; every corrected one when left out. */
  fields: zod
    .array(zod.enum(CORRECTABLE_FIELDS))
    .min(1, 'say which fields, or leave fields out to undo every correction')
    .max(CORRECTABLE_FIELDS.length)
    .optional(),
});
const reviewSchema = zod.strictObject({ limit: zod.number().int().min(1).max(100).optional() });
const overviewSchema = zod.strictObject({
  from: daySchema.optional(),
  to: daySchema.optional(),
  days: zod.number().int().min(1).max(3660).optional(),
  channels: zod.array(channelSchema).max(20).optional(),
  /** A chosen comparison period (both or neither); default: as many days just before. */
  compareFrom: daySchema.optional(),
  compareTo: daySchema.optional(),
  /** Compare with the same days 52 weeks earlier (weekdays stay aligned). */
  compareYear: zod.boolean().optional(),
});

/**
 * One sentence of an explanation: a key the UI says in its language (renderer `explain.<key>`,
 * analysis/notes.ts), the words and figures it names, and the English sentence.
 */
export interface ExplainNote {
  key: string;
  params: Record<string, string | number>;
  text: string;
}

/** Why a mention was scored as it was (analysis/explainText, reduced to what the UI shows). */
export interface MentionExplanation {
  language: { lang: string; confidence: number };
  sentiment: {
    score: number;
    /** Each scored word, phrase, hashtag, emoji or the stars, with what changed its weight. */
    terms: Array<{ term: string; weight: number; notes: ExplainNote[] }>;
    /** Rules over the whole post (exclamation marks, contrast, likely irony). */
    rules: ExplainNote[];
    thresholds: { positive: number; negative: number };
  };
  irony: ExplainNote | null;
  complaint: {
    complaint: boolean;
    topic: string | null;
    reasons: ExplainNote[];
    words: string[];
  };
  toxicity: {
    insult: boolean;
    severity: number;
    /** `kind` one of insult, profanity, threat, slur, hate; a hate finding says why in `note`. */
    findings: Array<{ kind: string; term: string; severity: number; note: ExplainNote | null }>;
  };
  campaign: ExplainNote[];
  /**
   * What the workspace model (trained on this workspace's sentiment corrections) does to the
   * base verdict: null when there are no corrections yet.
   */
  learned: {
    corrections: number;
    /** Sentiment corrections the workspace model needs before it changes anything. */
    minimum: number;
    base: -1 | 0 | 1;
    sentiment: -1 | 0 | 1;
    changed: boolean;
    /**
     * Learned features that weighed most, towards the verdict (positive weight) or against it:
     * an engine signal (its id, or `balance`: how often this workspace's mentions are of each
     * class), a word, word pair or word beginning, or a lexicon term that fired.
     */
    features: Array<{
      kind: 'signal' | 'word' | 'lexicon';
      name: string;
      negated?: boolean;
      weight: number;
    }>;
  } | null;
  /** The same for the complaint and insult flags. */
  learnedFlags: { complaint: LearnedFlag | null; insult: LearnedFlag | null };
}

/**
 * What the workspace's model of a flag (trained on its complaint or insult corrections) does to
 * the base flag: null when there are no corrections of that flag yet.
 */
export interface LearnedFlag {
  corrections: number;
  /** Corrections of the flag the model needs before it changes anything. */
  minimum: number;
  base: boolean;
  value: boolean;
  changed: boolean;
}

/** The workspace models after a correction or its undo (mentions.correct, mentions.uncorrect). */
export interface CorrectionFigures {
  corrections: number;
  /** Corrections of a kind the workspace model needs before it changes any analysis. */
  minimum: number;
  /**
   * Accuracy on the corrected mentions (sentiment): right by the base engine alone, and by
   * the workspace model judging each without its own correction. Null until a sentiment
   * correction exists.
   */
  accuracy: CorrectionAccuracy | null;
  /** The same for the complaint and insult flags: corrections of each, and accuracy on them. */
  flags: Record<
    'complaint' | 'insult',
    { corrections: number; accuracy: CorrectionAccuracy | null }
  >;
}

/**
 * Accuracy on the corrected mentions: right by the base engine alone, and by the workspace
 * model judging each without its own correction.
 */
export interface CorrectionAccuracy {
  corrected: number;
  baseRight: number;
  learnedRight: number;
}

const responsesSchema = zod.strictObject({ days: zod.number().int().min(1).max(3660).optional() });
const markSchema = zod.strictObject({
  id: idSchema,
  handling: zod.enum(['phone', 'dm', 'email', 'dismissed']),
  note: zod.string().max(1000).optional(),
});
const checkSchema = zod.strictObject({
  text: zod.string().min(1).max(5000),
  lang: zod.enum(['auto', 'es', 'en']).optional(),
});
const peopleSchema = zod.strictObject({
  label: authorLabelSchema.optional(),
  refresh: zod.boolean().optional(),
  limit: zod.number().int().min(1).max(1000).optional(),
  offset: zod.number().int().min(0).max(10_000_000).optional(),
  channel: channelSchema.optional(),
  q: zod.string().trim().max(100).optional(),
  sort: zod.enum(['rank', 'score', 'posts', 'handle', 'last']).optional(),
  dir: zod.enum(['asc', 'desc']).optional(),
});
const personSchema = zod.strictObject({ id: idSchema });
const groupsSchema = zod.strictObject({
  authorId: idSchema.optional(),
  limit: zod.number().int().min(1).max(500).optional(),
});
const overrideLabelSchema = zod.strictObject({
  channel: channelSchema,
  handle: zod.string().min(1).max(200),
  label: zod.enum(['supporter', 'neutral', 'angry_customer', 'escalating', 'agitator']).nullable(),
});
/** How any report is written: language, anonymisation and the consultant's branding. */
const reportOptionsShape = {
  lang: zod.enum(['es', 'en']).optional(),
  anonymize: zod.boolean().optional(),
  consultant: zod.string().max(120).optional(),
  color: zod
    .string()
    .regex(/^#[0-9a-fA-F]{3,8}$/)
    .optional(),
};
const reportSchema = zod
  .strictObject({
    crisisId: zod
      .string()
      .regex(/^c\d+$/)
      .optional(),
    from: zod.number().int().optional(),
    to: zod.number().int().optional(),
    ...reportOptionsShape,
  })
  .refine((r) => r.crisisId !== undefined || (r.from !== undefined && r.to !== undefined), {
    message: 'choose a crisis or a period',
  });
/** A report for local days the user chose (a monthly client report), as the CLI's --from/--to. */
const periodReportSchema = periodObject(reportOptionsShape);
const crisisIdSchema = zod.string().regex(/^c\d+$/, 'a crisis id such as c493123');
const eventsListSchema = zod.strictObject({
  from: zod.number().int().optional(),
  to: zod.number().int().optional(),
});
const eventAddSchema = zod.strictObject({
  at: zod.number().int().min(0),
  label: zod.string().trim().min(1, 'say what happened').max(200),
  action: zod.boolean().optional(),
  note: zod.string().trim().max(1000).optional(),
});
const annotationsSchema = zod.strictObject({
  crisisId: crisisIdSchema,
  lang: zod.enum(['es', 'en']).optional(),
});
const annotateSchema = zod
  .strictObject({
    crisisId: crisisIdSchema,
    lang: zod.enum(['es', 'en']).optional(),
    crisisType: zod.enum(['victim', 'accidental', 'preventable']).nullable().optional(),
    item: zod
      .strictObject({
        key: zod.enum(['committee', 'listening', 'personal_contact', 'lessons']),
        checked: zod.boolean(),
        note: zod.string().trim().max(1000).optional(),
      })
      .optional(),
  })
  .refine((a) => a.crisisType !== undefined || a.item !== undefined, {
    message: 'say what to mark: crisisType or item',
  });
const dataExportSchema = zod.strictObject({
  what: zod.enum(['mentions', 'authors', 'kpis']),
  format: zod.enum(['csv', 'json', 'jsonl']),
});

export interface EpisodeAnnotationsView {
  crisisId: string;
  crisisType: 'victim' | 'accidental' | 'preventable' | null;
  items: Array<{ key: string; checked: boolean; note: string | null; updatedAt: number | null }>;
  /** SCCT guidance in the language asked for, from the same text the report prints. */
  guidance: Array<{
    type: 'victim' | 'accidental' | 'preventable';
    name: string;
    text: string;
    recommended: string[];
  }>;
  strategyNames: Record<string, string>;
}

const crisesSchema = zod.strictObject({
  at: zod.number().int().optional(),
  sensitivity: zod.enum(['low', 'medium', 'high']).optional(),
});

export interface TodayPanel {
  /** End of the "today" window: now, or the newest mention when studying an archive. */
  asOf: number;
  newMentions24h: number;
  newComplaints24h: number;
  unansweredComplaints: number;
  oldestUnansweredAt: number | null;
  agitators: number;
  escalating: number;
  crisis: { id: string; severity: string; start: string; ongoing: boolean } | null;
  topTopics: Array<{ topic: string; n: number }>;
}

export type { PersonRow } from '../people/people-query';

export interface PickedFile {
  token: string;
  name: string;
  size: number;
}

export const contract = {
  'app.info': method<typeof emptySchema, AppInfo>(emptySchema),
  'workspace.get': method<typeof emptySchema, WorkspaceDetails>(emptySchema),
  'workspace.update': method<typeof profileSchema, WorkspaceDetails>(profileSchema),
  'workspace.recent': method<typeof emptySchema, { items: RecentWorkspace[] }>(emptySchema),
  'workspace.open': method<typeof pathSchema, AppInfo>(pathSchema),
  'workspace.choose': method<typeof chooseSchema, { path: string | null }>(chooseSchema),
  'workspace.create': method<typeof createSchema, AppInfo>(createSchema),
  'workspace.check': method<typeof emptySchema, IntegrityReport>(emptySchema),
  'workspace.openDemo': method<typeof emptySchema, AppInfo>(emptySchema),
  'workspace.backups': method<typeof emptySchema, { folder: string; items: BackupFile[] }>(
    emptySchema,
  ),
  'workspace.backup': method<typeof emptySchema, BackupFile>(emptySchema),
  'workspace.restore': method<typeof restoreSchema, AppInfo>(restoreSchema),
  'sources.choose': method<typeof emptySchema, { files: PickedFile[] }>(emptySchema),
  'sources.upload': method<typeof uploadSchema, { uploadId: string; file: PickedFile | null }>(
    uploadSchema,
  ),
  'sources.import': method<typeof importSchema, ImportSummary>(importSchema),
  'sources.preview': method<typeof previewSchema, ImportPreview>(previewSchema),
  'sources.presets': method<
    typeof emptySchema,
    { items: Array<{ name: string; map: Record<string, string> }> }
  >(emptySchema),
  'sources.savePreset': method<typeof presetSchema, { saved: boolean }>(presetSchema),
  'sources.cancel': method<typeof cancelSchema, { cancelled: boolean }>(cancelSchema),
  /** Lets go of a file the user will not import (an uploaded copy is deleted). */
  'sources.discard': method<typeof cancelSchema, { discarded: boolean }>(cancelSchema),
  'sources.batches': method<typeof emptySchema, { items: BatchRow[] }>(emptySchema),
  'sources.undo': method<typeof batchIdSchema, { removed: number }>(batchIdSchema),
  'mentions.search': method<
    typeof searchSchema,
    { items: MentionListItem[]; nextBeforeId: number | null }
  >(searchSchema),
  'mentions.get': method<
    typeof byIdSchema,
    {
      mention: MentionDetail;
      thread: MentionListItem[];
      explanation: MentionExplanation;
      /** The analysis fields the user corrected (kept over the automatic analysis). */
      corrected: CorrectableField[];
    }
  >(byIdSchema),
  'mentions.correct': method<typeof correctSchema, { corrected: boolean } & CorrectionFigures>(
    correctSchema,
  ),
  /**
   * Takes back the user's corrections of a mention (the fields given, or all): the automatic
   * analysis is stored again, the rollups follow, and the workspace models are retrained
   * without them. `undone` is empty when the mention had no such correction (nothing changes).
   */
  'mentions.uncorrect': method<typeof uncorrectSchema, Uncorrection & CorrectionFigures>(
    uncorrectSchema,
  ),
  /**
   * Review suggestions: the mentions whose sentiment the workspace model is least sure of,
   * diversified, most useful first. The user confirms or changes each with `mentions.correct`
   * (a confirmation is a correction too); a mention with a sentiment set is not suggested again.
   * `limit` defaults to 50, the panel's batch.
   */
  'mentions.review': method<
    typeof reviewSchema,
    {
      items: ReviewItem[];
      /** Mentions whose sentiment the user has set (changed or confirmed). */
      reviewed: number;
      /** Sentiment corrections the workspace model needs before it changes anything. */
      minimum: number;
    }
  >(reviewSchema),
  /** Stops the background re-analysis of stored mentions; what it committed stays. */
  'analysis.cancel': method<typeof emptySchema, { cancelled: boolean }>(emptySchema),
  'dashboard.overview': method<typeof overviewSchema, DashboardOverview>(overviewSchema),
  'dashboard.trends': method<typeof overviewSchema, DashboardTrends>(overviewSchema),
  'dashboard.responses': method<typeof overviewSchema, DashboardResponses>(overviewSchema),
  'responses.kpis': method<
    typeof responsesSchema,
    ResponseKpis & {
      from: number;
      to: number;
      previous: Pick<
        ResponseKpis,
        'responseRate' | 'medianMinutes' | 'medianBusinessMinutes' | 'within1h' | 'customerMentions'
      >;
    }
  >(responsesSchema),
  'responses.queue': method<typeof responsesSchema, { items: MentionListItem[] }>(responsesSchema),
  'dashboard.today': method<typeof emptySchema, TodayPanel>(emptySchema),
  'responses.audit': method<
    typeof responsesSchema,
    {
      items: AuditedReply[];
      audited: number;
      flagged: number;
      canned: number;
      personalised: number;
    }
  >(responsesSchema),
  'responses.check': method<
    typeof checkSchema,
    { warnings: DraftWarning[]; notes: DraftWarning[] }
  >(checkSchema),
  'responses.mark': method<typeof markSchema, { marked: boolean; previous: HandlingMark | null }>(
    markSchema,
  ),
  'responses.unmark': method<typeof byIdSchema, { removed: HandlingMark | null }>(byIdSchema),
  'people.list': method<
    typeof peopleSchema,
    {
      items: PersonRow[];
      counts: Record<string, number>;
      channels: Record<string, number>;
      total: number;
      minHistory: number;
    }
  >(peopleSchema),
  'people.get': method<
    typeof personSchema,
    AuthorDetail & { thresholds: typeof THRESHOLDS; timezone: string }
  >(personSchema),
  'people.groups': method<
    typeof groupsSchema,
    { items: GroupSummary[]; total: number; minAccounts: number; windowMinutes: number }
  >(groupsSchema),
  'people.override': method<typeof overrideLabelSchema, { saved: boolean }>(overrideLabelSchema),
  'reports.generate': method<
    typeof reportSchema,
    { id: number; html: string; filename: string; sha256: string }
  >(reportSchema),
  /** How many mentions a period holds before its report is made, and the days with data. */
  'reports.periodSummary': method<typeof periodSchema, PeriodSummary>(periodSchema),
  /** A period's report, made by the same code as `report --from --to`, stored like an episode's. */
  'reports.generatePeriod': method<
    typeof periodReportSchema,
    { id: number; html: string; filename: string; sha256: string }
  >(periodReportSchema),
  'reports.list': method<
    typeof emptySchema,
    { items: Array<StoredReport & { period: LocalPeriod | null }>; pdfAvailable: boolean }
  >(emptySchema),
  'reports.open': method<typeof byIdSchema, { html: string; filename: string }>(byIdSchema),
  'reports.pdf': method<typeof byIdSchema, { base64: string; filename: string }>(byIdSchema),
  'reports.remove': method<typeof byIdSchema, { removed: boolean }>(byIdSchema),
  'reports.annotations': method<typeof annotationsSchema, EpisodeAnnotationsView>(
    annotationsSchema,
  ),
  'reports.annotate': method<typeof annotateSchema, EpisodeAnnotationsView>(annotateSchema),
  'events.list': method<typeof eventsListSchema, { items: TimelineEvent[] }>(eventsListSchema),
  'events.add': method<typeof eventAddSchema, TimelineEvent>(eventAddSchema),
  'events.remove': method<typeof byIdSchema, { removed: TimelineEvent }>(byIdSchema),
  'events.restore': method<typeof byIdSchema, TimelineEvent>(byIdSchema),
  'data.export': method<
    typeof dataExportSchema,
    { filename: string; content: string; rows: number; mime: string }
  >(dataExportSchema),
  'crises.list': method<
    typeof crisesSchema,
    {
      episodes: CrisisEpisode[];
      series: Array<{
        hour: number;
        negative: number;
        expected: number;
        upper: number;
        fired: boolean;
      }>;
    }
  >(crisesSchema),
  'feeds.list': method<typeof emptySchema, { items: FeedRow[] }>(emptySchema),
  'feeds.add': method<typeof feedAddSchema, FeedRow>(feedAddSchema),
  'feeds.update': method<typeof feedUpdateSchema, FeedRow>(feedUpdateSchema),
  'feeds.remove': method<typeof byIdSchema, { removed: boolean }>(byIdSchema),
  'feeds.test': method<
    typeof feedTestSchema,
    { title: string | null; items: number; channel: string; latest: string | null }
  >(feedTestSchema),
  'feeds.poll': method<
    typeof feedPollSchema,
    { feeds: number; new: number; notModified: number; failed: number }
  >(feedPollSchema),
  'feeds.suggest': method<
    typeof emptySchema,
    { items: Array<{ source: string; url: string; note?: string }> }
  >(emptySchema),
  'feeds.exportOpml': method<typeof emptySchema, { xml: string }>(emptySchema),
  'feeds.importOpml': method<typeof opmlSchema, { added: number; skipped: number }>(opmlSchema),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M]['output'];

/** Events pushed from the core to the UI (IPC `on`, Server-Sent Events in `serve`). */
export interface EventMap {
  'workspace.changed': { path: string | null };
  'import.progress': {
    batchId: number;
    file: string;
    rows: number;
    rowsPerSec: number;
    bytesRead: number;
    totalBytes: number;
    etaSeconds: number | null;
  };
  'feeds.polled': { feeds: number; new: number; notModified: number; failed: number };
  /** The background re-analysis of stored mentions (new rules, or a retrained model). */
  'analysis.progress': { done: number; total: number; state: 'running' | 'done' | 'cancelled' };
  'crisis.detected': CrisisAlert;
  /** A report being made: the stage that has begun (reports.generate, reports.generatePeriod). */
  'reports.progress': ReportProgress;
  /** The user clicked a crisis notification: the UI opens that episode. */
  'crisis.open': { episodeId: string };
}
export type EventName = keyof EventMap;

export const EVENT_NAMES: EventName[] = [
  'workspace.changed',
  'import.progress',
  'feeds.polled',
  'analysis.progress',
  'crisis.detected',
  'reports.progress',
  'crisis.open',
];

export type ApiResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string; details?: ErrorDetails } };
