// What the evaluation needs to know about a reference table, built from its data alone
// (office titles, country words, people's names, dated terms), never from factlint's scanner.

export const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** `YYYY-MM-DD` or `A/B` → a range of days. */
export function rangeOf(spec) {
  const [a, b = a] = spec.split('/');
  return { start: dayOf(a), end: dayOf(b) };
}

export const overlapsDays = (a, b) => a.start <= b.end && b.start <= a.end;
const covers = (outer, inner) => outer.start <= inner.start && outer.end >= inner.end;
export const lower = (s) => s.toLowerCase();

/** Bare titles news also gives to offices outside any table (a bank's governor, a firm's chairman). */
export const GENERIC_TITLES = new Set(
  [
    'President',
    'Premier',
    'Governor',
    'Gov.',
    'Mayor',
    'Director',
    'Chairman',
    'Chairwoman',
    'Chair',
    'Chairperson',
    'Speaker',
    'Leader',
    'Minister',
    'Secretary',
    'Commissioner',
    'Ambassador',
    'Monarch',
    'King',
    'Queen',
    'Emperor',
    'Chief',
    'Spokesman',
    'Justice',
    'Majority Leader',
    'Minority Leader',
    'Majority Whip',
    'Minority Whip',
    'Press Secretary',
    'Chief of Staff',
    'Spokesperson',
    'Commander-in-Chief',
    'Senator',
    'Sen.',
    'Representative',
    'Rep.',
  ].map(lower),
);

const ADJECTIVE = { US: 'U.S.', GB: 'British', EU: 'EU', UN: 'UN', NATO: 'NATO', AFU: 'African Union' };
const NOUN = { US: 'America', GB: 'Britain', EU: 'the EU', UN: 'the UN', NATO: 'NATO', AFU: 'the African Union' };
// First names for "he"/"she" chains when the table gives no gender (only people whose gender is clear).
const MALE = new Set(
  (
    'Tony Gordon John David Jack Charles Geoff Michael Alan Alistair Boris Keir Rishi Andy James William George ' +
    'Bill Barack Joe Donald Dick Al Mike Jim Robert Chuck Mitch Harry Paul Kevin Ted Bernie Marco Chris Jeb Ben ' +
    'Rick Scott Jeremy Dominic Ed Nick Vince Iain Kenneth Ken Peter Patrick Philip Liam Sajid Matt Gavin Grant ' +
    'Oliver François Emmanuel Nicolas Jacques Gerhard Olaf Friedrich Vladimir Dmitry Sergei Volodymyr Petro ' +
    'Viktor Recep Benjamin Ehud Ariel Hassan Mahmoud Shinzo Junichiro Narendra Manmohan Justin Stephen Romano ' +
    'Silvio Mario Matteo Giuseppe Pedro José Mariano Mark Antonio Kofi Jens Anders Javier Herman Frank Walter ' +
    'Heiko Sigmar Guido Joschka Joachim Horst Wolfgang Christian Tom Lindsey Rex Ash Leon Hank Tim Steven Eric ' +
    'Jeff Jeh Colin Lloyd Pete Marco Xavier Jean-Claude Jean-Yves Laurent Bernard Abdullah Salman Mohammed ' +
    'Benedict Francis Leo Igor Sergey Andrei Dmytro Denys Oleksii Andriy Rustem Kyriakos Alexis Mark Bertie ' +
    'Enda Leo Micheál Simon Brian Micheal Jair Luiz Vicente Felipe Enrique Andrés Mauricio Néstor'
  ).split(' '),
);
const FEMALE = new Set(
  (
    'Hillary Theresa Margaret Condoleezza Susan Jacqui Amber Kamala Angela Nancy Ruth Patricia Tessa Harriet ' +
    'Yvette Liz Priti Suella Julia Jacinda Ursula Christine Kristalina Nicola Hilary Madeleine Janet Loretta ' +
    'Sally Gina Samantha Nikki Elizabeth Mary Karen Dianne Elaine Dilma Cristina Michelle Benazir Yulia Clare ' +
    'Estelle Hazel Helen Beverley Valerie Ségolène Annalena Federica Catherine Kaja Penny Anne Gillian Rachel ' +
    'Bridget Lisa Shabana Emily Andrea Esther Kemi Justine Kathleen Kirsten Amy Tammy Sarah Karine Dana Kristi ' +
    'Tulsi Pam Kristen Linda Marcia Ann Jennifer Barbara Olympia Debbie Claire Maria Giorgia Sanna Mette ' +
    'Magdalena Mary Joan Beata Ewa Olena Iryna Tatiana Valentina Golda Tzipi'
  ).split(' '),
);

