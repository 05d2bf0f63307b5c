import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  findManifests,
  generateTable,
  MANIFEST_DIR,
  missingInputs,
  readManifest,
  type Manifest,
  type RunImporter,
} from '../import/generate.js';
import { InputError } from '../util/errors.js';
import { parse, stringOption, UsageError } from './args.js';
import { KINDS, runImporter } from './import.js';
import { standardOutput } from '../runner/output.js';
import { writeFileAtomic } from '../util/atomic-write.js';

const GENERATE_OPTIONS = {
  data: { type: 'string' },
  check: { type: 'boolean' },
} as const;

/** Where the officeholder datasets are, seen from the project folder. */
export const DEFAULT_DATA_DIR = join('..', 'shared', 'data', 'officeholders');

/**
 * `factlint table generate [--data DIR] [--check]`: run every manifest in rules/import/ and
 * rewrite its output; with --check, write nothing and exit 1 when an output is out of date.
 */
export function generateCommand(args: readonly string[], cwd: string): number {
  const { values, positionals } = parse(args, GENERATE_OPTIONS);
  if (positionals.length > 0)
    throw new UsageError('table generate takes no file names: it runs every manifest in rules/import/');
  const dataDir = resolve(cwd, stringOption(values, 'data') ?? DEFAULT_DATA_DIR);
  const manifests = findManifests(join(cwd, MANIFEST_DIR)).map((file) => readManifest(file, cwd));
  if (manifests.length === 0)
    throw new InputError(`table generate: no manifests in ${MANIFEST_DIR} (a manifest is a .yml with an output: key)`);
  const missing = missingInputs(manifests, dataDir);
  if (missing) throw new InputError(missing);
  const tables = manifests.map((manifest) => generateTable(manifest, { cwd, dataDir, runImporter: importer(cwd) }));
  const stale = tables.filter((table) => current(table.path) !== table.text);
  if (values.check === true) {
    for (const table of stale)
      standardOutput().write(
        `${table.manifest.output}: out of date: \`npm run table:generate\` would change it ` +
          `(manifest ${table.manifest.file})\n`,
      );
    if (stale.length === 0) standardOutput().write(`${count(tables.length, 'generated table')} up to date\n`);
    return stale.length > 0 ? 1 : 0;
  }
  for (const table of tables) {
    const changed = stale.includes(table);
    if (changed) {
      mkdirSync(dirname(table.path), { recursive: true });
      writeFileAtomic(table.path, table.text);
    }
    const { offices, people, terms } = table.summary;
    process.stderr.write(
      `factlint: table generate: ${table.manifest.output}: ${count(offices, 'office')}, ` +
        `${count(people, 'person', 'people')}, ${count(terms, 'term')}${changed ? ' written' : ', unchanged'}\n`,
    );
  }
  return 0;
}

function current(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** A manifest's importer is `factlint import <kind>` with the manifest's options. */
function importer(cwd: string): RunImporter {
  return (manifest: Manifest, inputPath: string, mappingPath: string | undefined) => {
    const kind = KINDS.find((k) => k === manifest.importer);
    if (!kind)
      throw new InputError(`${manifest.file}: importer "${manifest.importer}" is not one of ${KINDS.join(', ')}`);
    if (kind === 'congress' && !manifest.asOf)
      throw new InputError(
        `${manifest.file}: the congress importer needs asOf: YYYY-MM-DD ` +
          '(the output must not depend on the day it is made)',
      );
    const options = {
      ...(mappingPath ? { mapping: mappingPath } : {}),
      ...(manifest.country ? { country: manifest.country } : {}),
    };
    return runImporter(kind, inputPath, options, cwd, manifest.asOf ?? '');
  };
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
