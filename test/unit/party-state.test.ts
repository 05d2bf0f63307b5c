import { describe, expect, it } from 'vitest';
import { partyStateTags } from '../../src/checks/party-state.js';
import { proseOfText } from '../../src/article/markdown.js';
import { resolveArticle } from '../../src/resolve/article.js';
import { run, shipped, tableFrom } from '../helpers.js';

/** A few members of Congress and governors, with the party switches that make tags hard. */
const TABLE = tableFrom(`
countries:
  US: {names: [United States, U.S.]}
  US-TX: {names: [Texas, Tex., TX]}
  US-CA: {names: [California, Calif., CA]}
  US-NY: {names: [New York, N.Y., NY]}
  US-VT: {names: [Vermont, Vt., VT]}
  US-NJ: {names: [New Jersey, N.J., NJ]}
  US-WV: {names: [West Virginia, W.Va., WV]}
  US-FL: {names: [Florida, Fla., FL]}
  US-IN: {names: [Indiana, Ind.]}
  US-MI: {names: [Michigan, Mich., MI]}
  US-SC: {names: [South Carolina, S.C., SC]}
  US-RI: {names: [Rhode Island, R.I., RI]}
offices:
  us-senator-tx:
    name: United States Senator from Texas
    country: US-TX
    titles: [Senator, Sen.]
    concurrent: true
    complete: false
    source: test fixture
    holders:
      - {person: Ted Cruz, start: 2013-01-03, party: R}
  us-senator-vt:
    name: United States Senator from Vermont
    country: US-VT
    titles: [Senator, Sen.]
    concurrent: true
    complete: false
    source: test fixture
    holders:
      - {person: Bernie Sanders, start: 2007-01-04, party: I}
  us-representative-ca:
    name: Member of the United States House of Representatives from California
    country: US-CA
    titles: [Representative, Rep.]
    concurrent: true
    complete: false
    source: test fixture
    holders:
      - {person: Nancy Pelosi, start: 1987-06-02, party: D}
  us-representative-nj:
    name: Member of the United States House of Representatives from New Jersey
    country: US-NJ
    titles: [Representative, Rep.]
    concurrent: true
    complete: false
    source: test fixture
    holders:
      - {person: Jefferson Van Drew, start: 2019-01-03, end: 2019-12-18, party: D}
      - {person: Jefferson Van Drew, start: 2019-12-19, party: R}
  us-representative-in:
    name: Member of the United States House of Representatives from Indiana
    country: US-IN
    titles: [Representative, Rep.]
    concurrent: true
    complete: false
    source: test fixture
    holders:
      - {person: Mike Pence, start: 2001-01-03, end: 2013-01-03, party: R}
  us-representative-mi:
    name: Member of the United States House of Representatives from Michigan
    country: US-MI
    titles: [Representative, Rep.]
    concurrent: true
    complete: false
    source: test fixture
    holders:
      - {person: Justin Amash, start: 2011-01-05, end: 2019-07-03, party: R}
      - {person: Justin Amash, start: 2019-07-04, end: 2020-04-28, party: I}
      - {person: Justin Amash, start: 2020-04-29, end: 2021-01-03, party: L}
  us-governor-wv:
    name: Governor of West Virginia
    country: US-WV
    titles: [Governor, Gov.]
    source: test fixture
    holders:
      - {person: Jim Justice, start: 2017-01-16, end: 2017-08-03, party: D}
      - {person: Jim Justice, start: 2017-08-04, end: 2025-01-13, party: R}
  us-governor-fl:
    name: Governor of Florida
    country: US-FL
    titles: [Governor, Gov.]
    source: test fixture
    holders:
      - {person: Jeb Bush, start: 1999-01-05, end: 2007-01-02, party: R}
  us-secretary-of-state:
    name: United States Secretary of State
    country: US
    titles: [Secretary of State]
    source: test fixture
    holders:
      - {person: John Kerry, start: 2013-02-01, end: 2017-01-20}
people:
  Jefferson Van Drew: {variants: [Jeff Van Drew]}
`);

