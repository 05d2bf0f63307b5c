import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tableCommand } from '../../src/cli/table.js';
import { parse as parseYamlText } from 'yaml';
import { readCsv } from '../../src/import/csv-parse.js';
import { compileTable } from '../../src/reference/compile.js';
import { ROOT } from '../helpers.js';
import { removeTempDirs, runImport, tempDir } from './helpers.js';

afterAll(removeTempDirs);

/** The officeholder data beside the project (../shared; FACTLINT_DATA_DIR elsewhere); absent on a user's fresh machine. */
const DATA = process.env.FACTLINT_DATA_DIR ?? join(ROOT, '..', 'shared', 'data', 'officeholders');
const present = existsSync(DATA);
if (!present) console.warn(`import tests on real data skipped: ${DATA} is absent (it is present in CI)`);

interface TableFile {
  offices: Record<string, { holders: { person: string; start: string; end?: string }[] }>;
}

/** Import into a temporary folder (never the repository); the table's text and the summary. */
function importReal(args: string[]): { text: string; stderr: string } {
  const out = join(tempDir(), 'table.yml');
  const { code, stderr } = runImport([...args, '-o', out]);
  expect(code).toBe(0);
  process.stdout.write(stderr.replace(/ written to .*$/m, ''));
  return { text: readFileSync(out, 'utf8'), stderr };
}

function compile(text: string, file: string): void {
  expect(() => compileTable([{ file, text, root: 'import' }])).not.toThrow();
}

function holders(text: string, office: string) {
  return (parseYamlText(text) as TableFile).offices[office]?.holders ?? [];
}

describe.skipIf(!present)('import on the real officeholder data (../shared)', () => {
  it('ifg: Starmer, Reeves and Cooper in office with their start dates', () => {
    const { text } = importReal(['ifg', join(DATA, 'ifg')]);
    compile(text, 'ifg.yml');
    expect(holders(text, 'gb-prime-minister')).toContainEqual({ person: 'Keir Starmer', start: '2024-07-05' });
    expect(holders(text, 'gb-chancellor')).toContainEqual({ person: 'Rachel Reeves', start: '2024-07-05' });
    expect(holders(text, 'gb-foreign-secretary')).toContainEqual({ person: 'Yvette Cooper', start: '2025-09-05' });
    // Raab's post was renamed under him (FCO → FCDO, 2020-09-02): one term, not two.
    expect(holders(text, 'gb-foreign-secretary').filter((h) => h.person === 'Dominic Raab')).toEqual([
      { person: 'Dominic Raab', start: '2019-07-24', end: '2021-09-15' },
    ]);
  });

  it('ifg: the import loads beside the shipped table, and its people are the shipped people', () => {
    const { text } = importReal(['ifg', join(DATA, 'ifg')]);
    const shipped = readdirSync(join(ROOT, 'rules/reference'))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => ({ file: f, text: readFileSync(join(ROOT, 'rules/reference', f), 'utf8'), root: 'default' }));
    const table = compileTable([...shipped, { file: 'ifg.yml', text, root: 'import' }]);
    expect(table.people.get('Alistair Darling')?.variants).toContain('Lord Darling of Roulanish');
    expect(table.offices.get('gb-chancellor')?.terms.some((t) => t.personId === 'Alistair Darling')).toBe(true);
  });

  it('ifg: every post and department the default mapping names exists in post.csv and organisation.csv', () => {
    const read = (file: string, column: string) =>
      new Set(
        readCsv({ file, text: readFileSync(join(DATA, 'ifg', file), 'utf8') }, [column]).map((r) =>
          r.get(column).toLowerCase(),
        ),
      );
    const posts = read('post.csv', 'name');
    const departments = new Set([...read('organisation.csv', 'name'), ...read('organisation.csv', 'short_name')]);
    type Selector = string | { name?: string; department?: string | string[] };
    const mapping = parseYamlText(readFileSync(join(ROOT, 'rules/import/ifg-posts.yml'), 'utf8')) as {
      offices: Record<string, { posts: Selector[] }>;
    };
    const selectors = Object.values(mapping.offices).flatMap((o) => o.posts);
    const names = selectors.map((p) => (typeof p === 'string' ? p : p.name)).filter((n): n is string => !!n);
    const depts = selectors.flatMap((p) => (typeof p === 'string' ? [] : [p.department ?? []].flat()));
    expect(names.filter((name) => !posts.has(name.toLowerCase()))).toEqual([]);
    expect(depts.filter((d) => !departments.has(d.toLowerCase()))).toEqual([]);
  });

  it('table generate --check: every committed generated file (UK ministers, US Congress) is what its data, mapping and overlay give', () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      expect(tableCommand(['generate', '--check', '--data', DATA], ROOT)).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(out.join('')).toMatch(/generated tables? up to date/);
  });

  it('congress: Trump’s second presidency is open from 2025-01-20', () => {
    const { text } = importReal([
      'congress',
      join(DATA, 'congress-legislators/executive.yaml'),
      '--as-of',
      '2026-11-26',
    ]);
    compile(text, 'congress.yml');
    const president = holders(text, 'us-president');
    expect(president.at(-1)).toEqual({ person: 'Donald Trump', start: '2025-01-20', party: 'R' });
    expect(president.filter((h) => h.person === 'Barack Obama')).toEqual([
      { person: 'Barack Obama', start: '2009-01-20', end: '2017-01-20', party: 'D' },
    ]);
  });

  it('congress: members of Congress by state and chamber, with party per term, load beside the shipped table', () => {
    const { text } = importReal([
      'congress',
      join(DATA, 'congress-legislators/legislators-current.yaml'),
      '--as-of',
      '2026-06-10',
    ]);
    expect(holders(text, 'us-senator-vt')).toContainEqual({
      person: 'Bernie Sanders',
      start: '2007-01-04',
      party: 'I',
    });
    expect(holders(text, 'us-senator-tx')).toContainEqual({ person: 'Ted Cruz', start: '2013-01-03', party: 'R' });
    expect(holders(text, 'us-representative-ca').filter((h) => h.person === 'Nancy Pelosi')).toHaveLength(1);
    const shipped = readdirSync(join(ROOT, 'rules/reference'))
      .filter((f) => f.endsWith('.yml'))
      .map((f) => ({ file: f, text: readFileSync(join(ROOT, 'rules/reference', f), 'utf8'), root: 'default' }));
    const table = compileTable([...shipped, { file: 'congress.yml', text, root: 'import' }]);
    expect(table.offices.get('us-senator-ny')?.terms.some((t) => t.personId === 'Chuck Schumer')).toBe(true);
  });

  it.each(['united-kingdom-cabinet', 'us-cabinet', 'world'])(
    'csv: every-politician %s-holders21.csv compiles',
    (name) => {
      const { text } = importReal(['csv', join(DATA, `every-politician/${name}-holders21.csv`)]);
      compile(text, `${name}.yml`);
    },
  );

  it('popolo: the examples compile', () => {
    const { text } = importReal(['popolo', join(DATA, 'popolo-examples')]);
    compile(text, 'popolo.yml');
  });
});
