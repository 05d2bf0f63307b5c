import { describeTerm, heldDuring, onOrIn } from '../reference/query.js';
import type { Term } from '../reference/table.js';
import type { Entity } from '../resolve/entities.js';
import type { Quote } from '../resolve/speakers.js';
import type { Check, CheckContext, DraftFinding } from './check.js';
import type { ResolvedArticle } from '../resolve/article.js';
import { firstStartAtLeast } from '../util/search.js';
import { tally } from '../util/work.js';

/**
 * A quote attributed by name to someone the article never introduces, in an article that
 * introduces the person holding, on the article's date, an office the named person held at
 * another time: the predecessor's (or successor's) name written by mistake. A surname that
 * several table people share is checked for each of them; the article's officeholders are
 * looked for anywhere before the quote (a "he said" chain can run over many paragraphs),
 * nearest first.
 */
export const quoteAttribution: Check = {
  kind: 'quote-attribution',
  needsDate: true,
  options: {
    paragraphsBefore: {
      anyOf: [{ type: 'integer', minimum: 0 }, { const: 'all' }],
      default: 'all',
      description:
        "how many paragraphs before the quote's own count as its context ('all': the whole article before it)",
    },
  },
  messageParams: ['speaker', 'context', 'other', 'office', 'date', 'onDate', 'person', 'personTerm', 'suggestion'],
  run(article, context) {
    const findings: DraftFinding[] = [];
    const seen = new Set<number>();
    for (const quote of article.quotes) {
      tally();
      const speaker = quote.speaker;
      if (!speaker?.entity || !speaker.mention || speaker.via !== 'explicit' || seen.has(speaker.start)) continue;
      const finding = checkQuote(article, quote, speaker.entity, context);
      if (finding) {
        findings.push(finding);
        seen.add(speaker.start);
      }
    }
    return findings;
  },
};

interface Conflict {
  other: Entity;
  otherTerm: Term;
  ownTerms: Term[];
}

function checkQuote(
  article: ResolvedArticle,
  quote: Quote,
  speaker: Entity,
  context: CheckContext,
): DraftFinding | null {
  const { table, date } = context;
  if (!date || speaker.introduction || isIntroducedOtherwise(article, speaker, quote, context) || !quote.speaker)
    return null;
  const candidates = speaker.personId ? [speaker.personId] : speaker.candidates;
  let conflict: (Conflict & { personId: string; distance: number }) | null = null;
  for (const personId of candidates) {
    const ownTerms = table.termsByPerson.get(personId) ?? [];
    const found = ownTerms.length > 0 ? contextConflict(article, quote, speaker, ownTerms, context) : null;
    if (found && (!conflict || found.distance < conflict.distance)) conflict = { ...found, personId };
  }
  if (!conflict) return null;
  const { other, otherTerm, personId } = conflict;
  const office = table.offices.get(otherTerm.officeId);
  const otherPerson = other.personId ? table.people.get(other.personId) : undefined;
  if (!office || !otherPerson) return null;
  const spoken = quote.speaker.mention?.form === 'surname' ? otherPerson.surname : otherPerson.name;
  const speakerName = table.people.get(personId)?.name ?? personId;
  return {
    start: quote.speaker.start,
    end: quote.speaker.end,
    params: {
      speaker: article.text.slice(quote.speaker.start, quote.speaker.end),
      context: other.mentions[0] && other.mentions[0].start < quote.start ? 'the text before it' : 'the text around it',
      other: otherPerson.name,
      office: office.name,
      date: context.dateText,
      onDate: onOrIn(context.dateText),
      person: speakerName,
      personTerm: termPhrase(conflict.ownTerms, date.start),
      suggestion: spoken,
    },
    personId,
    officeId: office.id,
    suggestions: [
      {
        start: quote.speaker.start,
        end: quote.speaker.end,
        text: spoken,
        safe: false,
        description: `attribute the quote to ${otherPerson.name}`,
      },
    ],
    evidence: [otherTerm, ...conflict.ownTerms],
  };
}

