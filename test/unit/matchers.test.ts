import { describe, expect, it } from 'vitest';
import { proseOfText } from '../../src/article/markdown.js';
import { tokenize } from '../../src/scan/tokens.js';
import { WordFlag, WordFlags, wordFlagsOf } from '../../src/scan/word-flags.js';
import { createPhraseIndex, phraseAdd } from '../../src/util/phrase-index.js';
import { matchPhrase } from '../../src/scan/names.js';
import { loadReference } from '../../src/index.js';

describe('phrase index', () => {
  const index = createPhraseIndex<string>();
  phraseAdd(index, ['a', 'p', 'j', 'abdul', 'kalam'], () => 'kalam');
  phraseAdd(index, ['a', 'b'], () => 'ab');
  phraseAdd(index, ['tony', 'blair'], () => 'blair');

  const match = (text: string) => {
    const tokens = tokenize(text, [{ start: 0, end: text.length }]);
    const lookups: string[] = [];
    const entries = index.entries;
    const spy = Object.assign(Object.create(entries) as Map<string, string>, {
      get: (key: string) => {
        lookups.push(key);
        return entries.get(key);
      },
    });
    const found = matchPhrase({ ...index, entries: spy }, tokens, 0);
    return { found, lookups };
  };

  it('finds the longest phrase, passing over the full stops of initials', () => {
    expect(match('A. P. J. Abdul Kalam said').found).toEqual({ end: 8, value: 'kalam' });
    expect(match('a b c').found).toEqual({ end: 2, value: 'ab' });
    expect(match('a p j smith').found).toBeNull();
  });

  it('stops reading as soon as no phrase continues the words read', () => {
    // "a big" begins no phrase, so the third word is never looked up.
    expect(match('a big house in town').lookups).toEqual(['a', 'a big']);
    expect(index.prefixes.has('a p j abdul')).toBe(true);
    expect(index.prefixes.has('a p j abdul kalam')).toBe(false);
  });
});

describe('word flags', () => {
  it('mark what each word can start, from the table and the fixed word lists', () => {
    const { table } = loadReference();
    const text = 'Prime Minister Tony Blair said the German leader was in Berlin.';
    const tokens = tokenize(text, [{ start: 0, end: text.length }], wordFlagsOf(table));
    const flagsOf = (word: string) => tokens.find((t) => t.text === word)?.flags ?? -1;
    expect(flagsOf('Prime') & WordFlag.titleStart).toBeTruthy();
    expect(flagsOf('Tony') & WordFlag.nameStart).toBeTruthy();
    expect(flagsOf('Blair') & WordFlag.surnameStart).toBeTruthy();
    expect(flagsOf('German') & WordFlag.countryStart).toBeTruthy();
    expect(flagsOf('said') & WordFlag.speechVerb).toBeTruthy();
    expect(flagsOf('the') & WordFlag.functionWord).toBeTruthy();
    expect(flagsOf('was') & (WordFlag.nameStart | WordFlag.titleStart | WordFlag.speechVerb)).toBe(0);
    expect(tokens.find((t) => t.text === '.')?.flags).toBe(0);
  });
});

describe('plain text prose', () => {
  it('is the text itself when there is nothing to blank, and a blanked copy otherwise', () => {
    const plain = 'He said “yes”.\n\nShe said no.';
    expect(proseOfText(plain, 0).text).toBe(plain);
    const withUrl = 'See https://example.com/x now.';
    expect(proseOfText(withUrl, 0).text).toBe('See                       now.');
    const loneSurrogate = 'A \ud800 b';
    expect(proseOfText(loneSurrogate, 0).text).toBe('A \ufffd b');
  });
});

describe('word flag table', () => {
  it('answers exactly as the map it was built from, for listed and unlisted words, colliding or not', () => {
    const entries = new Map<string, number>();
    for (let i = 0; i < 500; i++) entries.set(`w${i}`, (i % 7) + 1);
    const flags = new WordFlags(entries);
    for (let i = 0; i < 1000; i++) expect(flags.get(`w${i}`)).toBe(entries.get(`w${i}`) ?? 0);
    expect(flags.get('')).toBe(0);
  });

  it('is read with the hash the tokenizer computes as it scans', () => {
    const { table } = loadReference();
    const wordFlags = wordFlagsOf(table);
    const text =
      'Mr BLAIR, the Prime Minister, said: “Schröder and Ségolène Royal met the U.S. envoy’s aide.” Then he left.';
    const tokens = tokenize(text, [{ start: 0, end: text.length }], wordFlags);
    for (const token of tokens) {
      expect(token.flags, token.text).toBe(token.isWord ? wordFlags.get(token.key) : 0);
    }
    expect(tokens.filter((t) => t.flags !== 0).map((t) => t.text)).toEqual(
      expect.arrayContaining(['Mr', 'BLAIR', 'Prime', 'said', 'the', 'and']),
    );
  });
});
