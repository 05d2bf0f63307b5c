import { fold } from '../util/text.js';
import { tally } from '../util/work.js';
import type { Span } from '../types.js';
import { fixedWordFlagsOnly, HASH_SEED, hashStep, WordFlag, type WordFlags } from './word-flags.js';

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
  /** `WordFlag` bits: what the word can start or be. */
  flags: number;
}

/** Words after which a full stop does not end the sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  `mr mrs ms dr prof gen lt col maj sgt capt cpt adm cmdr sen rep gov pres st jr sr rev fr no vs
   etc mt ft jan feb mar apr jun jul aug sep sept oct nov dec est inc corp co ltd u.s u.k u.n`.split(/\s+/),
);

/** The tokens, and where the scanners need to look: most words start neither a name nor a title. */
export interface Tokenized {
  tokens: Token[];
  /** Indexes of words that may start a name or a country word: capitalised, or a name particle ("de", "van"). */
  nameStarts: number[];
  /** Indexes of words that may start a title. */
  titleStarts: number[];
  /** Indexes of tokens that begin a sentence or a paragraph. */
  sentenceStarts: number[];
  /** Indexes of lower-case speech verbs ("said", "told"). */
  speechVerbs: number[];
}

/** `flags`: the words that matter to the scanners (`wordFlagsOf(table)`); by default only the fixed word lists. */
export function tokenizeArticle(
  prose: string,
  paragraphs: readonly Span[],
  flags: WordFlags = fixedWordFlagsOnly(),
): Tokenized {
  const sink: Tokenized = { tokens: [], nameStarts: [], titleStarts: [], sentenceStarts: [], speechVerbs: [] };
  for (let index = 0; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index] as Span;
    tokenizeParagraph(prose, paragraph, index, sink, flags);
  }
  return sink;
}

export function tokenize(prose: string, paragraphs: readonly Span[], flags: WordFlags = fixedWordFlagsOnly()): Token[] {
  return tokenizeArticle(prose, paragraphs, flags).tokens;
}

/** File the token just added under the lists of `Tokenized`. */
function note(sink: Tokenized, token: Token): void {
  const { tokens } = sink;
  const index = tokens.length - 1;
  const opens = token.sentenceStart || index === 0 || tokens[index - 1]?.paragraph !== token.paragraph;
  file(sink, index, opens, token.isWord, token.capitalised, token.flags);
}

/** `note` from values the caller already has; `opens`: the token begins a sentence or a paragraph. */
function file(
  sink: Tokenized,
  index: number,
  opens: boolean,
  isWord: boolean,
  capitalised: boolean,
  flags: number,
): void {
  tally();
  if (opens) sink.sentenceStarts.push(index);
  if (!isWord) return;
  if (capitalised || (flags & WordFlag.nameParticle) !== 0) sink.nameStarts.push(index);
  if ((flags & WordFlag.titleStart) !== 0) sink.titleStarts.push(index);
  if ((flags & WordFlag.speechVerb) !== 0 && !capitalised) sink.speechVerbs.push(index);
}

// Character classes of TOKEN_PATTERN (util/phrase-keys.ts), looked up per code point; the BMP is cached lazily.
const WORD = 1; // [\p{L}\p{M}\p{N}]
const LETTER_OR_MARK = 2; // [\p{L}\p{M}]
const LETTER = 4; // \p{L}
const UPPER = 8; // \p{Lu}
const LOWER = 16; // \p{Ll}
const SPACE = 32; // \s
const NUMBER = 64; // \p{N}
const KNOWN = 128;
const classes = new Uint8Array(0x10000);

function classOf(cp: number): number {
  if (cp < 0x10000) {
    const known = classes[cp] as number;
    if (known !== 0) return known;
    const computed = computeClass(cp) | KNOWN;
    classes[cp] = computed;
    return computed;
  }
  return computeClass(cp);
}

function computeClass(cp: number): number {
  const c = String.fromCodePoint(cp);
  // Most characters past ASCII in news copy are punctuation (curly quotes, dashes): one test settles them.
  if (!/[\p{L}\p{M}\p{N}\s]/u.test(c)) return 0;
  let flags = 0;
  if (/\p{L}/u.test(c)) flags |= WORD | LETTER_OR_MARK | LETTER;
  if (/\p{M}/u.test(c)) flags |= WORD | LETTER_OR_MARK;
  if (/\p{N}/u.test(c)) flags |= WORD | NUMBER;
  if (/\p{Lu}/u.test(c)) flags |= UPPER;
  if (/\p{Ll}/u.test(c)) flags |= LOWER;
  if (/\s/u.test(c)) flags |= SPACE;
  return flags;
}