/** Named in the article other than in attributions, e.g. with a title: then the article means them. */
function isIntroducedOtherwise(
  article: ResolvedArticle,
  speaker: Entity,
  quote: Quote,
  context: CheckContext,
): boolean {
  const starts = articleIndex(article, context).titledAt.get(speaker.id);
  if (!starts) return false;
  return starts.size > 1 || !starts.has(quote.speaker?.start ?? -1);
}

interface ArticleIndex {
  /** Where each entity is named with a title (mention starts). */
  titledAt: Map<number, Set<number>>;
  /** The article's table people who held each office on the article's date, with that term. */
  holders: Map<string, { entity: Entity; term: Term }[]>;
}

const indexes = new WeakMap<ResolvedArticle, ArticleIndex>();

/** Per-article lookups built once, so checking many quotes stays linear. */
function articleIndex(article: ResolvedArticle, context: CheckContext): ArticleIndex {
  let index = indexes.get(article);
  if (index) return index;
  const titledAt = new Map<number, Set<number>>();
  for (const claim of article.claims) {
    tally();
    const starts = titledAt.get(claim.mention.entity);
    if (starts) starts.add(claim.mention.start);
    else titledAt.set(claim.mention.entity, new Set([claim.mention.start]));
  }
  const holders = new Map<string, { entity: Entity; term: Term }[]>();
  for (const entity of article.entities) {
    tally();
    if (!entity.personId || !context.date) continue;
    for (const term of context.table.termsByPerson.get(entity.personId) ?? []) {
      if (!heldDuring([term], context.date)) continue;
      const list = holders.get(term.officeId);
      if (list) list.push({ entity, term });
      else holders.set(term.officeId, [{ entity, term }]);
    }
  }
  index = { titledAt, holders };
  indexes.set(article, index);
  return index;
}

/**
 * Someone the article names before the quote (or in its paragraph) who held, on the
 * article's date, an office the speaker held at another time; the nearest such person.
 */
function contextConflict(
  article: ResolvedArticle,
  quote: Quote,
  speaker: Entity,
  ownTerms: readonly Term[],
  context: CheckContext,
): (Conflict & { distance: number }) | null {
  const { date } = context;
  if (!date) return null;
  const back = context.options.paragraphsBefore;
  const from = typeof back === 'number' ? (article.paragraphs[quote.paragraph - back]?.start ?? 0) : 0;
  const to = article.paragraphs[quote.endParagraph + 1]?.start ?? Number.POSITIVE_INFINITY;
  const { holders } = articleIndex(article, context);
  let best: (Conflict & { distance: number }) | null = null;
  for (const officeId of new Set(ownTerms.map((t) => t.officeId))) {
    const own = ownTerms.filter((t) => t.officeId === officeId);
    if (heldDuring(own, date)) continue;
    for (const { entity, term } of holders.get(officeId) ?? []) {
      tally();
      if (entity === speaker) continue;
      const distance = distanceBefore(entity, quote, from, to);
      if (distance !== null && (!best || distance < best.distance))
        best = { other: entity, otherTerm: term, ownTerms: own, distance };
    }
  }
  return best;
}

/**
 * How far before the quote the person was last named, within [from, to); a name after the
 * quote in its paragraph counts as far; null when not named there at all.
 */
function distanceBefore(entity: Entity, quote: Quote, from: number, to: number): number | null {
  const index = firstStartAtLeast(entity.mentions, quote.start);
  const last = entity.mentions[index - 1];
  if (last && last.start >= from) return quote.start - last.start;
  const next = entity.mentions[index];
  return next && next.start < to ? Number.MAX_SAFE_INTEGER - 1 : null;
}

function termPhrase(terms: readonly Term[], day: number): string {
  const last = terms[terms.length - 1];
  if (!last) return '';
  if (last.range.start > day) return `takes office only on ${last.startText}`;
  return last.endText ? `left that office on ${last.endText}` : `held it ${describeTerm(last)}`;
}
