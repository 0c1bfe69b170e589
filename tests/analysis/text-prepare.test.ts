import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../../main/core/analysis/phrase-matcher';
import { prepare } from '../../main/core/analysis/text';
import { detectLanguage } from '../../main/core/analysis';

// The fast paths of the tokenizer and the matchers (charCode scans, a prefix trie) must give
// what the regular expressions and per-length lookups gave; these are the edges they treat apart.
describe('prepare', () => {
  it('reduces elongations of ASCII and accented letters, not of digits', () => {
    const p = prepare('Buenooo graciasss 1111 caféééé ñññam');
    expect(p.words).toEqual(['bueno', 'gracias', '1111', 'cafe', 'nam']);
    expect(p.emphasis).toEqual([true, true, false, true, true]);
  });

  it('treats clause marks as boundaries and apostrophes as part of words', () => {
    const p = prepare("I can’t. Really? 'quoted' ok");
    expect(p.words).toEqual(['i', 'cant', 'really', 'quoted', 'ok']);
    expect(p.apostrophe).toEqual([false, true, false, false, false]);
    expect(p.clause).toEqual([0, 0, 1, 2, 2]);
    expect([...p.questionClauses]).toEqual([1]);
  });

  it('counts a word in capitals only when no letter is lower case', () => {
    const p = prepare('NEVER again, Never, nEVER, ÑOÑO');
    expect(p.caps).toEqual([true, false, false, false, true]);
    expect(p.titled).toEqual([false, false, true, false, false]);
  });

  it('counts exclamation and question marks, also inverted and next to emoji', () => {
    const p = prepare('¡¡Qué!! 😡? ¿sí?');
    expect(p.exclamations).toBe(4);
    expect(p.questions).toBe(3);
  });

  it('reads hashtags only where there is a #', () => {
    expect(prepare('no tags here').hashtags).toEqual([]);
    expect(prepare('#NeverAgain ok').hashtagWords).toEqual([['never', 'again']]);
  });
});

describe('PhraseMatcher with prefixes', () => {
  const m = new PhraseMatcher<string>(
    [
      ['retras', 'a'],
      ['retrasad', 'b'],
      ['retrasado', 'c'],
      ['rt', 'short'],
      ['no funciona', 'phrase'],
    ],
    true,
  );

  it('finds every prefix entry a word starts with, longest first', () => {
    expect(m.match(['retrasadisimo']).map((h) => h.value)).toEqual(['b', 'a']);
    expect(m.match(['retrasado']).map((h) => h.value)).toEqual(['c', 'b', 'a']);
    expect(m.match(['retra'])).toEqual([]);
  });

  it('matches short entries exactly and phrases word by word', () => {
    expect(m.match(['rtve']).map((h) => h.value)).toEqual([]);
    expect(m.match(['rt']).map((h) => h.value)).toEqual(['short']);
    expect(m.match(['ya', 'no', 'funcionaba'])).toEqual([
      { start: 1, length: 2, value: 'phrase', phrase: 'no funciona' },
    ]);
  });
});

describe('language vote', () => {
  it('takes the first of tied languages as second, and a tie as undetermined', () => {
    // "de" is a function word of Spanish and Portuguese alike (split vote); "que" too.
    expect(detectLanguage('the cat and the dog').lang).toBe('en');
    expect(detectLanguage('el perro y el gato que').lang).toBe('es');
    expect(detectLanguage('qwerty zxcv').lang).toBe('und');
  });
});
