import { createHash } from 'node:crypto';
import { FAR_FUTURE, parsePartialDate, type Day, type DayRange } from '../util/dates.js';
import { createTrie, trieInsert } from '../util/trie.js';
import { createPhraseIndex, phraseAdd, type PhraseIndex } from '../util/phrase-index.js';
import { parseYaml, type ParsedYaml } from '../util/yaml.js';
import { InputError } from '../util/errors.js';
import { validateYaml } from '../util/validate.js';
import { phraseKeys as tokenKeys } from '../util/phrase-keys.js';
import schema from './schema.json' with { type: 'json' };
import type { NameForm, Office, Person, Table, Term } from './table.js';

/** A table file's text and where it comes from; `root` groups the files of one table. */
export interface TableSource {
  file: string;
  text: string;
  root: string;
}

export interface CompileOptions {
  /** Preferred spelling for a person, by any of their names: house style overrides. */
  houseStyle?: Readonly<Record<string, string>>;
}

type DateValue = string | number;
interface TermDoc {
  person: string;
  start: DateValue;
  end?: DateValue;
  acting?: boolean;
  party?: string;
}
interface OfficeDoc {
  name: string;
  country?: string;
  titles: string[];
  source?: string;
  concurrent?: boolean;
  holders: TermDoc[];
  vacancies?: { start: DateValue; end: DateValue }[];
  complete?: boolean | { from: DateValue; to?: DateValue };
}
interface PersonDoc {
  name?: string;
  variants?: string[];
  surname?: string;
  gender?: 'female' | 'male';
  born?: DateValue;
  died?: DateValue;
}
interface TableDoc {
  verifiedThrough?: string;
  countries?: Record<string, { names: string[] }>;
  offices?: Record<string, OfficeDoc>;
  people?: Record<string, PersonDoc | null>;
}

interface ParsedSource {
  source: TableSource;
  parsed: ParsedYaml;
  doc: TableDoc;
}

/** Parse, validate, merge and index table files. Pure: the files' text comes in. */
export function compileTable(sources: readonly TableSource[], options: CompileOptions = {}): Table {
  const parsed = sources.map(parseSource);
  const builder = new TableBuilder();
  for (const file of parsed) builder.addCountries(file);
  for (const file of parsed) builder.addPeople(file);
  for (const file of parsed) builder.addOffices(file);
  builder.checkNames();
  builder.applyHouseStyle(options.houseStyle ?? {});
  const table = builder.build(fingerprintOf(sources, options));
  keyMemo.clear();
  return table;
}

function parseSource(source: TableSource): ParsedSource {
  const parsed = parseYaml(source.text, source.file, 0, { fast: true });
  if (parsed.value === null || parsed.value === undefined) return { source, parsed, doc: {} };
  validateYaml(schema, parsed, source.file, 'reference table');
  return { source, parsed, doc: parsed.value as TableDoc };
}

function fingerprintOf(sources: readonly TableSource[], options: CompileOptions): string {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(source.file).update('\0').update(source.text).update('\0');
  hash.update(JSON.stringify(options.houseStyle ?? {}));
  return hash.digest('hex').slice(0, 32);
}

/** Name and title keys (and the keys joined), computed once per distinct string during one compile. */
const keyMemo = new Map<string, { keys: string[]; joined: string }>();
function memoKeys(text: string): { keys: string[]; joined: string } {
  let entry = keyMemo.get(text);
  if (!entry) {
    const keys = tokenKeys(text);
    entry = { keys, joined: keys.join(' ') };
    keyMemo.set(text, entry);
  }
  return entry;
}
function phraseKeys(text: string): string[] {
  return memoKeys(text).keys;
}

function verifiedThrough(value: string | undefined): Day | null {
  return value === undefined ? null : (parsePartialDate(value)?.start ?? null);
}

function dateText(value: DateValue): string {
  return String(value);
}

const SURNAME_PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'da',
  'di',
  'dos',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'ter',
  'zu',
]);
const NAME_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Index and length of the surname within a name's keys. */
function surnameSpan(keys: readonly string[], surnameKeys: readonly string[] | null): { at: number; length: number } {
  if (surnameKeys?.length) {
    for (let i = 0; i + surnameKeys.length <= keys.length; i++) {
      if (surnameKeys.every((k, j) => keys[i + j] === k)) return { at: i, length: surnameKeys.length };
    }
  }
  let end = keys.length;
  while (end > 1 && NAME_SUFFIXES.has(keys[end - 1] ?? '')) end--;
  let at = end - 1;
  while (at > 1 && SURNAME_PARTICLES.has(keys[at - 1] ?? '')) at--;
  return { at, length: end - at };
}

