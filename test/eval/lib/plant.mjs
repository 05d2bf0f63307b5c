// Planting errors: each generator returns mutations of one kind. A mutation is one edit of one
// article ({start, end, text}) and the span of the planted error in the edited text, which a
// finding must overlap to count.
import {
  ATTRIBUTION_TEMPLATES,
  FORM_TEMPLATES,
  POSITION_TEMPLATES,
  SUBJECT_TEMPLATES,
  VOCABULARY,
} from '../templates.mjs';
import { positionOf } from './matcher.mjs';
import { streamFor } from './random.mjs';
import { lower, overlapsDays, personMentioned } from './table.mjs';

export const POSITIONS = Object.keys(POSITION_TEMPLATES);
export const FORMS = Object.keys(FORM_TEMPLATES);

/** Every kind the evaluation reports, in order. `family` names the rules that count as catching it. */
export const KINDS = [
  { id: 'a-title-swap', label: 'a. title swap (holder at another time)', family: 'title' },
  { id: 'b-never-held-name', label: 'b. never held: name replaced', family: 'title' },
  { id: 'b-never-held-title', label: 'b. never held: title replaced', family: 'title' },
  { id: 'b-never-held-new', label: 'b. never held: new sentence', family: 'title' },
  ...POSITIONS.map((p) => ({ id: `c-${p}`, label: `c. position: ${p}`, family: 'title' })),
  ...FORMS.map((f) => ({ id: `d-${f}`, label: `d. form: ${f}`, family: 'title' })),
  { id: 'e-predecessor', label: 'e. attribution → predecessor/successor', family: 'attribution' },
  { id: 'e-shared-surname', label: 'e. attribution → shared surname', family: 'attribution' },
  { id: 'f-beyond-paragraph', label: 'f. attribution beyond one paragraph', family: 'attribution' },
  // Controls: the same planted sentences with the right holder or speaker. Flagging them is a false alarm.
  { id: 'x-control-title', label: 'control: right holder, same sentences', family: 'title', control: true },
  { id: 'x-control-attribution', label: 'control: right speaker, same blocks', family: 'attribution', control: true },
];

const KEEP_CASE = new Set(
  (
    'House Senate Commons Exchequer Treasury Kremlin White European Commission Council Union United Nations ' +
    'Security Middle East Armed Forces Office Presidential NSDC Homeland'
  ).split(' '),
);
const AP_STATES = {
  AL: 'Ala.',
  AK: 'Alaska',
  AZ: 'Ariz.',
  AR: 'Ark.',
  CA: 'Calif.',
  CO: 'Colo.',
  CT: 'Conn.',
  DE: 'Del.',
  FL: 'Fla.',
  GA: 'Ga.',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Ill.',
  IN: 'Ind.',
  IA: 'Iowa',
  KS: 'Kan.',
  KY: 'Ky.',
  LA: 'La.',
  ME: 'Maine',
  MD: 'Md.',
  MA: 'Mass.',
  MI: 'Mich.',
  MN: 'Minn.',
  MS: 'Miss.',
  MO: 'Mo.',
  MT: 'Mont.',
  NE: 'Neb.',
  NV: 'Nev.',
  NH: 'N.H.',
  NJ: 'N.J.',
  NM: 'N.M.',
  NY: 'N.Y.',
  NC: 'N.C.',
  ND: 'N.D.',
  OH: 'Ohio',
  OK: 'Okla.',
  OR: 'Ore.',
  PA: 'Pa.',
  RI: 'R.I.',
  SC: 'S.C.',
  SD: 'S.D.',
  TN: 'Tenn.',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vt.',
  VA: 'Va.',
  WA: 'Wash.',
  WV: 'W.Va.',
  WI: 'Wis.',
  WY: 'Wyo.',
};

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** A title as lowercase copy writes it ("home secretary", "Treasury secretary"). */
export function lowercaseTitle(index, title, code) {
  const countryWords = new Set(index.countryWords(code).flatMap((w) => w.split(/\s+/)));
  return title
    .split(' ')
    .map((w) => (KEEP_CASE.has(w) || countryWords.has(w) || /^[A-Z]{2,}|\./.test(w) ? w : lower(w)))
    .join(' ');
}

function straighten(text) {
  return text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
}

