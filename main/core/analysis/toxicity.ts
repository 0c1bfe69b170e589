import { TOXIC } from './lexicons/cues';
import { PhraseMatcher } from './phrase-matcher';
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
