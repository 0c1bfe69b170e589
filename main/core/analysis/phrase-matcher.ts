/**
 * Finds word sequences in a tokenised post in one pass over its words (instead of one
 * substring search per phrase). With `prefix`, a phrase's last word may be the start of a
 * longer word ("retras" matches "retrasado"), as the cue lists intend.
 */
export class PhraseMatcher<T> {
  private exact = new Map<string, Array<{ tokens: string[]; value: T; phrase: string }>>();
  private singlePrefix = new Map<string, Array<{ value: T; phrase: string }>>();
  private minPrefix = Infinity;
  private maxPrefix = 0;

  constructor(
    entries: Array<[string, T]>,
    private prefix: boolean,
  ) {
    for (const [phrase, value] of entries) {
      const tokens = phrase.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (tokens.length === 0) continue;
      // Short words match only exactly: a prefix "rt" must not match "rtve".
      if (prefix && tokens.length === 1 && (tokens[0] as string).length >= 4) {
        const t = tokens[0] as string;
        const list = this.singlePrefix.get(t) ?? [];
        list.push({ value, phrase });
        this.singlePrefix.set(t, list);
        this.minPrefix = Math.min(this.minPrefix, t.length);
        this.maxPrefix = Math.max(this.maxPrefix, t.length);
        continue;
      }
      const first = tokens[0] as string;
      const list = this.exact.get(first) ?? [];
      list.push({ tokens, value, phrase });
      this.exact.set(first, list);
    }
    // Longest phrases first, so callers that consume words prefer "no me gusta" to "me gusta".
    for (const list of this.exact.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /** Every match: where it starts, how many words it spans, and its payload. */
  match(words: string[]): Array<{ start: number; length: number; value: T; phrase: string }> {
    const out: Array<{ start: number; length: number; value: T; phrase: string }> = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const list = this.exact.get(w);
      if (list) {
        for (const e of list) {
          if (this.follows(words, i, e.tokens))
            out.push({ start: i, length: e.tokens.length, value: e.value, phrase: e.phrase });
        }
      }
      if (this.singlePrefix.size) {
        for (let k = Math.min(w.length, this.maxPrefix); k >= this.minPrefix; k--) {
          const hits = this.singlePrefix.get(k === w.length ? w : w.slice(0, k));
          if (hits)
            for (const h of hits)
              out.push({ start: i, length: 1, value: h.value, phrase: h.phrase });
        }
      }
    }
    return out;
  }

  private follows(words: string[], i: number, tokens: string[]): boolean {
    for (let k = 1; k < tokens.length; k++) {
      const w = words[i + k];
      const t = tokens[k] as string;
      if (w === undefined) return false;
      const last = k === tokens.length - 1;
      if (!(w === t || (this.prefix && last && t.length >= 4 && w.startsWith(t)))) return false;
    }
    return true;
  }
}
