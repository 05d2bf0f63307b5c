import { describe, expect, it } from 'vitest';
import { compileTable } from '../../src/reference/compile.js';
import type { Table } from '../../src/reference/table.js';
import type { RuleOverrides } from '../../src/rules/rule.js';
import { findings, run, shipped } from '../helpers.js';

interface Case {
  text: string;
  date?: string;
  /** The flagged words, in order; empty for a valid text. */
  flagged: string[];
  message?: RegExp;
  /** Instead of the fixture table. */
  table?: Table;
  /** Rule levels for this case (a rule that is off by default turned on). */
  rules?: RuleOverrides;
}

function tester(ruleId: string, cases: Record<string, Case>): void {
  describe(ruleId, () => {
    for (const [name, c] of Object.entries(cases)) {
      it(name, () => {
        const options = {
          ...(c.date === undefined ? {} : { date: c.date }),
          ...(c.table ? { table: c.table } : {}),
          ...(c.rules ? { rules: c.rules } : {}),
        };
        const found = findings(run(c.text, options), ruleId);
        expect(found.map((f) => f.text)).toEqual(c.flagged);
        if (c.message) expect(found[0]?.message).toMatch(c.message);
      });
    }
  });
}

tester('title-holder', {
  'a past holder given the title, about the present': {
    text: 'Secretary of State Antony Blinken said on Monday that the talks would continue.',
    date: '2025-06-01',
    flagged: ['Antony Blinken'],
    message:
      /^“Secretary of State Antony Blinken”: on 2025-06-01 the United States Secretary of State was Marco Rubio \(since 2025-01-21\); Antony Blinken held it 2021-01-26 to 2025-01-20$/,
  },
  'the holder on the date': {
    text: 'Secretary of State Marco Rubio met the delegation.',
    date: '2025-06-01',
    flagged: [],
  },
  'former: true': {
    text: 'Former Secretary of State Antony Blinken met the delegation.',
    date: '2025-06-01',
    flagged: [],
  },
  'ex-: true': { text: 'The ex-Secretary of State Antony Blinken spoke.', date: '2025-06-01', flagged: [] },
  'would-be: not yet': {
    text: 'good news for a would-be president Donald Trump, who will read it',
    date: '2016-02-10',
    flagged: [],
  },
  'previous: former': {
    text: 'The film lacks previous Secretary of State Hillary Clinton.',
    date: '2016-02-10',
    flagged: [],
  },
  'then-: about another time': {
    text: 'Then-Secretary of State Antony Blinken signed it in 2023.',
    date: '2025-06-01',
    flagged: [],
  },
  'former, but still in office': {
    text: 'Former Secretary of State Marco Rubio spoke.',
    date: '2025-06-01',
    flagged: ['Marco Rubio'],
    message:
      /Marco Rubio still held the office of United States Secretary of State on 2025-06-01 \(since 2025-01-21\): not “former”/,
  },
  'a country word narrows a shared title: UK Chancellor in 2005': {
    text: 'Chancellor Gordon Brown and Chancellor Gerhard Schroeder met.',
    date: '2005',
    flagged: [],
  },
  'a country word narrows a shared title: wrong country': {
    text: 'German Chancellor Gordon Brown says trade must grow.',
    date: '2005',
    flagged: ['Gordon Brown'],
  },
  'Deputy is another office': { text: 'Deputy Prime Minister John Prescott spoke.', date: '2005', flagged: [] },
  'Vice President is its own office': { text: 'Vice President Dick Cheney spoke.', date: '2005', flagged: [] },
  'Shadow is another office': { text: 'Shadow Chancellor Oliver Letwin spoke.', date: '2005', flagged: [] },
  'Deputy Foreign Minister is not Foreign Minister': {
    text: 'Deputy Foreign Minister Sergey Ryabkov spoke.',
    date: '2025-12-22',
    flagged: [],
  },
  'former President Bill Clinton': {
    text: 'Former President Bill Clinton spoke in 2016.',
    date: '2016-09-01',
    flagged: [],
  },
  'apposition: Name, the title,': {
    text: 'Rustem Umerov, the secretary of Ukraine’s National Security and Defense Council, spoke.',
    date: '2025-12-02',
    flagged: [],
  },
  'apposition before the office existed for him': {
    text: 'Rustem Umerov, the secretary of Ukraine’s National Security and Defense Council, spoke.',
    date: '2024-06-01',
    flagged: ['Rustem Umerov'],
    message: /was Oleksandr Lytvynenko \(2024-03-26 to 2025-07-18\)/,
  },
  'title after a name with a comma: Taoiseach, the Irish prime minister': {
    text: 'Taoiseach Micheal Martin, the Irish prime minister, spoke.',
    date: '2025-12-02',
    flagged: [],
  },
  'possessive title: U.S. President Donald Trump’s': {
    text: 'U.S. President Donald Trump’s envoy arrived.',
    date: '2026-01-07',
    flagged: [],
  },
  'an interval: false on every day is an error': {
    text: 'Prime Minister Keir Starmer spoke.',
    date: '2004-01-01/2005-12-31',
    flagged: ['Keir Starmer'],
  },
  'a sentence that names its year is checked against that year': {
    text: 'In 2003, Chancellor Alistair Darling had proposed a tax cut.',
    date: '2005-03-01',
    flagged: ['Alistair Darling'],
    message: /in 2003 the Chancellor of the Exchequer was Gordon Brown/,
  },
  'a year in another clause dates another event': {
    text: 'Echoing the new US Secretary of State Condoleezza Rice, the prime minister said policy had changed since the war in 2001.',
    date: '2005-03-01',
    flagged: [],
  },
  'a when-clause elsewhere does not date the claim': {
    text: 'When the government announced it had reached its target, Prime Minister Gordon Brown said it was only the start.',
    date: '2005-03-01',
    flagged: ['Gordon Brown'],
  },
  'a when-clause dated by the sentence’s year': {
    text: 'Democrats used it in the 2012 election, when President George W. Bush painted Romney as out of touch.',
    date: '2016-09-27',
    flagged: ['George W. Bush'],
  },
  'a year that names a thing does not date the claim': {
    text: 'Earlier Secretary of State Marco Rubio said the US would leave the 2019 accord.',
    date: '2025-06-01',
    flagged: [],
  },
  'a year that dates the claim: false then and now': {
    text: 'Secretary of State Antony Blinken said in 2019 that the US would leave.',
    date: '2025-06-01',
    flagged: ['Antony Blinken'],
  },
  'a year that dates the claim: today’s title for a past event': {
    text: 'Secretary of State Marco Rubio said in 2019 that the US would leave.',
    date: '2025-06-01',
    flagged: [],
  },
  'former, in a hypothetical': {
    text: 'That will change once Rubio is former Secretary of State Marco Rubio.',
    date: '2025-06-01',
    flagged: [],
  },
  'a named year that fits': {
    text: 'In 2003, Chancellor Gordon Brown had proposed a tax cut.',
    date: '2009-03-01',
    flagged: [],
  },
  'a future "when" is not the past': {
    text: 'But Prime Minister Gordon Brown has said he will act when Britain chairs the G8 next year.',
    date: '2005-03-01',
    flagged: ['Gordon Brown'],
  },
  'an interval: true on some day is not': {
    text: 'Prime Minister Gordon Brown spoke.',
    date: '2007/2008',
    flagged: [],
  },
  'an unknown name with a title but no country may hold another country’s office': {
    text: 'Secretary of State Bob Smith spoke.',
    date: '2025-06-01',
    flagged: [],
  },
  'an unknown name with a shared title is not checked': {
    text: 'Prime Minister Bob Smith spoke.',
    date: '2025-06-01',
    flagged: [],
  },
  'another body’s president': { text: 'Fed President Jerome Powell spoke.', date: '2025-06-01', flagged: [] },
  'Secretary of State for Health is another office': {
    text: 'Secretary of State for Health Alan Johnson spoke.',
    date: '2025-06-01',
    flagged: [],
  },
  'a title after "a" describes, it does not name': {
    text: 'Nobody knows how good a prime minister Gordon Brown will make.',
    date: '2005-03-01',
    flagged: [],
  },
  'president of an organisation named after a country': {
    text: 'said Nanik Rupani, president of the Indian Merchants Chamber.',
    date: '2005-03-01',
    flagged: [],
  },
  'no date: skipped': { text: 'Secretary of State Antony Blinken spoke.', flagged: [] },
  'the late, while alive': {
    text: 'The late Dick Cheney was remembered.',
    date: '2025-06-01',
    flagged: ['Dick Cheney'],
    message: /Dick Cheney was alive on 2025-06-01 \(died 2025-11-03\)/,
  },
  'the late, after death': { text: 'The late Dick Cheney was remembered.', date: '2025-12-01', flagged: [] },
  'courtesy title for a former US president, by surname': {
    text: 'President Clinton campaigned for his wife.',
    date: '2016-09-01',
    flagged: [],
  },
  'a former holder by full name, in the present': {
    text: 'President Bill Clinton says he will campaign.',
    date: '2016-09-01',
    flagged: ['Bill Clinton'],
  },
  'a former holder, set in the past by a year': {
    text: 'Justice Ginsburg was appointed by President Bill Clinton in 1993.',
    date: '2016-09-01',
    flagged: [],
  },
  'a former holder, object of the past: an aide to': {
    text: 'said the former top aide to President George W. Bush.',
    date: '2016-09-01',
    flagged: [],
  },
  'a former holder, possessive: his administration': {
    text: 'a veteran of President Bill Clinton’s administration',
    date: '2016-09-01',
    flagged: [],
  },
  'a former holder, when-clause': {
    text: 'That changed in the transition, when President George W. Bush ordered coordination.',
    date: '2016-09-01',
    flagged: [],
  },
  'a title the table knows only for another body, no country word': {
    text: 'Attorney General Kamala Harris is ahead in the polls.',
    date: '2016-05-26',
    flagged: [],
  },
  'a future holder in the present': {
    text: 'President Donald Trump says the wall will be built.',
    date: '2016-02-10',
    flagged: ['Donald Trump'],
  },
});