/** "Roni Bar-On", "Nick Thomas-Symonds": a hyphenated last word is the surname whole, never its last part alone. */
function hyphenatedSurname(name: string): string[] | null {
  const words = name.trim().split(/\s+/);
  while (words.length > 1 && NAME_SUFFIXES.has(phraseKeys(words.at(-1) ?? '').join(' '))) words.pop();
  const last = words.at(-1) ?? '';
  return words.length > 1 && /\p{L}-\p{L}/u.test(last) ? phraseKeys(last) : null;
}

class TableBuilder {
  private readonly offices = new Map<string, Office>();
  private readonly officeRoots = new Map<string, string>();
  private readonly people = new Map<string, Person>();
  private readonly personPlaces = new Map<string, { file: string; line: number; column: number }>();
  private readonly countries = new Map<string, string[]>();
  private readonly personRoots = new Map<string, string>();

  addCountries({ doc }: ParsedSource): void {
    for (const [code, country] of Object.entries(doc.countries ?? {})) {
      const names = this.countries.get(code) ?? [];
      for (const name of country.names) if (!names.includes(name)) names.push(name);
      this.countries.set(code, names);
    }
  }

  addPeople({ doc, source, parsed }: ParsedSource): void {
    for (const [key, entry] of Object.entries(doc.people ?? {})) {
      const place = { file: source.file, ...parsed.locate(['people', key], true) };
      const fail = (message: string): never => {
        throw new InputError(message, place.file, place.line, place.column);
      };
      const person = this.personFor(key, source.root);
      if (!entry) continue;
      if (entry.name) person.name = entry.name;
      for (const variant of entry.variants ?? []) if (!person.variants.includes(variant)) person.variants.push(variant);
      if (entry.surname) person.surname = entry.surname;
      if (entry.gender) person.gender = entry.gender;
      if (entry.born !== undefined) person.born = this.date(entry.born, fail, `people.${key}.born`);
      if (entry.died !== undefined) {
        const died = this.date(entry.died, fail, `people.${key}.died`);
        if (person.died && (person.died.start !== died.start || person.died.end !== died.end)) {
          fail(`people.${key}.died: ${dateText(entry.died)} contradicts ${person.diedText ?? ''} given elsewhere`);
        }
        person.died = died;
        person.diedText = dateText(entry.died);
      }
      if (person.born && person.died && person.died.end < person.born.start)
        fail(`people.${key}: died before being born`);
      if (!this.personPlaces.has(key)) this.personPlaces.set(key, place);
    }
  }

  addOffices({ doc, source, parsed }: ParsedSource): void {
    for (const [id, entry] of Object.entries(doc.offices ?? {})) {
      const place = parsed.locate(['offices', id], true);
      const previousRoot = this.officeRoots.get(id);
      if (previousRoot === source.root) {
        const previous = this.offices.get(id);
        throw new InputError(
          `office "${id}" is defined twice (also in ${previous?.file}:${previous?.line})`,
          source.file,
          place.line,
          place.column,
        );
      }
      const office: Office = {
        id,
        name: entry.name,
        country: entry.country ?? null,
        titles: entry.titles,
        concurrent: entry.concurrent ?? false,
        source: entry.source ?? null,
        terms: [],
        vacancies: [],
        complete: null,
        verifiedThrough: verifiedThrough(doc.verifiedThrough),
        file: source.file,
        line: place.line,
      };
      (entry.vacancies ?? []).forEach((vacancy, index) => {
        const fail = (message: string): never => {
          const where = parsed.locate(['offices', id, 'vacancies', index]);
          throw new InputError(message, source.file, where.line, where.column);
        };
        const start = this.date(vacancy.start, fail, `${id} vacancy start`);
        const end = this.date(vacancy.end, fail, `${id} vacancy end`);
        office.vacancies.push({ start: start.start, end: end.end });
      });
      const lines = parsed.linesOf(['offices', id, 'holders']);
      for (const [index, holder] of entry.holders.entries())
        office.terms.push(this.term(office, holder, index, lines[index] ?? place.line, source, parsed));
      office.complete = this.completeness(entry.complete, office, (message: string): never => {
        const where = parsed.locate(['offices', id, 'complete']);
        throw new InputError(message, source.file, where.line, where.column);
      });
      this.offices.set(id, office);
      this.officeRoots.set(id, source.root);
    }
  }

