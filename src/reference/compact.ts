import type { DayRange } from '../util/dates.js';
import type { PhraseIndex } from '../util/phrase-index.js';
import {
  LazyMap,
  PackedSet,
  packList,
  packStrings,
  StringList,
  StringTable,
  type PackedList,
  type PackedStrings,
} from '../util/string-table.js';
import type { TrieNode } from '../util/trie.js';
import { v8Lib } from '../util/libraries.js';
import { adoptTableWords, tableWordsOf, wordFlagsOf, type TableWords } from '../scan/word-flags.js';
import type { NameForm, Office, Person, Table, Term } from './table.js';

/**
 * The compiled table as the cache stores it: typed arrays and a few strings instead of tens of
 * thousands of small objects, which the V8 deserializer was slow to rebuild and the garbage
 * collector slow to copy (a 4,400-person table: 60-70 ms and a 4 MB entry, now a few ms).
 * Offices (with their terms), people and name entries stay encoded, one JSON record each in a
 * UTF-8 buffer, until a run asks for one; the keys of every map and set (ids, names, first
 * words) stay in string tables (util/string-table.ts) and become strings only when a lookup's
 * hash matches them. A decoded table behaves as the compiled one: the same keys in the same
 * order, the same object on every lookup, a person's terms the very objects in their offices'
 * `terms`.
 */
export const TABLE_LAYOUT = 'compact-table/4';

export interface PackedTable {
  layout: typeof TABLE_LAYOUT;
  fingerprint: string;
  /** JSON of `PackedHead`, in ASCII. */
  head: string;
  /**
   * The records, UTF-8 JSON separated by commas (so that all of them parse as one array):
   * offices, people, names entries, surnames entries.
   */
  records: Uint8Array;
  /** Where each record ends in `records` (the next begins one byte later). */
  ends: Uint32Array;
  officeIds: PackedStrings;
  personIds: PackedStrings;
  names: PackedIndex;
  surnames: PackedIndex;
  /** termsByPerson: the people who hold terms (indexes into personIds), in its order. */
  termOrder: Int32Array;
  /** Per person index, where their (office index, term index) pairs begin in `termPairs`; one more at the end. */
  termStarts: Int32Array;
  termPairs: Int32Array;
  /** The word flags (scan/word-flags.ts `tableWordsOf`), their words apart. */
  words: PackedList;
  wordFlags: Omit<TableWords, 'words'>;
}

interface PackedHead {
  files: string[];
  countries: [string, string[]][];
  titles: PackedTrie;
  countryWords: PackedTrie;
}

interface PackedIndex {
  keys: PackedStrings;
  first: PackedStrings;
  prefixes: PackedStrings;
  maxWords: number;
}

/** A trie node as [value or 0, [key, child, key, child, …]]. */
type PackedTrie = [string[] | 0, (string | PackedTrie)[]];