// Issue 15: a claim with no time marker is about the article's date, whatever its place in the sentence.
tester('title-holder', {
  'object of a verb': {
    text: 'Protesters greeted President Barack Obama outside the hotel.',
    date: '2022-03-01',
    flagged: ['Barack Obama'],
  },
  'object of a preposition': {
    text: 'The envoy carried a message from Chancellor Angela Merkel to the summit.',
    date: '2023-05-10',
    flagged: ['Angela Merkel'],
  },
  'passive agent': {
    text: 'The fund was opened by Chancellor Gordon Brown.',
    date: '2008-05-01',
    flagged: ['Gordon Brown'],
  },
  possessive: {
    text: 'Chancellor Olaf Scholz’s coalition partners walked out.',
    date: '2026-02-01',
    flagged: ['Olaf Scholz'],
  },
  'coordination: each claim is judged': {
    text: 'Prime Minister Tony Blair and Chancellor Alistair Darling visited the plant.',
    date: '2005-04-01',
    flagged: ['Alistair Darling'],
  },
  'inverted speech': {
    text: '“The numbers are improving,” argued Chancellor Alistair Darling.',
    date: '2005-04-01',
    flagged: ['Alistair Darling'],
  },
  'reported speech with the claim inside it': {
    text: 'The minister said Chancellor Gordon Brown had misjudged the mood.',
    date: '2008-04-01',
    flagged: ['Gordon Brown'],
  },
  'a list': {
    text: 'Guests included President Joe Biden, Taoiseach Bertie Ahern and U.S. Secretary of State Marco Rubio.',
    date: '2025-06-01',
    flagged: ['Joe Biden', 'Bertie Ahern'],
  },
  'a parenthesis': {
    text: 'The deal (backed by German Chancellor Angela Merkel) collapsed.',
    date: '2024-01-15',
    flagged: ['Angela Merkel'],
  },
  'a headline in title case': {
    text: 'Chancellor Olaf Scholz Rejects Tariff Plan\n\nBerlin officials were unmoved.',
    date: '2026-03-01',
    flagged: ['Olaf Scholz'],
  },
  '“under”: set in the holder’s term': {
    text: 'The rule dates from the budget office under President George W. Bush.',
    date: '2016-04-01',
    flagged: [],
  },
  'a time in the sentence before sets the claim in the past': {
    text: 'The talks began in 2006. Chancellor Angela Merkel hosted them in Berlin.',
    date: '2024-01-15',
    flagged: [],
  },
  '“last year” when the person held it then': {
    text: 'Last year Secretary of State Antony Blinken visited the region.',
    date: '2025-06-01',
    flagged: [],
  },
  '“last year” when the person did not hold it then': {
    text: 'Last year Secretary of State Hillary Clinton visited the region.',
    date: '2025-06-01',
    flagged: ['Hillary Clinton'],
  },
  'a month before the article’s date, when the person held it': {
    text: 'In January Secretary of State Antony Blinken visited Kyiv.',
    date: '2025-06-01',
    flagged: [],
  },
  '“at the time”': {
    text: 'At the time, President George W. Bush opposed the plan.',
    date: '2016-04-01',
    flagged: [],
  },
});

