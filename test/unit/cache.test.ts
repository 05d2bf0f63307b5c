import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTable } from '../../src/reference/load.js';
import { packSettled, packTable, settleTable, unpackTable } from '../../src/reference/compact.js';
import type { Office, Person, Table, Term } from '../../src/reference/table.js';
import type { TrieNode } from '../../src/util/trie.js';
import { wordFlagsOf } from '../../src/scan/word-flags.js';
import { writeChecksummed } from '../../src/util/checksummed-file.js';
import { deserialize, serialize } from 'node:v8';
import { fixtureTable, shipped } from '../helpers.js';

/** Everything a table holds, as plain data in its iteration order: what a run can observe. */
function plainTable(table: Table) {
  const term = (t: Term) => [
    t.officeId,
    t.personId,
    t.range.start,
    t.range.end,
    t.startText,
    t.endText,
    t.acting,
    t.party,
    t.file,
    t.line,
  ];
  const office = (o: Office) => [
    o.id,
    o.name,
    o.country,
    o.titles,
    o.concurrent,
    o.source,
    o.terms.map(term),
    o.vacancies.map((v) => [v.start, v.end]),
    o.complete && [o.complete.start, o.complete.end],
    o.verifiedThrough,
    o.file,
    o.line,
  ];
  const person = (p: Person) => [p.id, p.name, p.variants, p.surname, p.gender, p.born, p.died, p.diedText];
  const trie = (node: TrieNode<string[]>): unknown => [
    node.value,
    [...node.next].map(([key, child]) => [key, trie(child)]),
  ];
  const index = <T>(i: Table['names'] | Table['surnames'], value: (v: T) => unknown) => [
    [...i.first],
    [...i.entries].map(([key, v]) => [key, value(v as T)]),
    [...i.prefixes],
    i.maxWords,
  ];
  return {
    offices: [...table.offices].map(([id, o]) => [id, office(o)]),
    people: [...table.people].map(([id, p]) => [id, person(p)]),
    countries: [...table.countries],
    termsByPerson: [...table.termsByPerson].map(([id, terms]) => [id, terms.map(term)]),
    names: index(table.names, (forms: Table['names'] extends { entries: ReadonlyMap<string, infer F> } ? F : never) =>
      forms.map((f) => [f.personId, f.text, f.keys, f.surnameAt, f.surnameLength]),
    ),
    surnames: index(table.surnames, (ids: string[]) => ids),
    titles: trie(table.titles),
    countryWords: trie(table.countryWords),
    fingerprint: table.fingerprint,
    files: table.files,
  };
}