type PackedRange = [number, number] | null;
type PackedTerm = [string, number, number, string, string | null, boolean, string | null, number, string | 0];
type PackedOffice = [
  string,
  string,
  string | null,
  string[],
  boolean,
  string | null,
  [number, number][],
  PackedRange,
  number | null,
  string,
  number,
  PackedTerm[],
];
type PackedPerson = [string, string, string[], string, Person['gender'], PackedRange, PackedRange, string | null];
type PackedForm = [string, string, string[], number, number];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The packed table; null for a table whose keys UTF-8 cannot hold (a lone surrogate): it is not cached. */
export function packTable(table: Table): PackedTable | null {
  const keys = [table.offices.keys(), table.people.keys(), table.names.entries.keys(), table.surnames.entries.keys()];
  if (keys.some((list) => [...list].some((key) => LONE_SURROGATE.test(key)))) return null;
  const records: string[] = [];
  const officeIds = [...table.offices.keys()];
  const officeIndex = new Map(officeIds.map((id, index) => [id, index]));
  for (const office of table.offices.values()) records.push(JSON.stringify(packOffice(office)));
  for (const person of table.people.values()) records.push(JSON.stringify(packPerson(person)));
  for (const forms of table.names.entries.values()) records.push(JSON.stringify(forms.map(packForm)));
  for (const ids of table.surnames.entries.values()) records.push(JSON.stringify(ids));
  const personIds = [...table.people.keys()];
  const personIndex = new Map(personIds.map((id, index) => [id, index]));
  const pairsOf = new Map<number, number[]>();
  for (const [personId, terms] of table.termsByPerson) {
    const pairs: number[] = [];
    for (const term of terms) {
      const termAt = table.offices.get(term.officeId)?.terms.indexOf(term) ?? -1;
      if (termAt < 0) fail(`a term of ${personId} is not in its office`);
      pairs.push(officeIndex.get(term.officeId) as number, termAt);
    }
    pairsOf.set(personIndex.get(personId) ?? fail(`term holder ${personId} is not a person`), pairs);
  }
  const termStarts = new Int32Array(personIds.length + 1);
  const termPairs: number[] = [];
  for (let index = 0; index < personIds.length; index++) {
    termStarts[index] = termPairs.length / 2;
    termPairs.push(...(pairsOf.get(index) ?? []));
  }
  termStarts[personIds.length] = termPairs.length / 2;
  const words = tableWordsOf(table);
  const head: PackedHead = {
    files: [...table.files],
    countries: [...table.countries].map(([code, names]) => [code, [...names]]),
    titles: packTrie(table.titles),
    countryWords: packTrie(table.countryWords),
  };
  const packed = packList(records, ',');
  return {
    layout: TABLE_LAYOUT,
    fingerprint: table.fingerprint,
    head: asciiJson(head),
    records: packed.bytes,
    ends: packed.ends,
    officeIds: packStrings(officeIds),
    personIds: packStrings(personIds),
    names: packIndex(table.names),
    surnames: packIndex(table.surnames),
    termOrder: Int32Array.from(pairsOf.keys()),
    termStarts,
    termPairs: Int32Array.from(termPairs),
    words: packList(words.words),
    wordFlags: {
      hashes: words.hashes,
      flags: words.flags,
      indexes: words.indexes,
      tableFlags: words.tableFlags,
      fixed: words.fixed,
    },
  };
}

/** JSON with every non-ASCII character escaped: a one-byte string, half the size of a two-byte one. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

type Settled = Pick<Table, 'offices' | 'people' | 'termsByPerson' | 'names' | 'surnames' | 'titles' | 'countryWords'>;

/**
 * The cache's sidecar (reference/cache.ts): the table's maps and objects in `v8.serialize`'s
 * form, which V8 rebuilds faster than JavaScript can make them from the records (a run over
 * many articles reads it once, `settleTable`; a run over one never does).
 */
export function packSettled(table: Table): Uint8Array {
  const { offices, people, termsByPerson, names, surnames, titles, countryWords } = table;
  const settled: Settled = { offices, people, termsByPerson, names, surnames, titles, countryWords };
  return v8Lib().serialize(settled);
}

/**
 * The table from its packed form; null when `packed` is not a packed table of this layout.
 * `sidecar` reads what `packSettled` wrote, if it is there.
 */
