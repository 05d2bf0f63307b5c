// The evaluation's own matcher: where an article makes a "title + name" claim or attributes a
// quote to a surname, found with regexes built from the reference table's titles and names.
// It never asks factlint where the claims are, so planted errors are not limited to the
// sentence shapes factlint already reads.
import { lower } from './table.mjs';

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const isLetter = (ch) => ch !== undefined && LETTER.test(ch);

/** Words before a title that make it another office or another time: not a site to plant at. */
const MODIFIERS = new Set(
  (
    'deputy vice shadow acting former ex then late assistant junior under interim caretaker would-be future ' +
    'state fed lieutenant lt. lt associate principal parliamentary permanent outgoing incoming designate ' +
    'prospective aspiring presumptive potential possible next previous past one-time onetime erstwhile retired ' +
    'fellow rival opposition mock fictional'
  ).split(' '),
);
/** Capitalised words that may stand before a title without being part of it. */
const SENTENCE_WORDS = new Set(
  (
    'the a an and but or by with as when while after before since if though although so then meanwhile ' +
    'however also yesterday today on in at for to from of that this new said says former both current ' +
    'photo caption pictured'
  ).split(' '),
);
const HONORIFICS = '(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Baroness)\\.?\\s+)?';
const SPEECH_VERBS =
  'said|says|added|adds|told|tells|insisted|insists|explained|warned|warns|argued|argues|continued|wrote|writes|' +
  'asked|replied|declared|stressed|noted|recalled|conceded|admitted|claimed|claims|remarked|acknowledged|' +
  'commented|observed|suggested|joked|countered|responded|maintained';

/**
 * Paragraph spans: articles either separate paragraphs with blank lines or put one paragraph
 * on each line (many PolNeAR files). `separator` is what to insert between two paragraphs.
 */
export function paragraphsOf(text) {
  const lines = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
    lines.push({ start, end: i });
    start = i + 1;
  }
  lines.push({ start, end: text.length });
  const blank = lines.map((l) => text.slice(l.start, l.end).trim() === '');
  const first = blank.indexOf(false);
  const last = blank.lastIndexOf(false);
  const blankSeparated = blank.slice(first + 1, last).some(Boolean);
  const paragraphs = [];
  let current = null;
  lines.forEach((line, i) => {
    if (blank[i]) {
      current = null;
      return;
    }
    if (current && blankSeparated) current.end = line.end;
    else {
      current = { start: line.start, end: line.end };
      paragraphs.push(current);
    }
  });
  paragraphs.separator = blankSeparated ? '\n\n' : '\n';
  return paragraphs;
}

export function paragraphIndexAt(paragraphs, offset) {
  let index = 0;
  for (let i = 0; i < paragraphs.length; i++) if (paragraphs[i].start <= offset) index = i;
  return index;
}

const ABBREVIATION =
  /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Lt|Gen|Col|Sgt|Jr|Sr|Co|Inc|No|vs|U\.S|U\.N|[A-Z]|Fla|Calif|Mass|Ind|Ill|Ariz|Colo|Conn|Ga|Mich|Minn|Mo|Nev|Pa|Tenn|Va|Wash|Wis|Okla|Ore|Ky|La|Md|Neb|Ala|Ark|Kan|Miss|Mont|Vt|Wyo|Del)$/;

/** Where the sentence around `offset` starts, within its paragraph. */
export function sentenceStart(text, offset, paragraphStart) {
  for (let i = offset - 1; i > paragraphStart; i--) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < offset && /["”’')]/.test(text[j])) j++;
    if (j >= offset || !/\s/.test(text[j])) continue;
    if (ch === '.' && ABBREVIATION.test(text.slice(Math.max(paragraphStart, i - 6), i))) continue;
    while (j < offset && /\s/.test(text[j])) j++;
    return j;
  }
  return paragraphStart;
}

export function sentenceEnd(text, offset, paragraphEnd) {
  for (let i = offset; i < paragraphEnd; i++) {
    const ch = text[i];
    if ((ch === '.' || ch === '!' || ch === '?') && (i + 1 >= paragraphEnd || /[\s"”’)]/.test(text[i + 1]))) {
      if (ch === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 6), i))) continue;
      return i + 1;
    }
  }
  return paragraphEnd;
}

