import type { Day, DayRange } from '../util/dates.js';
import type { TrieNode } from '../util/trie.js';
import type { PhraseIndex } from '../util/phrase-index.js';

export interface Person {
  id: string;
  /** House-style name. */
  name: string;
  variants: string[];
  /** House-style surname, as copy writes it on second reference. */
  surname: string;
  gender: 'female' | 'male' | null;
  born: DayRange | null;
  died: DayRange | null;
  diedText: string | null;
}

export interface Term {
  officeId: string;
  personId: string;
  /** Every day the term may cover (imprecise dates widen it). */
  range: DayRange;
  startText: string;
  endText: string | null;
  acting: boolean;
  /** The holder's party during the term ("D", "R", "Labour"), when the table says. */
  party: string | null;
  file: string;
  line: number;
}

export interface Office {
  id: string;
  name: string;
  country: string | null;
  titles: string[];
  concurrent: boolean;
  source: string | null;
  terms: Term[];
  /** Known periods without a holder (not gaps in the data). */
  vacancies: DayRange[];
  /**
   * The days for which the holder list is complete, so that a name missing from it never
   * held the office then: by default from the first term on; null when never complete.
   */
  complete: DayRange | null;
  /** The last day the office's file was checked (`verifiedThrough:`), if it says. */
  verifiedThrough: Day | null;
  file: string;
  line: number;
}

/** One way of writing a person's name, as match keys. */
export interface NameForm {
  personId: string;
  text: string;
  keys: string[];
  /** Index of the first surname key in `keys`. */
  surnameAt: number;
  surnameLength: number;
}

export interface Table {
  offices: ReadonlyMap<string, Office>;
  people: ReadonlyMap<string, Person>;
  /** Country code → the words copy uses for it. */
  countries: ReadonlyMap<string, readonly string[]>;
  termsByPerson: ReadonlyMap<string, readonly Term[]>;
  /** Full names and variants (two words or more). */
  names: PhraseIndex<NameForm[]>;
  /** Surnames and one-word variants → people. */
  surnames: PhraseIndex<string[]>;
  /** Titles → office ids. */
  titles: TrieNode<string[]>;
  /** Country words → country codes. */
  countryWords: TrieNode<string[]>;
  /** A hash of every table file's content, for caches. */
  fingerprint: string;
  files: readonly string[];
}
