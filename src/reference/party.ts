/**
 * One key per party, whatever the copy or the table calls it: "Tory", "Conservative" and
 * "Conservatives" are one party; so are "R", "GOP" and "Republican".
 */
export function partyKey(name: string): string {
  const words = name
    .toLowerCase()
    .replace(/\bparty\b/g, ' ')
    .trim()
    .split(/\s+/)
    .join(' ');
  return PARTY_ALIASES.get(words) ?? words;
}

const PARTY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['tory', 'conservative'],
  ['tories', 'conservative'],
  ['conservatives', 'conservative'],
  ['lib dem', 'liberal democrat'],
  ['lib dems', 'liberal democrat'],
  ['libdem', 'liberal democrat'],
  ['liberal democrats', 'liberal democrat'],
  ['r', 'republican'],
  ['gop', 'republican'],
  ['republicans', 'republican'],
  ['d', 'democratic'],
  ['democrat', 'democratic'],
  ['democrats', 'democratic'],
  ['i', 'independent'],
]);
