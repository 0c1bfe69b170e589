import { describe, expect, it } from 'vitest';
import { explainText } from '../../main/core/analysis';
import { NOTE_TEMPLATES, noteText, notesText, type Note } from '../../main/core/analysis/notes';
import { en } from '../../renderer/src/i18n/en';
import { es } from '../../renderer/src/i18n/es';

// Posts that between them fire every explaining sentence the analysis has.
const POSTS: Array<[string, 'es' | 'en', number?]> = [
  ['No me gusta nada, pero el envío llegó rapidísimo!!', 'es'],
  ['Muy bueno aunque caro', 'es'],
  ['Genial, otra vez me habéis cobrado dos veces mi pedido, quiero el reembolso ya #fail', 'es'],
  ['Bueno, el pedido llegó tarde pero bien', 'es'],
  ['Can you check my order please? Thanks', 'en'],
  ['I want it so bad', 'en'],
  ['They could win the cup this year', 'en'],
  ['Is the new menu any good?', 'en'],
  ['The Magic Mike show was GREAT :) 😍 #LoveIt', 'en'],
  ['Fans welcome the new stadium plan ...', 'en'],
  ['Festival tickets go on sale this Friday', 'en'],
  ['Oh great, my flight got cancelled again and nobody answers', 'en'],
  ['Boicot a @acme! RT y no compréis @a @b @c @d #boicot #acme #timo', 'es'],
  ['Qué asco de empresa, fuera los inmigrantes', 'es'],
  ['Never been so happy with a purchase', 'en'],
  ['El pedido llegó y está bien', 'es'],
  ['Muy buena la cena', 'es', 5],
];

const texts = (notes: Note[] | undefined) => (notes ?? []).map(noteText);

describe('explanation notes', () => {
  const seen = new Set<string>();
  for (const [text, lang, rating] of POSTS) {
    const e = explainText(text, { lang, rating }).explanation;
    for (const t of e.sentiment.terms) {
      for (const n of t.notes ?? []) seen.add(n.key);
    }
    for (const n of [
      ...e.sentiment.notes,
      ...e.complaint.notes,
      ...e.campaign.notes,
      ...(e.irony.note ? [e.irony.note] : []),
      ...e.toxicity.findings.flatMap((f) => (f.note ? [f.note] : [])),
    ])
      seen.add(n.key);
  }

  it('the English sentences are the notes spelled out, as the CLI and the workspace model read them', () => {
    const e = explainText('No me gusta nada, pero el envío llegó rapidísimo!!', {
      lang: 'es',
    }).explanation;
    for (const t of e.sentiment.terms) expect(t.rule).toBe(t.notes && notesText(t.notes));
    expect(e.sentiment.rules).toEqual(texts(e.sentiment.notes));
    expect(e.complaint.reason).toBe(notesText(e.complaint.notes, '; '));
    const c = explainText('Me habéis cobrado dos veces mi pedido, quiero el reembolso ya', {
      lang: 'es',
    }).explanation.complaint;
    expect(c.reason).toMatch(
      /^negative tone with refund billing words \(cobrad, reembolso.*\); personal transaction \(.*mi pedido\)$/,
    );
    expect(c.notes[0]).toMatchObject({
      key: 'complaintTopic',
      params: { topic: 'refund_billing' },
    });
    const hate = explainText('fuera los inmigrantes', { lang: 'es' }).explanation.toxicity.findings;
    const h = hate.find((f) => f.kind === 'hate');
    expect(h?.term).toBe('hostility ("fuera") towards a group ("inmigrantes")');
    expect(h?.note).toEqual({
      key: 'groupHostility',
      params: { word: 'fuera', group: 'inmigrantes' },
    });
  });

  it('the sample posts reach most of the sentences', () => {
    // a guard that the posts above still exercise the rules (not every key needs one)
    expect(seen.size).toBeGreaterThanOrEqual(20);
    for (const k of seen) expect(Object.keys(NOTE_TEMPLATES)).toContain(k);
  });

  it('every sentence has its Spanish and English UI text naming the same words and figures', () => {
    const ui = (m: typeof en, key: string): string[] => {
      const e = m.mentions.explain as Record<string, string>;
      return [e[key], e[`${key}_one`], e[`${key}_other`]].filter((x): x is string => !!x);
    };
    for (const [key, template] of Object.entries(NOTE_TEMPLATES)) {
      const params = (template.match(/{\w+}/g) ?? []).map((p) => p.slice(1, -1)).sort();
      for (const m of [en, es]) {
        const said = ui(m, key);
        expect(said.length, key).toBeGreaterThan(0);
        for (const s of said)
          expect(
            [...new Set((s.match(/{{\w+}}/g) ?? []).map((p) => p.slice(2, -2)))].sort(),
            key,
          ).toEqual(params);
      }
    }
    // Spanish says them in Spanish: no Spanish text is the English template itself
    const same = Object.entries(NOTE_TEMPLATES).filter(([key, template]) =>
      ui(es, key).some(
        (s) => s.replace(/[“”]/g, '"').replace(/{{/g, '{').replace(/}}/g, '}') === template,
      ),
    );
    expect(same.map(([k]) => k)).toEqual(['hashtag', 'emoji', 'manyHashtags']);
  });
});
