/**
 * English sentences spelled from one template per key ("no text in column "{column}""), read
 * back to their key and values from the words alone. The CLI prints and the store keeps the
 * sentence; the app reads the key back and says it in the UI language. One template serves
 * both ways, so the two never drift apart — and text stored before a key existed still reads.
 */
export type SentenceParams = Record<string, string | number>;

export interface Said<K extends string = string> {
  key: K;
  params: SentenceParams;
}

export interface Sentences<K extends string> {
  /** The English sentence of a key with its values. */
  say(key: K, params?: SentenceParams): string;
  /** The key and values of an English sentence, or null for words no template spells. */
  read(text: string): Said<K> | null;
  /** Every key with its English template (translations are checked against them). */
  templates: Readonly<Record<K, string>>;
}

/**
 * A set of templates. `{name}` is a value; `{n}` reads back as a number when it is digits.
 * Templates are tried in the order given, so a more specific one goes before a looser one.
 */
export function sentences<K extends string>(text: Readonly<Record<K, string>>): Sentences<K> {
  const patterns = (Object.entries(text) as Array<[K, string]>).map(([key, template]) => ({
    key,
    names: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
    re: new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '([\\s\\S]*?)')}$`,
    ),
  }));
  return {
    templates: text,
    say: (key, params = {}) =>
      text[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? '')),
    read: (words) => {
      for (const p of patterns) {
        const m = p.re.exec(words);
        if (!m) continue;
        const params: SentenceParams = {};
        p.names.forEach((name, i) => {
          const v = m[i + 1] ?? '';
          params[name] = name === 'n' && /^\d+$/.test(v) ? Number(v) : v;
        });
        return { key: p.key, params };
      }
      return null;
    },
  };
}