/**
 * Fill a template. Returns the text and the span of {claim}/{Claim} or {wrong} in it.
 * `values` may hold nested templates ({clause} holds {topic}).
 */
export function fill(template, values) {
  let text = '';
  let span = null;
  const pattern = /\{(\w+)\}/g;
  let last = 0;
  for (let m = pattern.exec(template); m; m = pattern.exec(template)) {
    text += template.slice(last, m.index);
    last = m.index + m[0].length;
    const key = m[1];
    const base = key.charAt(0).toLowerCase() + key.slice(1);
    let value = values[base] ?? '';
    if (/\{\w+\}/.test(value)) value = fill(value, values).text;
    if (key !== base) value = capitalise(value);
    if (base === 'claim' || base === 'wrong') span ??= { start: text.length, end: text.length + value.length };
    text += value;
  }
  text += template.slice(last);
  return { text, span };
}

/** The corpus-flavoured vocabulary for one planted sentence. */
function vocabulary(rnd, country) {
  const local = VOCABULARY[country] ?? VOCABULARY.other;
  const topic = rnd.pick(VOCABULARY.topic);
  return {
    topic,
    day: rnd.pick(VOCABULARY.day),
    quote: rnd.pick(VOCABULARY.quote),
    clause: rnd.pick(VOCABULARY.clause),
    place: rnd.pick(local.place),
    group: rnd.pick(local.group),
    critics: rnd.pick(local.critics),
  };
}

// ---------------------------------------------------------------- people and offices

export class Planter {
  constructor(index, { seed, perCorpus }) {
    this.index = index;
    this.seed = seed;
    this.perCorpus = perCorpus;
    // Kings, queens and emperors are left out: their titles follow the holder's sex and reign.
    this.nonConcurrent = index.offices.filter(
      (o) =>
        !o.concurrent &&
        o.terms.length > 0 &&
        o.titles.length > 0 &&
        !o.titles.some((t) => /monarch|king|queen|emperor/i.test(t)),
    );
  }

  /** Usable titles of an office for a planted sentence: no bare abbreviations such as "PM". */
  titlesOf(office) {
    const titles = office.titles.filter((t) => t.length > 3 && !/^[A-Z.]+$/.test(t));
    return titles.length ? titles : office.titles;
  }

  /** A title to write: the office's first (most usual) title more often than not; "of" forms not after an adjective. */
  titleFor(rnd, office, article) {
    let titles = this.titlesOf(office);
    const foreign = this.index.topCountry(office.country) !== article.country;
    if (foreign && titles.some((t) => !/ of /.test(t))) titles = titles.filter((t) => !/ of /.test(t));
    return rnd.chance(0.6) ? titles[0] : rnd.pick(titles);
  }

  /**
   * The title as copy writes it in this article: a state's or region's office with its name
   * ("Texas Governor"), a foreign office with its country's adjective ("German Chancellor").
   */
  titleForArticle(office, title, article) {
    const code = office.country;
    const top = this.index.topCountry(code);
    const has = (word) => lower(title).includes(lower(word));
    if (code && code !== top) {
      const region = (this.index.countryWordsByCode.get(code) ?? [])[0];
      if (region && !has(region)) title = `${region} ${title}`;
    }
    if (top === article.country || this.index.countryWords(top).some(has)) return title;
    return `${this.index.adjective(top)} ${title}`;
  }

  /** Other holders of an office, at times that do not touch the article's date, not named in the article. */
  otherHolders(office, range, text, exclude) {
    const seen = new Set();
    return office.terms
      .filter((t) => !t.acting && !overlapsDays(t.range, range) && !exclude.includes(t.personId))
      .map((t) => t.personId)
      .filter((id) => {
        if (seen.has(id)) return false;
        seen.add(id);
        return !this.index.heldDuring(id, office.id, range) && !personMentioned(this.index, text, id);
      });
  }

  /** A correct "Title Name" about another office on the date, for coordinated and list sentences. */
  otherClaim(rnd, article, range, avoid) {
    const offices = this.nonConcurrent.filter(
      (o) =>
        this.index.topCountry(o.country) === article.country &&
        !avoid.includes(o.id) &&
        this.index.holdersDuring(o, range).some((t) => !avoid.includes(t.personId)),
    );
    const office = rnd.pick(offices);
    if (!office) return 'senior officials';
    const holder = rnd.pick(this.index.holdersDuring(office, range).filter((t) => !avoid.includes(t.personId)));
    const title = this.titleForArticle(office, this.titleFor(rnd, office, article), article);
    return `${title} ${this.index.person(holder.personId)?.name ?? holder.personId}`;
  }

