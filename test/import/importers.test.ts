import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCongress } from '../../src/import/congress.js';
import { importCsv } from '../../src/import/csv.js';
import { importIfg, parseIfgMapping } from '../../src/import/ifg.js';
import { importPopolo } from '../../src/import/popolo.js';
import { importWikidata } from '../../src/import/wikidata.js';
import { tableYaml } from '../../src/import/write.js';
import { compileTable } from '../../src/reference/compile.js';
import { analyze } from '../../src/engine.js';
import { loadRules } from '../../src/rules/load.js';
import { ROOT } from '../helpers.js';
import { errorOf, expected, fixture, FIXTURE_IMPORTS, HEADER, ifgFixtureFiles } from './helpers.js';

describe.each(Object.keys(FIXTURE_IMPORTS))('import %s', (kind) => {
  const run = FIXTURE_IMPORTS[kind] ?? (() => expect.fail(`no fixture import for ${kind}`));

  it('gives exactly the expected table', () => {
    expect(tableYaml(run().doc, HEADER)).toBe(expected(`${kind}.yml`));
  });

  it('gives the same bytes every time, and a table compileTable accepts', () => {
    const text = tableYaml(run().doc, HEADER);
    expect(tableYaml(run().doc, HEADER)).toBe(text);
    expect(() => compileTable([{ file: `${kind}.yml`, text, root: 'import' }])).not.toThrow();
  });
});

describe('import summaries', () => {
  it('count offices, people, terms and every reason a row was left out', () => {
    const summaries = Object.fromEntries(Object.entries(FIXTURE_IMPORTS).map(([kind, run]) => [kind, run().summary]));
    expect(summaries).toEqual({
      ifg: {
        offices: 4,
        people: 5,
        terms: 6,
        skipped: {
          'bad date': 1,
          'no start date': 1,
          'post not in mapping': 1,
          'unknown person id': 1,
          'unknown post id': 1,
        },
      },
      csv: {
        offices: 4,
        people: 7,
        terms: 7,
        skipped: { 'ends before it starts': 1, 'no start date': 1, 'position name gives no office id': 1 },
      },
      popolo: {
        offices: 2,
        people: 2,
        terms: 4,
        skipped: { 'no post or role': 1, 'unknown organization id': 1, 'unknown person id': 1 },
      },
      wikidata: {
        offices: 3,
        people: 5,
        terms: 5,
        skipped: {
          'date less precise than a year': 1,
          'date without precision': 1,
          'no start date': 1,
          'person has no label': 1,
        },
      },
      congress: {
        offices: 2,
        people: 4,
        terms: 6,
        skipped: { 'term in an unknown state': 1, 'variant names another person': 2 },
      },
      'congress-legislators': {
        offices: 8,
        people: 6,
        terms: 9,
        skipped: {
          'leadership role (not imported)': 1,
          'term in an unknown state': 1,
          'term type not prez, viceprez, sen or rep': 1,
        },
      },
    });
  });
});

