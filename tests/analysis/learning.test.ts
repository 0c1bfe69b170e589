import { describe, expect, it } from 'vitest';
import { analyzeText, explainText } from '../../main/core/analysis';
import {
  correctedVerdict,
  correctSentiment,
  parseModel,
  serialiseModel,
  MIN_CORRECTIONS,
  trainCorrectionModel,
  type CorrectionExample,
} from '../../main/core/analysis/learning';
import { createAnalyzer } from '../../main/core/sources/analyzer';
import { CORRECTED } from '../helpers/restaurant-corrections';

const UNRELATED = [
  'Servicio pésimo, no vuelvo',
  'Gracias por todo, genial',
  'El parking estaba cerrado',
  'Terrible experience, never again',
  'Great staff and lovely food',
];

const examples = (rows: Array<[string, -1 | 0 | 1]>): CorrectionExample[] =>
  rows.map(([text, sentiment]) => ({ text, label: { sentiment } }));

const verdict = (m: ReturnType<typeof trainCorrectionModel>, t: string) =>
  correctSentiment(m, t, explainText(t).explanation);

describe('learning from corrections', () => {
  it('a workspace without corrections gets exactly the base result', () => {
    const empty = trainCorrectionModel([]);
    expect(empty.examples).toBe(0);
    const withModel = createAnalyzer({} as never, { sentiment: empty });
    const without = createAnalyzer({} as never, null);
    for (const t of [...UNRELATED, ...CORRECTED.map(([x]) => x)]) {
      const r = verdict(empty, t);
      expect(r).toMatchObject({
        sentiment: analyzeText(t).sentiment,
        changed: false,
        features: [],
      });
      const m = { channel: 'csv', text: t, postedAt: 0 } as never;
      expect(withModel(m)).toEqual(without(m));
    }
  });

  it('changes the verdict on texts like the corrected ones, and not on unrelated ones', () => {
    const base = 'Menudo chuletón, una bestialidad';
    expect(analyzeText(base).sentiment).toBe(0);
    const slow = 'El jueves hay guiso lento de judías';
    expect(analyzeText(slow).sentiment).toBe(-1);
    const model = trainCorrectionModel(examples(CORRECTED));
    expect(model.trust).toBeGreaterThan(0);
    const r = verdict(model, base);
    expect(r).toMatchObject({ sentiment: 1, base: 0, changed: true });
    // The explanation names what the workspace model learned, and which way it pushed.
    const top = r.features[0];
    expect(top).toMatchObject({ kind: 'word', name: expect.stringMatching(/bestialidad/) });
    expect(top?.weight).toBeGreaterThan(0);
    expect(verdict(model, slow)).toMatchObject({ sentiment: 0, base: -1, changed: true });
    for (const t of UNRELATED) expect(verdict(model, t).sentiment).toBe(analyzeText(t).sentiment);
  });

  it('is right on more of the corrected mentions, also on ones it did not train on', () => {
    const model = trainCorrectionModel(examples(CORRECTED));
    expect(model.check.corrected).toBe(CORRECTED.length);
    expect(model.check.baseRight).toBe(
      CORRECTED.filter(([t, y]) => analyzeText(t).sentiment === y).length,
    );
    expect(model.check.learnedRight).toBeGreaterThan(model.check.baseRight);
    const right = CORRECTED.filter(([t, y]) => verdict(model, t).sentiment === y).length;
    expect(right).toBeGreaterThan(model.check.baseRight);
  });

  it("the importer's fast verdict is the explained verdict", () => {
    const model = trainCorrectionModel(examples(CORRECTED));
    for (const t of [
      ...UNRELATED,
      ...CORRECTED.map(([x]) => x),
      'Menudo chuletón, una bestialidad',
    ]) {
      const e = explainText(t).explanation;
      expect(correctedVerdict(model, t, e)).toBe(correctSentiment(model, t, e).sentiment);
    }
  });

  it('retraining is deterministic: the same corrections in any order give the same model', () => {
    const a = serialiseModel(trainCorrectionModel(examples(CORRECTED)));
    const reversed = serialiseModel(trainCorrectionModel(examples([...CORRECTED].reverse())));
    const rotated = serialiseModel(
      trainCorrectionModel(examples([...CORRECTED.slice(7), ...CORRECTED.slice(0, 7)])),
    );
    expect(reversed).toBe(a);
    expect(rotated).toBe(a);
  });

  it('a few corrections, or corrections all of one class, change nothing yet', () => {
    const few = trainCorrectionModel(examples(CORRECTED.slice(0, MIN_CORRECTIONS - 1)));
    const oneClass = trainCorrectionModel(
      examples(CORRECTED.filter(([, y]) => y === 1).map(([t], i) => [`${t} ${i}`, -1])),
    );
    for (const model of [few, oneClass]) {
      expect(model.trust).toBe(0);
      for (const t of [...UNRELATED, ...CORRECTED.map(([x]) => x)])
        expect(verdict(model, t).sentiment).toBe(analyzeText(t).sentiment);
    }
  });

  it('contradictory corrections are not trusted', () => {
    // The same kind of post labelled every way: nothing consistent to learn.
    const days = ['Hoy', 'Mañana', 'El lunes', 'El martes', 'El jueves', 'El viernes', 'El sábado'];
    const noise = examples(
      days.flatMap((d, i) =>
        ['abrimos a las diez', 'cerramos a las diez', 'hay mercado'].map(
          (x, j): [string, -1 | 0 | 1] => [`${d} ${x}`, (((i + j) % 3) - 1) as -1 | 0 | 1],
        ),
      ),
    );
    const model = trainCorrectionModel(noise);
    for (const t of [...UNRELATED, 'El domingo abrimos a las diez'])
      expect(verdict(model, t).sentiment).toBe(analyzeText(t).sentiment);
  });

  it('survives being stored; a model of the older kind is dropped', () => {
    const model = trainCorrectionModel(examples(CORRECTED));
    const back = parseModel(serialiseModel(model));
    expect(back).toEqual(model);
    expect(parseModel(JSON.stringify({ version: 1, dims: 16, examples: 3, weights: [] }))).toBe(
      null,
    );
  });

  it('trains on 200 corrections well under a second', () => {
    const many = Array.from({ length: 200 }, (_, i) => {
      const [t, y] = CORRECTED[i % CORRECTED.length] as [string, -1 | 0 | 1];
      return { text: `${t} (${i})`, label: { sentiment: y } };
    });
    const t0 = performance.now();
    const model = trainCorrectionModel(many);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(model.examples).toBe(200);
  });
});
