import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { detectCrises, episodeSpan } from '../main/core/crises';
import { writeCrisisType, writeItem } from '../main/core/db/episode-annotations-repo';
import { writeProfile } from '../main/core/db/profile-repo';
import { addEvent } from '../main/core/db/timeline-events-repo';
import { createWorkspaceFile, type Db } from '../main/core/db/workspace-file';
import { analyseAuthors } from '../main/core/people/authors';
import { createAnalyzer } from '../main/core/sources/analyzer';
import { importFiles } from '../main/core/sources/import-runner';
import { rng } from './bench/corpus';

/**
 * The demo workspace: "Viajes Lumbre", a fictional travel agency, and a 12-day crisis that
 * follows the LetsBonus pattern — #LumbreTimo ("scam") after cancelled trips, angry customers
 * with booking numbers, agitators calling for a boycott, a refund announced on day one, a
 * dedicated care team, and the hashtag turning into #LumbreSíResponde before things calm down.
 * Everything is invented; it is generated and imported through the real pipeline.
 */
const START = Date.UTC(2026, 1, 2, 0, 0); // 20 quiet days, then the crisis on 22 Feb
const DAY = 86_400_000;
const r = rng(2011);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

const QUIET_POS = [
  'Gracias @ViajesLumbre, viaje perfecto a Lisboa',
  'Todo genial con @ViajesLumbre, repetiremos',
  'Muy buena atención en la oficina de @ViajesLumbre',
  'Great trip to Porto booked with @ViajesLumbre, thanks!',
];
const QUIET_NEU = [
  '¿@ViajesLumbre tenéis ofertas para Semana Santa?',
  '@ViajesLumbre ¿a qué hora abre la oficina del centro?',
  'Mirando escapadas con @ViajesLumbre para mayo',
];
const QUIET_NEG = [
  '@ViajesLumbre mi reserva {n} tiene la fecha mal y nadie contesta',
  '@ViajesLumbre llevo una semana esperando la factura de la reserva {n}',
];
const ANGRY = [
  '@ViajesLumbre habéis cancelado mi viaje a Roma, reserva {n}, pagué 640 € y nadie me contesta #LumbreTimo',
  '@ViajesLumbre quiero el reembolso de mi reserva {n} YA, tres llamadas y nada',
  '@ViajesLumbre cancelado mi viaje de aniversario, reserva {n}, qué vergüenza de empresa',
  '@ViajesLumbre my booking {n} was cancelled and nobody answers, I want a refund',
];
const AGITATE = [
  'Boicot a @ViajesLumbre, no compréis nada, difunde #LumbreTimo',
  'RT si @ViajesLumbre te ha estafado #LumbreTimo #boicot',
  'Todos a denunciar a @ViajesLumbre, son unos estafadores, comparte #LumbreTimo',
];
const CALMED = [
  '@ViajesLumbre ya me han devuelto el dinero de la reserva {n}, gracias por la llamada',
  'Reconozco que @ViajesLumbre ha respondido rápido, reembolso recibido #LumbreSíResponde',
  '@ViajesLumbre thanks, refund received for booking {n}',
];
const BRAND = [
  'Hola {name}, lo sentimos mucho. Te escribimos por MD para tramitar hoy el reembolso de la reserva {n}.',
  'Hola {name}, hemos devuelto el importe íntegro de tu reserva {n}. Te llamamos para ofrecerte otra fecha.',
  'Lo sentimos, escríbenos por MD y lo revisamos.',
];
const NAMES = ['Ana', 'Luis', 'Marta', 'Jorge', 'Elena', 'Pablo', 'Lucía', 'Sergio'];

interface Row {
  id: string;
  date: string;
  text: string;
  author: string;
  channel: string;
  reply_to?: string;
  likes: number;
}
const rows: Row[] = [];
let seq = 0;
const post = (
  t: number,
  text: string,
  author: string,
  channel = 'twitter',
  extra: Partial<Row> = {},
): string => {
  const id = `d${seq++}`;
  rows.push({
    id,
    date: new Date(t).toISOString(),
    text: text
      .replace('{n}', String(40000 + Math.floor(r() * 9999)))
      .replace('{name}', pick(NAMES)),
    author,
    channel,
    likes: Math.floor(r() * 5),
    ...extra,
  });
  return id;
};
const hourly = (h: number): number => 0.3 + Math.max(0, Math.sin((((h % 24) - 7) / 15) * Math.PI));

