import { describe, expect, it } from 'vitest';
import { tableFrom } from '../helpers.js';
import { InputError } from '../../src/util/errors.js';

function described(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.describe();
    throw error;
  }
  throw new Error('expected the table to be rejected');
}

const errorOf = (yaml: string) => described(() => tableFrom(yaml, 'bad.yml'));

const OFFICE = `offices:
  de-chancellor:
    name: Chancellor of Germany
    country: DE
    titles: [Chancellor]
    holders:
`;

describe('reference table loader', () => {
  it('compiles offices, people, variants and surnames', () => {
    const table = tableFrom(`${OFFICE}      - {person: Olaf Scholz, start: 2021-12-08, end: 2025-05-06}
      - {person: Friedrich Merz, start: 2025-05-06}
people:
  Olaf Scholz: {variants: [Olaf Scholtz], born: 1958-06-14}
`);
    expect(table.offices.get('de-chancellor')?.terms.map((t) => t.personId)).toEqual(['Olaf Scholz', 'Friedrich Merz']);
    expect(table.people.get('Olaf Scholz')?.variants).toEqual(['Olaf Scholtz']);
    expect(table.people.get('Friedrich Merz')?.surname).toBe('Merz');
    expect(table.surnames.entries.get('scholtz')).toEqual(['Olaf Scholz']);
  });

  it('names the unknown key with file:line:column', () => {
    expect(errorOf(`${OFFICE}      - {person: Olaf Scholz, start: 2021-12-08, ends: 2025-05-06}\n`)).toBe(
      'bad.yml:7:50: unknown key "ends" in offices.de-chancellor.holders.0: did you mean "end"?',
    );
  });

  it('a misspelt required key is unknown (and the key meant is named), not missing', () => {
    expect(errorOf(`${OFFICE.replace('name:', 'nmae:')}      - {person: Olaf Scholz, start: 2021-12-08}\n`)).toBe(
      'bad.yml:3:5: unknown key "nmae" in offices.de-chancellor: did you mean "name"?',
    );
    expect(
      errorOf(`${OFFICE.replace('    name: Chancellor of Germany\n', '')}      - {person: A B, start: 2021}\n`),
    ).toBe('bad.yml:3:5: offices.de-chancellor: missing "name"');
  });

  it('rejects a malformed date and a date that does not exist', () => {
    expect(errorOf(`${OFFICE}      - {person: Olaf Scholz, start: 08.12.2021}\n`)).toMatch(
      /^bad\.yml:7:\d+: .*start: bad date/,
    );
    expect(errorOf(`${OFFICE}      - {person: Olaf Scholz, start: 2021-02-30}\n`)).toMatch(
      /^bad\.yml:7:\d+: .*"2021-02-30" is not a real date/,
    );
  });

  it('rejects a term that ends before it starts', () => {
    expect(errorOf(`${OFFICE}      - {person: Olaf Scholz, start: 2025-05-06, end: 2021-12-08}\n`)).toMatch(
      /^bad\.yml:7:\d+: .*ends \(2021-12-08\) before it starts/,
    );
  });

  it('rejects a name that belongs to two people', () => {
    expect(
      errorOf(`${OFFICE}      - {person: Olaf Scholz, start: 2021-12-08}
people:
  Olaf Scholz: {variants: [O. Scholz]}
  Otto Scholz: {variants: [O. Scholz]}
`),
    ).toMatch(/"O\. Scholz" names two people: Olaf Scholz and Otto Scholz/);
  });

  it('rejects a holder written as another person’s variant', () => {
    expect(
      errorOf(`${OFFICE}      - {person: Gerhard Schroeder, start: 1998-10-27}
people:
  Gerhard Schröder: {variants: [Gerhard Schroeder]}
`),
    ).toMatch(/"Gerhard Schroeder" names two people/);
  });

  it('rejects invalid YAML and a missing required field with a position', () => {
    expect(errorOf('offices: [unclosed\n')).toMatch(/^bad\.yml:\d+:\d+: invalid YAML/);
    expect(errorOf(`offices:\n  x-office:\n    name: X\n    holders: []\n`)).toBe(
      'bad.yml:3:5: offices.x-office: missing "titles"',
    );
  });

  it('merges people named in several files and rejects contradicting deaths', () => {
    const a = { file: 'a.yml', text: 'people:\n  Dick Cheney: {died: 2025-11-03}\n', root: 'r' };
    const b = { file: 'b.yml', text: 'people:\n  Dick Cheney: {variants: [Richard Cheney]}\n', root: 'r' };
    const c = { file: 'c.yml', text: 'people:\n  Dick Cheney: {died: 2025-11-04}\n', root: 'r' };
    return import('../../src/reference/compile.js').then(({ compileTable }) => {
      expect(compileTable([a, b]).people.get('Dick Cheney')?.variants).toEqual(['Richard Cheney']);
      expect(described(() => compileTable([a, c]))).toMatch(
        /^c\.yml:2:3: people\.Dick Cheney\.died: 2025-11-04 contradicts 2025-11-03/,
      );
    });
  });

  it('merges a person a later table names by another spelling (an import beside the shipped table)', async () => {
    const { compileTable } = await import('../../src/reference/compile.js');
    const table = compileTable([
      {
        file: 'shipped.yml',
        text: 'offices:\n  x:\n    name: X\n    titles: [X]\n    holders:\n      - {person: Jeffrey Rosen, start: 2019}\npeople:\n  Jeffrey Rosen: {variants: [Jeffrey A. Rosen]}\n',
        root: 'default',
      },
      {
        file: 'import.yml',
        text: 'offices:\n  y:\n    name: Y\n    titles: [Y]\n    holders:\n      - {person: Jeffrey A. Rosen, start: 2017}\n',
        root: 'import',
      },
    ]);
    expect([...table.people.keys()]).toEqual(['Jeffrey Rosen']);
    expect(table.offices.get('y')?.terms[0]?.personId).toBe('Jeffrey Rosen');
    expect(
      table.termsByPerson
        .get('Jeffrey Rosen')
        ?.map((t) => t.officeId)
        .sort(),
    ).toEqual(['x', 'y']);
  });

  it('lets a later table replace an office and rejects a duplicate within one table', async () => {
    const { compileTable } = await import('../../src/reference/compile.js');
    const office = (holder: string) =>
      `offices:\n  x:\n    name: X\n    titles: [X]\n    holders:\n      - {person: ${holder}, start: 2020}\n`;
    const replaced = compileTable([
      { file: 'a.yml', text: office('Ann Alpha'), root: 'default' },
      { file: 'b.yml', text: office('Bob Beta'), root: 'newsroom' },
    ]);
    expect(replaced.offices.get('x')?.terms[0]?.personId).toBe('Bob Beta');
    expect(
      described(() =>
        compileTable([
          { file: 'a.yml', text: office('Ann Alpha'), root: 'default' },
          { file: 'b.yml', text: office('Bob Beta'), root: 'default' },
        ]),
      ),
    ).toBe('b.yml:2:3: office "x" is defined twice (also in a.yml:2)');
  });
});