// Issue 15: an office the person never held is an error when the title can mean only offices the table knows.
tester('title-holder', {
  'never held: the title of another office they held': {
    text: 'President Dick Cheney told reporters the plan was sound.',
    date: '2005-03-01',
    flagged: ['Dick Cheney'],
    message:
      /the President of the United States was George W\. Bush .*; Dick Cheney never held that office, but was Vice President of the United States$/,
  },
  'never held, with a country word': {
    text: 'British Chancellor Tony Blair arrived in Brussels.',
    date: '2005-03-01',
    flagged: ['Tony Blair'],
    message: /Tony Blair never held that office/,
  },
  'never held, even in a sentence set in the past': {
    text: 'In 2002, President Dick Cheney visited Kuwait.',
    date: '2005-03-01',
    flagged: ['Dick Cheney'],
  },
  'a bare title others use too (a central bank, an agency) is not judged': {
    text: 'Governor Tony Blair opened the school fete.',
    date: '2005-03-01',
    flagged: [],
  },
  'a surname the article never introduces is not judged': {
    text: 'President Blinken spoke.',
    date: '2025-06-01',
    flagged: [],
  },
  'the party before the title is not another office': {
    text: 'Republican President Dick Cheney spoke in Ohio.',
    date: '2005-03-01',
    flagged: ['Dick Cheney'],
  },
  'another organisation before the title is another office, at the start of a sentence too': {
    text: 'The rate held. Fed President Dick Cheney spoke.',
    date: '2005-03-01',
    flagged: [],
  },
});