export function unpackTable(packed: PackedTable, sidecar: () => Buffer | null = () => null): Table | null {
  if (packed?.layout !== TABLE_LAYOUT) return null;
  const head = JSON.parse(packed.head) as PackedHead;
  const officeIds = new StringTable(packed.officeIds);
  const personIds = new StringTable(packed.personIds);
  const records = Buffer.from(packed.records.buffer, packed.records.byteOffset, packed.records.byteLength);
  const { ends } = packed;
  const record = (index: number): unknown =>
    JSON.parse(records.toString('utf8', index === 0 ? 0 : (ends[index - 1] as number) + 1, ends[index]));
  const peopleAt = officeIds.size;
  const namesAt = peopleAt + personIds.size;
  const surnamesAt = namesAt + packed.names.keys.ends.length;
  const offices = new LazyMap(officeIds, (index) => unpackOffice(record(index) as PackedOffice));
  const people = new LazyMap(personIds, (index) => unpackPerson(record(peopleAt + index) as PackedPerson));
  const { termStarts, termPairs } = packed;
  const termsOf = (index: number): readonly Term[] | undefined => {
    const from = termStarts[index] as number;
    const to = termStarts[index + 1] as number;
    if (from === to) return undefined;
    const terms: Term[] = [];
    for (let pair = from; pair < to; pair++) {
      const office = offices.at(termPairs[2 * pair] as number) as Office;
      terms.push(office.terms[termPairs[2 * pair + 1] as number] as Term);
    }
    return terms;
  };
  const names = new LazyMap(new StringTable(packed.names.keys), (index) => unpackForms(record(namesAt + index)));
  const surnames = new LazyMap(
    new StringTable(packed.surnames.keys),
    (index) => record(surnamesAt + index) as string[],
  );
  const table: Table = {
    offices,
    people,
    countries: new Map(head.countries),
    termsByPerson: new LazyMap(personIds, termsOf, packed.termOrder),
    names: lazyIndex(packed.names, names),
    surnames: lazyIndex(packed.surnames, surnames),
    titles: unpackTrie(head.titles),
    countryWords: unpackTrie(head.countryWords),
    fingerprint: packed.fingerprint,
    files: head.files,
  };
  const words = new StringList(packed.words);
  adoptTableWords(table, packed.wordFlags, words);
  const termsByPerson = table.termsByPerson as LazyMap<readonly Term[]>;
  // What settleTable needs: the sidecar's maps, or else every record made in one go.
  const settle = (): Settled => {
    const made = [offices, people, termsByPerson, names, surnames].some((map) => map.madeAny);
    const settled = made ? null : settledFrom(sidecar());
    if (settled && settled.offices.size === offices.size && settled.people.size === people.size) return settled;
    const all = JSON.parse(`[${records.toString('utf8')}]`) as unknown[];
    offices.fill((index) => unpackOffice(all[index] as PackedOffice));
    people.fill((index) => unpackPerson(all[peopleAt + index] as PackedPerson));
    names.fill((index) => unpackForms(all[namesAt + index]));
    surnames.fill((index) => all[surnamesAt + index] as string[]);
    return {
      offices: new Map(offices),
      people: new Map(people),
      termsByPerson: new Map(termsByPerson),
      names: plainIndex(table.names),
      surnames: plainIndex(table.surnames),
      titles: plainTrie(table.titles),
      countryWords: plainTrie(table.countryWords),
    };
  };
  unsettled.set(table, settle);
  return table;
}

function settledFrom(bytes: Buffer | null): Settled | null {
  if (!bytes) return null;
  try {
    const settled = v8Lib().deserialize(bytes) as Settled;
    const { offices, people, termsByPerson, names, surnames } = settled;
    const maps = [offices, people, termsByPerson, names.entries, surnames.entries];
    return maps.every((map) => map instanceof Map) ? settled : null;
  } catch {
    return null;
  }
}

/** Tables read from the cache, and how to make them whole. */
const unsettled = new WeakMap<Table, () => Settled>();

/**
 * For a run over many articles (a folder, the server): every record of a table read from the
 * cache made now, in one JSON.parse, and its lazy maps, sets and trie nodes replaced by plain
 * ones, so that the checking code meets the same objects as with a compiled table: V8 then
 * optimises it as it does for those (lookups through the lazy maps made its code larger and
 * slower to compile). Leaves any other table as it is.
 */
export function settleTable(table: Table): void {
  const settle = unsettled.get(table);
  if (!settle) return;
  unsettled.delete(table);
  Object.assign(table, settle());
  wordFlagsOf(table).readAllKeys();
}

function plainIndex<T>(index: PhraseIndex<T>): PhraseIndex<T> {
  return {
    first: new Set(index.first),
    entries: new Map(index.entries),
    prefixes: new Set(index.prefixes),
    maxWords: index.maxWords,
  };
}

function plainTrie(node: TrieNode<string[]>): TrieNode<string[]> {
  const next = new Map<string, TrieNode<string[]>>();
  for (const [key, child] of node.next) next.set(key, plainTrie(child));
  return { next, value: node.value };
}

function fail(message: string): never {
  throw new Error(`packTable: ${message}`);
}