  /** `complete:` as days: by default from the earliest term on (terms are not sorted yet). */
  private completeness(
    value: OfficeDoc['complete'],
    office: Office,
    fail: (message: string) => never,
  ): DayRange | null {
    if (value === false) return null;
    if (value === undefined || value === true) {
      const first = Math.min(...office.terms.map((t) => t.range.start));
      return office.terms.length > 0 ? { start: first, end: FAR_FUTURE } : null;
    }
    const from = this.date(value.from, fail, `${office.id} complete.from`);
    const to = value.to === undefined ? null : this.date(value.to, fail, `${office.id} complete.to`);
    if (to && to.end < from.start)
      fail(`${office.id}: complete.to (${dateText(value.to ?? '')}) is before complete.from`);
    return { start: from.start, end: to ? to.end : FAR_FUTURE };
  }

  private term(
    office: Office,
    holder: TermDoc,
    index: number,
    line: number,
    source: TableSource,
    parsed: ParsedYaml,
  ): Term {
    const start =
      parsePartialDate(dateText(holder.start)) ?? this.termError(office, holder, index, 'start', source, parsed);
    const end =
      holder.end === undefined
        ? null
        : (parsePartialDate(dateText(holder.end)) ?? this.termError(office, holder, index, 'end', source, parsed));
    if (end && end.end < start.start) this.termError(office, holder, index, 'order', source, parsed);
    this.personFor(holder.person, source.root);
    if (!this.personPlaces.has(holder.person))
      this.personPlaces.set(holder.person, { file: source.file, line, column: 1 });
    return {
      officeId: office.id,
      personId: holder.person,
      range: { start: start.start, end: end ? end.end : FAR_FUTURE },
      startText: dateText(holder.start),
      endText: holder.end === undefined ? null : dateText(holder.end),
      acting: holder.acting ?? false,
      party: holder.party ?? null,
      file: source.file,
      line,
    };
  }

  private termError(
    office: Office,
    holder: TermDoc,
    index: number,
    problem: 'start' | 'end' | 'order',
    source: TableSource,
    parsed: ParsedYaml,
  ): never {
    const field = problem === 'order' ? 'end' : problem;
    const place = parsed.locate(['offices', office.id, 'holders', index, field]);
    const given = dateText((problem === 'start' ? holder.start : holder.end) ?? '');
    const start = dateText(holder.start);
    const message =
      problem === 'order'
        ? `${office.id}: ${holder.person}'s term ends (${dateText(holder.end ?? '')}) before it starts (${start})`
        : `${office.id} holder ${holder.person}: ${field}: "${given}" is not a real date`;
    throw new InputError(message, source.file, place.line, place.column);
  }

  private date(value: DateValue, fail: (message: string) => never, what: string): DayRange {
    const range = parsePartialDate(dateText(value));
    return range ?? fail(`${what}: "${dateText(value)}" is not a real date`);
  }

  private personFor(id: string, root: string): Person {
    let person = this.people.get(id);
    if (!person) {
      person = { id, name: id, variants: [], surname: '', gender: null, born: null, died: null, diedText: null };
      this.people.set(id, person);
      this.personRoots.set(id, root);
    }
    return person;
  }

  /**
   * A name or variant may belong to one person only. Within one table that is an error;
   * across tables (an import beside the shipped table) a shared name means the same
   * person, so the later table's entry is merged into the earlier one.
   */
  checkNames(): void {
    const owner = new Map<string, string>();
    for (const person of [...this.people.values()]) {
      const names =
        person.variants.length === 0 && person.id === person.name
          ? [person.id]
          : [...new Set([person.id, person.name, ...person.variants])];
      for (const name of names) {
        const key = memoKeys(name).joined;
        const other = owner.get(key);
        if (other !== undefined && other !== person.id) {
          if (this.personRoots.get(other) !== this.personRoots.get(person.id)) {
            this.merge(person.id, other);
            for (const alias of names) owner.set(memoKeys(alias).joined, other);
            break;
          }
          const place = this.personPlaces.get(person.id) ?? this.personPlaces.get(other);
          throw new InputError(
            `"${name}" names two people: ${other} and ${person.id}`,
            place?.file,
            place?.line,
            place?.column,
          );
        }
        owner.set(key, person.id);
      }
    }
  }

