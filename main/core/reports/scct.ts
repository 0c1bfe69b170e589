import { prepare } from '../analysis/text';
import { PhraseMatcher } from '../analysis/phrase-matcher';

/**
 * Coombs' Situational Crisis Communication Theory (SCCT): the crisis type sets how much of
 * the blame the public gives the organisation, and with it the response strategies that fit.
 * The user chooses the type (the data cannot know whether the cause was the brand's doing);
 * the report compares the recommended strategies with those seen in the brand's replies.
 */
export const CRISIS_TYPES = ['victim', 'accidental', 'preventable'] as const;
export type CrisisType = (typeof CRISIS_TYPES)[number];

export const STRATEGIES = [
  'apology',
  'compensation',
  'justification',
  'excuse',
  'denial',
  'scapegoat',
  'attack_accuser',
  'ingratiation',
  'instructing',
] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** SCCT's postures: rebuild, diminish, deny, bolster; "instructing information" comes first in any crisis. */
export const POSTURE: Record<Strategy, 'rebuild' | 'diminish' | 'deny' | 'bolster' | 'base'> = {
  apology: 'rebuild',
  compensation: 'rebuild',
  justification: 'diminish',
  excuse: 'diminish',
  denial: 'deny',
  scapegoat: 'deny',
  attack_accuser: 'deny',
  ingratiation: 'bolster',
  instructing: 'base',
};

export const RECOMMENDED: Record<CrisisType, Strategy[]> = {
  victim: ['instructing', 'ingratiation', 'justification'],
  accidental: ['instructing', 'justification', 'excuse', 'compensation'],
  preventable: ['instructing', 'apology', 'compensation'],
};

/** Strategies that harm the brand in that type of crisis (denying what it caused). */
export const DISCOURAGED: Record<CrisisType, Strategy[]> = {
  victim: ['attack_accuser'],
  accidental: ['denial', 'scapegoat', 'attack_accuser'],
  preventable: ['denial', 'scapegoat', 'attack_accuser', 'excuse', 'justification'],
};

export const GUIDANCE: Record<'es' | 'en', Record<CrisisType, { name: string; text: string }>> = {
  es: {
    victim: {
      name: 'Víctima',
      text: 'La marca también sufre la crisis y se le atribuye poca responsabilidad: catástrofes naturales, rumores falsos, sabotaje o manipulación de un producto por terceros, violencia en el trabajo. Recomendado: informar con instrucciones claras (qué pasa, qué deben hacer los clientes) y expresar preocupación; se puede desmentir un rumor falso con pruebas.',
    },
    accidental: {
      name: 'Accidental',
      text: 'La marca no lo hizo a propósito: un fallo técnico, un proveedor, una acusación discutible. Se le atribuye responsabilidad moderada. Recomendado: informar y explicar (justificar, excusar sin eludir), y compensar si hubo perjuicio. Negar o culpar a otros empeora la reputación.',
    },
    preventable: {
      name: 'Evitable',
      text: 'La marca pudo evitarlo: un error humano, una mala práctica, una promesa incumplida, clientes puestos en riesgo a sabiendas. Se le atribuye mucha responsabilidad. Recomendado: reconstruir — pedir perdón asumiendo la responsabilidad y compensar (reembolsos, atención personal), como LetsBonus. Excusas, negación o culpar a terceros hacen daño.',
    },
  },
  en: {
    victim: {
      name: 'Victim',
      text: 'The brand is a victim too and gets little blame: natural disasters, false rumours, sabotage or product tampering by others, workplace violence. Recommended: instructing information (what is happening, what customers should do) and concern for those affected; a false rumour can be denied with evidence.',
    },
    accidental: {
      name: 'Accidental',
      text: 'The brand did not mean it: a technical failure, a supplier, a disputable challenge. It gets moderate blame. Recommended: inform and explain (justification, excuse without dodging) and compensate where people lost out. Denying or blaming others makes it worse.',
    },
    preventable: {
      name: 'Preventable',
      text: 'The brand could have avoided it: human error, misconduct, a broken promise, customers knowingly put at risk. It gets strong blame. Recommended: rebuild — apologise taking responsibility and compensate (refunds, personal attention), as LetsBonus did. Excuses, denial or blaming others do harm.',
    },
  },
};

/**
 * Cue lists per strategy, written folded (lower case, no accents) as `prepare` leaves words.
 * A last word of 4+ letters matches as a prefix ("reembols" → "reembolso", "reembolsaremos").
 * Each says in `why` what the cues stand for, so the report can explain the detection.
 */