tester('title-holder-unclear', {
  'a past holder in a clause that only hints at the past (“used to”)': {
    text: 'Secretary of State Antony Blinken used to visit the region.',
    date: '2025-06-01',
    flagged: ['Antony Blinken'],
    message: /if this is about the past, write “then-” or give the year$/,
  },
  'reported past tense with no time is the present: the error rule reports it': {
    text: 'Secretary of State Antony Blinken met the delegation.',
    date: '2025-06-01',
    flagged: [],
  },
  'about the present: the error rule reports it, not this one': {
    text: 'Secretary of State Antony Blinken says the talks go on.',
    date: '2025-06-01',
    flagged: [],
  },
  'set in the past': {
    text: 'In 2023, Secretary of State Antony Blinken met the delegation.',
    date: '2025-06-01',
    flagged: [],
  },
});

tester('title-holder-unknown-person', {
  'an unknown name with a title and a country': {
    text: 'U.S. Secretary of State Bob Smith spoke.',
    date: '2025-06-01',
    flagged: ['Bob Smith'],
    message: /the United States Secretary of State was Marco Rubio .*; the reference table does not know Bob Smith$/,
  },
  'a title US states give too, without a state word, is not checked': {
    text: 'Secretary of State Bob Smith spoke.',
    date: '2025-06-01',
    flagged: [],
  },
  'a title several countries use is not checked': {
    text: 'Prime Minister Bob Smith spoke.',
    date: '2025-06-01',
    flagged: [],
  },
  'set in the past': { text: 'In 2019, U.S. Secretary of State Bob Smith spoke.', date: '2025-06-01', flagged: [] },
});

