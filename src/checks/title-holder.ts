import {
  coversRange,
  describeRange,
  onOrIn,
  describeTerm,
  heldDuring,
  heldThroughout,
  holdersDuring,
  joinNames,
  termsIn,
} from '../reference/query.js';
import type { Office, Table, Term } from '../reference/table.js';
import type { TitleClaim } from '../scan/titles.js';
import type { Check, CheckContext, DraftFinding, DraftSuggestion, ResolvedArticle } from './check.js';
import { claimTime, isHypothetical } from './claim-time.js';
import { tally } from '../util/work.js';

/**
 * "Title Name" where Name did not hold that office on the article's date. Option `when`:
 * `present` reports claims about the article's present (an error), `unclear` those the
 * text does not place in time (a warning: the writer may mean the person's term);
 * claims set in the past ("appointed by President Bill Clinton in 1993") are true.
 */
export const titleHolder: Check = {
  kind: 'title-holder',
  needsDate: true,
  defaultOptions: { when: 'present' },
  run(article, context) {
    const findings: DraftFinding[] = [];
    for (const claim of article.claims) {
      tally();
      const finding = checkClaim(article, claim, context);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function checkClaim(article: ResolvedArticle, claim: TitleClaim, context: CheckContext): DraftFinding | null {
  const { table, date } = context;
  const entity = article.entities[claim.mention.entity];
  const people = entity?.personId ? [entity.personId] : (entity?.candidates ?? claim.mention.candidates);
  const mode = context.options.when === 'unclear' ? 'unclear' : 'present';
  if (claim.modifier === 'late') return mode === 'present' ? lateClaim(claim, people, context) : null;
  if (!date || claim.otherOffice || claim.officeIds.length === 0) return null;
  if (claim.modifier === 'then' || claim.modifier === 'incoming') return null;
  const offices = claim.officeIds.map((id) => table.offices.get(id)).filter((o): o is Office => o !== undefined);
  if (claim.modifier === 'former') {
    const settled =
      mode === 'present' && claimTime(article, claim, date).time !== 'past' && !isHypothetical(article, claim);
    return settled ? formerClaim(article, claim, people, offices, context) : null;
  }
  const everHeld = people.some((id) => termsIn(table, id, claim.officeIds).length > 0);
  // A name that never held any office with this title may hold a same-titled office the
  // table lacks (a state attorney general, the House majority leader): only a country word settles it.
  if (!everHeld && (!claim.country || claim.mention.form === 'surname')) return null;
  const when = claimTime(article, claim, date);
  // A sentence that names its year is checked against that year, and says so: an error. But
  // a title true on the article's date may be today's title for a past event ("President
  // Barack Obama won the state in 2008", written in 2016).
  const at = when.years ? { ...context, date: when.years, dateText: describeRange(when.years) } : context;
  if (when.years ? mode !== 'present' : when.time === 'past' || when.time !== mode) return null;
  if (when.years && people.some((id) => heldDuring(termsIn(table, id, claim.officeIds), date))) return null;
  if (people.length === 0) return unknownPersonClaim(claim, offices, at);
  return presentClaim(article, claim, people, offices, at);
}

/** US usage keeps a former president's title as a courtesy: "President Clinton" in 2016 is Bill Clinton, not an error. */
function isCourtesyTitle(
  claim: TitleClaim,
  office: Office,
  ownTerms: readonly Term[],
  date: { start: number },
): boolean {
  return (
    claim.mention.form === 'surname' &&
    office.country === 'US' &&
    ownTerms.some((t) => t.officeId === office.id && t.range.end < date.start)
  );
}

function presentClaim(
  article: ResolvedArticle,
  claim: TitleClaim,
  people: readonly string[],
  offices: readonly Office[],
  context: CheckContext,
): DraftFinding | null {
  const { table, date } = context;
  if (!date) return null;
  const ids = offices.map((o) => o.id);
  if (people.some((id) => heldDuring(termsIn(table, id, ids), date))) return null;
  const personId = people[0] ?? '';
  const countries = countriesOf(table, personId);
  const checkable = offices.filter(
    (o) => coversRange(o, date) && (!o.concurrent || termsIn(table, personId, [o.id]).length > 0),
  );
  const unsure = offices.filter(
    (o) => !checkable.includes(o) && (countries.size === 0 || countries.has(o.country ?? '')),
  );
  if (checkable.length === 0 || unsure.length > 0 || people.length > 1) return null;
  const ownTerms = termsIn(table, personId, ids);
  const office = pickOffice(checkable, ownTerms);
  if (isCourtesyTitle(claim, office, ownTerms, date)) return null;
  const holders = office.concurrent ? [] : holdersDuring(office, date);
  const suggestions: DraftSuggestion[] = [];
  if (ownTerms.length > 0 && ownTerms.every((t) => t.range.end < date.start)) {
    const atSentenceStart = article.tokens[claim.claimStart]?.sentenceStart ?? false;
    const title = article.text.slice(claim.start, claim.end);
    suggestions.push({
      start: claim.start,
      end: claim.end,
      text: atSentenceStart ? `Former ${title.charAt(0).toLowerCase()}${title.slice(1)}` : `former ${title}`,
      safe: false,
      description: `call ${nameOf(table, personId)} a former ${claim.titleText}`,
    });
  }
  const currentNames = [...new Set(holders.map((t) => nameOf(table, t.personId)))];
  if (currentNames.length === 1 && currentNames[0]) {
    suggestions.push({
      start: claim.mention.start,
      end: claim.mention.end,
      text: currentNames[0],
      safe: false,
      description: `name the holder on the article's date, ${currentNames[0]}`,
    });
  }
  const person = nameOf(table, personId);
  const own =
    ownTerms.length === 0 ? `${person} never held it` : `${person} held it ${ownTerms.map(describeTerm).join('; ')}`;
  return finding(
    claim,
    personId,
    office,
    context,
    `${onDate(office, holders, context)}; ${own}`,
    [...ownTerms, ...holders],
    suggestions,
  );
}

function formerClaim(
  article: ResolvedArticle,
  claim: TitleClaim,
  people: readonly string[],
  offices: readonly Office[],
  context: CheckContext,
): DraftFinding | null {
  const { table, date } = context;
  if (!date) return null;
  const ids = offices.map((o) => o.id);
  const stillInOffice = people.filter((id) => heldThroughout(termsIn(table, id, ids), date));
  if (stillInOffice.length !== people.length || people.length === 0) return null;
  const personId = people[0] ?? '';
  const terms = termsIn(table, personId, ids).filter((t) => heldThroughout([t], date));
  const office = pickOffice(offices, terms);
  const formerWord = modifierWordSpan(article, claim);
  const suggestions: DraftSuggestion[] = formerWord
    ? [
        {
          start: formerWord.start,
          end: formerWord.end,
          text: '',
          safe: false,
          description: 'drop “former”: still in office on that date',
        },
      ]
    : [];
  const explanation = `${nameOf(table, personId)} still held the office of ${office.name} ${onOrIn(context.dateText)} (${terms.map(describeTerm).join('; ')}): not “former”`;
  return finding(claim, personId, office, context, explanation, terms, suggestions);
}

/** "the late X" about someone the table shows alive on the article's date. */
function lateClaim(claim: TitleClaim, people: readonly string[], context: CheckContext): DraftFinding | null {
  const { table, date } = context;
  const person = table.people.get(people[0] ?? '');
  if (!date || people.length !== 1 || !person?.died || person.died.start <= date.end) return null;
  return {
    start: claim.mention.start,
    end: claim.mention.end,
    params: {
      claim: `the late ${claim.mention.text}`,
      person: person.name,
      office: '',
      date: context.dateText,
      explanation: `${person.name} was alive ${onOrIn(context.dateText)} (died ${person.diedText ?? ''})`,
    },
    personId: person.id,
    diedPersonId: person.id,
    evidence: [],
  };
}

/**
 * A name the table does not know, with a title and a country word that leave one office
 * with a holder on that date: "U.S. Secretary of State Bob Smith" in 2025. Without the
 * country word the title may be another country's ("Speaker Michael Martin").
 */
function unknownPersonClaim(claim: TitleClaim, offices: readonly Office[], context: CheckContext): DraftFinding | null {
  const { table, date } = context;
  const office = offices[0];
  if (!date || offices.length !== 1 || !office || office.concurrent || claim.modifier) return null;
  if (claim.mention.form !== 'full' || !coversRange(office, date)) return null;
  const holders = holdersDuring(office, date);
  if (holders.length === 0) return null;
  const names = [...new Set(holders.map((t) => nameOf(table, t.personId)))];
  const suggestions: DraftSuggestion[] =
    names.length === 1 && names[0]
      ? [
          {
            start: claim.mention.start,
            end: claim.mention.end,
            text: names[0],
            safe: false,
            description: `name the holder on the article's date, ${names[0]}`,
          },
        ]
      : [];
  return {
    start: claim.mention.start,
    end: claim.mention.end,
    params: params(claim, claim.mention.text, office, context, onDate(office, holders, context)),
    officeId: office.id,
    suggestions,
    evidence: holders,
  };
}

function finding(
  claim: TitleClaim,
  personId: string,
  office: Office,
  context: CheckContext,
  explanation: string,
  evidence: readonly Term[],
  suggestions: DraftSuggestion[],
): DraftFinding {
  return {
    start: claim.mention.start,
    end: claim.mention.end,
    params: params(claim, nameOf(context.table, personId), office, context, explanation),
    personId,
    officeId: office.id,
    suggestions,
    evidence,
  };
}

function params(
  claim: TitleClaim,
  person: string,
  office: Office,
  context: CheckContext,
  explanation: string,
): Record<string, string> {
  return {
    claim: claim.text,
    person,
    office: office.name,
    title: claim.titleText,
    date: context.dateText,
    explanation,
  };
}

/** "on 2025-06-15 the United States Secretary of State was Marco Rubio (since 2025-01-21)" */
function onDate(office: Office, holders: readonly Term[], context: CheckContext): string {
  if (holders.length === 0) return `${office.name} ${onOrIn(context.dateText)}: no holder recorded`;
  const names = joinNames([...new Set(holders.map((t) => nameOf(context.table, t.personId)))]);
  return `${onOrIn(context.dateText)} the ${office.name} was ${names} (${holders.map(describeTerm).join('; ')})`;
}

/**
 * Countries of the offices a person held. An office the table does not cover on the
 * date could still have been theirs only if it is in one of these countries.
 */
function countriesOf(table: Table, personId: string): Set<string> {
  return new Set((table.termsByPerson.get(personId) ?? []).map((t) => table.offices.get(t.officeId)?.country ?? ''));
}

/** The office the person actually held, if any, else the first candidate. */
function pickOffice(offices: readonly Office[], terms: readonly Term[]): Office {
  return offices.find((o) => terms.some((t) => t.officeId === o.id)) ?? (offices[0] as Office);
}

/** The modifier word with what joins it to the next word ("former ", "ex-"). */
function modifierWordSpan(article: ResolvedArticle, claim: TitleClaim): { start: number; end: number } | null {
  if (claim.modifierToken === null) return null;
  const word = article.tokens[claim.modifierToken];
  const next = article.tokens[claim.modifierToken + 1];
  return word && next ? { start: word.start, end: next.start } : null;
}

function nameOf(table: Table, personId: string): string {
  return table.people.get(personId)?.name ?? personId;
}
