import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tableCommand } from '../../src/cli/table.js';
import { compileTable } from '../../src/reference/compile.js';
import { ROOT, runCli } from '../helpers.js';
import { errorOf, FIXTURES, removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

const GENERATE = join(ROOT, 'test/fixtures/generate');
/** The import fixtures hold the IfG fixture folder `ifg`, the manifests' `input`. */
const DATA = FIXTURES;
const OUTPUT = 'rules/reference/generated/gb-test.yml';

/** A copy of the fixture project (manifests, mapping, overlay) in a fresh folder. */
function project(): string {
  const dir = tempDir();
  cpSync(join(GENERATE, 'project'), dir, { recursive: true });
  return dir;
}

/** Run `factlint table generate …` in-process; what it printed comes back too. */
function generate(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    return { code: tableCommand(['generate', ...args], cwd), stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

const expected = (name: string) => readFileSync(join(GENERATE, 'expected', name), 'utf8');

describe('factlint table generate', () => {
  it('runs every manifest: import, mapping, overlay, header and verifiedThrough, as the expected files', () => {
    const dir = project();
    const { code, stderr } = generate(['--data', DATA], dir);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, OUTPUT), 'utf8')).toBe(expected('gb-test.yml'));
    expect(readFileSync(join(dir, 'rules/reference/generated/gb-pm.yml'), 'utf8')).toBe(expected('gb-pm.yml'));
    expect(stderr).toBe(
      'factlint: table generate: rules/reference/generated/gb-pm.yml: 1 office, 2 people, 2 terms written\n' +
        `factlint: table generate: ${OUTPUT}: 4 offices, 6 people, 6 terms written\n`,
    );
    // The mapping file has no `output:`: it is not taken for a manifest.
    expect(existsSync(join(dir, 'rules/reference/generated/test-posts.yml'))).toBe(false);
  });

  it('merges the overlay: amended and removed terms, added holders and offices, people, titles and sources', () => {
    const text = expected('gb-test.yml');
    const table = compileTable([{ file: OUTPUT, text, root: 'test' }]);
    const foreign = table.offices.get('gb-foreign-secretary');
    expect(foreign?.titles).toEqual(['Foreign Secretary', 'Foreign Minister']);
    expect(foreign?.source).toBe('IfG fixture (CC BY 4.0); after the data: a hand check (checked 2026-12)');
    expect(foreign?.terms.map((t) => `${t.personId} ${t.startText}..${t.endText ?? ''}`)).toEqual([
      'Dominic Raab 2019-07-24..2021-09-15',
      'David Cameron 2023-11-13..2024-07-05',
      'David Lammy 2024-07-05..2025-09-05',
    ]);
    expect(foreign?.vacancies).toHaveLength(1);
    // Chloe Smith's only term was removed, and with it her entry.
    expect(table.offices.get('gb-science-secretary')?.terms.map((t) => t.personId)).toEqual(['Michelle Donelan']);
    expect(table.people.has('Chloe Smith')).toBe(false);
    expect(table.offices.get('gb-speaker')?.terms.map((t) => t.personId)).toEqual(['Lindsay Hoyle']);
    expect(table.people.get('David Cameron')?.variants).toEqual(['Lord Cameron of Chipping Norton', 'Dave Cameron']);
    expect(table.offices.get('gb-pm')).toBeUndefined();
    expect(text).toContain('# Data: https://example.org/ifg-fixture (CC BY 4.0), imported with `factlint import ifg`;');
  });

  it('gives the same bytes on every run', () => {
    const dir = project();
    generate(['--data', DATA], dir);
    const first = readFileSync(join(dir, OUTPUT), 'utf8');
    expect(generate(['--data', DATA], dir).stderr).toContain(`${OUTPUT}: 4 offices, 6 people, 6 terms, unchanged`);
    expect(readFileSync(join(dir, OUTPUT), 'utf8')).toBe(first);
  });

  it('--check exits 1 naming a stale or missing output and writes nothing; 0 when all are current', () => {
    const dir = project();
    generate(['--data', DATA], dir);
    expect(generate(['--data', DATA, '--check'], dir)).toMatchObject({
      code: 0,
      stdout: '2 generated tables up to date\n',
    });
    const stale = readFileSync(join(dir, OUTPUT), 'utf8').replace('end: 2025-09-05', 'end: 2025-09-06');
    writeFileSync(join(dir, OUTPUT), stale);
    rmSync(join(dir, 'rules/reference/generated/gb-pm.yml'));
    const { code, stdout } = generate(['--data', DATA, '--check'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe(
      'rules/reference/generated/gb-pm.yml: out of date: `npm run table:generate` would change it (manifest rules/import/gb-pm.yml)\n' +
        `${OUTPUT}: out of date: \`npm run table:generate\` would change it (manifest rules/import/gb-test.yml)\n`,
    );
    expect(readFileSync(join(dir, OUTPUT), 'utf8')).toBe(stale);
    expect(existsSync(join(dir, 'rules/reference/generated/gb-pm.yml'))).toBe(false);
  });

  it('an absent dataset is one line naming it and its upstream, exit 2, nothing written', () => {
    const dir = project();
    const { code, stdout, stderr } = runCli(['table', 'generate', '--data', 'no-such-folder'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `factlint: table generate: no dataset ifg (https://example.org/ifg-fixture, for rules/import/gb-pm.yml); ifg (https://example.org/ifg-fixture, for rules/import/gb-test.yml) in ${join(dir, 'no-such-folder')}: clone it there or give --data DIR\n`,
    );
    expect(existsSync(join(dir, 'rules/reference/generated'))).toBe(false);
  });

  it('reports an overlay mistake with its place', () => {
    const dir = project();
    const overlay = join(dir, 'rules/import/gb-test.overlay.yml');
    writeFileSync(overlay, 'offices:\n  gb-new:\n    titles: [New]\n');
    expect(errorOf(() => generate(['--data', DATA], dir))).toBe(
      'rules/import/gb-test.overlay.yml:2:3: offices.gb-new: not in the import, so the overlay must give name, titles and holders',
    );
    writeFileSync(
      overlay,
      'offices:\n  gb-science-secretary:\n    holders:\n      - {person: Nobody, start: 2020-01-01, remove: true}\n',
    );
    expect(errorOf(() => generate(['--data', DATA], dir))).toBe(
      'rules/import/gb-test.overlay.yml:4:9: offices.gb-science-secretary: no imported term of Nobody starting 2020-01-01 to remove',
    );
    writeFileSync(overlay, 'people:\n  Dominik Raab: {born: 1974-02-25}\n');
    expect(errorOf(() => generate(['--data', DATA], dir))).toBe(
      'rules/import/gb-test.overlay.yml:2:3: people.Dominik Raab: holds no office in the output (is the name spelt as the import spells it?)',
    );
  });

  it('the shipped manifests name upstream and licence, and the generated files say how they were made', () => {
    for (const name of ['gb-ministers', 'gb-prime-minister']) {
      const manifest = readFileSync(join(ROOT, 'rules/import', `${name}.yml`), 'utf8');
      expect(manifest).toMatch(/^upstream: https:\/\/github\.com\/instituteforgov\/ifg-ministers-database-public$/m);
      expect(manifest).toMatch(/^licence: CC BY 4\.0$/m);
      const output = readFileSync(join(ROOT, 'rules/reference/generated', `${name}.yml`), 'utf8');
      expect(output.startsWith(`# Generated by \`factlint table generate\` from rules/import/${name}.yml`)).toBe(true);
    }
  });
});
