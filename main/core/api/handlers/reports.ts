import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { episodeSpan } from '../../crises';
import { AtalayaError } from '../../db/errors';
import { readAnnotations, writeCrisisType, writeItem } from '../../db/episode-annotations-repo';
import { readProfile } from '../../db/profile-repo';
import { deleteReport, listReports, readReport, saveReport } from '../../db/reports-repo';
import { addEvent, listEvents, removeEvent, restoreEvent } from '../../db/timeline-events-repo';
import type { Db } from '../../db/workspace-file';
import { exportData } from '../../reports/export';
import { renderReportHtml } from '../../reports/html';
import { T } from '../../reports/html-text';
import { buildReport } from '../../reports/model';
import { findChromium, htmlToPdf } from '../../reports/pdf';
import { HAND_ITEMS } from '../../reports/playbook';
import { CRISIS_TYPES, GUIDANCE, RECOMMENDED } from '../../reports/scct';
import type { EpisodeAnnotationsView } from '../contract';
import type { Handlers } from '../handler-types';

type Methods =
  | 'reports.generate'
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

export const reportHandlers: Pick<Handlers, Methods> = {
  'reports.generate': (deps, input) => {
    const db = deps.session.require().db;
    let model;
    try {
      model = buildReport(db, {
        crisisId: input.crisisId,
        from: input.from,
        to: input.to,
        lang: input.lang ?? 'es',
        anonymize: input.anonymize,
      });
    } catch (e) {
      throw new AtalayaError('not_found', (e as Error).message);
    }
    const day = new Date(model.from).toISOString().slice(0, 10);
    const html = renderReportHtml(model, { consultant: input.consultant, color: input.color });
    const filename = `${slug(model.brand)}-${input.crisisId ?? 'periodo'}-${day}-${model.lang}${input.anonymize ? '-anon' : ''}.html`;
    const stored = saveReport(
      db,
      {
        crisisId: input.crisisId ?? null,
        from: model.from,
        to: model.to,
        lang: model.lang,
        options: {
          anonymize: input.anonymize === true,
          consultant: input.consultant ?? null,
          color: input.color ?? null,
        },
        filename,
        html,
      },
      deps.clock.now(),
    );
    return { id: stored.id, html, filename, sha256: stored.sha256 };
  },
  'reports.list': (deps) => ({
    items: listReports(deps.session.require().db),
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
