import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { episodeSpan } from '../../crises';
import { readAnnotations, writeCrisisType, writeItem } from '../../db/episode-annotations-repo';
import { readProfile } from '../../db/profile-repo';
import { AtalayaError } from '../../db/errors';
import { localDayOf } from '../../db/local-day';
import {
  deleteReport,
  listReports,
  readReport,
  saveReport,
  type StoredReport,
} from '../../db/reports-repo';
import { addEvent, listEvents, removeEvent, restoreEvent } from '../../db/timeline-events-repo';
import type { Db } from '../../db/workspace-file';
import { exportData } from '../../reports/export';
import { generateReport, type GenerateRequest, type ReportProgress } from '../../reports/generate';
import { T } from '../../reports/html-text';
import { REPORT_STAGES } from '../../reports/model';
import { resolvePeriod, summarizePeriod, type LocalPeriod } from '../../reports/period';
import { findChromium, htmlToPdf } from '../../reports/pdf';
import { HAND_ITEMS } from '../../reports/playbook';
import { CRISIS_TYPES, GUIDANCE, RECOMMENDED } from '../../reports/scct';
import type { EpisodeAnnotationsView } from '../contract';
import type { Deps } from '../deps';
import type { Handlers } from '../handler-types';

type Methods =
  | 'reports.generate'
  | 'reports.periodSummary'
  | 'reports.generatePeriod'
  | 'reports.list'
  | 'reports.open'
  | 'reports.pdf'
  | 'reports.remove'
  | 'reports.annotations'
  | 'reports.annotate'
  | 'events.list'
  | 'events.add'
  | 'events.remove'
  | 'events.restore'
  | 'data.export';

/** The episode an id names now, by span: annotations follow it when new data moves its onset. */
const spanOf = (db: Db, crisisId: string) => episodeSpan(db, readProfile(db).timezone, crisisId);

function annotationsView(db: Db, crisisId: string, lang: 'es' | 'en'): EpisodeAnnotationsView {
  const a = readAnnotations(db, spanOf(db, crisisId));
  return {
    crisisId,
    crisisType: (CRISIS_TYPES as readonly string[]).includes(a.crisisType ?? '')
      ? (a.crisisType as EpisodeAnnotationsView['crisisType'])
      : null,
    items: HAND_ITEMS.map((key) => ({
      key,
      checked: a.items[key]?.checked ?? false,
      note: a.items[key]?.note ?? null,
      updatedAt: a.items[key]?.updatedAt ?? null,
    })),
    guidance: CRISIS_TYPES.map((type) => ({
      type,
      ...GUIDANCE[lang][type],
      recommended: RECOMMENDED[type],
    })),
    strategyNames: T[lang].strategy,
  };
}

const slug = (s: string): string => s.replace(/[^\p{L}\p{N}]+/gu, '-');

/** A period report's local days, read back from its instants in the workspace's zone. */
function withPeriods(
  db: Db,
  items: StoredReport[],
): Array<StoredReport & { period: LocalPeriod | null }> {
  const dayOf = localDayOf(readProfile(db).timezone);
  return items.map((r) => ({
    ...r,
    period: r.crisisId === null ? { fromDay: dayOf(r.from), toDay: dayOf(r.to - 1) } : null,
  }));
}

/** Makes the report with the CLI's code, telling the UI each stage, and keeps it in the workspace. */
async function generateAndStore(
  deps: Deps,
  req: GenerateRequest,
): Promise<{ id: number; html: string; filename: string; sha256: string }> {
  const db = deps.session.require().db;
  const progress = (p: ReportProgress): void => deps.emit('reports.progress', p);
  // The stages yield to the event loop, so the workspace can be closed or switched meanwhile.
  const closed = (): AtalayaError =>
    new AtalayaError(
      'unavailable',
      'The workspace was closed while its report was being made: open it and make the report again',
      { key: 'reportWorkspaceClosed' },
    );
  let made;
  try {
    made = await generateReport(db, req, progress);
  } catch (e) {
    if (deps.session.current?.db !== db) throw closed();
    throw e;
  }
  if (deps.session.current?.db !== db) throw closed();
  const { model, html, filename } = made;
  progress({ stage: 'save', done: REPORT_STAGES.length - 1, total: REPORT_STAGES.length });
  const stored = saveReport(
    db,
    {
      crisisId: req.crisisId ?? null,
      from: model.from,
      to: model.to,
      lang: model.lang,
      options: {
        anonymize: req.anonymize === true,
        consultant: req.consultant ?? null,
        color: req.color ?? null,
      },
      filename,
      html,
    },
    deps.clock.now(),
  );
  return { id: stored.id, html, filename, sha256: stored.sha256 };
}

