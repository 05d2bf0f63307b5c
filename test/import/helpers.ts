import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { importCommand } from '../../src/cli/import.js';
import { importCongress } from '../../src/import/congress.js';
import { importCsv } from '../../src/import/csv.js';
import { importIfg, parseIfgMapping, type IfgFiles } from '../../src/import/ifg.js';
import { importPopolo } from '../../src/import/popolo.js';
import type { ImportResult, SourceFile } from '../../src/import/types.js';
import { importWikidata } from '../../src/import/wikidata.js';
import { InputError } from '../../src/util/errors.js';
import { ROOT } from '../helpers.js';

export const FIXTURES = join(ROOT, 'test/fixtures/import');
export const HEADER = 'fixture';

export function fixture(path: string): SourceFile {
  return { file: path, text: readFileSync(join(FIXTURES, path), 'utf8') };
}

export function expected(name: string): string {
  return readFileSync(join(FIXTURES, 'expected', name), 'utf8');
}

export function ifgFixtureFiles(): IfgFiles {
  return {
    appointment: fixture('ifg/appointment.csv'),
    person: fixture('ifg/person.csv'),
    post: fixture('ifg/post.csv'),
    appointmentCharacteristics: fixture('ifg/appointment_characteristics.csv'),
    organisation: fixture('ifg/organisation.csv'),
  };
}

/** Each importer run on its fixture, as the expected files were made. */
export const FIXTURE_IMPORTS: Record<string, () => ImportResult> = {
  ifg: () => importIfg(ifgFixtureFiles(), parseIfgMapping(fixture('ifg-mapping.yml'))),
  csv: () => importCsv(fixture('holders.csv'), { country: 'GB' }),
  popolo: () =>
    importPopolo(
      readdirSync(join(FIXTURES, 'popolo'))
        .sort()
        .map((name) => fixture(`popolo/${name}`)),
    ),
  wikidata: () => importWikidata(fixture('wikidata.json')),
  congress: () => importCongress(fixture('executive.yaml'), { asOf: '2026-01-01' }),
  'congress-legislators': () => importCongress(fixture('legislators.yaml'), { asOf: '2026-12-01' }),
};

const tempDirs: string[] = [];

/** A fresh folder outside the repository; `removeTempDirs` deletes them all. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factlint-import-'));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Run `factlint import …` in-process; what it wrote to standard error comes back too. */
export function runImport(args: string[], cwd = ROOT): { code: number; stderr: string } {
  const writes: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    return { code: importCommand(args, cwd), stderr: writes.join('') };
  } finally {
    spy.mockRestore();
  }
}

/** The one-line message of the InputError an action throws. */
export function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error.describe();
    throw error;
  }
  throw new Error('expected an InputError');
}
