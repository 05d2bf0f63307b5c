import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../src/scan/tokens.js';
import { TOKEN_PATTERN } from '../../src/util/phrase-keys.js';
import { fold } from '../../src/util/text.js';
import type { Span } from '../../src/types.js';
import { seededRandom } from '../seeded-random.mjs';

/** The tokenizer as the grammar states it, one regular-expression match at a time: the oracle for the fast scanner. */
function tokenizeByPattern(
  prose: string,
  paragraphs: readonly Span[],
): Pick<
  Token,
  'start' | 'end' | 'text' | 'key' | 'isWord' | 'capitalised' | 'possessive' | 'hyphenBefore' | 'paragraph'
>[] {
  const tokens: ReturnType<typeof tokenizeByPattern> = [];
  const pattern = new RegExp(TOKEN_PATTERN.source, 'gu');
  paragraphs.forEach((paragraph, index) => {
    pattern.lastIndex = paragraph.start;
    let hyphen = false;
    for (;;) {
      const match = pattern.exec(prose);
      if (match === null || match.index >= paragraph.end) break;
      if (match[3]) {
        hyphen = tokens.length > 0 && tokens[tokens.length - 1]?.end === match.index;
        continue;
      }
      let raw = match[0];
      const isWord = match[4] === undefined;
      const possessive = isWord && raw.length > 2 && /['’][sS]$/.test(raw);
      if (possessive) raw = raw.slice(0, -2);
      const first = raw.charAt(0);
      tokens.push({
        start: match.index,
        end: match.index + raw.length,
        text: raw,
        key: fold(raw),
        isWord,
        capitalised: isWord && first !== first.toLowerCase(),
        possessive,
        hyphenBefore: hyphen,
        paragraph: index,
      });
      hyphen = false;
    }
  });
  return tokens;
}

const comparable = (tokens: readonly Token[]) => tokens.map(({ sentenceStart: _s, flags: _f, ...rest }) => rest);

const ALPHABET = [
  'a',
  'b',
  'Z',
  'Q',
  'é',
  'É',
  'ß',
  'İ',
  '\u0301',
  '7',
  '٣',
  '½',
  "'",
  '’',
  '‘',
  '-',
  '–',
  '.',
  ',',
  '"',
  '“',
  '”',
  ' ',
  ' ',
  '\u00a0',
  '\u2009',
  '\n',
  '\t',
  '\u0000',
  '😀',
  '𝐀',
  '\ud800',
  '\udc00',
  'U.S.',
  "''",
  '...',
  'it’s',
  "rock'n'roll",
  'ex-',
  'A.',
  'Mr.',
];

function randomText(seed: number, length: number): string {
  const random = seededRandom(seed);
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return text;
}

const whole = (text: string): Span[] => [{ start: 0, end: text.length }];

describe('tokenizer', () => {
  it('matches the token grammar on random text with every awkward character class', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(seed, 60);
      expect(comparable(tokenize(text, whole(text))), JSON.stringify(text)).toEqual(
        tokenizeByPattern(text, whole(text)),
      );
    }
  });

  it('matches the token grammar on every corpus article', () => {
    const dir = join(import.meta.dirname, '..', '..', 'corpus');
    const files = readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      const paragraphs = text.split(/\n\s*\n/).reduce<Span[]>((spans, part) => {
        const start = spans.length ? (spans[spans.length - 1]?.end ?? 0) + 2 : 0;
        spans.push({ start, end: start + part.length });
        return spans;
      }, []);
      expect(comparable(tokenize(text, paragraphs)), file).toEqual(tokenizeByPattern(text, paragraphs));
    }
  });

  it('keeps initialisms, apostrophes and possessives whole, and marks hyphen joins', () => {
    const text = "The U.S. envoy's ex-boss said rock'n'roll isn't dead...";
    const tokens = tokenize(text, whole(text));
    expect(tokens.map((t) => t.text)).toEqual([
      'The',
      'U.S.',
      'envoy',
      'ex',
      'boss',
      'said',
      "rock'n'roll",
      "isn't",
      'dead',
      '...',
    ]);
    expect(tokens.find((t) => t.text === 'envoy')?.possessive).toBe(true);
    expect(tokens.find((t) => t.text === 'boss')?.hyphenBefore).toBe(true);
    expect(tokens[0]?.sentenceStart).toBe(true);
  });

  it('starts a sentence after a full stop only at a capital', () => {
    const text = 'Mitch McConnell, R-Ky., said yes. Then he left.';
    const tokens = tokenize(text, whole(text));
    expect(tokens.filter((t) => t.sentenceStart).map((t) => t.text)).toEqual(['Mitch', 'Then']);
  });
});
