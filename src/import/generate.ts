import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../util/errors.js';
import { validateYaml } from '../util/validate.js';
import { parseYaml, type ParsedYaml } from '../util/yaml.js';
import { compareText } from '../util/text.js';
import { compileTable } from '../reference/compile.js';
import referenceSchema from '../reference/schema.json' with { type: 'json' };
import manifestSchema from './manifest.schema.json' with { type: 'json' };
import type { ImportedOffice, ImportedPerson, ImportedTable, ImportedTerm, ImportResult } from './types.js';
import { tableYaml } from './write.js';

/** One generated table file: which importer makes it from which dataset, and what is merged onto it. */
export interface Manifest {
  /** The manifest file, as shown in messages and in the output's header. */
  file: string;
  output: string;
  importer: string;
  input: string;
  upstream: string;
  licence: string;
  mapping?: string;
  overlay?: string;
  country?: string;
  asOf?: string;
  verifiedThrough?: string;
  only?: string[];
  except?: string[];
}

/** Runs the importer a manifest names on a dataset path; `mapping` is already resolved. */
export type RunImporter = (manifest: Manifest, inputPath: string, mappingPath: string | undefined) => ImportResult;

export interface GenerateOptions {
  /** The project folder: manifests are in `rules/import/`, outputs relative to it. */
  cwd: string;
  /** The folder datasets are found in (`input` is relative to it). */
  dataDir: string;
  runImporter: RunImporter;
}

export interface GeneratedTable {
  manifest: Manifest;
  /** The output's absolute path. */
  path: string;
  text: string;
  /** What the output holds (offices, holders, terms), and what the import skipped. */
  summary: ImportResult['summary'];
}

export const MANIFEST_DIR = join('rules', 'import');

/** The manifests in a folder: its `*.yml` files with a top-level `output:` (mappings and overlays have none). */
export function findManifests(dir: string): string[] {
  if (!existsSync(dir)) throw new InputError(`table generate: no manifest folder ${dir}`);
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name) && !/\.overlay\.ya?ml$/.test(name))
    .sort(compareText)
    .map((name) => join(dir, name))
    .filter((file) => /^output:/m.test(readFileSync(file, 'utf8')));
}

export function readManifest(path: string, cwd: string): Manifest {
  const file = shown(path, cwd);
  const parsed = parseYaml(readFileSync(path, 'utf8'), file);
  validateYaml(manifestSchema, parsed, file, 'table manifest');
  return { ...(parsed.value as Omit<Manifest, 'file'>), file };
}

/** The dataset folders or files the manifests need and the data folder lacks, as one line. */
export function missingInputs(manifests: readonly Manifest[], dataDir: string): string | null {
  const missing = manifests.filter((m) => !existsSync(resolve(dataDir, m.input)));
  if (missing.length === 0) return null;
  const list = missing.map((m) => `${m.input} (${m.upstream}, for ${m.file})`).join('; ');
  return `table generate: no dataset ${list} in ${dataDir}: clone it there or give --data DIR`;
}

/** Import, merge the overlay, and write the table text; nothing is written to disk. */
export function generateTable(manifest: Manifest, options: GenerateOptions): GeneratedTable {
  const manifestDir = dirname(resolve(options.cwd, manifest.file));
  const mappingPath = manifest.mapping ? resolve(manifestDir, manifest.mapping) : undefined;
  const result = options.runImporter(manifest, resolve(options.dataDir, manifest.input), mappingPath);
  const doc = selectedOffices(result.doc, manifest);
  if (manifest.overlay) {
    const overlayPath = resolve(manifestDir, manifest.overlay);
    const overlay = readOverlay(overlayPath, shown(overlayPath, options.cwd));
    mergeOverlay(doc, overlay);
    checkOverlayPeople(doc, overlay);
    dropPeopleWithoutTerms(doc);
  }
  if (manifest.verifiedThrough) doc.verifiedThrough = manifest.verifiedThrough;
  const path = resolve(options.cwd, manifest.output);
  const text = tableYaml(doc, header(manifest, options.cwd));
  // The output must load as a table file: a mistake in the overlay shows up here, not in every later run.
  compileTable([{ file: shown(path, options.cwd), text, root: 'generated' }]);
  const terms = Object.values(doc.offices).reduce((sum, office) => sum + office.holders.length, 0);
  const people = new Set(Object.values(doc.offices).flatMap((office) => office.holders.map((h) => h.person))).size;
  return {
    manifest,
    path,
    text,
    summary: { ...result.summary, offices: Object.keys(doc.offices).length, people, terms },
  };
}

