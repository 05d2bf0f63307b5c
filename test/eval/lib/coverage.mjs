// Coverage (issue 16): of the "title + name" claims a broad list of news titles finds in real copy,
// how many name a title the shipped table has an office for, in that place.
import { NEWS_TITLES } from '../news-titles.mjs';
import { lower } from './table.mjs';

const US_STATES = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
};
const UK_NATIONS = {
  Scottish: 'GB-SCT',
  Scotland: 'GB-SCT',
  Welsh: 'GB-WLS',
  Wales: 'GB-WLS',
  'Northern Ireland': 'GB-NIR',
};
/** Words before a title that make the claim about another office or another time: left out. */
const MODIFIERS = new Set(
  'former ex then late shadow acting deputy vice assistant junior interim caretaker would-be future state fed outgoing incoming lieutenant associate'.split(
    ' ',
  ),
);
/** Titles news also gives to organisations' officers: counted only capitalised and not after an organisation's name. */
const GENERIC = new Set(
  (
    'president|premier|king|queen|emperor|speaker|governor|mayor|justice|chairman|chairwoman|director|commissioner|' +
    'ambassador|chief of staff|press secretary|secretary-general|secretary general|opposition leader'
  ).split('|'),
);
const SENTENCE_WORDS = new Set(
  'The A An And But Or By With As When While After Before Since If Though So Then Meanwhile However Also On In At For To From Of That This New Former Both Current'.split(
    ' ',
  ),
);
const NOT_NAMES = new Set(
  (
    'The A An In On At Of For And But Or Is Was Has Had Will Would Said Says Mr Mrs Ms Dr Sir Lord Monday Tuesday ' +
    'Wednesday Thursday Friday Saturday Sunday January February March April May June July August September ' +
    'October November December Office Department House Senate Committee Party Government Administration ' +
    'Cabinet Council Commission Minister Secretary President Chancellor Leader General Court Bill Act Service ' +
    'Questions Council Campaign Club Foundation Street It He She They We I This That Division Did Not Says To'
  ).split(' '),
);

const letterClass = (ch) =>
  /\p{L}/u.test(ch) && lower(ch) !== ch.toUpperCase()
    ? `[${lower(ch)}${ch.toUpperCase()}]`
    : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const caseless = (s) => [...s].map(letterClass).join('').replace(/ /g, '[ \\u00a0]');

export class CoverageMatcher {
  constructor(table) {
    this.table = table;
    this.titles = [...NEWS_TITLES].sort((a, b) => b[0].length - a[0].length);
    this.countryOf = new Map(this.titles.map(([t, c]) => [lower(t), c]));
    const alternation = this.titles.map(([t]) => caseless(t)).join('|');
    const name =
      "(?:\\p{Lu}[\\p{L}\\p{M}'’-]*|\\p{Lu}\\.)(?:[ \\u00a0](?:\\p{Lu}[\\p{L}\\p{M}'’-]*|\\p{Lu}\\.|(?:de|van|von|bin|al|da|di|del|le|la)(?=[ \\u00a0]\\p{Lu}))){0,3}";
    this.pattern = new RegExp(`(?<![\\p{L}\\p{M}'’.-])(${alternation})[ \\u00a0](${name})`, 'gu');
    this.placeWords = new Map();
    for (const [code, words] of table.countries) for (const w of words) this.placeWords.set(lower(w), code);
    for (const [code, name] of Object.entries(US_STATES)) this.placeWords.set(lower(name), `US-${code}`);
    for (const [word, code] of Object.entries(UK_NATIONS)) this.placeWords.set(lower(word), code);
    this.titlesByOffice = [...table.offices.values()].map((o) => ({
      id: o.id,
      country: o.country,
      titles: new Set(o.titles.map(lower)),
    }));
    this.officesByPersonWord = new Map();
    for (const person of table.people.values()) {
      const offices = (table.termsByPerson.get(person.id) ?? []).map((t) => t.officeId);
      for (const word of [person.surname, ...person.name.split(/\s+/)]) {
        this.officesByPersonWord.set(word, [...(this.officesByPersonWord.get(word) ?? []), ...offices]);
      }
    }
  }

