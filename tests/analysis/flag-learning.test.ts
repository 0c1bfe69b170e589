import { describe, expect, it } from 'vitest';
import { analyzeText, explainText } from '../../main/core/analysis';
import {
  correctFlag,
  correctSentiment,
  MIN_CORRECTIONS,
  parseFlagModel,
  parseModels,
  serialiseModels,
  trainCorrectionModel,
  trainFlagModel,
  type CorrectionExample,
  type Flag,
} from '../../main/core/analysis/learning';
import { createAnalyzer } from '../../main/core/sources/analyzer';
import { COMPLAINT_CORRECTED, INSULT_CORRECTED } from '../helpers/flag-corrections';
import { CORRECTED } from '../helpers/restaurant-corrections';

const examples = (flag: Flag, rows: Array<[string, boolean]>): CorrectionExample[] =>
  rows.map(([text, v]) => ({ text, label: { [flag]: v } }));

const flagOf = (m: ReturnType<typeof trainFlagModel>, t: string) =>
  correctFlag(m, t, explainText(t).explanation);

const mention = (text: string) => ({ channel: 'csv', text, postedAt: 0 }) as never;

describe('learning complaint and insult flags from corrections', () => {
  it('insult corrections: a praising swear word stops being an insult, an unknown one becomes one', () => {
    const praise = 'La tortilla de puta madre';
    const unknown = 'Menudo melón el cocinero';
    expect(analyzeText(praise).insult).toBe(true);
    expect(analyzeText(unknown).insult).toBe(false);
    const model = trainFlagModel('insult', examples('insult', INSULT_CORRECTED));
    expect(model.trust).toBeGreaterThan(0);
    expect(flagOf(model, praise)).toMatchObject({ value: false, base: true, changed: true });
    expect(flagOf(model, unknown)).toMatchObject({ value: true, base: false, changed: true });
    // What the engine already had right stays right.
    for (const t of ['Sois unos gilipollas', 'Eres un idiota'])
      expect(flagOf(model, t)).toMatchObject({ value: true, changed: false });
    for (const t of ['El pedido llegó tarde', 'Gracias, todo perfecto'])
      expect(flagOf(model, t)).toMatchObject({ value: false, changed: false });
  });

  it('complaint corrections: faults told without complaint words become complaints, with a topic', () => {
    const fault = 'El horno hace un ruido raro';
    expect(analyzeText(fault).complaint).toBe(false);
    const model = trainFlagModel('complaint', examples('complaint', COMPLAINT_CORRECTED));
    expect(model.trust).toBeGreaterThan(0);
    expect(flagOf(model, fault)).toMatchObject({ value: true, base: false, changed: true });
    for (const t of ['Gracias, todo perfecto', 'La tienda nueva abre el lunes'])
      expect(flagOf(model, t)).toMatchObject({ value: false, changed: false });
    // The analyzer stores the learned flag, and a topic for a new complaint.
    const a = createAnalyzer({} as never, { complaint: model })(mention(fault));
    expect(a).toMatchObject({ complaint: true, topic: expect.any(String) });
    const plain = createAnalyzer({} as never, null)(mention(fault));
    expect(plain).toMatchObject({ complaint: false, topic: null });
  });

  it('the accuracy on the corrected mentions is measured without each one’s own correction', () => {
    for (const [flag, rows] of [
      ['insult', INSULT_CORRECTED],
      ['complaint', COMPLAINT_CORRECTED],
    ] as const) {
      const model = trainFlagModel(flag, examples(flag, rows));
      expect(model.check.corrected).toBe(rows.length);
      const baseRight = rows.filter(
        ([t, v]) => (flag === 'insult' ? analyzeText(t).insult : analyzeText(t).complaint) === v,
      ).length;
      expect(model.check.baseRight).toBe(baseRight);
      expect(model.check.learnedRight).toBeGreaterThan(model.check.baseRight);
    }
  });

  it('too few corrections, or all of one value, change nothing', () => {
    const few = trainFlagModel(
      'insult',
      examples('insult', INSULT_CORRECTED.slice(0, MIN_CORRECTIONS - 1)),
    );
    expect(few.trust).toBe(0);
    const oneValue = trainFlagModel(
      'insult',
      examples(
        'insult',
        INSULT_CORRECTED.filter(([, v]) => !v),
      ).concat(
        examples(
          'insult',
          INSULT_CORRECTED.filter(([, v]) => !v).map(([t]) => [`${t}!`, false]),
        ),
      ),
    );
    expect(oneValue.examples).toBeGreaterThanOrEqual(MIN_CORRECTIONS);
    expect(oneValue.trust).toBe(0);
    const t = 'La tortilla de puta madre';
    expect(flagOf(oneValue, t)).toMatchObject({ value: true, changed: false });
    const withModel = createAnalyzer({} as never, { insult: oneValue });
    expect(withModel(mention(t))).toEqual(createAnalyzer({} as never, null)(mention(t)));
  });

  it('is deterministic whatever the order of the corrections, and stored as JSON', () => {
    const a = trainFlagModel('complaint', examples('complaint', COMPLAINT_CORRECTED));
    const b = trainFlagModel(
      'complaint',
      examples('complaint', [...COMPLAINT_CORRECTED].reverse()),
    );
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(parseFlagModel(JSON.stringify(a), 'complaint')).toEqual(a);
    // A model of the other flag, or of another format, is not taken for this one.
    expect(parseFlagModel(JSON.stringify(a), 'insult')).toBeNull();
    expect(parseFlagModel(JSON.stringify({ ...a, version: 0 }), 'complaint')).toBeNull();
    const all = parseModels(serialiseModels({ sentiment: null, complaint: a, insult: null }));
    expect(all).toEqual({ sentiment: null, complaint: a, insult: null });
  });

  it('a sentiment correction does not train a flag model, nor a flag correction the other flag', () => {
    const rows: CorrectionExample[] = [
      ...examples('complaint', COMPLAINT_CORRECTED),
      ...INSULT_CORRECTED.map(([text]) => ({ text, label: { sentiment: 0 as const } })),
    ];
    expect(trainFlagModel('complaint', rows).examples).toBe(COMPLAINT_CORRECTED.length);
    expect(trainFlagModel('insult', rows).examples).toBe(0);
  });
});