/** The import with only the offices the manifest takes (`only`, `except`), and their holders' people. */
function selectedOffices(imported: ImportedTable, manifest: Manifest): ImportedTable {
  const ids = Object.keys(imported.offices);
  for (const id of [...(manifest.only ?? []), ...(manifest.except ?? [])])
    if (!ids.includes(id)) throw new InputError(`${manifest.file}: the import has no office ${id}`);
  const kept = ids.filter(
    (id) => (!manifest.only || manifest.only.includes(id)) && !(manifest.except ?? []).includes(id),
  );
  const offices = Object.fromEntries(kept.map((id) => [id, imported.offices[id] as ImportedOffice]));
  const holders = new Set(Object.values(offices).flatMap((office) => office.holders.map((h) => h.person)));
  const people = Object.fromEntries(Object.entries(imported.people).filter(([key]) => holders.has(key)));
  return { ...imported, offices, people };
}

/** An overlay person who holds no term in the output is a misspelt name, not a new person. */
function checkOverlayPeople(doc: ImportedTable, overlay: Overlay): void {
  const holders = new Set(Object.values(doc.offices).flatMap((office) => office.holders.map((h) => h.person)));
  for (const key of Object.keys(overlay.doc.people ?? {}))
    if (!holders.has(key))
      fail(
        overlay,
        ['people', key],
        `people.${key}: holds no office in the output (is the name spelt as the import spells it?)`,
      );
}

/** People the overlay left without a term (a removed term) go. */
function dropPeopleWithoutTerms(doc: ImportedTable): void {
  const holders = new Set(Object.values(doc.offices).flatMap((office) => office.holders.map((h) => h.person)));
  for (const key of Object.keys(doc.people)) if (!holders.has(key)) delete doc.people[key];
}

function header(manifest: Manifest, cwd: string): string {
  const overlay = manifest.overlay ? shown(resolve(dirname(resolve(cwd, manifest.file)), manifest.overlay), cwd) : null;
  return [
    `Generated by \`factlint table generate\` from ${manifest.file}: do not edit by hand; change the`,
    'mapping or the overlay and run `npm run table:generate`.',
    `Data: ${manifest.upstream} (${manifest.licence}), ` +
      `imported with \`factlint import ${manifest.importer}\`${overlay ? ';' : '.'}`,
    ...(overlay ? [`facts after or beside it checked by hand in ${overlay} (each office's source says where).`] : []),
  ].join('\n');
}

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel && !rel.startsWith('..') ? rel : path).split(sep).join('/');
}

// ---------------------------------------------------------------------------------------------
// Overlays: hand-checked facts in the table format, merged onto an import.

interface OverlayTerm extends ImportedTerm {
  /** Drop the imported term with this person and start (a correction; `note` says why). */
  remove?: boolean;
}

interface OverlayOffice extends Partial<Omit<ImportedOffice, 'holders'>> {
  holders?: OverlayTerm[];
}

interface OverlayDoc {
  countries?: Record<string, { names: string[] }>;
  offices?: Record<string, OverlayOffice>;
  people?: Record<string, (ImportedPerson & { name?: string }) | null>;
}

interface Overlay {
  file: string;
  doc: OverlayDoc;
  parsed: ParsedYaml;
}

/** The reference-table schema, with every office field optional and `remove` allowed on a term. */
const overlaySchema = (() => {
  const schema = structuredClone(referenceSchema) as unknown as {
    $id: string;
    title: string;
    definitions: {
      office: { required?: string[] };
      term: { properties: Record<string, unknown> };
    };
  };
  schema.$id = 'https://factlint.dev/schema/reference-table-overlay.json';
  schema.title = 'factlint reference table overlay';
  delete schema.definitions.office.required;
  schema.definitions.term.properties.remove = { type: 'boolean' };
  return schema;
})();