describe('import ifg', () => {
  it('does not depend on the order of the rows', () => {
    const files = ifgFixtureFiles();
    const [header, ...rows] = files.appointment.text.trimEnd().split('\n');
    const shuffled = { ...files, appointment: { ...files.appointment, text: [header, ...rows.reverse()].join('\n') } };
    const mapping = parseIfgMapping(fixture('ifg-mapping.yml'));
    expect(tableYaml(importIfg(shuffled, mapping).doc, HEADER)).toBe(expected('ifg.yml'));
  });

  it('marks nobody acting without appointment_characteristics.csv', () => {
    const { appointmentCharacteristics: _, ...files } = ifgFixtureFiles();
    const text = tableYaml(importIfg(files, parseIfgMapping(fixture('ifg-mapping.yml'))).doc, HEADER);
    expect(text).not.toContain('acting');
  });

  it('ships a default mapping that parses and keeps the ids the corpus and the hand-written table used', () => {
    const mapping = parseIfgMapping({
      file: 'ifg-posts.yml',
      text: readFileSync(join(ROOT, 'rules/import/ifg-posts.yml'), 'utf8'),
    });
    const generated = ['gb-ministers.yml', 'gb-prime-minister.yml']
      .map((file) => readFileSync(join(ROOT, 'rules/reference/generated', file), 'utf8'))
      .join('\n');
    for (const id of [
      'gb-prime-minister',
      'gb-chancellor',
      'gb-home-secretary',
      'gb-foreign-secretary',
      'gb-defence-secretary',
      'gb-deputy-prime-minister',
    ]) {
      expect(mapping.offices.has(id), id).toBe(true);
      expect(generated).toContain(`\n  ${id}:\n`);
    }
    expect(mapping.officesByPost.get('secretary of state for foreign, commonwealth and development affairs')).toEqual([
      'gb-foreign-secretary',
    ]);
    expect(mapping.officesByPost.get('secretary of state for justice and lord chancellor')).toEqual([
      'gb-justice-secretary',
      'gb-lord-chancellor',
    ]);
    expect(mapping.offices.get('gb-health-secretary')).toMatchObject({
      country: 'GB',
      titles: ['Health Secretary', 'Health and Social Care Secretary', 'Health Minister'],
    });
    expect(mapping.selectors).toContainEqual({
      officeId: 'gb-home-office-minister',
      selector: { department: ['ho'], rank: ['mos', 'puss'] },
    });
  });

  it('selects posts by department and rank, a post feeding every office that selects it', () => {
    const text = `country: GB
offices:
  gb-fco-junior:
    name: Junior minister at the Foreign Office
    titles: [Foreign Office Minister]
    concurrent: true
    posts: [{department: [FCO, FCDO], rank: [MoS, PUSS]}]
  gb-fco-any:
    name: Any minister at the Foreign Office
    titles: []
    complete: false
    posts: [{department: Foreign and Commonwealth Office}]
  gb-pm:
    name: Prime Minister
    titles: [PM]
    posts: [{name: prime minister, rank: PM}]
`;
    const { doc, summary } = importIfg(ifgFixtureFiles(), parseIfgMapping({ file: 'm.yml', text }));
    expect(doc.offices['gb-fco-junior']).toMatchObject({
      concurrent: true,
      holders: [{ person: 'Thérèse Coffey', start: '2016-01-01', end: '2017-01-01' }],
    });
    // By name of the department (not its short name): the FCO's Secretary of State and its junior minister.
    expect(doc.offices['gb-fco-any']?.holders.map((h) => h.person)).toEqual(['Thérèse Coffey', 'Dominic Raab']);
    expect(doc.offices['gb-fco-any']?.complete).toBe(false);
    expect(doc.offices['gb-pm']?.holders.map((h) => h.person)).toEqual(['David Cameron', 'Keir Starmer']);
    expect(summary.skipped['post not in mapping']).toBe(6);
  });

  it('needs organisation.csv only when the mapping selects posts by department', () => {
    const { organisation: _, ...files } = ifgFixtureFiles();
    const byDepartment = 'offices:\n  x:\n    name: X\n    titles: []\n    posts: [{department: FCO}]\n';
    expect(errorOf(() => importIfg(files, parseIfgMapping({ file: 'm.yml', text: byDepartment })))).toBe(
      'ifg/post.csv: the mapping selects posts by department, which needs organisation.csv',
    );
    expect(() => importIfg(files, parseIfgMapping(fixture('ifg-mapping.yml')))).not.toThrow();
  });

  it('reports a mapping mistake with its place', () => {
    const text = 'offices:\n  gb-x:\n    name: X\n    titles: [X]\n    post: [X]\n';
    expect(errorOf(() => parseIfgMapping({ file: 'm.yml', text }))).toBe(
      'm.yml:5:5: unknown key "post" in offices.gb-x: did you mean "posts"?',
    );
  });

  it('names the file and column when one is missing', () => {
    const files = { ...ifgFixtureFiles(), post: { file: 'ifg/post.csv', text: 'id,title\n1,x\n' } };
    expect(errorOf(() => importIfg(files, parseIfgMapping(fixture('ifg-mapping.yml'))))).toBe(
      'ifg/post.csv:1: missing column "name" (the header has: id, title)',
    );
  });
});

