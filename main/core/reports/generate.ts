import { AtalayaError } from '../db/errors';
import { localDayOf } from '../db/local-day';
import { readProfile } from '../db/profile-repo';
import type { Db } from '../db/workspace-file';
import { renderReportHtml } from './html';
import {
  REPORT_STAGES,
  reportSteps,
  type ReportModel,
  type ReportRequest,
  type ReportStage,
} from './model';
import { requireMentions, summarizePeriod } from './period';

export interface ReportProgress {
  stage: ReportStage;
  /** Stages finished before this one, of `total`. */
  done: number;
  total: number;
}

export interface GenerateRequest extends ReportRequest {
  consultant?: string;
  color?: string;
}

const slug = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, '-');

/** Lets the event loop run: progress events go out, the UI's other calls are answered. */
const breathe = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * The one way a report is made, for the CLI and the app alike: a crisis episode's, or a
 * period's (refused when the period holds no mention). It reports each stage as it starts
 * and yields to the event loop between them; the app's last stage, 'save', is its own.
 */
export async function generateReport(
  db: Db,
  req: GenerateRequest,
  onProgress: (p: ReportProgress) => void = () => {},
): Promise<{ model: ReportModel; html: string; filename: string }> {
  const total = REPORT_STAGES.length;
  const tell = async (stage: ReportStage): Promise<void> => {
    onProgress({ stage, done: REPORT_STAGES.indexOf(stage), total });
    await breathe();
  };
  const tz = readProfile(db).timezone;
  const dayOf = localDayOf(tz);
  let period: { fromDay: string; toDay: string } | null = null;
  if (!req.crisisId) {
    if (req.from === undefined || req.to === undefined)
      throw new AtalayaError('validation', 'A report needs a crisis episode or a period');
    period = { fromDay: dayOf(req.from), toDay: dayOf(req.to - 1) };
    const summary = summarizePeriod(db, { ...period, from: req.from, to: req.to, timezone: tz });
    requireMentions(summary, period);
  }
  await tell('crises');
  const steps = reportSteps(db, req);
  let r = steps.next();
  for (; !r.done; r = steps.next()) await tell(r.value);
  const model = r.value;
  await tell('render');
  const html = renderReportHtml(model, { consultant: req.consultant, color: req.color });
  const what = period
    ? `${period.fromDay}-${period.toDay}`
    : `${req.crisisId}-${new Date(model.from).toISOString().slice(0, 10)}`;
  const filename = `${slug(model.brand)}-${what}-${model.lang}${req.anonymize ? '-anon' : ''}.html`;
  return { model, html, filename };
}