  /** Fold person `from` (a later table's entry) into `into`: names become variants, terms move. */
  private merge(from: string, into: string): void {
    const source = this.people.get(from);
    const target = this.people.get(into);
    if (!source || !target) return;
    for (const name of [source.id, source.name, ...source.variants]) {
      if (name !== target.name && !target.variants.includes(name)) target.variants.push(name);
    }
    target.gender ??= source.gender;
    target.born ??= source.born;
    if (!target.died && source.died) {
      target.died = source.died;
      target.diedText = source.diedText;
    }
    for (const office of this.offices.values()) {
      for (const term of office.terms) if (term.personId === from) term.personId = into;
    }
    this.people.delete(from);
  }

  applyHouseStyle(houseStyle: Readonly<Record<string, string>>): void {
    if (Object.keys(houseStyle).length === 0) return;
    const byName = new Map<string, Person>();
    for (const person of this.people.values()) {
      for (const name of [person.id, person.name, ...person.variants]) byName.set(phraseKeys(name).join(' '), person);
    }
    for (const [any, preferred] of Object.entries(houseStyle)) {
      const person = byName.get(phraseKeys(any).join(' '));
      if (!person) continue;
      if (!person.variants.includes(person.name)) person.variants.push(person.name);
      person.variants = person.variants.filter((v) => v !== preferred);
      person.name = preferred;
      if (person.surname && !phraseKeys(preferred).includes(phraseKeys(person.surname)[0] ?? '')) person.surname = '';
    }
  }

  build(fingerprint: string): Table {
    const names = createPhraseIndex<NameForm[]>();
    const surnames = createPhraseIndex<string[]>();
    for (const person of this.people.values()) this.indexPerson(person, names, surnames);
    const titles = createTrie<string[]>();
    const termsByPerson = new Map<string, Term[]>();
    for (const office of this.offices.values()) {
      office.terms.sort((a, b) => a.range.start - b.range.start);
      for (const title of office.titles)
        trieInsert(titles, titleKeys(title), (ids = []) => (ids.includes(office.id) ? ids : [...ids, office.id]));
      for (const term of office.terms) {
        const list = termsByPerson.get(term.personId) ?? [];
        list.push(term);
        termsByPerson.set(term.personId, list);
      }
    }
    const countryWords = createTrie<string[]>();
    for (const [code, words] of this.countries) {
      for (const word of words)
        trieInsert(countryWords, phraseKeys(word), (codes = []) => (codes.includes(code) ? codes : [...codes, code]));
    }
    return {
      offices: this.offices,
      people: this.people,
      countries: this.countries,
      termsByPerson,
      names,
      surnames,
      titles,
      countryWords,
      fingerprint,
      files: [...new Set([...this.offices.values()].map((o) => o.file))],
    };
  }

  private indexPerson(person: Person, names: PhraseIndex<NameForm[]>, surnames: PhraseIndex<string[]>): void {
    const explicitSurname = person.surname ? phraseKeys(person.surname) : null;
    const forms = [person.name, ...person.variants.filter((v) => v !== person.name)];
    if (person.id !== person.name && !forms.includes(person.id)) forms.push(person.id);
    const houseKeys = phraseKeys(person.name);
    const house = surnameSpan(houseKeys, explicitSurname ?? hyphenatedSurname(person.name));
    if (!person.surname) person.surname = surnameText(person.name, house.at, house.length);
    for (const text of forms) {
      const { keys, joined } = memoKeys(text);
      if (keys.length === 0) continue;
      const addSurname = (surname: readonly string[]) =>
        phraseAdd(surnames, surname, (ids = []) => (ids.includes(person.id) ? ids : [...ids, person.id]));
      if (keys.length === 1) {
        addSurname(keys);
        continue;
      }
      const span = surnameSpan(keys, explicitSurname ?? hyphenatedSurname(text));
      const form: NameForm = { personId: person.id, text, keys, surnameAt: span.at, surnameLength: span.length };
      phraseAdd(names, keys, (list = []) => [...list, form], joined);
      addSurname(keys.slice(span.at, span.at + span.length));
    }
  }
}

/** Title keys without "the", which copy adds or drops ("Speaker of (the) House"). */
function titleKeys(title: string): string[] {
  return phraseKeys(title).filter((key, index) => key !== 'the' || index === 0);
}

/** The words of `name` that make up its surname, as written. */
function surnameText(name: string, at: number, length: number): string {
  const plain = /^[A-Za-z]+(?:[ -][A-Za-z]+)*$/.test(name);
  const words = plain ? name.split(/[ -]/) : name.split(/[\s-]+/).filter((w) => phraseKeys(w).length > 0);
  return words.slice(at, at + length).join(' ');
}