describe('import csv', () => {
  it('keeps ids unprefixed and offices without a country when no country is given', () => {
    const { doc } = importCsv(fixture('holders.csv'));
    expect(Object.keys(doc.offices)).toEqual([
      'justice-of-the-supreme-court',
      'minister-for-europe-trade',
      'minister-for-levelling-up',
      'prime-minister',
    ]);
    expect(doc.offices['prime-minister']?.country).toBeUndefined();
  });

  it('does not take year-only neighbours or a chain of handovers for a multi-seat office', () => {
    const text = [
      'position,person,start,end',
      'Envoy,Ann One,2015,2019',
      'Envoy,Bo Two,2019,2019',
      'Envoy,Cy Three,2019,2021',
      'Envoy,Di Four,2021-01-20,2021-01-20',
      'Envoy,Ed Five,2021-01-20,',
    ].join('\n');
    const { doc } = importCsv({ file: 'envoys.csv', text });
    expect(doc.offices.envoy?.concurrent).toBeUndefined();
    expect(doc.offices.envoy?.holders).toHaveLength(5);
  });

  it('takes a titles column (the title as copy writes it), so "Mayor Jane Roe" is checked', () => {
    const text = [
      'position,person,start,end,titles',
      'Mayor of Springfield,Jane Roe,2019-01-01,,Mayor',
      'Mayor of Springfield,Joe Poe,2011-01-01,2019-01-01,Mayor; Springfield Mayor',
    ].join('\n');
    const { doc } = importCsv({ file: 'mayors.csv', text }, { country: 'US-IL' });
    expect(doc.offices['us-il-mayor-of-springfield']?.titles).toEqual([
      'Mayor of Springfield',
      'Mayor',
      'Springfield Mayor',
    ]);
    const table = compileTable([{ file: 'mayors.yml', text: tableYaml(doc, HEADER), root: 'import' }]);
    const reference = { table, rules: loadRules() };
    const article = 'Mayor Joe Poe opened the bridge on Monday.\n\nMayor Jane Roe spoke.\n';
    const report = analyze(article, { reference, format: 'text', date: '2026-06-01' }).report;
    expect(report.claims.map((c) => [c.text, c.verdict])).toEqual([
      ['Mayor Joe Poe', 'error'],
      ['Mayor Jane Roe', 'ok'],
    ]);
  });

  it('names the file and column when one is missing', () => {
    expect(errorOf(() => importCsv({ file: 'w.csv', text: 'position,personLabel,start,end\n' }))).toBe(
      'w.csv:1: missing column "person" (the header has: position, personLabel, start, end)',
    );
  });
});

describe('import congress', () => {
  it('keeps an end that has passed by the import date', () => {
    const { doc } = importCongress(fixture('executive.yaml'), { asOf: '2030-01-01' });
    expect(doc.offices['us-president']?.holders.at(-1)).toEqual({
      person: 'Donald Trump',
      start: '2025-01-20',
      end: '2029-01-20',
    });
  });

  it('keeps an end on the import date itself', () => {
    const { doc } = importCongress(fixture('executive.yaml'), { asOf: '2029-01-20' });
    expect(doc.offices['us-vice-president']?.holders.at(-1)).toEqual({
      person: 'JD Vance',
      start: '2025-01-20',
      end: '2029-01-20',
    });
  });

  it('refuses what is not a list of people', () => {
    expect(errorOf(() => importCongress({ file: 'e.yaml', text: 'a: 1\n' }, { asOf: '2026-01-01' }))).toBe(
      'e.yaml:1:1: expected a list of people (congress-legislators executive.yaml or legislators-current.yaml)',
    );
  });
});