describe("the packed table (the cache's form)", () => {
  for (const [name, table] of [
    ['the fixture table', fixtureTable],
    ['the shipped table', shipped],
  ] as const) {
    it(`reads back as ${name} was compiled: the same content in the same order`, () => {
      const compiled = table();
      const packed = packTable(compiled);
      expect(packed).not.toBeNull();
      const unpacked = unpackTable(structuredClone(packed) as NonNullable<typeof packed>);
      expect(unpacked).not.toBeNull();
      expect(plainTable(unpacked as Table)).toEqual(plainTable(compiled));
    });
  }

  it('keeps the identities a run relies on: one object per office and person, terms shared with offices', () => {
    const table = unpackTable(packTable(shipped()) as NonNullable<ReturnType<typeof packTable>>) as Table;
    const [personId, terms] = [...table.termsByPerson][0] ?? ['', []];
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) expect(table.offices.get(term.officeId)?.terms).toContain(term);
    expect(table.termsByPerson.get(personId)).toBe(terms);
    expect(table.people.get(personId)).toBe(table.people.get(personId));
    expect(table.people.get('Nobody Such')).toBeUndefined();
    expect(table.termsByPerson.has('Nobody Such')).toBe(false);
  });

  it('settles into plain maps with the same content, objects made before kept (a run over many articles)', () => {
    const compiled = shipped();
    const table = unpackTable(packTable(compiled) as NonNullable<ReturnType<typeof packTable>>) as Table;
    const [personId, terms] = [...table.termsByPerson][5] ?? ['', []];
    const person = table.people.get(personId);
    const office = table.offices.get(terms[0]?.officeId ?? '');
    settleTable(table);
    expect(table.offices).toBeInstanceOf(Map);
    expect(table.names.entries).toBeInstanceOf(Map);
    expect(table.names.first).toBeInstanceOf(Set);
    expect(table.people.get(personId)).toBe(person);
    expect(table.offices.get(terms[0]?.officeId ?? '')).toBe(office);
    expect(table.termsByPerson.get(personId)).toBe(terms);
    for (const [id, held] of table.termsByPerson)
      for (const term of held) expect(table.offices.get(term.officeId)?.terms, id).toContain(term);
    expect(plainTable(table)).toEqual(plainTable(compiled));
    const flags = wordFlagsOf(table);
    const expected = wordFlagsOf(compiled);
    expect([...compiled.surnames.first].filter((word) => flags.get(word) !== expected.get(word))).toEqual([]);
    // A compiled table is left as it is.
    const offices = compiled.offices;
    settleTable(compiled);
    expect(compiled.offices).toBe(offices);
  });

  it('settles from the sidecar (packSettled) to the same content, terms shared with offices', () => {
    const compiled = shipped();
    const sidecar = Buffer.from(packSettled(compiled));
    const table = unpackTable(packTable(compiled) as NonNullable<ReturnType<typeof packTable>>, () => sidecar) as Table;
    settleTable(table);
    expect(table.offices).toBeInstanceOf(Map);
    expect(plainTable(table)).toEqual(plainTable(compiled));
    for (const [id, held] of table.termsByPerson)
      for (const term of held) expect(table.offices.get(term.officeId)?.terms, id).toContain(term);
    // The maps do come from the sidecar: a name changed in it shows.
    const settled = deserialize(sidecar) as Pick<Table, 'offices'>;
    const [officeId, office] = [...settled.offices][0] ?? ['', undefined];
    if (office) office.name = 'Marked Office';
    const marked = Buffer.from(serialize(settled));
    const packed = packTable(compiled) as NonNullable<ReturnType<typeof packTable>>;
    const fromMarked = unpackTable(packed, () => marked) as Table;
    settleTable(fromMarked);
    expect(fromMarked.offices.get(officeId)?.name).toBe('Marked Office');
  });

  it('gives the same word flags as the compiled table, for every table word and others', () => {
    const compiled = shipped();
    const unpacked = unpackTable(packTable(compiled) as NonNullable<ReturnType<typeof packTable>>) as Table;
    const words = new Set(['said', 'the', 'president', 'merz', 'zelensky', 'minister', 'qwertyuiop', 'de', 'mr']);
    for (const key of compiled.names.first) words.add(key);
    for (const key of compiled.surnames.first) words.add(key);
    for (const key of compiled.titles.next.keys()) words.add(key);
    for (const key of compiled.countryWords.next.keys()) words.add(key);
    const expected = wordFlagsOf(compiled);
    const actual = wordFlagsOf(unpacked);
    const differ = [...words].filter((word) => actual.get(word) !== expected.get(word));
    expect(differ).toEqual([]);
    expect(expected.get('merz')).not.toBe(0);
    // A cache written by code with other fixed word lists: the flags are built from the running lists.
    const packed = packTable(compiled) as NonNullable<ReturnType<typeof packTable>>;
    // (Its slots hold flags those lists made: here every word flagged 255, which must not be used.)
    const wordFlags = {
      ...packed.wordFlags,
      fixed: '[["sayeth",64]]',
      flags: packed.wordFlags.flags.map((f) => f && 255),
    };
    const rebuilt = wordFlagsOf(unpackTable({ ...packed, wordFlags }) as Table);
    expect([...words].filter((word) => rebuilt.get(word) !== expected.get(word))).toEqual([]);
  });
});