/** The code point at i (a whole surrogate pair, or a lone surrogate as itself). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

const width = (cp: number): number => (cp > 0xffff ? 2 : 1);
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const DOT = 46;
const HYPHEN = 45;
const COMMA = 44;
const CLOSE_PAREN = 41;
const SEMICOLON = 59;

/** Where an initialism ("U.S.", "U.N.") starting at i ends, or -1. */
function initialismEnd(text: string, i: number): number {
  let at = i + width(codePointAt(text, i));
  if (text.charCodeAt(at) !== DOT) return -1;
  at++;
  let end = -1;
  while (at < text.length) {
    const cp = codePointAt(text, at);
    if ((classOf(cp) & LETTER) === 0) break;
    const next = at + width(cp);
    if (text.charCodeAt(next) !== DOT) break;
    at = next + 1;
    end = at;
  }
  return end;
}

/** Where a word starting at i ends: word characters, then any 'letters groups ("it's", "rock'n'roll"). */
function wordEnd(text: string, i: number): number {
  let at = i;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c < 128) {
      if (isAsciiWordCode(c)) {
        at++;
        continue;
      }
      break;
    }
    const cp = codePointAt(text, at);
    if ((classOf(cp) & WORD) === 0) break;
    at += width(cp);
  }
  for (;;) {
    const c = text.charCodeAt(at);
    if (c !== APOSTROPHE && c !== RIGHT_QUOTE) return at;
    let after = at + 1;
    while (after < text.length) {
      const cp = codePointAt(text, after);
      if ((classOf(cp) & LETTER_OR_MARK) === 0) break;
      after += width(cp);
    }
    if (after === at + 1) return at;
    at = after;
  }
}

function tokenizeParagraph(prose: string, paragraph: Span, index: number, sink: Tokenized, wordFlags: WordFlags): void {
  const { tokens } = sink;
  let hyphen = false;
  let sentenceStart = true;
  let i = paragraph.start;
  while (i < paragraph.end) {
    const c = prose.charCodeAt(i);
    if (c < 128) {
      const ascii = ASCII_CLASSES[c] as number;
      if (ascii & SPACE) {
        i++;
        continue;
      }
      if (ascii & WORD) {
        const end = plainAsciiWordEnd(prose, i, ascii);
        if (end > 0) {
          pushPlainWord(prose, i, end, ascii, index, hyphen, sentenceStart, sink, wordFlags);
          i = end;
          hyphen = false;
          sentenceStart = false;
          continue;
        }
      } else if (c !== HYPHEN) {
        const end = punctuationEnd(prose, i, c);
        const token = pushPunctuation(prose, i, end, index, hyphen, sink);
        i = end;
        hyphen = false;
        if (endsSentence(token, tokens)) sentenceStart = true;
        else if (c === COMMA || c === CLOSE_PAREN || c === SEMICOLON) sentenceStart = false;
        continue;
      }
    }
    const cp = codePointAt(prose, i);
    const flags = cp < 128 ? asciiClass(cp) : classOf(cp);
    if (flags & SPACE) {
      i += width(cp);
      continue;
    }
    let end: number;
    let isWord = true;
    if (flags & WORD) {
      const initialism = flags & UPPER ? initialismEnd(prose, i) : -1;
      end = initialism > 0 ? initialism : wordEnd(prose, i);
    } else if (
      cp === HYPHEN &&
      i + 1 < prose.length &&
      (classOf(codePointAt(prose, i + 1)) & (LETTER | NUMBER)) !== 0
    ) {
      hyphen = tokens.length > 0 && tokens[tokens.length - 1]?.end === i;
      i++;
      continue;
    } else {
      isWord = false;
      end = punctuationEnd(prose, i, cp);
    }
    i = pushToken(prose, i, end, isWord, index, hyphen, sentenceStart, sink, wordFlags);
    const token = tokens[tokens.length - 1] as Token;
    hyphen = false;
    if (isWord) sentenceStart = false;
    else if (endsSentence(token, tokens)) sentenceStart = true;
    else if (token.text === ',' || token.text === ')' || token.text === ';') sentenceStart = false;
  }
}

const ASCII_CLASSES = Uint8Array.from({ length: 128 }, (_, c) => asciiClass(c));
let plainWordHasUpper = false;
/** `hashOf` the word's key, computed as `plainAsciiWordEnd` reads it. */
let plainWordHash = 0;

/**
 * Where an ASCII word starting at i ends, if nothing after it needs the general rules
 * (a non-ASCII letter, an apostrophe, an initialism's full stop); else -1. Most words
 * take this path. Also notes whether the word has a capital, for its key.
 */
