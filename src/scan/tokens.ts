import { fold } from '../util/text.js';
import type { Span } from '../types.js';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case, diacritics removed. */
  key: string;
  isWord: boolean;
  /** Starts with a capital letter. */
  capitalised: boolean;
  /** Followed by a possessive ’s (not part of the token). */
  possessive: boolean;
  /** Joined to the previous word by a hyphen ("ex-president", "Commander-in-Chief"). */
  hyphenBefore: boolean;
  paragraph: number;
  /** First word of a sentence. */
  sentenceStart: boolean;
}

const TOKEN = /(\p{Lu}\.(?:\p{L}\.)+)|([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)|(-(?=[\p{L}\p{N}]))|(\.{3}|''|[^\s\p{L}\p{M}\p{N}])/gu;

/** Words after which a full stop does not end the sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col maj sgt capt cpt adm cmdr sen rep gov pres st jr sr rev fr no vs etc mt ft jan feb mar apr jun jul aug sep sept oct nov dec est inc corp co ltd u.s u.k u.n'.split(' '),
);

export function tokenize(prose: string, paragraphs: readonly Span[]): Token[] {
  const tokens: Token[] = [];
  for (const [index, paragraph] of paragraphs.entries()) {
    tokenizeParagraph(prose, paragraph, index, tokens);
  }
  return tokens;
}

function tokenizeParagraph(prose: string, paragraph: Span, index: number, tokens: Token[]): void {
  TOKEN.lastIndex = paragraph.start;
  let hyphen = false;
  let sentenceStart = true;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(prose)) !== null && match.index < paragraph.end) {
    if (match[3]) {
      hyphen = tokens.length > 0 && tokens[tokens.length - 1]?.end === match.index;
      continue;
    }
    let raw = match[0];
    let possessive = false;
    const isWord = match[4] === undefined;
    if (isWord && raw.length > 2 && (raw.endsWith("'s") || raw.endsWith('’s') || raw.endsWith("'S") || raw.endsWith('’S'))) {
      raw = raw.slice(0, -2);
      possessive = true;
    }
    const token: Token = {
      start: match.index,
      end: match.index + raw.length,
      text: raw,
      key: fold(raw),
      isWord,
      capitalised: isWord && isCapital(raw.charCodeAt(0), raw),
      possessive,
      hyphenBefore: hyphen,
      paragraph: index,
      // After a full stop, only a capital (or a number) starts a sentence: "R-Ky., said".
      sentenceStart: isWord && sentenceStart && (tokens.length === 0 || !/^\p{Ll}/u.test(raw) || tokens[tokens.length - 1]?.paragraph !== index),
    };
    tokens.push(token);
    hyphen = false;
    if (isWord) sentenceStart = false;
    else if (endsSentence(token, tokens)) sentenceStart = true;
    else if (token.text === ',' || token.text === ')' || token.text === ';') sentenceStart = false;
  }
}

function isCapital(code: number, word: string): boolean {
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}

function endsSentence(token: Token, tokens: Token[]): boolean {
  if (token.text === '!' || token.text === '?') return true;
  if (token.text !== '.') return false;
  const previous = tokens[tokens.length - 2];
  if (!previous?.isWord) return true;
  if (previous.end !== token.start) return true;
  if (ABBREVIATIONS.has(previous.key)) return false;
  return !(previous.text.length === 1 && previous.capitalised);
}

/** The match keys of a phrase from the table ("U.S. Secretary of State" → u.s., secretary, of, state). */
export function phraseKeys(phrase: string): string[] {
  // Most names are plain ASCII words: split them without the Unicode tokenizer.
  if (/^[A-Za-z]+(?:[ -][A-Za-z]+)*$/.test(phrase)) return phrase.toLowerCase().split(/[ -]/);
  const keys: string[] = [];
  for (const match of phrase.matchAll(TOKEN)) {
    if (match[3] || match[4] !== undefined) continue;
    keys.push(fold(match[0].replace(/['’]s$/i, (s) => (match[0].length > 2 ? '' : s))));
  }
  return keys;
}