tester('quote-attribution', {
  'the predecessor’s surname after the holder is introduced': {
    text: 'German Chancellor Friedrich Merz, meanwhile, said Berlin is “not ruling anything out.”\n“Germany will engage,” Scholz said.',
    date: '2026-01-07',
    flagged: ['Scholz'],
    message:
      /introduces Friedrich Merz, Chancellor of Germany on 2026-01-07; Olaf Scholz left that office on 2025-05-06\. Did you mean Merz\?/,
  },
  'the successor’s surname before his time': {
    text: 'German Chancellor Olaf Scholz spoke on Monday.\n“Germany will engage,” Merz said.',
    date: '2023-03-01',
    flagged: ['Merz'],
    message: /Friedrich Merz takes office only on 2025-05-06/,
  },
  'both introduced: the article means them': {
    text: 'German Chancellor Friedrich Merz met former chancellor Olaf Scholz.\n“Germany will engage,” Scholz said.',
    date: '2026-01-07',
    flagged: [],
  },
  'no officeholder nearby': {
    text: 'The weather was bad.\n“Germany will engage,” Scholz said.',
    date: '2026-01-07',
    flagged: [],
  },
  'the right holder': {
    text: 'German Chancellor Friedrich Merz spoke.\n“Germany will engage,” Merz said.',
    date: '2026-01-07',
    flagged: [],
  },
});

tester('deceased-speaker', {
  'a new quote from someone who died': {
    text: 'Alexei Navalny spoke.\n“We will win,” Navalny said on Tuesday.',
    date: '2025-03-01',
    flagged: ['Navalny'],
    message: /A quote attributed to Alexei Navalny, who died on 2024-02-16/,
  },
  'present-tense speech': {
    text: 'Alexei Navalny says the vote was rigged.',
    date: '2025-03-01',
    flagged: ['Alexei Navalny'],
    message: /Present-tense “says”/,
  },
  'a historical quote': { text: 'Alexei Navalny once said: “Do not give up.”', date: '2025-03-01', flagged: [] },
  'a dated quote': { text: '“Do not give up,” Alexei Navalny said in 2021.', date: '2025-03-01', flagged: [] },
  'before the death': { text: '“We will win,” Alexei Navalny said on Tuesday.', date: '2023-03-01', flagged: [] },
});

tester('name-consistency', {
  'two spellings of one person': {
    text: 'Volodymyr Zelensky arrived.\nUkrainian President Volodymyr Zelenskyy said he was ready. “We are ready,” Zelenskyy said.',
    flagged: ['Volodymyr Zelensky'],
    message:
      /Volodymyr Zelenskyy is spelled both “Zelensky” and “Zelenskyy” in this article; house style is “Zelenskyy”/,
  },
  'one spelling, even if not house style': {
    text: 'Volodymyr Zelensky arrived. “We are ready,” Zelensky said.',
    flagged: [],
  },
  'diacritics differ': { text: 'Micheál Martin and Micheal Martin are one man.', flagged: ['Micheal Martin'] },
});

tester('unintroduced-speaker', {
  'surname only, never introduced': {
    text: '“We are ready,” Rubio said.',
    flagged: ['Rubio'],
    message: /never introduced by full name \(the reference table knows Marco Rubio\)/,
  },
  'introduced by full name': { text: 'Marco Rubio arrived.\n“We are ready,” Rubio said.', flagged: [] },
  'introduced with a title': {
    text: 'Secretary of State Rubio arrived.\n“We are ready,” Rubio said.',
    date: '2025-06-01',
    flagged: [],
  },
  'a person the article introduces': { text: 'Geshuang Chen arrived.\n“We are ready,” Chen said.', flagged: [] },
  'Bill is a first name too': {
    text: 'Former union leader Sir Bill Morris agreed.\n“We are ready,” Morris said.',
    flagged: [],
  },
});