export const CUES: Record<Strategy, { es: string[]; en: string[] }> = {
  apology: {
    es: [
      'lo sentimos',
      'lo siento',
      'sentimos mucho',
      'disculpa',
      'disculpen',
      'disculpad',
      'perdon',
      'pedimos perdon',
      'nuestras disculpas',
      'asumimos la responsabilidad',
      'fue un error nuestro',
    ],
    en: [
      'sorry',
      'we apologise',
      'we apologize',
      'apologies',
      'our apologies',
      'we take full responsibility',
      'our mistake',
      'we got it wrong',
    ],
  },
  compensation: {
    es: [
      'reembols',
      'devolvemos',
      'devolveremos',
      'devolucion',
      'hemos devuelto',
      'devuelto el importe',
      'compensacion',
      'compensar',
      'bono de',
      'bonos de',
      'vale descuento',
      'sin coste',
      'gratis',
      'abonamos',
      'abonaremos',
    ],
    en: [
      'refund',
      'money back',
      'compensat',
      'voucher',
      'credit your account',
      'free of charge',
      'at no cost',
      'reimburs',
    ],
  },
  justification: {
    es: [
      'debido a',
      'por motivos de seguridad',
      'no fue tan grave',
      'solo afecta',
      'solo afecto',
      'una minoria',
      'muy pocos clientes',
      'por tu seguridad',
    ],
    en: [
      'due to',
      'for safety reasons',
      'for your safety',
      'only affects',
      'only affected',
      'a small number of',
      'very few customers',
    ],
  },
  excuse: {
    es: [
      'causas ajenas',
      'ajeno a nosotros',
      'fuera de nuestro control',
      'fuerza mayor',
      'no depende de nosotros',
      'no pudimos evitar',
      'imprevisto',
    ],
    en: [
      'beyond our control',
      'out of our hands',
      'force majeure',
      'could not have foreseen',
      'unforeseen',
    ],
  },
  denial: {
    es: [
      'no es cierto',
      'no es verdad',
      'es falso',
      'bulo',
      'no hay ningun problema',
      'no existe ningun',
      'desmentimos',
      'no ha ocurrido',
    ],
    en: [
      'not true',
      'is false',
      'there is no problem',
      'did not happen',
      'never happened',
      'we deny',
      'fake news',
    ],
  },
  scapegoat: {
    es: [
      'culpa del proveedor',
      'culpa de la aerolinea',
      'responsabilidad del proveedor',
      'responsabilidad de la aerolinea',
      'es cosa de la aerolinea',
      'el proveedor ha',
      'la aerolinea ha',
    ],
    en: [
      'the airline is responsible',
      'our supplier is responsible',
      'fault of the airline',
      'fault of our supplier',
      'blame the airline',
      'the supplier failed',
    ],
  },
  attack_accuser: {
    es: [
      'acciones legales',
      'medidas legales',
      'difamacion',
      'denunciaremos',
      'mienten',
      'estas mintiendo',
      'calumnia',
    ],
    en: ['legal action', 'defamation', 'you are lying', 'they are lying', 'slander', 'our lawyers'],
  },
  ingratiation: {
    es: [
      'gracias por tu paciencia',
      'gracias por vuestra paciencia',
      'gracias por la confianza',
      'agradecemos',
      'valoramos mucho',
      'clientes como tu',
    ],
    en: [
      'thank you for your patience',
      'thanks for your patience',
      'we appreciate',
      'we value',
      'thank you for your trust',
      'loyal customers',
    ],
  },
  instructing: {
    es: [
      'escribenos por md',
      'escribenos por privado',
      'por md',
      'mensaje directo',
      'te escribimos por',
      'llamanos',
      'te llamamos',
      'os llamamos',
      'llama al',
      'rellena el formulario',
      'en este enlace',
      'pasos a seguir',
    ],
    en: [
      'dm us',
      'send us a dm',
      'direct message',
      'call us',
      'we will call you',
      'fill in the form',
      'follow the steps',
      'contact us at',
    ],
  },
};

const matcher = new PhraseMatcher<Strategy>(
  STRATEGIES.flatMap((s) => [...CUES[s].es, ...CUES[s].en].map((p): [string, Strategy] => [p, s])),
  true,
);

/** The SCCT strategies one brand reply uses, each with the cue phrases that showed it. */
export function detectStrategies(text: string): Array<{ strategy: Strategy; cues: string[] }> {
  const hits = new Map<Strategy, Set<string>>();
  for (const m of matcher.match(prepare(text).words)) {
    const set = hits.get(m.value) ?? new Set<string>();
    set.add(m.phrase);
    hits.set(m.value, set);
  }
  return STRATEGIES.filter((s) => hits.has(s)).map((s) => ({
    strategy: s,
    cues: [...(hits.get(s) as Set<string>)],
  }));
}