/** Every full name (two words or more) of a table person in the text. */
export function findNameMentions(text, index) {
  const mentionsFound = [];
  const word = /\p{Lu}[\p{L}\p{M}'’.-]*/gu;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    if (isLetter(text[m.index - 1])) continue;
    const first = m[0].replace(/[’'.]s?$/, '');
    const forms = index.namesByFirstWord.get(m[0]) ?? index.namesByFirstWord.get(first);
    if (!forms) continue;
    const form = forms.find((f) => text.startsWith(f.text, m.index) && !isLetter(text[m.index + f.text.length]));
    if (!form) continue;
    mentionsFound.push({ start: m.index, end: m.index + form.text.length, personId: form.id, text: form.text });
    word.lastIndex = m.index + form.text.length;
  }
  return mentionsFound;
}

/** The longest title form that `window` ends with (followed by one space), or null. */
function titleEndingAt(index, window) {
  const prev = /([\p{L}\p{M}.'’-]+)[ \u00a0]$/u.exec(window);
  if (!prev) return null;
  const candidates = index.formsByLastWord.get(lower(prev[1]));
  if (!candidates) return null;
  const hay = lower(window.replace(/\u00a0/g, ' '));
  for (const form of candidates) {
    if (!hay.endsWith(`${form.lower} `)) continue;
    const at = window.length - form.text.length - 1;
    if (isLetter(window[at - 1]) || window[at - 1] === '-') continue;
    return { form, at };
  }
  return null;
}

/** The word before `offset` (skipping spaces), as written. */
function wordBefore(text, offset) {
  const m = /([\p{L}\p{M}.'’-]+)[\s-]*$/u.exec(text.slice(Math.max(0, offset - 40), offset));
  return m ? m[1] : '';
}

function heldOffice(index, officeIds, personId, range) {
  const held = officeIds.filter((id) => index.heldDuring(personId, id, range));
  return held.length ? held[0] : null;
}

/**
 * "Title Name" claims where the table says the person held the office on the article's date.
 * `form`: before (title before the name), the-title-comma ("the home secretary, X,"),
 * after-name ("X, Britain's foreign secretary,").
 */
export function findCorrectClaims(text, index, range) {
  const sites = [];
  for (const mention of findNameMentions(text, index)) {
    const before = beforeNameClaim(text, index, mention, range);
    if (before) sites.push(before);
    const appositive = theTitleCommaClaim(text, index, mention, range) ?? afterNameClaim(text, index, mention, range);
    if (appositive) sites.push(appositive);
  }
  return sites;
}

function beforeNameClaim(text, index, mention, range) {
  const windowStart = Math.max(0, mention.start - 120);
  const found = titleEndingAt(index, text.slice(windowStart, mention.start));
  if (!found) return null;
  const titleStart = windowStart + found.at;
  const previous = wordBefore(text, titleStart);
  if (MODIFIERS.has(lower(previous)) || /-$/.test(text.slice(titleStart - 1, titleStart))) return null;
  const gap = text.slice(titleStart - previous.length - 1, titleStart);
  if (/^\p{Lu}/u.test(previous) && /^\S+ $/.test(gap) && !SENTENCE_WORDS.has(lower(previous))) return null;
  const officeId = heldOffice(index, found.form.officeIds, mention.personId, range);
  if (!officeId) return null;
  const titleText = text.slice(titleStart, mention.start - 1);
  const after = text.slice(mention.end, mention.end + 30);
  if (/^ \p{Lu}/u.test(after) && !/^ (?:and|said|says)\b/u.test(after)) return null;
  return {
    form: 'before',
    start: titleStart,
    end: mention.end,
    titleStart,
    titleEnd: mention.start - 1,
    nameStart: mention.start,
    nameEnd: mention.end,
    titleText,
    lowercase: titleText === lower(titleText),
    countryPrefixed: found.form.country !== null,
    titleOfficeIds: found.form.officeIds,
    personId: mention.personId,
    officeId,
    partyTag: /^(?:, | \()[DRI]-[\p{Lu}][\p{L}.]*[,)]/u.test(after),
  };
}

/** "the home secretary, Charles Clarke," / "Germany's foreign minister, Heiko Maas,". */
function theTitleCommaClaim(text, index, mention, range) {
  const windowStart = Math.max(0, mention.start - 120);
  const window = text.slice(windowStart, mention.start);
  const m = /(?:^|[^\p{L}])((?:[Tt]he|\p{Lu}[\p{L}.]*['’]s) )([^,]{2,60}), $/u.exec(window);
  if (!m) return null;
  const determiner = m[1].trim();
  let officeIds = index.titleForms.get(lower(m[2]))?.officeIds;
  if (!officeIds && !/^the$/i.test(determiner))
    officeIds = index.titleForms.get(lower(`${determiner} ${m[2]}`))?.officeIds;
  if (!officeIds) return null;
  if (!/^(?:,| (?:said|says|has|had|is|was|will|told))/.test(text.slice(mention.end, mention.end + 8))) return null;
  const officeId = heldOffice(index, officeIds, mention.personId, range);
  if (!officeId) return null;
  const start = windowStart + m.index + m[0].length - m[1].length - m[2].length - 2;
  return {
    form: 'the-title-comma',
    start,
    end: mention.end,
    nameStart: mention.start,
    nameEnd: mention.end,
    titleText: m[2],
    lowercase: m[2] === lower(m[2]),
    personId: mention.personId,
    officeId,
    titleOfficeIds: officeIds,
  };
}

/** "Jacinda Ardern, New Zealand's prime minister," / "Charles Clarke, the home secretary,". */
function afterNameClaim(text, index, mention, range) {
  const after = text.slice(mention.end, mention.end + 120);
  const m = /^, (?:(the) |(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)['’]s )/u.exec(after);
  if (!m) return null;
  const rest = after.slice(m[0].length);
  const restLower = lower(rest);
  let best = null;
  for (const form of index.titleForms.values()) {
    if (form.country !== null || !restLower.startsWith(form.lower)) continue;
    if (!/^[,.;)]/.test(rest.slice(form.text.length))) continue;
    if (!best || form.text.length > best.text.length) best = form;
  }
  if (!best) return null;
  let officeIds = best.officeIds;
  if (m[2]) {
    const codes = index.countryByWord.get(lower(m[2])) ?? [];
    officeIds = officeIds.filter((id) => codes.includes(index.office(id).country));
  }
  const officeId = heldOffice(index, officeIds, mention.personId, range);
  if (!officeId) return null;
  const end = mention.end + m[0].length + best.text.length;
  return {
    form: 'after-name',
    start: mention.start,
    end,
    nameStart: mention.start,
    nameEnd: mention.end,
    titleText: rest.slice(0, best.text.length),
    lowercase: rest.slice(0, best.text.length) === best.lower,
    countryWord: m[2] ?? null,
    personId: mention.personId,
    officeId,
    titleOfficeIds: officeIds,
  };
}

// ---------------------------------------------------------------- positions

const CAPTION =
  /\b(AP Photo|Photo:|PHOTO:|Getty Images|REUTERS|Reuters\/|AFP\/|\(Photo|Photograph:|Pictured:|\(left\)|\(right\)|\(center\)|\(centre\))/;
/** A photo credit just before a sentence ("Carlos Barria / Reuters."): the sentence is a caption. */
const PHOTO_CREDIT =
  /(?:\/\s*(?:Reuters|AP|AFP|EPA|Getty Images|Bloomberg)|via Getty Images|AP Photo[^.]{0,40})\.?\)?\s*$/;
const LIST_CUE =
  /\b(among (?:those|them|others|the [\p{L} ]+?)|including|included|include|such as|were joined by|attended by|guests were|line-up)\b[^.;]*$/iu;
const INVERTED =
  /(?:\b(?:said|says|added|adds|insisted|insists|warned|warns|wrote|writes|according to|explained|argued|declared|announced|stressed|noted|claimed|claims|admitted|conceded|replied|responded|continued)|\bso says|\bso said)\s+(?:the\s+)?$/i;
const PREPOSITION =
  /\b(?:with|to|by|from|for|against|between|of|on|at|about|under|after|before|behind|towards?|over|into|than|like|via|without|upon|alongside|amid|despite|onto|around|near|beside|besides|toward)\s+(?:the\s+)?$/i;
/** Inflected verbs that take the claim as their object ("met Prime Minister X"). */
const OBJECT_VERBS = new Set(
  (
    'met meets urged urges thanked thanks praised praises backed backs blamed blames criticised criticized ' +
    'criticises criticizes attacked attacks accused accuses called calls told tells asked asks invited invites ' +
    'appointed appoints named names replaced replaces defeated defeats visited visits welcomed welcomes joined ' +
    'joins challenged challenges warned warns slammed slams lobbied lobbies phoned rang pressed presses ' +
    'followed follows supported supports endorsed endorses hosted hosts sacked sacks fired fires interviewed ' +
    'quoted quotes heckled questioned congratulated snubbed rebuked defended defends cited cites echoed mocked ' +
    'blasted saw sees'
  ).split(' '),
);
/** Bare verbs that are often nouns ("a defeat"): objects only after "to", "will" and the like. */
const BARE_OBJECT_VERBS = new Set(
  (
    'meet urge thank praise back blame criticise criticize attack accuse call ask invite appoint name replace ' +
    'defeat visit welcome join challenge warn lobby press follow support endorse host sack fire interview quote ' +
    'question congratulate defend cite see'
  ).split(' '),
);
const AUXILIARIES = new Set('to will would must should can could did does do not never also'.split(' '));
const NOT_OBJECT_VERBS = new Set(
  'said says added told asked had was were been is are be has have being during including according'.split(' '),
);
const PREPOSITION_LIKE = new Set('regarding concerning following excluding involving'.split(' '));
const SUBJECT_INTRO =
  /^(?:[\p{L} .,]*\([\p{L}. ]+\)\s*[—–-]+\s*|\d{1,2}:\d{2}\s*[ap]\.m\.:?\s*)?(?:["“]\s*)?(?:(?:On|Last|Earlier|Later|In|At|Speaking|Meanwhile|But|And|However|Yesterday|Today|Now|Also|Separately|Elsewhere|Asked|After|Before|During|Since|When|While)\b[^,]{0,80},\s*)?(?:(?:But|And|So|Yet|Now)\s+)?(?:the\s+|The\s+)?$/u;
const SPEECH_AFTER = new RegExp(
  `^\\s*(?:,[^,]{1,80},\\s*)?(?:also\\s+|has\\s+|had\\s+|will\\s+|would\\s+|later\\s+|then\\s+)?(?:${SPEECH_VERBS})\\b`,
);
const PAST_AFTER =
  /^\s*(?:,[^,]{1,80},\s*)?(?:also\s+|later\s+|then\s+)?(?:\p{Ll}+ed|met|held|went|made|gave|took|flew|left|came|spoke|began|won|lost|sent|led|set|ran|sat|saw|wrote|brought|caught|chose|drew|drove|fought|found|got|kept|knew|paid|put|rose|sold|stood|struck|thought|threw|withdrew|vowed|urged|sought|hit|cut|shut|quit|bid)\b/u;
const PRESENT_AFTER =
  /^\s*(?:,[^,]{1,80},\s*)?(?:is|are|has|have|will|would|can|could|must|should|may|might|was|were|\p{Ll}+s)\b/u;

/** Where in its sentence a before-name claim sits (issue 15's list of positions). */
export function positionOf(text, site, paragraphs) {
  const firstLineEnd = text.indexOf('\n');
  if (site.start < (firstLineEnd < 0 ? text.length : firstLineEnd)) return 'headline';
  const paragraph = paragraphs[paragraphIndexAt(paragraphs, site.start)];
  const paragraphText = text.slice(paragraph.start, paragraph.end);
  if (paragraphText.length < 300 && CAPTION.test(paragraphText)) return 'caption';
  const sentence = sentenceStart(text, site.start, paragraph.start);
  if (PHOTO_CREDIT.test(text.slice(Math.max(paragraph.start, sentence - 60), sentence))) return 'caption';
  const previous = paragraphs[paragraphIndexAt(paragraphs, site.start) - 1];
  if (sentence === paragraph.start && previous && previous.end - previous.start < 80) {
    if (PHOTO_CREDIT.test(text.slice(previous.start, previous.end))) return 'caption';
  }
  const prefix = text.slice(sentence, site.start);
  const after = text.slice(site.end, sentenceEnd(text, site.end, paragraph.end));
  const opens = (prefix.match(/\(/g) ?? []).length;
  const closes = (prefix.match(/\)/g) ?? []).length;
  if (opens > closes) return 'parenthesis';
  if (LIST_CUE.test(prefix)) return 'list';
  if (INVERTED.test(prefix)) return 'inverted-speech';
  if (/^['’]s\b/.test(after)) return 'possessive';
  if (/^\s+(?:and|&)\s+\p{Lu}/u.test(after) || /\p{Lu}[\p{L}'’-]+,?\s+and\s+(?:the\s+)?$/u.test(prefix))
    return 'coordinated';
  if (PREPOSITION.test(prefix)) return 'prepositional';
  const words = /(?:\b(\p{Ll}+)\s+)?\b(\p{Ll}+)\s+(?:the\s+)?$/u.exec(prefix);
  const verb = words?.[2];
  if (verb && PREPOSITION_LIKE.has(verb)) return 'prepositional';
  const bare = BARE_OBJECT_VERBS.has(verb) && AUXILIARIES.has(words?.[1]);
  if (verb && !NOT_OBJECT_VERBS.has(verb) && (OBJECT_VERBS.has(verb) || bare || /(?:ed|ing)$/.test(verb)))
    return 'object';
  if (SUBJECT_INTRO.test(prefix)) {
    if (SPEECH_AFTER.test(after)) return 'subject-speech';
    if (PAST_AFTER.test(after)) return 'reported-past';
    if (PRESENT_AFTER.test(after)) return 'subject-present';
  }
  return 'other';
}

// ---------------------------------------------------------------- attributions

const ATTRIBUTION_PATTERNS = [
  // “…,” Blair said. / "…," Mr Blair told reporters.
  new RegExp(`(?:[,?!]["”]|["”],)\\s+${HONORIFICS}(\\p{Lu}[\\p{L}\\p{M}'’-]+)\\s+(?:${SPEECH_VERBS})\\b`, 'dgu'),
  // “…,” said Blair.
  new RegExp(
    `(?:[,?!]["”]|["”],)\\s+(?:said|says|added|adds)\\s+${HONORIFICS}(\\p{Lu}[\\p{L}\\p{M}'’-]+)(?=[.,;])`,
    'dgu',
  ),
  // Blair said: “…”
  new RegExp(
    `(?:^|[.!?]["”]?\\s+|\\n)${HONORIFICS}(\\p{Lu}[\\p{L}\\p{M}'’-]+)\\s+(?:said|says|added|told [^:"“\\n]{1,40}?|insisted|warned|declared):\\s*["“]`,
    'dgmu',
  ),
];

/**
 * Quotes attributed to the surname of a table person who was introduced earlier by full name.
 * Each site has the surname's span and how many paragraphs back the person was last mentioned.
 */
export function findAttributionSites(text, index, paragraphs) {
  const full = findNameMentions(text, index);
  const sites = [];
  const seen = new Set();
  for (const pattern of ATTRIBUTION_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const surname = m[1];
      const at = m.indices[1][0];
      if (seen.has(at)) continue;
      const ids = index.peopleBySurname.get(surname) ?? [];
      const introduced = ids.filter((id) => full.some((f) => f.personId === id && f.end <= at));
      if (introduced.length !== 1) continue;
      seen.add(at);
      const personId = introduced[0];
      const last = lastMentionBefore(text, index, full, personId, at);
      sites.push({
        start: at,
        end: at + surname.length,
        surname,
        personId,
        distance: paragraphIndexAt(paragraphs, at) - paragraphIndexAt(paragraphs, last),
        pattern: ['quote-then-name', 'quote-said-name', 'name-said-colon'][ATTRIBUTION_PATTERNS.indexOf(pattern)],
      });
    }
  }
  return sites.sort((a, b) => a.start - b.start);
}

function lastMentionBefore(text, index, full, personId, offset) {
  const surname = index.person(personId)?.surname ?? personId.split(' ').pop();
  let last = -1;
  for (const f of full) if (f.personId === personId && f.start < offset) last = Math.max(last, f.start);
  const word = new RegExp(
    `(?<![\\p{L}\\p{M}])${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`,
    'gu',
  );
  for (let m = word.exec(text); m && m.index < offset; m = word.exec(text)) last = Math.max(last, m.index);
  return last;
}
