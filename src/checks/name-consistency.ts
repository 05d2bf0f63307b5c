import type { Person } from '../reference/table.js';
import type { Entity } from '../resolve/entities.js';
import type { Mention } from '../scan/names.js';
import { phraseKeys } from '../util/phrase-keys.js';
import type { Check, DraftFinding, DraftSuggestion } from './check.js';
import type { ResolvedArticle } from '../resolve/article.js';
import { tally } from '../util/work.js';

/** One person spelled two ways in one article ("Zelensky" and "Zelenskyy"). */
export const nameConsistency: Check = {
  kind: 'name-consistency',
  needsDate: false,
  options: {},
  messageParams: ['person', 'spellings', 'house'],
  run(article, context) {
    const findings: DraftFinding[] = [];
    for (const entity of article.entities) {
      tally(1 + entity.mentions.length);
      const person = entity.personId ? context.table.people.get(entity.personId) : undefined;
      if (person) findings.push(...checkEntity(article, entity, person));
    }
    return findings;
  },
};

interface Spelling {
  mention: Mention;
  surname: string;
  first: string | null;
}

function checkEntity(article: ResolvedArticle, entity: Entity, person: Person): DraftFinding[] {
  const spellings = entity.mentions.filter((m) => m.candidates.length === 1).map((m) => spellingOf(article, m));
  const houseSurname = person.surname.toLowerCase();
  const houseFirst = person.name.split(/\s+/)[0]?.toLowerCase() ?? '';
  const surnames = new Set(spellings.map((s) => s.surname));
  const firsts = new Set(spellings.flatMap((s) => (s.first === null ? [] : [s.first])));
  if (surnames.size < 2 && firsts.size < 2) return [];
  const surnameDiffers = surnames.size > 1;
  const all = [...new Set(spellings.map((s) => displaySpelling(article, s.mention, surnameDiffers)))];
  const findings: DraftFinding[] = [];
  for (const spelling of spellings) {
    const badSurname = surnames.size > 1 && spelling.surname !== houseSurname;
    const badFirst =
      firsts.size > 1 &&
      spelling.first !== null &&
      spelling.first !== houseFirst &&
      sameKey(spelling.first, houseFirst);
    if (!badSurname && !badFirst) continue;
    const mention = spelling.mention;
    const replacement = mention.form === 'full' ? person.name : person.surname;
    const suggestion: DraftSuggestion = {
      start: mention.start,
      end: mention.end,
      text: replacement,
      safe: true,
      description: `use the house style, ${replacement}`,
    };
    findings.push({
      start: mention.start,
      end: mention.end,
      params: {
        person: person.name,
        spellings: all.join('” and “'),
        house: surnameDiffers ? person.surname : (person.name.split(/\s+/)[0] ?? person.name),
      },
      personId: person.id,
      suggestions: [suggestion],
      evidence: [],
    });
  }
  return findings;
}

function spellingOf(article: ResolvedArticle, mention: Mention): Spelling {
  const first =
    mention.form === 'full' && mention.surnameStart > mention.tokenStart
      ? lowerWords(article, mention.tokenStart, mention.tokenStart + 1)
      : null;
  return { mention, surname: lowerWords(article, mention.surnameStart, mention.surnameEnd), first };
}

/** The words among tokens [from, to), in lower case, joined by spaces. */
function lowerWords(article: ResolvedArticle, from: number, to: number): string {
  let text = '';
  for (let k = from; k < Math.min(to, article.tokens.length); k++) {
    const token = article.tokens[k];
    if (!token?.isWord) continue;
    text += text ? ` ${token.text.toLowerCase()}` : token.text.toLowerCase();
  }
  return text;
}

/** The part that differs, as written: the surname, or else the first name. */
function displaySpelling(article: ResolvedArticle, mention: Mention, surname: boolean): string {
  const [from, to] = surname
    ? [mention.surnameStart, mention.surnameEnd - 1]
    : [mention.tokenStart, mention.tokenStart];
  const first = article.tokens[from];
  const last = article.tokens[to];
  return first && last ? article.text.slice(first.start, last.end) : article.text.slice(mention.start, mention.end);
}

/** Two spellings of one first name, not two different first names (a wrong full name is another problem). */
function sameKey(a: string, b: string): boolean {
  const [x] = phraseKeys(a);
  const [y] = phraseKeys(b);
  return x !== undefined && y !== undefined && (x === y || x.slice(0, 3) === y.slice(0, 3));
}