interface Case {
  text: string;
  date: string;
  /** The flagged tags, in order; empty when every tag is right or cannot be judged. */
  flagged: string[];
  message?: string;
  suggestion?: string;
}

const CASES: Record<string, Case> = {
  'a right tag': { text: 'Sen. Ted Cruz, R-Texas, spoke on Tuesday.', date: '2016-03-01', flagged: [] },
  'a right tag in parentheses, AP abbreviation': {
    text: 'Rep. Nancy Pelosi (D-Calif.) said the vote would come.',
    date: '2016-03-01',
    flagged: [],
  },
  'a right tag with a postal code': { text: 'Sen. Ted Cruz (R-TX) spoke.', date: '2016-03-01', flagged: [] },
  'the wrong party': {
    text: 'Sen. Ted Cruz, D-Texas, spoke on Tuesday.',
    date: '2016-03-01',
    flagged: ['D-Texas'],
    message:
      '“D-Texas”: Ted Cruz is R-TX on 2016-03-01 (United States Senator from Texas since 2013-01-03); did you mean “R-Texas”?',
    suggestion: 'R-Texas',
  },
  'the wrong state, written as the AP abbreviates': {
    text: 'Rep. Nancy Pelosi (D-N.Y.) said the vote would come.',
    date: '2016-03-01',
    flagged: ['D-N.Y.'],
    message:
      '“D-N.Y.”: Nancy Pelosi is D-CA on 2016-03-01 (Member of the United States House of Representatives from California since 1987-06-02); did you mean “D-Calif.”?',
    suggestion: 'D-Calif.',
  },
  'the wrong state in a postal code': {
    text: 'Sen. Ted Cruz (R-CA) spoke.',
    date: '2016-03-01',
    flagged: ['R-CA'],
    suggestion: 'R-TX',
  },
  'an independent tagged as a Democrat': {
    text: 'Sen. Bernie Sanders (D-Vt.) won the primary.',
    date: '2016-03-01',
    flagged: ['D-Vt.'],
    suggestion: 'I-Vt.',
  },
  'the long form': {
    text: 'Sen. Ted Cruz (R., Texas) spoke. Sen. Bernie Sanders (R., Vt.) spoke.',
    date: '2016-03-01',
    flagged: ['R., Vt.'],
    suggestion: 'I., Vt.',
  },
  'the words form': {
    text: 'Senator Ted Cruz, Republican of Texas, agreed. Senator Bernie Sanders, a Democrat from Vermont, did not.',
    date: '2016-03-01',
    flagged: ['a Democrat from Vermont'],
    suggestion: 'an independent from Vermont',
  },
  'a tag after a surname refers to the person introduced': {
    text: 'Ted Cruz spoke first. Later, Cruz, D-Texas, spoke again.',
    date: '2016-03-01',
    flagged: ['D-Texas'],
  },
  'a switched party: right before the switch': {
    text: 'Rep. Jeff Van Drew, D-N.J., voted no.',
    date: '2019-06-01',
    flagged: [],
  },
  'a switched party: the old party after the switch': {
    text: 'Rep. Jeff Van Drew, D-N.J., voted no.',
    date: '2020-03-01',
    flagged: ['D-N.J.'],
    message:
      '“D-N.J.”: Jefferson Van Drew is R-NJ on 2020-03-01 (Member of the United States House of Representatives from New Jersey since 2019-12-19); did you mean “R-N.J.”?',
  },
  'a switched party within a dated range: either is right': {
    text: 'Gov. Jim Justice (D-W.Va.) and Gov. Jim Justice (R-W.Va.) signed it.',
    date: '2017-03-01/2017-10-31',
    flagged: [],
  },
  'a switched party within a dated range: neither party': {
    text: 'Gov. Jim Justice (I-W.Va.) signed it.',
    date: '2017-03-01/2017-10-31',
    flagged: ['I-W.Va.'],
    message:
      '“I-W.Va.”: Jim Justice is D-WV and R-WV in 2017-03-01/2017-10-31 (Governor of West Virginia 2017-01-16 to 2017-08-03; Governor of West Virginia 2017-08-04 to 2025-01-13)',
  },
  'a range the terms do not cover: the table cannot say': {
    text: 'Gov. Jim Justice (I-W.Va.) signed it.',
    date: '2017',
    flagged: [],
  },
  'a former member with no office on the date': {
    text: 'Mike Pence, D-Ind., campaigned in Ohio.',
    date: '2016-03-01',
    flagged: [],
  },
  'a former governor, said so': { text: 'Former Gov. Jeb Bush, D-Fla., spoke.', date: '2005-03-01', flagged: [] },
  'then-: about another time': { text: 'Then-Rep. Jeff Van Drew, R-N.J., voted no.', date: '2019-06-01', flagged: [] },
  'a sentence set in a named earlier year, when the tag was right': {
    text: 'In 2019, Rep. Justin Amash (R-Mich.) broke with his party.',
    date: '2020-03-01',
    flagged: [],
  },
  'a sentence set in a named earlier year, wrong then and now': {
    text: 'In 2019, Rep. Justin Amash (D-Mich.) broke with his party.',
    date: '2020-03-01',
    flagged: ['D-Mich.'],
    message:
      '“D-Mich.”: Justin Amash is R-MI and I-MI between 2019-01-01 and 2020-03-01 (Member of the United States House of Representatives from Michigan 2011-01-05 to 2019-07-03; Member of the United States House of Representatives from Michigan 2019-07-04 to 2020-04-28)',
  },
  'the same tag about the article’s date': {
    text: 'Rep. Justin Amash (R-Mich.) broke with his party on Monday.',
    date: '2020-03-01',
    flagged: ['R-Mich.'],
    suggestion: 'I-Mich.',
  },
  'a sentence set at an unknown earlier time, in an office held on the date: read as today': {
    text: 'Before that, she was chief counsel to Sen. Ted Cruz (D-Texas) for two years.',
    date: '2016-03-01',
    flagged: ['D-Texas'],
  },
  'a sentence set at an unknown earlier time, in an office not held on the date': {
    text: 'When he served in the House, Rep. Bernie Sanders (D-Vt.) voted against the war.',
    date: '2016-03-01',
    flagged: [],
  },
  'a name the table does not know': { text: 'Sen. Bob Smith, D-Texas, spoke.', date: '2016-03-01', flagged: [] },
  'a person in an office of no state': {
    text: 'Secretary of State John Kerry (D-Ohio) spoke.',
    date: '2016-03-01',
    flagged: [],
  },
  'a tag after a non-person': {
    text: 'The bill, H.R. 1, passed. Texas, R-Wis., is not a person. Sen. Ted Cruz, R-Wis.-based donors said.',
    date: '2016-03-01',
    flagged: [],
  },
  'not a state: a state legislator’s district': {
    text: 'Sen. Ted Cruz (R-Loudoun) spoke.',
    date: '2016-03-01',
    flagged: [],
  },
};

