import { describe, expect, it } from 'vitest';
import { explainText } from '../../main/core/analysis';
import { trainCorrectionModel } from '../../main/core/analysis/learning';
import { rankForReview, reviewScore } from '../../main/core/analysis/review';
import { CORRECTED } from '../helpers/restaurant-corrections';

const candidates = (texts: string[]) =>
  texts.map((text, i) => ({ id: i + 1, text, explanation: explainText(text).explanation }));

describe('review suggestions', () => {
  it('suggests a mention near a class boundary before a confident one', () => {
    const confident = 'Excelente, maravilloso, me encanta todo, el mejor sitio';
    const hesitant = 'Está bien, aunque tardaron un poco';
    const cs = candidates([confident, 'Horrible, pésimo, asqueroso, nunca más', hesitant]);
    const near = reviewScore(null, cs[2] as (typeof cs)[number]);
    expect(near.margin).toBeLessThan(0.3);
    // Between neutral and positive: those are the two classes it names.
    expect([near.sentiment, near.rival].sort()).toEqual([0, 1]);
    const ranked = rankForReview(cs, null, 3);
    expect(ranked.map((s) => s.id)).toEqual([3, 1, 2]);
    expect(ranked[0]?.margin).toBeLessThan(ranked[1]?.margin ?? 0);
    expect(rankForReview(cs, null, 1).map((s) => s.id)).toEqual([3]);
  });

  it('does not fill the list with near-duplicates of one hesitant mention', () => {
    const copy = 'Está bien, aunque tardaron un poco con la comida del restaurante';
    const cs = candidates([
      copy,
      `${copy}!`,
      `${copy} hoy`,
      'La habitación estaba bien',
      'Excelente, maravilloso, me encanta todo, el mejor sitio',
    ]);
    const ranked = rankForReview(cs, null, 3).map((s) => s.id);
    // One of the three copies, then the other hesitant mention, then the confident one.
    expect(ranked).toHaveLength(3);
    expect(ranked.filter((id) => id <= 3)).toHaveLength(1);
    expect(ranked).toContain(4);
    expect(ranked).toContain(5);
    // Without the diversity terms the copies come first.
    expect(
      rankForReview(cs, null, 3, { diversity: 0, duplicate: 2 })
        .map((s) => s.id)
        .sort(),
    ).toEqual([1, 2, 3]);
  });

  it('ranks by the workspace model once it has learned: what it now knows well goes down', () => {
    // "una bestialidad" is praise in this restaurant: the base engine hesitates, the model does not.
    const t = 'Menudo chuletón, una bestialidad';
    const [c] = candidates([t]);
    if (!c) throw new Error('no candidate');
    const before = reviewScore(null, c);
    const model = trainCorrectionModel(
      CORRECTED.map(([text, sentiment]) => ({ text, label: { sentiment } })),
    );
    const after = reviewScore(model, c);
    expect(after.sentiment).toBe(1);
    expect(after.margin).toBeGreaterThan(before.margin);
    const sum = after.probabilities.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 2);
  });

  it('is deterministic and returns fewer when there are fewer candidates', () => {
    const cs = candidates(['Bien', 'Correcto', 'No estuvo mal']);
    expect(rankForReview(cs, null, 10)).toEqual(rankForReview([...cs].reverse(), null, 10));
    expect(rankForReview(cs, null, 10)).toHaveLength(3);
    expect(rankForReview([], null, 10)).toEqual([]);
  });
});