  /**
   * An office to plant about (the article's country four times in five) with a wrong holder for it,
   * or with `correct`, a holder for the whole of the article's date (for the controls).
   */
  officeAndWrongHolder(rnd, article, range, forceHome, correct = false) {
    const home = forceHome ?? rnd.chance(0.8);
    const offices = this.nonConcurrent.filter(
      (o) =>
        (this.index.topCountry(o.country) === article.country) === home &&
        this.index.holdersDuring(o, range).length > 0,
    );
    for (const office of rnd.shuffle(offices)) {
      const people = correct
        ? this.holdersThroughout(office, range)
        : this.otherHolders(office, range, article.text, []);
      if (people.length) return { office, wrong: rnd.pick(people) };
    }
    return null;
  }

  /** Holders of an office for the whole of a date range (not acting). */
  holdersThroughout(office, range) {
    return office.terms
      .filter((t) => !t.acting && t.range.start <= range.start && t.range.end >= range.end)
      .map((t) => t.personId);
  }

  /** Whether "never held" is provable for `personId` and every office a title can mean in that country. */
  neverHeldProvable(personId, officeIds, top, range) {
    const sameCountry = officeIds
      .map((id) => this.index.office(id))
      .filter((o) => this.index.topCountry(o.country) === top);
    if (sameCountry.length === 0) return false;
    return (
      officeIds.every((id) => !this.index.heldEver(personId, id)) &&
      sameCountry.every(
        (o) =>
          this.index.completeOver(o, range) && this.index.holdersDuring(o, range).some((t) => t.personId !== personId),
      )
    );
  }

  /** People who held any office of a country, by the country's top-level code. */
  peopleOf(top) {
    this.byCountry ??= new Map();
    if (!this.byCountry.has(top)) {
      const ids = [...this.index.people.keys()].filter((id) =>
        this.index.termsOf(id).some((t) => this.index.topCountry(this.index.office(t.officeId)?.country) === top),
      );
      this.byCountry.set(top, ids);
    }
    return this.byCountry.get(top);
  }

  /** A table person of the same country who never held any office the title can mean; one in office on the date if any. */
  neverHolder(rnd, officeIds, top, range, text, exclude) {
    const candidates = [];
    const onDate = [];
    for (const id of this.peopleOf(top)) {
      if (exclude.includes(id) || officeIds.some((o) => this.index.heldEver(id, o))) continue;
      if (personMentioned(this.index, text, id)) continue;
      candidates.push(id);
      if (this.index.termsOf(id).some((t) => overlapsDays(t.range, range))) onDate.push(id);
    }
    return rnd.pick(onDate.length ? onDate : candidates);
  }

  // ---------------------------------------------------------------- synthetic insertion

  /** Insert one paragraph (or replace the headline) in an article; returns the mutation's edit and span. */
  insert(rnd, article, paragraphs, inserted, span, where) {
    const text = article.curly ? inserted : straighten(inserted);
    const sep = paragraphs.separator;
    if (where === 'headline') {
      const end = article.text.indexOf('\n');
      return { edit: { start: 0, end: end < 0 ? article.text.length : end, text }, span };
    }
    let at;
    if (where === 'caption' || paragraphs.length < 3) at = paragraphs[1]?.start ?? article.text.length;
    else at = paragraphs[1 + Math.floor(rnd.next() * (paragraphs.length - 1))].start;
    if (at >= article.text.length) {
      return {
        edit: { start: article.text.length, end: article.text.length, text: sep + text },
        span: {
          start: article.text.length + sep.length + span.start,
          end: article.text.length + sep.length + span.end,
        },
      };
    }
    return { edit: { start: at, end: at, text: text + sep }, span: { start: at + span.start, end: at + span.end } };
  }

  mutation(kind, source, article, { edit, span }, note) {
    const family = KINDS.find((k) => k.id === kind).family;
    return { kind, source, family, article, edit, span: { start: span.start, end: span.end }, note };
  }