const ON = { 'unknown-office': 'info' } as const;

tester('unknown-office', {
  'off by default': { text: 'Irish President Michael D. Higgins spoke.', date: '2026-01-07', flagged: [] },
  'a title with a country word whose office the table lacks': {
    text: 'Irish President Michael D. Higgins spoke.',
    date: '2026-01-07',
    rules: ON,
    flagged: ['Irish President Michael D. Higgins'],
    message:
      /^“Irish President” in “Irish President Michael D\. Higgins” was not checked: no office in the table has this title there$/,
  },
  'another office: Deputy …': {
    text: 'Deputy Secretary of State Christopher Landau spoke.',
    date: '2026-01-07',
    rules: ON,
    flagged: ['Deputy Secretary of State Christopher Landau'],
    message:
      /^“Deputy Secretary of State” in “Deputy Secretary of State Christopher Landau” was not checked: “Deputy Secretary” is another office$/,
  },
  'an abbreviated title keeps its full stop (shipped table)': {
    text: 'Lt. Gov. Dan Patrick spoke.',
    date: '2026-01-07',
    table: shipped(),
    rules: ON,
    flagged: ['Lt. Gov. Dan Patrick'],
    message: /^“Lt\. Gov\.” in “Lt\. Gov\. Dan Patrick” was not checked: “Lt Gov” is another office$/,
  },
  'each unchecked title once, in order': {
    text: 'Shadow Chancellor George Osborne met Irish President Michael D. Higgins.',
    date: '2026-01-07',
    rules: ON,
    flagged: ['Shadow Chancellor George Osborne', 'Irish President Michael D. Higgins'],
  },
  'a known office is checked, not reported here': {
    text: 'German Chancellor Friedrich Merz spoke.',
    date: '2026-01-07',
    rules: ON,
    flagged: [],
  },
  'a name the table does not know is unknown-person, not unknown-office': {
    text: 'Secretary of State Jane Nelson spoke.',
    date: '2026-01-07',
    rules: ON,
    flagged: [],
  },
  'without a date nothing is judged': { text: 'Irish President Michael D. Higgins spoke.', rules: ON, flagged: [] },
});

/** Two files checked on different days: Germany through 2026-06-01, the US through 2026-03-01, Ireland never said. */
const dated = compileTable([
  {
    file: 'de.yml',
    root: 'test',
    text: `verifiedThrough: 2026-06-01
countries:
  DE: {names: [Germany, German]}
offices:
  de-chancellor:
    name: Chancellor of Germany
    country: DE
    titles: [Chancellor]
    source: test
    holders:
      - {person: Olaf Scholz, start: 2021-12-08, end: 2025-05-06}
      - {person: Friedrich Merz, start: 2025-05-06}
  de-foreign-minister:
    name: Federal Minister for Foreign Affairs
    country: DE
    titles: [Foreign Minister]
    source: test
    holders:
      - {person: Johann Wadephul, start: 2025-05-06}
`,
  },
  {
    file: 'us.yml',
    root: 'test',
    text: `verifiedThrough: 2026-03-01
countries:
  US: {names: [United States, U.S., American]}
offices:
  us-secretary-of-state:
    name: United States Secretary of State
    country: US
    titles: [Secretary of State]
    source: test
    holders:
      - {person: Marco Rubio, start: 2025-01-21}
`,
  },
  {
    file: 'ie.yml',
    root: 'test',
    text: `countries:
  IE: {names: [Ireland, Irish]}
offices:
  ie-taoiseach:
    name: Taoiseach
    country: IE
    titles: [Taoiseach]
    source: test
    holders:
      - {person: Micheál Martin, start: 2025-01-23}
`,
  },
]);

