import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../main/core/analysis';
import {
  applyCorrectionModel,
  parseModel,
  serialiseModel,
  trainCorrectionModel,
} from '../../main/core/analysis/learning';

// A workspace where "brutal" praises the product (the lexicon reads it as mildly positive at
// most) and "lento" is said of a slow-cooked dish, not of the service.
const CORRECTED: Array<[string, -1 | 0 | 1]> = [
  ['El cochinillo estaba brutal', 1],
  ['Brutal el menú de hoy', 1],
  ['Qué brutal la tarta de queso', 1],
  ['La paella, brutal como siempre', 1],
  ['Brutal todo, volveremos', 1],
  ['Cordero asado a fuego lento, brutal', 1],
  ['El guiso lento de la abuela, brutal', 1],
  ['Hoy hay guiso lento en el menú', 0],
  ['Abrimos a las nueve', 0],
  ['¿Tenéis menú sin gluten?', 0],
  ['Me cobrasteis dos veces la cena', -1],
  ['Nadie coge el teléfono para reservar', -1],
];

const examples = (rows: Array<[string, -1 | 0 | 1]>) =>
  rows.map(([text, sentiment]) => ({
    text,
    analysis: analyzeText(text),
    label: { sentiment },
  }));

describe('learning from corrections', () => {
  it('zero corrections change nothing', () => {
    const model = trainCorrectionModel([]);
    for (const t of ['Servicio pésimo', 'Me encanta', 'Abrimos a las nueve']) {
      const a = analyzeText(t);
      expect(applyCorrectionModel(model, t, a).sentiment).toBe(a.sentiment);
    }
  });
  it("learns the workspace's own vocabulary from a few corrections, in both directions", () => {
    const model = trainCorrectionModel(examples(CORRECTED));
    const unseen = 'Brutal el arroz negro de ayer';
    expect(applyCorrectionModel(model, unseen, analyzeText(unseen)).sentiment).toBe(1);
    // Unrelated posts keep the lexicon's verdict.
    for (const t of ['Servicio pésimo, no vuelvo', 'Gracias por todo, genial']) {
      const a = analyzeText(t);
      expect(applyCorrectionModel(model, t, a).sentiment).toBe(a.sentiment);
    }
  });
  it('gets the corrected mentions right, and survives being stored', () => {
    const model = parseModel(serialiseModel(trainCorrectionModel(examples(CORRECTED))));
    const right = CORRECTED.filter(
      ([t, y]) => applyCorrectionModel(model, t, analyzeText(t)).sentiment === y,
    ).length;
    const before = CORRECTED.filter(([t, y]) => analyzeText(t).sentiment === y).length;
    expect(right).toBeGreaterThan(before);
    expect(right / CORRECTED.length).toBeGreaterThanOrEqual(0.9);
  });
});