describe('import congress: members from legislators-current.yaml', () => {
  const { doc } = importCongress(fixture('legislators.yaml'), { asOf: '2026-12-01' });

  it('gives one office per state and chamber, several members at once, never complete', () => {
    expect(doc.offices['us-senator-ny']).toMatchObject({
      name: 'United States Senator from New York',
      country: 'US-NY',
      titles: ['Senator', 'Sen.', 'U.S. Senator', 'U.S. Sen.'],
      concurrent: true,
      complete: false,
    });
    expect(doc.offices['us-representative-ny']?.titles).toEqual(
      expect.arrayContaining(['Rep.', 'Congressman', 'Congresswoman', 'U.S. Rep.']),
    );
    expect(doc.offices['us-representative-dc']?.titles).toEqual(expect.arrayContaining(['Delegate']));
    expect(doc.offices['us-representative-dc']?.titles).not.toContain('Del.');
  });

  it('runs re-elections together, the days before the swearing-in included', () => {
    // 1999-01-06 to 2005-01-03, then 2005-01-04 to 2029-01-03 (scheduled): one open term.
    expect(doc.offices['us-senator-ny']?.holders).toEqual([
      { person: 'Chuck Schumer', start: '1999-01-06', party: 'D' },
    ]);
    expect(doc.offices['us-representative-ny']?.holders).toEqual([
      { person: 'Chuck Schumer', start: '1981-01-05', end: '1985-01-03', party: 'D' },
    ]);
  });

  it('splits a term where the member changed party, and tags parties as news does', () => {
    expect(doc.offices['us-representative-nj']?.holders).toEqual([
      { person: 'Jefferson Van Drew', start: '2019-01-03', end: '2019-12-18', party: 'D' },
      { person: 'Jefferson Van Drew', start: '2019-12-19', party: 'R' },
    ]);
    expect(doc.offices['us-senator-vt']?.holders).toEqual([
      { person: 'Bernie Sanders', start: '2007-01-04', party: 'I' },
    ]);
  });

  it('keeps an appointed senator’s end once the import date has passed it', () => {
    expect(doc.offices['us-senator-oh']?.holders).toEqual([
      { person: 'Jon Husted', start: '2025-01-21', end: '2026-11-03', party: 'R' },
    ]);
  });

  it('names people as copy does: nickname, plain official name, middle name after an initial', () => {
    expect(Object.keys(doc.people)).toEqual(
      expect.arrayContaining(['Chuck Schumer', 'Bernie Sanders', 'Eleanor Holmes Norton', 'French Hill']),
    );
    expect(doc.people['French Hill']).toEqual({ variants: ['J. French Hill'], gender: 'male', born: '1956-12-05' });
  });
});

describe('import wikidata', () => {
  it('names the variable the query did not select', () => {
    const text = JSON.stringify({
      head: { vars: ['position', 'positionLabel', 'person', 'personLabel', 'start', 'end'] },
      results: { bindings: [] },
    });
    expect(errorOf(() => importWikidata({ file: 'q.json', text }))).toMatch(
      /^q\.json: missing variable "startPrecision" in head\.vars/,
    );
  });

  it('uses --country where a row has no ?country', () => {
    const { doc } = importWikidata(fixture('wikidata.json'), { country: 'XY' });
    expect(Object.keys(doc.offices)).toEqual([
      'gb-prime-minister-of-the-united-kingdom',
      'xy-mayor-of-testville',
      'xy-mayor-of-testville-2',
    ]);
  });

  it('refuses what is not SPARQL JSON', () => {
    expect(errorOf(() => importWikidata({ file: 'q.json', text: '{"x": 1}' }))).toBe(
      'q.json: not SPARQL JSON results (expected head.vars and results.bindings)',
    );
    expect(errorOf(() => importWikidata({ file: 'q.json', text: '{' }))).toMatch(/^q\.json: invalid JSON: /);
  });
});

describe('import popolo', () => {
  it('asks for a list when it cannot tell what a lone object is', () => {
    expect(errorOf(() => importPopolo([{ file: 'thing.json', text: '{"id": "x", "name": "X"}' }]))).toMatch(
      /^thing\.json: cannot tell which Popolo object this is/,
    );
  });

  it('takes a country for ids and offices', () => {
    const { doc } = importPopolo([fixture('popolo/export.json')], { country: 'GB' });
    expect(doc.offices['gb-president-of-the-analytical-society']?.country).toBe('GB');
  });
});