tester('table-currency', {
  'dated after the table was checked: one info at the claim': {
    text: 'German Chancellor Friedrich Merz spoke.',
    date: '2026-07-01',
    table: dated,
    flagged: ['German Chancellor Friedrich Merz'],
    message:
      /^The reference table is verified through 2026-06-01 for Chancellor of Germany; a change after that is not known \(article dated 2026-07-01\)$/,
  },
  'once per file, at the first claim, naming every office by day': {
    text: 'German Chancellor Friedrich Merz met U.S. Secretary of State Marco Rubio and German Foreign Minister Johann Wadephul. Chancellor Merz spoke.',
    date: '2026-07-01',
    table: dated,
    flagged: ['German Chancellor Friedrich Merz'],
    message:
      /^The reference table is verified through 2026-03-01 for United States Secretary of State, and through 2026-06-01 for Chancellor of Germany and Federal Minister for Foreign Affairs; a change after that is not known \(article dated 2026-07-01\)$/,
  },
  'only the offices checked before the date': {
    text: 'German Chancellor Friedrich Merz met U.S. Secretary of State Marco Rubio.',
    date: '2026-04-01',
    table: dated,
    flagged: ['U.S. Secretary of State Marco Rubio'],
    message: /^The reference table is verified through 2026-03-01 for United States Secretary of State; /,
  },
  'dated on the day the table was checked': {
    text: 'German Chancellor Friedrich Merz spoke.',
    date: '2026-06-01',
    table: dated,
    flagged: [],
  },
  'a date interval that ends after it': {
    text: 'German Chancellor Friedrich Merz spoke.',
    date: '2026-05/2026-06',
    table: dated,
    flagged: ['German Chancellor Friedrich Merz'],
  },
  'an office whose file does not say when it was checked': {
    text: 'Taoiseach Micheál Martin spoke.',
    date: '2026-07-01',
    table: dated,
    flagged: [],
  },
  'a claim set in the past is about a time the table covers': {
    text: 'In 2023, Chancellor Olaf Scholz spoke.',
    date: '2026-07-01',
    table: dated,
    flagged: [],
  },
  'a title the table lacks': {
    text: 'German President Frank-Walter Steinmeier spoke.',
    date: '2026-07-01',
    table: dated,
    flagged: [],
  },
  'no claim, no finding': { text: 'Friedrich Merz spoke.', date: '2026-07-01', table: dated, flagged: [] },
  'without a date it is skipped': { text: 'German Chancellor Friedrich Merz spoke.', table: dated, flagged: [] },
});

describe('findings', () => {
  it('carry evidence rows and a suggestion at exact offsets', () => {
    const text = 'German Chancellor Friedrich Merz spoke.\n“Germany will engage,” Scholz said.';
    const [finding] = run(text, { date: '2026-01-07' }).report.findings;
    expect(finding?.ruleId).toBe('quote-attribution');
    expect(finding?.evidence.map((e) => `${e.person} ${e.start}..${e.end ?? ''}`)).toEqual([
      'Friedrich Merz 2025-05-06..',
      'Olaf Scholz 2021-12-08..2025-05-06',
    ]);
    expect(finding?.suggestions?.[0]).toMatchObject({ text: 'Merz', offset: text.indexOf('Scholz'), length: 6 });
    expect([finding?.line, finding?.column]).toEqual([2, 24]);
  });

  it('without a date, one info finding says which checks were skipped', () => {
    const report = run('Secretary of State Antony Blinken spoke.').report;
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ ruleId: 'article-date', severity: 'info' });
    for (const rule of ['title-holder', 'quote-attribution', 'deceased-speaker', 'table-currency'])
      expect(report.findings[0]?.message).toContain(rule);
    expect(report.findings[0]?.message).not.toContain('name-consistency');
    expect(report.findings[0]?.message).not.toContain('unknown-office'); // off
  });

  it('a rule can be switched off or change severity', () => {
    const text = 'Secretary of State Antony Blinken says the talks go on.';
    expect(findings(run(text, { date: '2025-06-01', rules: { 'title-holder': 'off' } }))).toEqual([]);
    expect(run(text, { date: '2025-06-01', rules: { 'title-holder': 'warning' } }).report.findings[0]?.severity).toBe(
      'warning',
    );
  });
});