describe('compiled-table cache', () => {
  let dir: string;
  let tables: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'factlint-cache-'));
    tables = mkdtempSync(join(tmpdir(), 'factlint-tables-'));
    process.env.FACTLINT_CACHE_DIR = dir;
    writeFileSync(
      join(tables, 'a.yml'),
      'offices:\n  x:\n    name: X\n    titles: [X]\n    holders:\n      - {person: Ann Alpha, start: 2020}\n',
    );
  });
  afterEach(() => {
    delete process.env.FACTLINT_CACHE_DIR;
  });

  const load = () => loadTable({ paths: [tables], noDefault: true, cwd: tables });
  const tableEntries = () => readdirSync(dir).filter((f) => /^table-[0-9a-f]{40}\.bin$/.test(f));

  it('writes one entry (and its sidecar) and reads it back equal', () => {
    const first = load();
    const [entry, sidecar] = readdirSync(dir).sort();
    expect(entry).toMatch(/^table-[0-9a-f]{40}\.bin$/);
    expect(sidecar).toBe(entry?.replace('table-', 'table-objects-'));
    const second = load();
    expect(plainTable(second)).toEqual(plainTable(first));
    expect(plainTable(second)).toEqual(
      plainTable(loadTable({ paths: [tables], noDefault: true, cwd: tables, cache: false })),
    );
  });

  it('rebuilds an entry of an older layout, even one whose checksum is right', () => {
    load();
    const [entry] = readdirSync(dir);
    const file = join(dir, entry ?? '');
    const whole = readFileSync(file);
    const key = (entry ?? '').replace(/^table-|\.bin$/g, '');
    // What an older factlint wrote: the compiled table's objects under the same name.
    const old = loadTable({ paths: [tables], noDefault: true, cwd: tables, cache: false });
    writeChecksummed(file, 'table', serialize({ key, version: '0.1.0', value: { ...old, offices: new Map() } }));
    expect(load().offices.get('x')?.terms[0]?.personId).toBe('Ann Alpha');
    expect(readFileSync(file)).toEqual(whole);
  });

  it('caches the compiled rules too, and a changed rule file misses', async () => {
    const { loadRules } = await import('../../src/rules/load.js');
    writeFileSync(join(tables, 'extra.yml'), 'id: extra-rule\nkind: title-holder\nseverity: warning\nmessage: "m"\n');
    const first = loadRules(['extra.yml'], tables);
    expect(readdirSync(dir).filter((f) => f.startsWith('rules-'))).toHaveLength(1);
    expect(loadRules(['extra.yml'], tables)).toEqual(first);
    writeFileSync(join(tables, 'extra.yml'), 'id: extra-rule\nkind: title-holder\nseverity: error\nmessage: "m"\n');
    expect(loadRules(['extra.yml'], tables).find((r) => r.id === 'extra-rule')?.severity).toBe('error');
  });

  it('misses when a table file changes', () => {
    load();
    writeFileSync(
      join(tables, 'a.yml'),
      'offices:\n  x:\n    name: X\n    titles: [X]\n    holders:\n      - {person: Bob Beta, start: 2020}\n',
    );
    expect(load().offices.get('x')?.terms[0]?.personId).toBe('Bob Beta');
    expect(tableEntries()).toHaveLength(2);
  });

  it('ignores a truncated or garbled entry and rewrites it', () => {
    load();
    const [entry] = readdirSync(dir);
    const file = join(dir, entry ?? '');
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(load().offices.get('x')?.terms[0]?.personId).toBe('Ann Alpha');
    writeFileSync(file, 'not a cache');
    expect(load().offices.get('x')?.terms[0]?.personId).toBe('Ann Alpha');
    expect(readFileSync(file)).toEqual(whole);
  });

  it('does not trust an entry whose bytes were changed (checksum)', () => {
    load();
    const [entry] = readdirSync(dir);
    const file = join(dir, entry ?? '');
    const whole = readFileSync(file);
    // Swap the cached holder's name for another of the same length, as a bit flip on disk could.
    const forged = Buffer.from(whole.toString('latin1').replace('Ann Alpha', 'Eve Evans'), 'latin1');
    expect(forged.equals(whole)).toBe(false);
    writeFileSync(file, forged);
    expect(load().offices.get('x')?.terms[0]?.personId).toBe('Ann Alpha');
  });

  it('keeps only the newest few entries as tables change', () => {
    for (let i = 0; i < 7; i++) {
      writeFileSync(
        join(tables, 'a.yml'),
        `offices:\n  x:\n    name: X\n    titles: [X]\n    holders:\n      - {person: Ann Alpha${'a'.repeat(i)}, start: 2020}\n`,
      );
      load();
    }
    expect(tableEntries()).toHaveLength(4);
    expect(readdirSync(dir).filter((f) => f.startsWith('table-objects-'))).toHaveLength(4);
  });

  it('settles from the sidecar, and from the records when the sidecar is damaged, to the same table', () => {
    const compiled = loadTable({ paths: [tables], noDefault: true, cwd: tables, cache: false });
    load();
    const fromSidecar = load();
    settleTable(fromSidecar);
    expect(fromSidecar.offices).toBeInstanceOf(Map);
    expect(plainTable(fromSidecar)).toEqual(plainTable(compiled));
    const [sidecar] = readdirSync(dir).filter((f) => f.startsWith('table-objects-'));
    writeFileSync(join(dir, sidecar ?? ''), 'not a cache');
    const fromRecords = load();
    settleTable(fromRecords);
    expect(fromRecords.offices).toBeInstanceOf(Map);
    expect(plainTable(fromRecords)).toEqual(plainTable(compiled));
  });
});

describe('results cache key', () => {
  it('changes with factlint’s version', async () => {
    const { settingsKey } = await import('../../src/runner/settings.js');
    const { defaultConfig } = await import('../../src/config/config.js');
    const { fixtureTable, rules } = await import('../helpers.js');
    const settings = { config: defaultConfig(), cwd: '/', date: null, reportUnusedDirectives: false };
    const reference = { table: fixtureTable(), rules: rules() };
    expect(settingsKey(settings, reference, '0.1.0')).toBe(settingsKey(settings, reference, '0.1.0'));
    expect(settingsKey(settings, reference, '0.2.0')).not.toBe(settingsKey(settings, reference, '0.1.0'));
  });
});
