import { TOXIC } from './lexicons/cues';
import { PhraseMatcher } from './phrase-matcher';
import { wordValence } from './sentiment';
import type { Prepared } from './text';

export type ToxicKind = 'insult' | 'profanity' | 'threat' | 'slur';

export interface ToxicFinding {
  kind: ToxicKind;
  term: string;
  severity: number;
  /** Whether the insult points at someone: "eres/sois/you are", a second person, or an @mention. */
  targeted: boolean;
}

export interface ToxicityResult {
  insult: boolean;
  toxicity: number;
  severity: 0 | 1 | 2 | 3;
  findings: ToxicFinding[];
}

const SINGLE = new Map<string, { severity: number; kind: ToxicKind }>();
const multi: Array<[string, { term: string; severity: number; kind: ToxicKind }]> = [];
for (const [term, severity, kind] of TOXIC) {
  if (term.includes(' ')) multi.push([term, { term, severity, kind }]);
  else SINGLE.set(term, { severity, kind });
}
const MULTI = new PhraseMatcher(multi, false);

const TARGET =
  / (eres|sois|son|es un|es una|you are|youre|ur|you|u|te|os|vosotros|ustedes|tu|your|@) /;

// "you are …", "she is …", "eres …", "sois unos …": a strongly negative word aimed at someone.
const AIMED = new Set([
  'you',
  'youre',
  'ur',
  'u',
  'eres',
  'sois',
  'son',
  'es',
  'estas',
  'estais',
  'are',
  'is',
]);
const SUBJECT_BEFORE = new Set([
  'you',
  'she',
  'he',
  'they',
  'ella',
  'el',
  'ellos',
  'ellas',
  'usted',
  'ustedes',
  'tu',
  'vosotros',
]);
const FILLER = new Set([
  'a',
  'an',
  'the',
  'so',
  'such',
  'just',
  'really',
  'very',
  'un',
  'una',
  'unos',
  'unas',
  'muy',
  'tan',
  'mas',
  'more',
  'most',
  'total',
  'complete',
  'walking',
  'talking',
  'de',
]);

// Feelings are not insults: "you're disappointed", "estás enfadado".
const FEELINGS = new Set([
  'disappointed',
  'upset',
  'frustrated',
  'sad',
  'angry',
  'annoyed',
  'worried',
  'confused',
  'sorry',
  'tired',
  'unhappy',
  'concerned',
  'stressed',
  'scared',
  'afraid',
  'hurt',
  'mad',
  'decepcionado',
  'decepcionada',
  'enfadado',
  'enfadada',
  'molesto',
  'molesta',
  'triste',
  'preocupado',
  'preocupada',
  'frustrado',
  'frustrada',
  'cansado',
  'cansada',
  'harto',
  'harta',
  'disgustado',
  'disgustada',
  'dolido',
  'dolida',
]);

function aimedInsults(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!AIMED.has(w)) continue;
    // "is"/"are"/"es"/"son" only count after a person: "she is", "they are", "usted es"
    if (
      (w === 'is' || w === 'are' || w === 'es' || w === 'son') &&
      !SUBJECT_BEFORE.has(words[i - 1] ?? '')
    )
      continue;
    for (let k = i + 1; k <= i + 4 && k < words.length; k++) {
      const x = words[k] as string;
      if (FILLER.has(x)) continue;
      const v = FEELINGS.has(x) ? undefined : wordValence(x);
      if (v !== undefined && v <= -1.9) out.push(`${w} … ${x}`);
      break;
    }
  }
  return out;
}

/**
 * Insults, slurs, profanity and threats (es/en). Every finding says what it matched; an
 * insult, slur or threat — or profanity aimed at someone — makes the post insulting.
 */
export function detectToxicity(p: Prepared): ToxicityResult {
  const findings: ToxicFinding[] = [];
  const targeted = TARGET.test(p.norm) || p.mentions > 0;
  for (const w of p.words) {
    const hit = SINGLE.get(w);
    if (hit) findings.push({ kind: hit.kind, term: w, severity: hit.severity, targeted });
  }
  for (const { value: m } of MULTI.match(p.words))
    findings.push({ kind: m.kind, term: m.term, severity: m.severity, targeted });
  for (const a of aimedInsults(p.words))
    findings.push({ kind: 'insult', term: a, severity: 1, targeted: true });
  const severity = findings.reduce<number>((a, f) => Math.max(a, f.severity), 0) as 0 | 1 | 2 | 3;
  // Profanity alone counts too: a brand must not post it, and offensive-language sets (OLID)
  // label it offensive. The kind and target of each finding stay in the explanation.
  const insult = findings.length > 0;
  const toxicity = Math.min(
    1,
    findings.reduce<number>((a, f) => a + f.severity * 0.2, 0),
  );
  return { insult, toxicity: Math.round(toxicity * 100) / 100, severity, findings };
}