describe('the workspace models together', () => {
  const sentiment = trainCorrectionModel(
    CORRECTED.map(([text, v]) => ({ text, label: { sentiment: v } })),
  );
  const complaint = trainFlagModel('complaint', examples('complaint', COMPLAINT_CORRECTED));
  const insult = trainFlagModel('insult', examples('insult', INSULT_CORRECTED));
  const texts = [
    ...CORRECTED.map(([t]) => t),
    ...COMPLAINT_CORRECTED.map(([t]) => t),
    ...INSULT_CORRECTED.map(([t]) => t),
    'El horno hace un ruido raro y el técnico es un melón',
    'La tortilla de puta madre, una bestialidad',
    'Menudo melón el cocinero, el pedido sigue sin llegar',
  ];

  it('judge one explained mention as each does alone, in any order', () => {
    for (const m of [sentiment, complaint, insult]) expect(m.trust).toBeGreaterThan(0);
    const fresh = (t: string) => explainText(t).explanation;
    for (const t of texts) {
      const alone = {
        sentiment: correctSentiment(sentiment, t, fresh(t)),
        complaint: correctFlag(complaint, t, fresh(t)),
        insult: correctFlag(insult, t, fresh(t)),
      };
      // One explanation for all three models, as the analyzer passes it, asked twice over.
      const e = fresh(t);
      for (let round = 0; round < 2; round++) {
        expect(correctFlag(insult, t, e), t).toEqual(alone.insult);
        expect(correctSentiment(sentiment, t, e), t).toEqual(alone.sentiment);
        expect(correctFlag(complaint, t, e), t).toEqual(alone.complaint);
      }
    }
  });

  it('the analyzer stores each model’s own verdict when all three are trusted', () => {
    const all = createAnalyzer({} as never, { sentiment, complaint, insult });
    const only = {
      sentiment: createAnalyzer({} as never, { sentiment }),
      complaint: createAnalyzer({} as never, { complaint }),
      insult: createAnalyzer({} as never, { insult }),
    };
    let changed = 0;
    for (const t of texts) {
      const a = all(mention(t));
      const c = only.complaint(mention(t));
      expect(
        { sentiment: a?.sentiment, complaint: a?.complaint, topic: a?.topic, insult: a?.insult },
        t,
      ).toEqual({
        sentiment: only.sentiment(mention(t))?.sentiment,
        complaint: c?.complaint,
        topic: c?.topic,
        insult: only.insult(mention(t))?.insult,
      });
      const base = analyzeText(t);
      if (a?.complaint !== base.complaint || a?.insult !== base.insult) changed++;
    }
    // The models do change verdicts here: the comparison is not between base results.
    expect(changed).toBeGreaterThan(3);
  });
});