function plainAsciiWordEnd(text: string, i: number, firstClass: number): number {
  let upper = firstClass & UPPER;
  let hash = hashStep(HASH_SEED, upper ? text.charCodeAt(i) + 32 : text.charCodeAt(i));
  let at = i + 1;
  for (; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c >= 128) return -1;
    const cls = ASCII_CLASSES[c] as number;
    if ((cls & WORD) === 0) break;
    const isUpper = cls & UPPER;
    upper |= isUpper;
    hash = hashStep(hash, isUpper ? c + 32 : c);
  }
  const next = text.charCodeAt(at);
  if (next === APOSTROPHE || (next === DOT && firstClass & UPPER)) return -1;
  plainWordHasUpper = upper !== 0;
  plainWordHash = hash;
  return at;
}

/** `pushToken` for ASCII punctuation: its own key, never a word. */
function pushPunctuation(
  prose: string,
  start: number,
  end: number,
  paragraph: number,
  hyphenBefore: boolean,
  sink: Tokenized,
): Token {
  const raw = prose.slice(start, end);
  const token: Token = {
    start,
    end,
    text: raw,
    key: raw,
    isWord: false,
    capitalised: false,
    possessive: false,
    hyphenBefore,
    paragraph,
    sentenceStart: false,
    flags: 0,
  };
  sink.tokens.push(token);
  note(sink, token);
  return token;
}

/** `pushToken` for a word `plainAsciiWordEnd` accepted: no possessive, and its key is its lower case. */
function pushPlainWord(
  prose: string,
  start: number,
  end: number,
  firstClass: number,
  paragraph: number,
  hyphenBefore: boolean,
  sentenceStart: boolean,
  sink: Tokenized,
  wordFlags: WordFlags,
): void {
  const { tokens } = sink;
  const raw = prose.slice(start, end);
  const key = plainWordHasUpper ? raw.toLowerCase() : raw;
  const capitalised = (firstClass & UPPER) !== 0;
  const flags = wordFlags.getHashed(key, plainWordHash);
  const index = tokens.length;
  const newParagraph = index === 0 || tokens[index - 1]?.paragraph !== paragraph;
  const startsSentence = sentenceStart && (newParagraph || (firstClass & LOWER) === 0);
  tokens.push({
    start,
    end,
    text: raw,
    key,
    isWord: true,
    capitalised,
    possessive: false,
    hyphenBefore,
    paragraph,
    sentenceStart: startsSentence,
    flags,
  });
  file(sink, index, startsSentence || newParagraph, true, capitalised, flags);
}

export function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

function asciiClass(cp: number): number {
  if (cp >= 97 && cp <= 122) return WORD | LETTER_OR_MARK | LETTER | LOWER;
  if (cp >= 65 && cp <= 90) return WORD | LETTER_OR_MARK | LETTER | UPPER;
  if (cp >= 48 && cp <= 57) return WORD | NUMBER;
  if (cp === 32 || (cp >= 9 && cp <= 13)) return SPACE;
  return 0;
}

/** "...", "''" (a closing quote in some wire copy) or one code point. */
function punctuationEnd(text: string, i: number, cp: number): number {
  if (cp === DOT && text.charCodeAt(i + 1) === DOT && text.charCodeAt(i + 2) === DOT) return i + 3;
  if (cp === APOSTROPHE && text.charCodeAt(i + 1) === APOSTROPHE) return i + 2;
  return i + width(cp);
}

/** Add the token [start, end) and return where scanning goes on. */
function pushToken(
  prose: string,
  start: number,
  end: number,
  isWord: boolean,
  paragraph: number,
  hyphenBefore: boolean,
  sentenceStart: boolean,
  sink: Tokenized,
  wordFlags: WordFlags,
): number {
  const { tokens } = sink;
  let raw = prose.slice(start, end);
  let possessive = false;
  if (isWord && raw.length > 2 && isPossessiveEnding(raw)) {
    raw = raw.slice(0, -2);
    possessive = true;
  }
  const first = codePointAt(raw, 0);
  const firstClass = first < 128 ? asciiClass(first) : classOf(first);
  const key = fold(raw);
  const capitalised = isWord && isCapital(raw.charCodeAt(0), raw);
  const flags = isWord ? wordFlags.get(key) : 0;
  const token: Token = {
    start,
    end: start + raw.length,
    text: raw,
    key,
    isWord,
    capitalised,
    possessive,
    hyphenBefore,
    paragraph,
    // After a full stop, only a capital (or a number) starts a sentence: "R-Ky., said".
    sentenceStart:
      isWord &&
      sentenceStart &&
      (tokens.length === 0 || (firstClass & LOWER) === 0 || tokens[tokens.length - 1]?.paragraph !== paragraph),
    flags,
  };
  tokens.push(token);
  note(sink, token);
  return end;
}

function isPossessiveEnding(raw: string): boolean {
  const s = raw.charCodeAt(raw.length - 1);
  const mark = raw.charCodeAt(raw.length - 2);
  return (s === 115 || s === 83) && (mark === APOSTROPHE || mark === RIGHT_QUOTE);
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