const packRange = (range: DayRange | null): PackedRange => (range ? [range.start, range.end] : null);
const unpackRange = (range: PackedRange): DayRange | null => (range ? { start: range[0], end: range[1] } : null);

function packOffice(office: Office): PackedOffice {
  return [
    office.id,
    office.name,
    office.country,
    office.titles,
    office.concurrent,
    office.source,
    office.vacancies.map((v) => [v.start, v.end]),
    packRange(office.complete),
    office.verifiedThrough,
    office.file,
    office.line,
    office.terms.map((t) => [
      t.personId,
      t.range.start,
      t.range.end,
      t.startText,
      t.endText,
      t.acting,
      t.party,
      t.line,
      t.file === office.file ? 0 : t.file,
    ]),
  ];
}

/** Built field by field in the order compile.ts builds them, so the objects share their shapes. */
function unpackOffice(packed: PackedOffice): Office {
  const [id, name, country, titles, concurrent, source, vacancies, complete, verifiedThrough, file, line, terms] =
    packed;
  const office: Office = {
    id,
    name,
    country,
    titles,
    concurrent,
    source,
    terms: [],
    vacancies: vacancies.map(([start, end]) => ({ start, end })),
    complete: unpackRange(complete),
    verifiedThrough,
    file,
    line,
  };
  for (const [personId, start, end, startText, endText, acting, party, termLine, termFile] of terms) {
    office.terms.push({
      officeId: id,
      personId,
      range: { start, end },
      startText,
      endText,
      acting,
      party,
      file: termFile === 0 ? file : termFile,
      line: termLine,
    });
  }
  return office;
}

function packPerson(person: Person): PackedPerson {
  const { id, name, variants, surname, gender, born, died, diedText } = person;
  return [id, name, variants, surname, gender, packRange(born), packRange(died), diedText];
}

function unpackPerson([id, name, variants, surname, gender, born, died, diedText]: PackedPerson): Person {
  return { id, name, variants, surname, gender, born: unpackRange(born), died: unpackRange(died), diedText };
}

function packForm(form: NameForm): PackedForm {
  return [form.personId, form.text, form.keys, form.surnameAt, form.surnameLength];
}

function unpackForms(packed: unknown): NameForm[] {
  return (packed as PackedForm[]).map(([personId, text, keys, surnameAt, surnameLength]) => ({
    personId,
    text,
    keys,
    surnameAt,
    surnameLength,
  }));
}

function packIndex<T>(index: PhraseIndex<T>): PackedIndex {
  return {
    keys: packStrings([...index.entries.keys()]),
    first: packStrings([...index.first]),
    prefixes: packStrings([...index.prefixes]),
    maxWords: index.maxWords,
  };
}

function lazyIndex<T>(packed: PackedIndex, entries: LazyMap<T>): PhraseIndex<T> {
  return {
    first: new PackedSet(new StringTable(packed.first)),
    entries,
    prefixes: new PackedSet(new StringTable(packed.prefixes)),
    maxWords: packed.maxWords,
  };
}

function packTrie(node: TrieNode<string[]>): PackedTrie {
  const children: (string | PackedTrie)[] = [];
  for (const [key, child] of node.next) children.push(key, packTrie(child));
  return [node.value ?? 0, children];
}

function unpackTrie([value, children]: PackedTrie): TrieNode<string[]> {
  return new PackedTrieNode(value === 0 ? undefined : value, children);
}

/** A trie node whose children are made when first asked for: a run visits a few of the title trie's nodes. */
class PackedTrieNode implements TrieNode<string[]> {
  private children: Map<string, TrieNode<string[]>> | null = null;

  constructor(
    readonly value: string[] | undefined,
    private readonly packed: (string | PackedTrie)[],
  ) {}

  get next(): Map<string, TrieNode<string[]>> {
    return this.children ?? this.makeChildren();
  }

  private makeChildren(): Map<string, TrieNode<string[]>> {
    const children = new Map<string, TrieNode<string[]>>();
    for (let i = 0; i < this.packed.length; i += 2)
      children.set(this.packed[i] as string, unpackTrie(this.packed[i + 1] as PackedTrie));
    this.children = children;
    return children;
  }
}