describe('party-state', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      const found = run(c.text, { table: TABLE, date: c.date }).report.findings.filter(
        (f) => f.ruleId === 'party-state',
      );
      expect(found.map((f) => f.text)).toEqual(c.flagged);
      for (const f of found) expect(f.severity).toBe('warning');
      if (c.message) expect(found[0]?.message).toBe(c.message);
      if (c.suggestion) expect(found[0]?.suggestions?.map((s) => s.text)).toEqual([c.suggestion]);
    });
  }

  it('reports the terms it read as evidence, and the person and office', () => {
    const [finding] = run('Sen. Ted Cruz, D-Texas, spoke.', { table: TABLE, date: '2016-03-01' }).report.findings;
    expect(finding?.person?.name).toBe('Ted Cruz');
    expect(finding?.office?.id).toBe('us-senator-tx');
    expect(finding?.evidence.map((e) => [e.office, e.start, e.end])).toEqual([['us-senator-tx', '2013-01-03', null]]);
    expect(finding?.suggestions?.[0]?.safe).toBe(false);
  });

  it('is off without a date', () => {
    const report = run('Sen. Ted Cruz, D-Texas, spoke.', { table: TABLE }).report;
    expect(report.findings.filter((f) => f.ruleId === 'party-state')).toEqual([]);
  });

  it('reads the shipped table: Ted Cruz is R-TX in 2016', () => {
    const found = run('Sen. Ted Cruz, D-Texas, said on Tuesday.', { table: shipped(), date: '2016-03-01' })
      .report.findings.filter((f) => f.ruleId === 'party-state')
      .map((f) => f.message);
    expect(found).toEqual([
      '“D-Texas”: Ted Cruz is R-TX on 2016-03-01 (United States Senator from Texas since 2013-01-03); did you mean “R-Texas”?',
    ]);
  });
});