for (let h = 0; h < 20 * 24; h++) {
  const t = START + h * 3_600_000;
  const n = Math.round(hourly(h) * 2 * r() + 0.2);
  for (let k = 0; k < n; k++) {
    const roll = r();
    const text = roll < 0.5 ? pick(QUIET_POS) : roll < 0.8 ? pick(QUIET_NEU) : pick(QUIET_NEG);
    const id = post(
      t + k * 600_000,
      text,
      `cliente${Math.floor(r() * 400)}`,
      pick(['twitter', 'twitter', 'facebook', 'instagram', 'reviews']),
    );
    if (text.includes('esperando') || text.includes('nadie'))
      post(t + k * 600_000 + 2 * 3_600_000, pick(BRAND), 'ViajesLumbre', 'twitter', {
        reply_to: id,
      });
  }
}
const onset = START + 20 * DAY + 9 * 3_600_000;
const angryIds: string[] = [];
for (let h = 0; h < 12 * 24; h++) {
  const t = onset + h * 3_600_000;
  const day = h / 24;
  const intensity =
    day < 0.25
      ? day * 4
      : day < 2
        ? 1
        : day < 6
          ? 1 - (day - 2) / 5
          : Math.max(0.05, 0.2 - (day - 6) / 40);
  const n = Math.round(intensity * 28 * hourly(h + 9) * (0.6 + r() * 0.8));
  for (let k = 0; k < n; k++) {
    const roll = r();
    const at = t + Math.floor(r() * 3_600_000);
    if (day > 5 && roll < 0.35) post(at, pick(CALMED), `afectado${Math.floor(r() * 180)}`);
    else if (roll < 0.55)
      angryIds.push(
        post(
          at,
          pick(ANGRY),
          `afectado${Math.floor(r() * 180)}`,
          pick(['twitter', 'twitter', 'facebook', 'reviews']),
        ),
      );
    else if (roll < 0.85)
      post(at, pick(AGITATE), `agitador${Math.floor(r() * 12)}`, 'twitter', {
        likes: 10 + Math.floor(r() * 60),
      });
    else post(at, pick(QUIET_NEU), `cliente${Math.floor(r() * 400)}`);
  }
  // The brand: silent the first 5 hours, then a care team answering, refund announced on day 1.
  if (h >= 5) {
    const replies = Math.round((day < 3 ? 10 : 4) * r());
    for (let k = 0; k < replies && angryIds.length; k++) {
      const target = angryIds.shift() as string;
      post(t + Math.floor(r() * 3_600_000), pick(BRAND), 'ViajesLumbre', 'twitter', {
        reply_to: target,
      });
    }
  }
  if (h === 20)
    post(
      t,
      'Comunicado: devolvemos hoy el importe íntegro a todos los afectados por las cancelaciones. Os llamamos uno a uno. #LumbreSíResponde',
      'ViajesLumbre',
    );
}
// three accounts posting the same text within minutes
for (let k = 0; k < 3; k++)
  post(
    onset + 30 * 3_600_000 + k * 90_000,
    'Viajes Lumbre es un timo, no compréis nada, difundid #LumbreTimo',
    `cuenta_nueva${k}`,
  );

/**
 * What a consultant would add by hand, so a new user sees it in the report: the brand's
 * actions on the timeline, the crisis type (preventable: cancelled trips were its doing) and
 * the committee the data cannot show.
 */
function annotateDemo(db: Db, timezone: string): void {
  const H = 3_600_000;
  addEvent(
    db,
    {
      at: onset + 5 * H,
      label: 'Equipo de atención dedicado a la crisis',
      action: false,
      note: 'Seis personas respondiendo en redes por turnos',
    },
    START,
  );
  addEvent(
    db,
    {
      at: onset + 20 * H,
      label: 'Reembolso anunciado a todos los afectados',
      action: true,
      note: 'Comunicado en X, Facebook y la web',
    },
    START,
  );
  addEvent(
    db,
    {
      at: onset + 50 * H,
      label: 'La directora general llama a los clientes afectados',
      action: true,
    },
    START,
  );
  const episode = detectCrises(db, timezone).episodes.find(
    (e) => Math.abs(Date.parse(e.start) - onset) < 12 * H,
  );
  if (!episode) throw new Error('the demo crisis was not detected: check the scenario');
  const span = episodeSpan(db, timezone, episode.id);
  writeCrisisType(db, span, 'preventable', START);
  writeItem(
    db,
    span,
    'committee',
    {
      checked: true,
      note: 'Comité diario a las 9:00: dirección, atención al cliente y comunicación',
    },
    START,
  );
  writeItem(
    db,
    span,
    'listening',
    { checked: true, note: 'Lista compartida de lo que pide cada afectado' },
    START,
  );
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'resources/demo.atalaya');
  if (existsSync(out)) rmSync(out);
  const dir = mkdtempSync(join(tmpdir(), 'atalaya-demo-'));
  const jsonl = join(dir, 'demo.jsonl');
  writeFileSync(jsonl, rows.map((x) => JSON.stringify(x)).join('\n'));
  const profile = {
    brand: 'Viajes Lumbre',
    keywords: ['viajes lumbre', 'lumbre', '#lumbretimo', '#lumbresíresponde'],
    excludes: [],
    handles: [
      { channel: 'twitter' as const, handle: 'ViajesLumbre' },
      { channel: 'facebook' as const, handle: 'ViajesLumbre' },
    ],
    timezone: 'Europe/Madrid',
    hours: { days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '20:00' },
    holidays: [],
    responseTargetMinutes: 60,
  };
  const ws = createWorkspaceFile(out, (db) => writeProfile(db, profile, START));
  const s = await importFiles(
    { db: ws.db, timezone: profile.timezone, now: () => START, analyze: createAnalyzer(profile) },
    [jsonl],
    {
      format: 'jsonl',
      map: {
        id: 'id',
        date: 'date',
        text: 'text',
        author: 'author',
        channel: 'channel',
        reply_to: 'reply_to',
        likes: 'likes',
      },
    },
  );
  analyseAuthors(ws.db, START);
  annotateDemo(ws.db, profile.timezone);
  ws.db.exec("UPDATE import_batches SET file_name = 'demo (generated)'; VACUUM;");
  ws.close();
  rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`demo workspace: ${s.imported} mentions → ${out}\n`);
}

void main();
