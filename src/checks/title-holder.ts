import { coversRange, describeTerm, heldDuring, heldThroughout, holdersDuring, joinNames, termsIn } from '../reference/query.js';
import type { Office, Table, Term } from '../reference/table.js';
import type { TitleClaim } from '../scan/titles.js';
import type { Check, CheckContext, DraftFinding, DraftSuggestion, ResolvedArticle } from './check.js';

/** "Title Name" where Name did not hold that office on the article's date. */
export const titleHolder: Check = {
  kind: 'title-holder',
  needsDate: true,
  defaultOptions: {},
  run(article, context) {
    const findings: DraftFinding[] = [];
    for (const claim of article.claims) {
      const finding = checkClaim(article, claim, context);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function checkClaim(article: ResolvedArticle, claim: TitleClaim, context: CheckContext): DraftFinding | null {
  const { table, date } = context;
  if (!date || claim.otherOffice || claim.officeIds.length === 0) return null;
  if (claim.modifier === 'then' || claim.modifier === 'incoming') return null;
  const offices = claim.officeIds.map((id) => table.offices.get(id)).filter((o): o is Office => o !== undefined);
  const entity = article.entities[claim.mention.entity];
  const people = entity?.personId ? [entity.personId] : (entity?.candidates ?? claim.mention.candidates);
  if (people.length === 0) return unknownPersonClaim(claim, offices, context);
  if (claim.modifier === 'late') return lateClaim(claim, people, context);
  if (claim.modifier === 'former') return formerClaim(article, claim, people, offices, context);
  return presentClaim(claim, people, offices, context);
}

function presentClaim(claim: TitleClaim, people: readonly string[], offices: readonly Office[], context: CheckContext): DraftFinding | null {
  const { table, date } = context;
  if (!date) return null;
  const ids = offices.map((o) => o.id);
  if (people.some((id) => heldDuring(termsIn(table, id, ids), date))) return null;
  const checkable = offices.filter((o) => coversRange(o, date) && (!o.concurrent || people.some((id) => termsIn(table, id, [o.id]).length > 0)));
  if (checkable.length === 0 || checkable.length < offices.length) return null;
  const personId = people[0] ?? '';
  const ownTerms = termsIn(table, personId, ids);
  const office = pickOffice(checkable, ownTerms);
  const holders = office.concurrent ? [] : holdersDuring(office, date);
  const before = ownTerms.filter((t) => t.range.end < date.start);
  const suggestions: DraftSuggestion[] = [];
  if (before.length > 0 && ownTerms.every((t) => t.range.end < date.start)) {
    suggestions.push({ start: claim.start, end: claim.start, text: 'former ', safe: false, description: `call ${nameOf(table, personId)} a former ${claim.titleText}` });
  }
  const currentNames = [...new Set(holders.map((t) => nameOf(table, t.personId)))];
  if (currentNames.length === 1 && currentNames[0]) {
    suggestions.push({ start: claim.mention.start, end: claim.mention.end, text: currentNames[0], safe: false, description: `name the holder on the article's date, ${currentNames[0]}` });
  }
  const verdict = ownTerms.length === 0 ? 'never held the office of' : 'did not hold the office of';
  return finding(claim, personId, office, table, context, verdict, detail(table, personId, ownTerms, holders), [...ownTerms, ...holders], suggestions);
}

function formerClaim(article: ResolvedArticle, claim: TitleClaim, people: readonly string[], offices: readonly Office[], context: CheckContext): DraftFinding | null {
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
    ? [{ start: formerWord.start, end: formerWord.end, text: '', safe: false, description: 'drop “former”: still in office on that date' }]
    : [];
  const verdict = 'is called former, but still held the office of';
  return finding(claim, personId, office, table, context, verdict, ` (${terms.map(describeTerm).join('; ')})`, terms, suggestions);
}

function lateClaim(claim: TitleClaim, people: readonly string[], context: CheckContext): DraftFinding | null {
  const { table, date } = context;
  if (!date) return null;
  const personId = people[0] ?? '';
  const person = table.people.get(personId);
  if (people.length !== 1 || !person) return null;
  if (person.died && person.died.start <= date.end) return null;
  const office = table.offices.get(claim.officeIds[0] ?? '');
  if (!office || !person.died) return null;
  return finding(claim, personId, office, table, context, 'is called “the late”, but was alive as', ` (died ${person.diedText ?? ''})`, [], []);
}

/**
 * A name the table does not know, with a title only one office carries and a holder on
 * that date: "Secretary of State Bob Smith" in 2025.
 */
function unknownPersonClaim(claim: TitleClaim, offices: readonly Office[], context: CheckContext): DraftFinding | null {
  const { table, date } = context;
  const office = offices[0];
  if (!date || offices.length !== 1 || !office || office.concurrent || claim.modifier) return null;
  if (claim.mention.form !== 'full' || !coversRange(office, date)) return null;
  const titleKeys = claim.titleText.toLowerCase();
  const shared = [...table.offices.values()].filter((o) => o.titles.some((t) => t.toLowerCase() === titleKeys));
  if (shared.length > 1 && !claim.country) return null;
  const holders = holdersDuring(office, date);
  if (holders.length === 0) return null;
  const names = [...new Set(holders.map((t) => nameOf(table, t.personId)))];
  const suggestions: DraftSuggestion[] =
    names.length === 1 && names[0] ? [{ start: claim.mention.start, end: claim.mention.end, text: names[0], safe: false, description: `name the holder on the article's date, ${names[0]}` }] : [];
  return {
    start: claim.mention.start,
    end: claim.mention.end,
    params: params(claim, claim.mention.text, office, context, 'did not hold the office of', `; ${joinNames(names)} did (${holders.map(describeTerm).join('; ')})`),
    officeId: office.id,
    suggestions,
    evidence: holders,
  };
}

function finding(
  claim: TitleClaim,
  personId: string,
  office: Office,
  table: Table,
  context: CheckContext,
  verdict: string,
  detailText: string,
  evidence: readonly Term[],
  suggestions: DraftSuggestion[],
): DraftFinding {
  return {
    start: claim.mention.start,
    end: claim.mention.end,
    params: params(claim, nameOf(table, personId), office, context, verdict, detailText),
    personId,
    officeId: office.id,
    suggestions,
    evidence,
  };
}

function params(claim: TitleClaim, person: string, office: Office, context: CheckContext, verdict: string, detailText: string): Record<string, string> {
  return {
    claim: `${claim.form === 'before-name' ? '' : `${claim.mention.text}, `}${claimText(claim)}`,
    person,
    verdict,
    office: office.name,
    title: claim.titleText,
    date: context.dateText,
    detail: detailText,
  };
}

function claimText(claim: TitleClaim): string {
  return claim.form === 'before-name' ? `${claim.titleText} ${claim.mention.text}` : claim.titleText;
}

function detail(table: Table, personId: string, own: readonly Term[], holders: readonly Term[]): string {
  const parts: string[] = [];
  if (own.length > 0) parts.push(`${nameOf(table, personId)} held it ${own.map(describeTerm).join('; ')}`);
  const names = [...new Set(holders.map((t) => nameOf(table, t.personId)))];
  if (names.length > 0) parts.push(`${joinNames(names)} ${names.length > 1 ? 'did' : 'did'} (${holders.map(describeTerm).join('; ')})`);
  return parts.length ? `; ${parts.join('; ')}` : '';
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