export class TableIndex {
  constructor(table) {
    this.table = table;
    this.offices = [...table.offices.values()];
    this.people = table.people;
    this.countryWordsByCode = table.countries;
    this.countryByWord = new Map();
    for (const [code, words] of table.countries) {
      for (const word of words) {
        const key = lower(word);
        this.countryByWord.set(key, [...(this.countryByWord.get(key) ?? []), code]);
      }
    }
    this.titleForms = this.#buildTitleForms();
    this.formsByLastWord = new Map();
    for (const form of this.titleForms.values()) {
      const last = lower(form.text.split(/\s+/).pop());
      this.formsByLastWord.set(last, [...(this.formsByLastWord.get(last) ?? []), form]);
    }
    for (const list of this.formsByLastWord.values()) list.sort((a, b) => b.text.length - a.text.length);
    this.namesByFirstWord = new Map();
    this.peopleBySurname = new Map();
    for (const person of table.people.values()) {
      for (const name of new Set([person.name, ...person.variants])) {
        if (!/\s/.test(name.trim())) continue;
        const first = name.split(/\s+/)[0];
        this.namesByFirstWord.set(first, [...(this.namesByFirstWord.get(first) ?? []), { text: name, id: person.id }]);
      }
      this.peopleBySurname.set(person.surname, [...(this.peopleBySurname.get(person.surname) ?? []), person.id]);
    }
    for (const list of this.namesByFirstWord.values()) list.sort((a, b) => b.text.length - a.text.length);
    /** Surnames that several table people share: the attribution traps of issue 15. */
    this.sharedSurnames = [...this.peopleBySurname.entries()]
      .filter(([surname, ids]) => ids.length > 1 && /^\p{Lu}[\p{L}'’-]+$/u.test(surname))
      .map(([surname]) => surname)
      .sort();
  }

  /** Every way copy writes an office's title before a name: bare, "German Chancellor", "Germany's chancellor". */
  #buildTitleForms() {
    const forms = new Map();
    const add = (text, officeId, country) => {
      const key = lower(text);
      const form = forms.get(key) ?? { text, lower: key, officeIds: [], country };
      if (!form.officeIds.includes(officeId)) form.officeIds.push(officeId);
      forms.set(key, form);
    };
    for (const office of this.offices) {
      for (const title of office.titles) {
        add(title, office.id, null);
        for (const word of this.countryWords(office.country)) {
          if (lower(title).includes(lower(word))) continue;
          add(`${word} ${title}`, office.id, office.country);
          add(`${word}'s ${title}`, office.id, office.country);
          add(`${word}’s ${title}`, office.id, office.country);
        }
      }
    }
    return forms;
  }

  /** The words for a country code, and for a region ("US-OH") its country's words too. */
  countryWords(code) {
    if (!code) return [];
    const own = this.countryWordsByCode.get(code) ?? [];
    const parent = code.includes('-') ? (this.countryWordsByCode.get(code.split('-')[0]) ?? []) : [];
    return [...own, ...parent];
  }

  adjective(code) {
    if (ADJECTIVE[code]) return ADJECTIVE[code];
    const words = this.countryWordsByCode.get(code) ?? [code];
    return words.slice(1).find((w) => /(an|ish|ese|ch|i|ic)$/.test(w)) ?? words[0];
  }

  noun(code) {
    return NOUN[code] ?? (this.countryWordsByCode.get(code) ?? [code])[0];
  }

  office(id) {
    return this.table.offices.get(id);
  }

  person(id) {
    return this.table.people.get(id);
  }

  termsOf(personId) {
    return this.table.termsByPerson.get(personId) ?? [];
  }

  heldEver(personId, officeId) {
    return this.termsOf(personId).some((t) => t.officeId === officeId);
  }

  heldDuring(personId, officeId, range) {
    return this.termsOf(personId).some((t) => t.officeId === officeId && overlapsDays(t.range, range));
  }

  /** The offices a title (as written, any case) can mean. */
  officesForTitle(title) {
    return this.titleForms.get(lower(title))?.officeIds ?? [];
  }

  /** The holder list is complete for the whole range, so a name missing from it never held the office then. */
  completeOver(office, range) {
    return office.complete !== null && covers(office.complete, range);
  }

  holdersDuring(office, range) {
    return office.terms.filter((t) => overlapsDays(t.range, range));
  }

  topCountry(code) {
    return code ? code.split('-')[0] : null;
  }

  /** Offices whose titles do not name an organisation's or region's holder ambiguously. */
  isGeneric(title) {
    return GENERIC_TITLES.has(lower(title));
  }

  /** "he"/"she" from the table's gender, else from a short list of first names; null when unknown. */
  pronounOf(personId) {
    const person = this.person(personId);
    if (person?.gender === 'female') return 'she';
    if (person?.gender === 'male') return 'he';
    const first = (person?.name ?? personId).split(/\s+/)[0];
    if (FEMALE.has(first)) return 'she';
    if (MALE.has(first)) return 'he';
    return null;
  }
}

/** Whether a word (a surname, say) occurs in a text as a whole word. */
export function mentions(text, word) {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{M}])${escaped}(?![\\p{L}\\p{M}])`, 'u').test(text);
}

/** The person's name or surname occurs anywhere in the text. */
export function personMentioned(index, text, personId) {
  const person = index.person(personId);
  if (!person) return mentions(text, personId.split(' ').pop());
  return mentions(text, person.surname) || mentions(text, person.name);
}
