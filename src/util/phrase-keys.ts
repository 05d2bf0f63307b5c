import { fold } from './text.js';

/** The token grammar, kept as the reference the hand-written scanner below is tested against. */
export const TOKEN_PATTERN = new RegExp(
  [
    String.raw`(\p{Lu}\.(?:\p{L}\.)+)`,
    String.raw`([\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*)`,
    String.raw`(-(?=[\p{L}\p{N}]))`,
    String.raw`(\.{3}|''|[^\s\p{L}\p{M}\p{N}])`,
  ].join('|'),
  'gu',
);

/** The match keys of a phrase from the table ("U.S. Secretary of State" → u.s., secretary, of, state). */
export function phraseKeys(phrase: string): string[] {
  // Most names are plain ASCII words: split them without the Unicode tokenizer.
  if (/^[A-Za-z]+(?:[ -][A-Za-z]+)*$/.test(phrase)) return phrase.toLowerCase().split(/[ -]/);
  const keys: string[] = [];
  for (const match of phrase.matchAll(TOKEN_PATTERN)) {
    if (match[3] || match[4] !== undefined) continue;
    keys.push(fold(match[0].replace(/['’]s$/i, (s) => (match[0].length > 2 ? '' : s))));
  }
  return keys;
}