// What stands before a title: an organisation makes it another office; a day, another title,
// a party, a preposition or a headline's capitals do not.
tester('title-holder', {
  'a day before the title is no organisation: the claim is judged': {
    text: 'On Friday Defence Secretary John Reid said the troops would return.',
    date: '2005-03-01',
    table: shipped(),
    flagged: ['John Reid'],
  },
  'the end of another title before it ("Campaign Chair Gov. X")': {
    text: 'Campaign Chair Gov. Scott Walker of Ohio spoke on Thursday.',
    date: '2016-03-10',
    table: shipped(),
    flagged: ['Scott Walker'],
  },
  '"under President X" dates the sentence to that presidency': {
    text: 'Unemployment fell under President George W. Bush, his critics conceded on Monday.',
    date: '2016-03-10',
    table: shipped(),
    flagged: [],
  },
  'the Official Opposition’s shadow post, held by someone else': {
    text: 'Conservative shadow chancellor Michael Ancram said on Friday that taxes would fall.',
    date: '2004-06-01',
    table: shipped(),
    flagged: ['Michael Ancram'],
  },
  'another party’s "shadow" spokesman is that party’s own post': {
    text: 'Liberal Democrat shadow home secretary Mark Oaten said on Friday that the bill was flawed.',
    date: '2004-06-01',
    table: shipped(),
    flagged: [],
  },
  'a future holder in a sentence that imagines the future': {
    text: 'Diplomats are already preparing for President Donald Trump, officials said.',
    date: '2016-03-10',
    table: shipped(),
    flagged: [],
  },
  'a future holder spoken of as holding the office now': {
    text: 'President Donald Trump told reporters on Friday that the wall would be built.',
    date: '2016-03-10',
    table: shipped(),
    flagged: ['Donald Trump'],
  },
  'a middle initial that is not the table person’s: another person': {
    text: 'President John F. Kennedy’s speech was read aloud on Friday.',
    date: '2016-03-10',
    table: shipped(),
    flagged: [],
  },
  'an abbreviated state before the title ("Fla. Gov.")': {
    text: 'Fla. Gov. Jeb Bush told donors on Monday that he would not endorse anyone.',
    date: '2016-03-10',
    table: shipped(),
    flagged: ['Jeb Bush'],
  },
  'a condition in an earlier clause does not make a holder who acts now imagined': {
    text: 'If the vote fails again on Thursday Prime Minister Theresa May has told aides she will resign.',
    date: '2023-03-10',
    table: shipped(),
    flagged: ['Theresa May'],
  },
  'a condition right before the holder still imagines the future': {
    text: 'Once President Donald Trump takes office, the tariffs could return.',
    date: '2016-03-10',
    table: shipped(),
    flagged: [],
  },
  'a capitalised function word opening the sentence is no organisation before the title': {
    text: 'Neither Defence Secretary Ben Wallace nor the chiefs would comment. Either Chancellor Olaf Scholz or his deputy will go.',
    date: '2025-09-15',
    table: shipped(),
    flagged: ['Ben Wallace', 'Olaf Scholz'],
  },
  '"once again" is a repetition, not a condition': {
    text: 'The mayor will once again ask President Donald Trump for flood money.',
    date: '2016-03-10',
    table: shipped(),
    flagged: ['Donald Trump'],
  },
  'a holder who had died, named in a sentence with no earlier time, is still a wrong title': {
    text: 'Ministers welcomed the plan drawn up by Defence Secretary George Younger to cut the reserve forces.',
    date: '2024-05-01',
    table: shipped(),
    flagged: ['George Younger'],
  },
  'a holder who had died, in a sentence about the death or its aftermath': {
    text: 'The senators argued over who should replace Justice Antonin Scalia on the bench.',
    date: '2016-03-10',
    table: shipped(),
    flagged: [],
  },
  'a headline’s last title does not take the next paragraph’s first name': {
    text: 'Ministers clash over a new Commons speaker\n\nBetty Boothroyd spoke on Wednesday.',
    date: '2005-02-10',
    table: shipped(),
    flagged: [],
  },
});

tester('title-holder', {
  'a future holder in a plan for next week is still a wrong title': {
    text: 'The committee will question Vice-President Kamala Harris about energy prices next week.',
    date: '2016-03-10',
    table: shipped(),
    flagged: ['Kamala Harris'],
  },
});