describe('party-state tags', () => {
  const tagsOf = (text: string) => {
    const article = resolveArticle(text, proseOfText(text, 0), TABLE);
    return partyStateTags(article, TABLE).map(({ mention, tag }) => [mention.text, tag.text, tag.party, tag.states]);
  };

  it.each([
    ['Sen. Ted Cruz, R-Texas, said', ['Ted Cruz', 'R-Texas', 'R', ['US-TX']]],
    ['Rep. Nancy Pelosi (D-N.Y.) said', ['Nancy Pelosi', 'D-N.Y.', 'D', ['US-NY']]],
    ['Sen. Bernie Sanders, I-Vt., said', ['Bernie Sanders', 'I-Vt.', 'I', ['US-VT']]],
    ['Rep. Nancy Pelosi, D-Calif.', ['Nancy Pelosi', 'D-Calif.', 'D', ['US-CA']]],
    ['Gov. Jim Justice (D-W.Va.) said', ['Jim Justice', 'D-W.Va.', 'D', ['US-WV']]],
    ['Rep. Jim Banks (R-IN) said', ['Jim Banks', 'R-IN', 'R', ['US-IN']]],
    ['Sen. Ted Cruz (R., Texas) said', ['Ted Cruz', 'R., Texas', 'R', ['US-TX']]],
    ['Senator Ted Cruz, Republican of Texas, said', ['Ted Cruz', 'Republican of Texas', 'R', ['US-TX']]],
    ['Rep. Bob Casey Jr., D-N.Y., said', ['Bob Casey Jr', 'D-N.Y.', 'D', ['US-NY']]],
    ['to Sen. Bernie Sanders’ (I-Vt.) supporters', ['Bernie Sanders', 'I-Vt.', 'I', ['US-VT']]],
    ['Rep. Trey Gowdy (R-S.C) said', ['Trey Gowdy', 'R-S.C', 'R', ['US-SC']]],
    [
      'Senator Jack Reed, a Democrat from Rhode Island, said',
      ['Jack Reed', 'a Democrat from Rhode Island', 'D', ['US-RI']],
    ],
  ])('%s', (text, expected) => {
    expect(tagsOf(text)).toEqual([expected]);
  });

  it.each([
    'The bill, H.R. 1, passed.',
    'Ted Cruz, R-Loudoun, said',
    'Ted Cruz R-Texas said',
    'Ted Cruz (R-Texas said',
    'Ted Cruz, Republican of Texas City, said',
    'Ted Cruz, X-Texas, said',
    'Ted Cruz, R-Texas-based, said',
  ])('no tag: %s', (text) => {
    expect(tagsOf(text)).toEqual([]);
  });
});
