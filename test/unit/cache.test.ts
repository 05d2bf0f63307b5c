import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTable } from '../../src/reference/load.js';

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

  it('writes one entry and reads it back equal', () => {
    const first = load();
    expect(readdirSync(dir)).toHaveLength(1);
    const second = load();
    expect(second).toEqual(first);
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
    expect(readdirSync(dir)).toHaveLength(2);
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
    expect(readdirSync(dir).length).toBe(4);
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
