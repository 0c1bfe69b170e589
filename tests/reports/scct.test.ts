import { describe, expect, it } from 'vitest';
import {
  CUES,
  detectStrategies,
  DISCOURAGED,
  GUIDANCE,
  RECOMMENDED,
  STRATEGIES,
} from '../../main/core/reports/scct';

const kinds = (text: string): string[] => detectStrategies(text).map((d) => d.strategy);

describe('SCCT response strategies in brand replies', () => {
  it('finds apology, compensation and instructions in a Spanish reply, with the cues that showed them', () => {
    const d = detectStrategies(
      'Hola Ana, lo sentimos mucho. Te escribimos por MD para tramitar hoy el reembolso de la reserva 41234.',
    );
    expect(d.map((x) => x.strategy)).toEqual(['apology', 'compensation', 'instructing']);
    expect(d.find((x) => x.strategy === 'apology')?.cues).toContain('lo sentimos');
    expect(d.find((x) => x.strategy === 'compensation')?.cues).toEqual(['reembols']);
  });

  it('reads accents and capitals the way people write them', () => {
    expect(kinds('PERDÓN por las molestias, hemos DEVUELTO EL IMPORTE')).toEqual([
      'apology',
      'compensation',
    ]);
    expect(kinds('Pedimos perdón: fue un error nuestro')).toEqual(['apology']);
    expect(kinds('Llámanos al 900 123 456')).toEqual(['instructing']);
  });

  it('tells diminishing and denying replies apart, in English too', () => {
    expect(kinds('The delay was due to a strike beyond our control')).toEqual([
      'justification',
      'excuse',
    ]);
    expect(kinds('That is not true, there is no problem with our flights')).toEqual(['denial']);
    expect(kinds('Es falso, es un bulo')).toEqual(['denial']);
    expect(kinds('La culpa es de la aerolínea, es cosa de la aerolínea')).toEqual(['scapegoat']);
    expect(kinds('Tomaremos acciones legales por difamación')).toEqual(['attack_accuser']);
    expect(kinds("We're sorry, we will refund you in full")).toEqual(['apology', 'compensation']);
    expect(kinds('Thank you for your patience, DM us your booking number')).toEqual([
      'ingratiation',
      'instructing',
    ]);
  });

  it('finds nothing in a reply without cues, and does not read a prefix inside another word', () => {
    expect(kinds('Buenos días, ¿en qué podemos ayudarte?')).toEqual([]);
    expect(kinds('Hola, el bonobo del zoo')).toEqual([]);
    expect(kinds('@sorryguy hello')).toEqual([]);
  });

  it('every strategy has cues in both languages; every type has guidance and advice', () => {
    for (const s of STRATEGIES) {
      expect(CUES[s].es.length, s).toBeGreaterThan(2);
      expect(CUES[s].en.length, s).toBeGreaterThan(2);
    }
    for (const type of ['victim', 'accidental', 'preventable'] as const) {
      expect(GUIDANCE.es[type].text.length).toBeGreaterThan(80);
      expect(GUIDANCE.en[type].text.length).toBeGreaterThan(80);
      expect(RECOMMENDED[type].some((s) => DISCOURAGED[type].includes(s))).toBe(false);
    }
    expect(RECOMMENDED.preventable).toEqual(expect.arrayContaining(['apology', 'compensation']));
    expect(DISCOURAGED.preventable).toContain('denial');
  });
});