  /** Articles for synthetic kinds: the same number from each corpus, seeded. */
  sampleArticles(rnd, contexts) {
    const byCorpus = new Map();
    for (const c of contexts) byCorpus.set(c.article.corpus, [...(byCorpus.get(c.article.corpus) ?? []), c]);
    return [...byCorpus.values()].flatMap((list) => rnd.sample(list, this.perCorpus));
  }

  // ---------------------------------------------------------------- natural kinds (a, b, c, d)

  /** Title swaps at every natural site; each is also counted under its position (c) or form (d). */
  natural(contexts) {
    const rnd = streamFor(this.seed, 'natural');
    const out = [];
    for (const ctx of contexts) {
      for (const site of ctx.sites) {
        const office = this.index.office(site.officeId);
        const person = this.index.person(site.personId);
        if (!office || !person) continue;
        const kinds = this.naturalKinds(ctx, site, office);
        if (kinds.length === 0) continue;
        const wrong = rnd.pick(this.otherHolders(office, ctx.range, ctx.article.text, [site.personId]));
        if (!wrong) continue;
        const name = this.index.person(wrong)?.name ?? wrong;
        let replacement = name;
        let end = site.nameEnd;
        if (site.partyTag) {
          const party = this.partyLetter(office, wrong);
          const tag = /^(, | \()([DRI])-/.exec(ctx.article.text.slice(site.nameEnd));
          if (!party || !tag) continue;
          replacement = `${name}${tag[1]}${party}-`;
          end = site.nameEnd + tag[0].length;
        }
        const edit = { start: site.nameStart, end, text: replacement };
        const spanStart = Math.min(site.start, site.nameStart);
        const spanEnd = site.end + (replacement.length - (end - site.nameStart));
        const note = `“${ctx.article.text.slice(site.nameStart, site.nameEnd)}” → “${name}” (${office.id})`;
        for (const kind of kinds) {
          out.push(
            this.mutation(kind, 'natural', ctx.article, { edit, span: { start: spanStart, end: spanEnd } }, note),
          );
        }
      }
    }
    return out;
  }

  naturalKinds(ctx, site, office) {
    const kinds = [];
    if (site.form === 'before') {
      if (!office.concurrent) kinds.push('a-title-swap');
      const position = positionOf(ctx.article.text, site, ctx.paragraphs);
      if (POSITIONS.includes(position) && !office.concurrent) kinds.push(`c-${position}`);
      if (site.lowercase && site.countryPrefixed) kinds.push('d-country-possessive-before');
      if (site.partyTag && /^Sen\.?$|^Senator$/.test(site.titleText)) kinds.push('d-sen-party-state');
      if (/^\p{Lu}[\p{L} .]+ (?:Gov\.|Governor)$/u.test(site.titleText) && /^US-/.test(office.country ?? ''))
        kinds.push('d-state-gov');
    } else if (!office.concurrent) kinds.push(`d-${site.form}`);
    return kinds;
  }

  partyLetter(office, personId) {
    const term = [...office.terms].reverse().find((t) => t.personId === personId && t.party);
    const party = term?.party ?? '';
    if (/^D/.test(party)) return 'D';
    if (/^R/.test(party)) return 'R';
    if (/^I/.test(party)) return 'I';
    return null;
  }

  /** b: a person who never held the office, in place of the right one; or a title the person never held. */
  neverHeldNatural(contexts) {
    const rnd = streamFor(this.seed, 'never-held');
    const out = [];
    for (const ctx of contexts) {
      for (const site of ctx.sites) {
        if (site.form !== 'before' || site.partyTag) continue;
        const office = this.index.office(site.officeId);
        if (!office || office.concurrent) continue;
        const top = this.index.topCountry(office.country);
        const byName = this.neverHoldName(rnd, ctx, site, top);
        if (byName) out.push(byName);
        const byTitle = site.lowercase ? null : this.neverHoldTitle(rnd, ctx, site, top);
        if (byTitle) out.push(byTitle);
      }
    }
    return out;
  }

  neverHoldName(rnd, ctx, site, top) {
    if (!this.neverHeldProvable('\u0000nobody', site.titleOfficeIds, top, ctx.range)) return null;
    const person = this.neverHolder(rnd, site.titleOfficeIds, top, ctx.range, ctx.article.text, [site.personId]);
    if (!person) return null;
    const name = this.index.person(person).name;
    const edit = { start: site.nameStart, end: site.nameEnd, text: name };
    const span = { start: site.start, end: site.nameStart + name.length };
    const note = `“${site.titleText} ${ctx.article.text.slice(site.nameStart, site.nameEnd)}” → “${name}” (never held)`;
    return this.mutation('b-never-held-name', 'natural', ctx.article, { edit, span }, note);
  }

  neverHoldTitle(rnd, ctx, site, top) {
    const candidates = this.nonConcurrent.filter(
      (o) =>
        this.index.topCountry(o.country) === top &&
        !site.titleOfficeIds.includes(o.id) &&
        !this.index.heldEver(site.personId, o.id),
    );
    for (const other of rnd.shuffle(candidates)) {
      for (const bare of rnd.shuffle(this.titlesOf(other))) {
        if (top === ctx.article.country && this.index.isGeneric(bare)) continue;
        const title = this.titleForArticle(other, bare, ctx.article);
        const officeIds = this.index.officesForTitle(title);
        if (!officeIds.includes(other.id)) continue;
        if (!this.neverHeldProvable(site.personId, officeIds, top, ctx.range)) continue;
        const edit = { start: site.titleStart, end: site.titleEnd, text: title };
        const span = { start: site.titleStart, end: site.nameEnd + title.length - (site.titleEnd - site.titleStart) };
        const note = `“${site.titleText}” → “${title}” before ${this.index.person(site.personId).name} (never held ${other.id})`;
        return this.mutation('b-never-held-title', 'natural', ctx.article, { edit, span }, note);
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- synthetic kinds

  /** c: a wrong holder in a new sentence of each position. */
  positions(contexts) {
    const out = [];
    for (const position of POSITIONS) {
      const rnd = streamFor(this.seed, `position-${position}`);
      for (const ctx of this.sampleArticles(rnd, contexts)) {
        const pick = this.officeAndWrongHolder(rnd, ctx.article, ctx.range);
        if (!pick) continue;
        const { office, wrong } = pick;
        const title = this.titleForArticle(office, this.titleFor(rnd, office, ctx.article), ctx.article);
        const name = this.index.person(wrong)?.name ?? wrong;
        const values = {
          ...vocabulary(rnd, ctx.article.country),
          claim: `${title} ${name}`,
          other: this.otherClaim(rnd, ctx.article, ctx.range, [office.id, wrong]),
        };
        const filled = fill(rnd.pick(POSITION_TEMPLATES[position]), values);
        const planted = this.insert(rnd, ctx.article, ctx.paragraphs, filled.text, filled.span, position);
        out.push(this.mutation(`c-${position}`, 'synthetic', ctx.article, planted, `${values.claim} (${office.id})`));
      }
    }
    return out;
  }

  /** b: "Defence Secretary Tony Blair" in a new sentence: a table person who never held the office. */
  neverHeldSynthetic(contexts) {
    const rnd = streamFor(this.seed, 'never-held-new');
    const templates = [...SUBJECT_TEMPLATES, ...POSITION_TEMPLATES.object, ...POSITION_TEMPLATES['reported-past']];
    const out = [];
    for (const ctx of this.sampleArticles(rnd, contexts)) {
      const home = rnd.chance(0.8);
      const offices = rnd.shuffle(
        this.nonConcurrent.filter((o) => (this.index.topCountry(o.country) === ctx.article.country) === home),
      );
      for (const office of offices) {
        const top = this.index.topCountry(office.country);
        const bare = this.titleFor(rnd, office, ctx.article);
        if (top === ctx.article.country && this.index.isGeneric(bare)) continue;
        const title = this.titleForArticle(office, bare, ctx.article);
        const officeIds = this.index.officesForTitle(title);
        if (!officeIds.includes(office.id) || !this.neverHeldProvable('\u0000nobody', officeIds, top, ctx.range))
          continue;
        const person = this.neverHolder(rnd, officeIds, top, ctx.range, ctx.article.text, []);
        if (!person) continue;
        const values = {
          ...vocabulary(rnd, ctx.article.country),
          claim: `${title} ${this.index.person(person).name}`,
        };
        const filled = fill(rnd.pick(templates), values);
        const planted = this.insert(rnd, ctx.article, ctx.paragraphs, filled.text, filled.span, 'body');
        out.push(this.mutation('b-never-held-new', 'synthetic', ctx.article, planted, `${values.claim} (never held)`));
        break;
      }
    }
    return out;
  }

  /** d: lowercase, appositive and after-name forms; "Sen. X, D-N.Y."; "Texas Gov. X". */
  forms(contexts) {
    const out = [];
    for (const form of FORMS) {
      const rnd = streamFor(this.seed, `form-${form}`);
      const usable =
        form === 'sen-party-state' || form === 'state-gov'
          ? contexts.filter((c) => c.article.country === 'US')
          : contexts;
      for (const ctx of this.sampleArticles(rnd, usable)) {
        const claim = this.formClaim(rnd, form, ctx);
        if (!claim) continue;
        const values = { ...vocabulary(rnd, ctx.article.country), claim: claim.text };
        const filled = fill(rnd.pick(FORM_TEMPLATES[form]), values);
        const planted = this.insert(rnd, ctx.article, ctx.paragraphs, filled.text, filled.span, 'body');
        out.push(this.mutation(`d-${form}`, 'synthetic', ctx.article, planted, `${claim.text} (${claim.office})`));
      }
    }
    return out;
  }

  formClaim(rnd, form, ctx, correct = false) {
    if (form === 'sen-party-state' || form === 'state-gov') return this.stateClaim(rnd, form, ctx);
    const foreignOnly = form === 'country-possessive-before' && ctx.article.country === 'US';
    const pick = this.officeAndWrongHolder(rnd, ctx.article, ctx.range, foreignOnly ? false : undefined, correct);
    if (!pick) return null;
    const { office, wrong } = pick;
    const top = this.index.topCountry(office.country);
    const titles = this.titlesOf(office).filter((t) => !/[A-Z]{2}/.test(t) && !/ of /.test(t));
    if (titles.length === 0) return null;
    const title = lowercaseTitle(this.index, rnd.pick(titles), office.country);
    const name = this.index.person(wrong)?.name ?? wrong;
    const home = top === ctx.article.country;
    const possessive = `${this.index.noun(top === office.country ? office.country : top)}’s`;
    const determiner = home && (top === 'US' || rnd.chance(0.6)) ? 'the' : possessive;
    const text =
      form === 'the-title-comma'
        ? `${determiner} ${title}, ${name}`
        : form === 'after-name'
          ? `${name}, ${determiner} ${title}`
          : `${possessive} ${title} ${name}`;
    return { text, office: office.id };
  }

  /** "Sen. X, D-N.Y." or "Texas Gov. X" from the table's state-level offices; null when it has none. */
  stateClaim(rnd, form, ctx) {
    const wanted = form === 'sen-party-state' ? /^(Sen\.|Senator)$/ : /^(Gov\.|Governor)$/;
    const offices = this.index.offices.filter(
      (o) => /^US-[A-Z]{2}$/.test(o.country ?? '') && o.titles.some((t) => wanted.test(t)),
    );
    for (const office of rnd.shuffle(offices)) {
      const state = office.country.slice(3);
      const wrong = rnd.pick(this.otherHolders(office, ctx.range, ctx.article.text, []));
      if (!wrong) continue;
      const name = this.index.person(wrong)?.name ?? wrong;
      if (form === 'state-gov') {
        const title = office.titles.includes('Gov.') ? 'Gov.' : 'Governor';
        const stateName = (this.index.countryWordsByCode.get(office.country) ?? [])[0];
        if (!stateName) continue;
        return { text: `${stateName} ${title} ${name}`, office: office.id };
      }
      const party = this.partyLetter(office, wrong);
      if (!party || !AP_STATES[state] || !office.titles.includes('Sen.')) continue;
      return { text: `Sen. ${name}, ${party}-${AP_STATES[state]}`, office: office.id };
    }
    return null;
  }

  /** Controls: a position or form sentence with the right holder; an attribution block with the right surname. */
  controls(contexts) {
    const out = [];
    const rnd = streamFor(this.seed, 'control-title');
    const forms = ['the-title-comma', 'after-name', 'country-possessive-before'];
    for (const ctx of this.sampleArticles(rnd, contexts)) {
      const shape = rnd.pick([...POSITIONS, ...forms]);
      let claim;
      let office;
      if (forms.includes(shape)) {
        const built = this.formClaim(rnd, shape, ctx, true);
        if (!built) continue;
        claim = built.text;
        office = built.office;
      } else {
        const pick = this.officeAndWrongHolder(rnd, ctx.article, ctx.range, undefined, true);
        if (!pick) continue;
        const title = this.titleForArticle(pick.office, this.titleFor(rnd, pick.office, ctx.article), ctx.article);
        claim = `${title} ${this.index.person(pick.wrong)?.name ?? pick.wrong}`;
        office = pick.office.id;
      }
      const values = {
        ...vocabulary(rnd, ctx.article.country),
        claim,
        other: this.otherClaim(rnd, ctx.article, ctx.range, [office]),
      };
      const template = rnd.pick(forms.includes(shape) ? FORM_TEMPLATES[shape] : POSITION_TEMPLATES[shape]);
      const filled = fill(template, values);
      const planted = this.insert(rnd, ctx.article, ctx.paragraphs, filled.text, filled.span, shape);
      out.push(this.mutation('x-control-title', 'synthetic', ctx.article, planted, `${claim} (${office}, ${shape})`));
    }
    const rndQuote = streamFor(this.seed, 'control-attribution');
    for (const ctx of this.sampleArticles(rndQuote, contexts)) {
      const block = this.attributionBlock(rndQuote, 'x-control-attribution', ctx);
      if (!block) continue;
      const planted = this.insert(rndQuote, ctx.article, ctx.paragraphs, block.text, block.span, 'body');
      out.push(this.mutation('x-control-attribution', 'synthetic', ctx.article, planted, block.note));
    }
    return out;
  }

  // ---------------------------------------------------------------- attribution kinds (e, f)

  /** Predecessors and successors of a person in the non-concurrent offices they hold on the article's date. */
  neighbours(personId, text, range) {
    const found = [];
    for (const term of this.index.termsOf(personId)) {
      const office = this.index.office(term.officeId);
      if (!office || office.concurrent || !overlapsDays(term.range, range)) continue;
      const terms = [...office.terms].sort((a, b) => a.range.start - b.range.start);
      const at = terms.indexOf(term);
      for (const t of [terms[at - 1], terms[at + 1]]) {
        // A neighbour who also held the office on some day of the article's date is no error (BBC's two-year range).
        if (
          t &&
          t.personId !== personId &&
          !overlapsDays(t.range, range) &&
          !personMentioned(this.index, text, t.personId)
        )
          found.push(t.personId);
      }
    }
    return found;
  }

  surnameOf(personId) {
    return this.index.person(personId)?.surname ?? personId.split(' ').pop();
  }

  /**
   * A surname several table people share, one of whom held (at another time) an office the speaker
   * holds on the article's date: the confusions issue 15 names (Johnson for a Home Secretary,
   * Clinton for President Obama). Not named anywhere in the article.
   */
  sharedSurnameFor(rnd, article, speakerId, range) {
    const speakerSurname = this.surnameOf(speakerId);
    const offices = new Set(
      this.index
        .termsOf(speakerId)
        .filter((t) => overlapsDays(t.range, range) && !this.index.office(t.officeId)?.concurrent)
        .map((t) => t.officeId),
    );
    const free = this.index.sharedSurnames.filter(
      (s) =>
        s !== speakerSurname &&
        !new RegExp(`(?<![\\p{L}])${s}(?![\\p{L}])`, 'u').test(article.text) &&
        this.index.peopleBySurname
          .get(s)
          .some((id) => id !== speakerId && this.index.termsOf(id).some((t) => !t.acting && offices.has(t.officeId))),
    );
    return rnd.pick(free);
  }

  attributionNatural(contexts) {
    const rnd = streamFor(this.seed, 'attribution-natural');
    const out = [];
    for (const ctx of contexts) {
      for (const site of ctx.attributionSites) {
        const speakerSurname = site.surname;
        const replace = (kind, surname, why) => {
          const edit = { start: site.start, end: site.end, text: surname };
          const span = { start: site.start, end: site.start + surname.length };
          const note = `“${speakerSurname}” → “${surname}” (${why}; last mention ${site.distance} paragraph(s) back)`;
          out.push(this.mutation(kind, 'natural', ctx.article, { edit, span }, note));
        };
        const neighbour = rnd.pick(this.neighbours(site.personId, ctx.article.text, ctx.range));
        const neighbourSurname = neighbour && this.surnameOf(neighbour);
        if (neighbourSurname && neighbourSurname !== speakerSurname)
          replace(site.distance >= 2 ? 'f-beyond-paragraph' : 'e-predecessor', neighbourSurname, neighbour);
        const shared = this.sharedSurnameFor(rnd, ctx.article, site.personId, ctx.range);
        if (shared) replace('e-shared-surname', shared, 'shared surname');
      }
    }
    return out;
  }

  /** Intro paragraph with a correct "Title Name", optionally a he-said chain, then a wrong surname. */
  attributionSynthetic(contexts) {
    const out = [];
    for (const kind of ['e-predecessor', 'e-shared-surname', 'f-beyond-paragraph']) {
      const rnd = streamFor(this.seed, `attribution-${kind}`);
      for (const ctx of this.sampleArticles(rnd, contexts)) {
        const block = this.attributionBlock(rnd, kind, ctx);
        if (!block) continue;
        const planted = this.insert(rnd, ctx.article, ctx.paragraphs, block.text, block.span, 'body');
        out.push(this.mutation(kind, 'synthetic', ctx.article, planted, block.note));
      }
    }
    return out;
  }

  attributionBlock(rnd, kind, ctx) {
    const { article, range } = ctx;
    const offices = rnd.shuffle(this.nonConcurrent.filter((o) => this.index.topCountry(o.country) === article.country));
    for (const office of offices) {
      const holders = this.index
        .holdersDuring(office, range)
        .filter((t) => this.index.pronounOf(t.personId) && !personMentioned(this.index, article.text, t.personId));
      const holder = rnd.pick(holders);
      if (!holder) continue;
      const speaker = holder.personId;
      const surname = this.surnameOf(speaker);
      let wrong;
      if (kind === 'x-control-attribution') wrong = surname;
      else if (kind === 'e-shared-surname') wrong = this.sharedSurnameFor(rnd, article, speaker, range);
      else {
        const terms = [...office.terms].sort((a, b) => a.range.start - b.range.start);
        const at = terms.indexOf(holder);
        const near = [terms[at - 1], terms[at + 1]]
          .filter(
            (t) =>
              t &&
              t.personId !== speaker &&
              !overlapsDays(t.range, range) &&
              !personMentioned(this.index, article.text, t.personId),
          )
          .map((t) => this.surnameOf(t.personId))
          .filter((s) => s !== surname);
        wrong = rnd.pick(near);
      }
      if (!wrong) continue;
      const pronoun = this.index.pronounOf(speaker);
      const values = {
        ...vocabulary(rnd, article.country),
        intro: `${this.titleForArticle(office, this.titleFor(rnd, office, article), article)} ${this.index.person(speaker).name}`,
        he: pronoun,
        hon: article.country === 'GB' ? (pronoun === 'she' ? 'Ms ' : 'Mr ') : '',
        wrong,
      };
      const paragraphs = [fill(rnd.pick(ATTRIBUTION_TEMPLATES.intro), values).text];
      const quotes = rnd.sample(VOCABULARY.quote, 4);
      if (kind === 'f-beyond-paragraph' || kind === 'x-control-attribution') {
        const chain = kind === 'f-beyond-paragraph' ? 2 + Math.floor(rnd.next() * 2) : Math.floor(rnd.next() * 3);
        rnd.sample(ATTRIBUTION_TEMPLATES.chain, chain).forEach((template, i) => {
          paragraphs.push(fill(template, { ...values, quote: quotes[i] }).text);
        });
      }
      const last = fill(rnd.pick(ATTRIBUTION_TEMPLATES.wrong), { ...values, quote: quotes[3] });
      const sameParagraph = kind !== 'f-beyond-paragraph' && rnd.chance(0.3);
      const joiner = sameParagraph ? ' ' : ctx.paragraphs.separator;
      const head = paragraphs.join(ctx.paragraphs.separator) + joiner;
      return {
        text: head + last.text,
        span: { start: head.length + last.span.start, end: head.length + last.span.end },
        note: `${values.intro} … “${wrong}” (${
          { 'e-shared-surname': 'shared surname', 'x-control-attribution': 'right speaker' }[kind] ??
          'neighbour in office'
        })`,
      };
    }
    return null;
  }
}