  /** Offices the named person may have held: by the name's last word (surname), as the table knows it. */
  officesOfName(name) {
    const words = name.replace(/['’]s$/, '').split(/[ \u00a0]/);
    return this.officesByPersonWord.get(words[words.length - 1]) ?? [];
  }

  /** The place a word before the title names: a code, "?Word" for an unknown adjective, or null. */
  placeBefore(text, start) {
    const before = text.slice(Math.max(0, start - 40), start);
    const m = /(?:^|[^\p{L}])((?:\p{Lu}[\p{L}.]*[ ]){0,2}\p{Lu}[\p{L}.]*?)(['’]s)?[ ]$/u.exec(before);
    if (!m) return null;
    const words = m[1].split(' ');
    for (let i = 0; i < words.length; i++) {
      const phrase = lower(words.slice(i).join(' '));
      if (this.placeWords.has(phrase)) return { code: this.placeWords.get(phrase), word: words.slice(i).join(' ') };
    }
    const last = words[words.length - 1];
    if (/^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i)$/u.test(last) && !/^(?:Republican|Christian|Libertarian)$/.test(last))
      return { code: `?${last}`, word: last };
    return null;
  }

  claimsIn(text, defaultCountry) {
    const claims = [];
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(text); m; m = this.pattern.exec(text)) {
      const firstName = m[2].split(/[ \u00a0]/)[0].replace(/['’]s$/, '');
      if (NOT_NAMES.has(firstName)) {
        this.pattern.lastIndex = m.index + m[1].length;
        continue;
      }
      const previous = /([\p{L}'’.-]+)[ -]$/u.exec(text.slice(Math.max(0, m.index - 25), m.index))?.[1] ?? '';
      const modified = MODIFIERS.has(lower(previous)) || /ex-$/i.test(text.slice(m.index - 3, m.index));
      const place = this.placeBefore(text, m.index);
      const generic = GENERIC.has(lower(m[1]));
      const organisation =
        generic &&
        (m[1] === lower(m[1]) ||
          (/^\p{Lu}/u.test(previous) &&
            !place &&
            !SENTENCE_WORDS.has(previous) &&
            /[ ]$/.test(text.slice(m.index - 1, m.index))));
      const listed = this.countryOf.get(lower(m[1]));
      const country = place?.code ?? listed ?? null;
      claims.push({
        title: m[1],
        name: m[2],
        place: place?.word ?? null,
        country,
        defaultCountry,
        modified,
        organisation,
        offset: m.index,
      });
    }
    return claims;
  }

  /**
   * Whether the table has an office with this title in this place (a region of the country counts).
   * A title that names no place ("President", "Prime Minister") maps when the corpus's country has
   * such an office or the named person held an office with that title.
   */
  maps(claim) {
    const title = lower(claim.title);
    const inPlace = (country) =>
      this.titlesByOffice.some(
        (o) =>
          o.titles.has(title) && o.country !== null && (o.country === country || o.country.startsWith(`${country}-`)),
      );
    if (claim.country) return inPlace(claim.country);
    if (inPlace(claim.defaultCountry)) return true;
    const held = new Set(this.officesOfName(claim.name));
    return this.titlesByOffice.some((o) => held.has(o.id) && o.titles.has(title));
  }
}

export function measureCoverage(matcher, articles, reportOf) {
  const result = {
    claims: 0,
    mapped: 0,
    modified: 0,
    organisation: 0,
    unmatched: new Map(),
    verdicts: null,
    reportClaims: 0,
  };
  for (const article of articles) {
    for (const claim of matcher.claimsIn(article.text, article.country)) {
      if (claim.modified) {
        result.modified++;
        continue;
      }
      if (claim.organisation) {
        result.organisation++;
        continue;
      }
      result.claims++;
      if (matcher.maps(claim)) result.mapped++;
      else {
        // No place word and no country of its own: shown with the corpus's country and a "?".
        const country = claim.country ?? `${claim.defaultCountry}?`;
        const title = `${claim.place ? `${claim.place} ` : ''}${claim.title} [${country.replace(/^\?.*/, '?')}]`;
        const key = lower(title);
        const entry = result.unmatched.get(key) ?? { title, count: 0, example: `${claim.title} ${claim.name}` };
        entry.count++;
        result.unmatched.set(key, entry);
      }
    }
    const claims = reportOf(article).claims;
    if (Array.isArray(claims)) {
      result.verdicts ??= {};
      for (const c of claims) result.verdicts[c.verdict] = (result.verdicts[c.verdict] ?? 0) + 1;
      result.reportClaims += claims.length;
    }
  }
  result.share = result.claims ? result.mapped / result.claims : null;
  result.unknownOfficeShare =
    result.verdicts && result.reportClaims ? (result.verdicts['unknown-office'] ?? 0) / result.reportClaims : null;
  result.topUnmatched = [...result.unmatched.entries()]
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .slice(0, 30)
    .map(([, v]) => ({ title: v.title, count: v.count, example: v.example }));
  delete result.unmatched;
  return result;
}