export function readOverlay(path: string, file: string): Overlay {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`cannot read the overlay ${file}: no such file`);
  }
  const parsed = parseYaml(text, file);
  if (parsed.value === null || parsed.value === undefined) return { file, doc: {}, parsed };
  validateYaml(overlaySchema, parsed, file, 'table overlay');
  if ('verifiedThrough' in (parsed.value as object))
    fail({ file, doc: {}, parsed }, ['verifiedThrough'], 'verifiedThrough belongs in the manifest, not the overlay');
  return { file, doc: parsed.value as OverlayDoc, parsed };
}

function fail(overlay: Overlay, path: (string | number)[], message: string): never {
  const place = overlay.parsed.locate(path, true);
  throw new InputError(message, overlay.file, place.line, place.column);
}

/**
 * Overlay facts onto an import, in place:
 * - an office the import has: given fields replace the imported ones, `titles` are added,
 *   `source` is appended to the import's; a holder with the same person and start as an
 *   imported term amends it (an `end` for a term the data leaves open), `remove: true`
 *   drops it, any other holder is added;
 * - an office the import lacks is added whole (it needs `name`, `titles` and `holders`);
 * - people: `variants` are added, other fields replace the imported ones.
 */
export function mergeOverlay(doc: ImportedTable, overlay: Overlay): void {
  const { countries, offices = {}, people = {} } = overlay.doc;
  if (countries) {
    doc.countries ??= {};
    for (const [code, { names }] of Object.entries(countries)) {
      const known = doc.countries[code]?.names ?? [];
      doc.countries[code] = { names: [...new Set([...known, ...names])] };
    }
  }
  for (const [id, office] of Object.entries(offices)) {
    const base = doc.offices[id];
    doc.offices[id] = base ? amendedOffice(base, office, overlay, id) : newOffice(office, overlay, id);
  }
  for (const [key, person] of Object.entries(people)) {
    if (!person) continue;
    const base = doc.people[key] ?? {};
    const variants = [...new Set([...(base.variants ?? []), ...(person.variants ?? [])])];
    doc.people[key] = {
      ...base,
      ...stringDates(person),
      ...(variants.length ? { variants } : {}),
    } as ImportedPerson;
  }
}

function newOffice(office: OverlayOffice, overlay: Overlay, id: string): ImportedOffice {
  if (!office.name || !office.titles || !office.holders)
    fail(
      overlay,
      ['offices', id],
      `offices.${id}: not in the import, so the overlay must give name, titles and holders`,
    );
  const removed = office.holders.findIndex((h) => h.remove);
  if (removed >= 0) fail(overlay, ['offices', id, 'holders', removed], `offices.${id}: nothing to remove`);
  return { ...office, holders: office.holders.map(stringDates) } as ImportedOffice;
}

function amendedOffice(base: ImportedOffice, office: OverlayOffice, overlay: Overlay, id: string): ImportedOffice {
  const { holders = [], titles = [], source, ...fields } = office;
  const merged: ImportedOffice = {
    ...base,
    ...fields,
    titles: [...new Set([...base.titles, ...titles])],
    holders: base.holders.map((h) => ({ ...h })),
  } as ImportedOffice;
  if (source) merged.source = base.source ? `${base.source}; ${source}` : source;
  holders.forEach((raw, index) => {
    const { remove, ...holder } = stringDates(raw);
    const at = merged.holders.findIndex((h) => h.person === holder.person && h.start === holder.start);
    if (remove) {
      if (at < 0)
        fail(
          overlay,
          ['offices', id, 'holders', index],
          `offices.${id}: no imported term of ${holder.person} starting ${holder.start} to remove`,
        );
      merged.holders.splice(at, 1);
    } else if (at >= 0) merged.holders[at] = { ...merged.holders[at], ...holder } as ImportedTerm;
    else merged.holders.push(holder);
  });
  return merged;
}

/** YAML reads `2026` as a number: dates are text in the written table. */
function stringDates<T extends object>(value: T): T {
  const out = { ...value } as Record<string, unknown>;
  for (const key of ['start', 'end', 'born', 'died']) if (typeof out[key] === 'number') out[key] = String(out[key]);
  return out as T;
}