const periodOf = (db: Db, input: { from: string; to: string }) =>
  resolvePeriod({ fromDay: input.from, toDay: input.to }, readProfile(db).timezone);

export const reportHandlers: Pick<Handlers, Methods> = {
  'reports.generate': (deps, input) =>
    generateAndStore(deps, { ...input, lang: input.lang ?? 'es' }),
  'reports.periodSummary': (deps, input) => {
    const db = deps.session.require().db;
    return summarizePeriod(db, periodOf(db, input));
  },
  'reports.generatePeriod': (deps, input) => {
    const p = periodOf(deps.session.require().db, input);
    const { from: _f, to: _t, ...options } = input;
    return generateAndStore(deps, { ...options, lang: input.lang ?? 'es', from: p.from, to: p.to });
  },
  'reports.list': (deps) => ({
    items: withPeriods(deps.session.require().db, listReports(deps.session.require().db)),
    pdfAvailable: deps.printPdf !== undefined || findChromium() !== null,
  }),
  'reports.open': (deps, input) => {
    const r = readReport(deps.session.require().db, input.id);
    return { html: r.html, filename: r.filename };
  },
  'reports.pdf': async (deps, input) => {
    const r = readReport(deps.session.require().db, input.id);
    const filename = r.filename.replace(/\.html$/, '.pdf');
    if (deps.printPdf)
      return { base64: Buffer.from(await deps.printPdf(r.html)).toString('base64'), filename };
    // Same template, printed by a local Chromium (A4, network refused).
    const dir = mkdtempSync(join(tmpdir(), 'atalaya-pdf-'));
    try {
      const out = join(dir, 'report.pdf');
      await htmlToPdf(r.html, out);
      return { base64: readFileSync(out).toString('base64'), filename };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  'reports.remove': (deps, input) => ({
    removed: deleteReport(deps.session.require().db, input.id),
  }),
  'reports.annotations': (deps, input) =>
    annotationsView(deps.session.require().db, input.crisisId, input.lang ?? 'es'),
  'reports.annotate': (deps, input) => {
    const db = deps.session.require().db;
    const now = deps.clock.now();
    const span = spanOf(db, input.crisisId);
    db.transaction(() => {
      if (input.crisisType !== undefined) writeCrisisType(db, span, input.crisisType, now);
      if (input.item)
        writeItem(
          db,
          span,
          input.item.key,
          { checked: input.item.checked, note: input.item.note || null },
          now,
        );
    })();
    return annotationsView(db, input.crisisId, input.lang ?? 'es');
  },
  'events.list': (deps, input) => ({
    items: listEvents(deps.session.require().db, input.from, input.to),
  }),
  'events.add': (deps, input) =>
    addEvent(
      deps.session.require().db,
      { at: input.at, label: input.label, action: input.action === true, note: input.note || null },
      deps.clock.now(),
    ),
  'events.remove': (deps, input) => ({
    removed: removeEvent(deps.session.require().db, input.id, deps.clock.now()),
  }),
  'events.restore': (deps, input) => restoreEvent(deps.session.require().db, input.id),
  'data.export': async (deps, input) => {
    const ws = deps.session.require();
    const dir = mkdtempSync(join(tmpdir(), 'atalaya-export-'));
    try {
      const out = join(dir, `export.${input.format}`);
      const rows = await exportData(ws.db, input.what, input.format, out);
      const brand = slug(ws.db.prepare('SELECT brand FROM workspace').pluck().get() as string);
      return {
        filename: `${brand}-${input.what}.${input.format}`,
        content: readFileSync(out, 'utf8'),
        rows,
        mime:
          input.format === 'csv'
            ? 'text/csv'
            : input.format === 'json'
              ? 'application/json'
              : 'application/x-ndjson',
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
