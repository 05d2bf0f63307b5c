import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseYaml } from '../util/yaml.js';
import { InputError } from '../util/errors.js';
import { validateYaml } from '../util/validate.js';
import { defaultConfig, parseSize, type Config, type DateSourceName } from './config.js';
import type { RuleSetting } from '../types.js';
import schema from './schema.json' with { type: 'json' };

export const CONFIG_FILES = ['.factlintrc.yml', '.factlintrc.yaml', 'factlint.config.yml'];

interface ConfigDoc {
  reference?: string[];
  defaultReference?: boolean;
  rulePaths?: string[];
  rules?: Record<string, RuleSetting>;
  houseStyle?: Record<string, string>;
  date?: { sources?: DateSourceName[] };
  ignorePatterns?: string[];
  allow?: Record<string, string[]>;
  maxFileSize?: string | number;
  maxTableSize?: string | number;
}

/** The config file that applies to `cwd`: the nearest one found upward, or a "factlint" key in a package.json. */
export function findConfig(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return join(dir, name);
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && hasFactlintKey(pkg)) return pkg;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function hasFactlintKey(pkg: string): boolean {
  try {
    const value = JSON.parse(readFileSync(pkg, 'utf8')) as unknown;
    return typeof value === 'object' && value !== null && Object.hasOwn(value, 'factlint');
  } catch {
    return false;
  }
}

/** Read and validate a config file; paths in it are made relative to its folder. */
export function loadConfig(file: string, cwd: string): Config {
  const shown = relative(cwd, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`cannot read config file ${shown}`);
  }
  const doc = file.endsWith('package.json') ? packageConfig(text, shown) : yamlConfig(text, shown);
  return fromDoc(doc, file, shown);
}

function yamlConfig(text: string, shown: string): ConfigDoc {
  const parsed = parseYaml(text, shown);
  if (parsed.value === null || parsed.value === undefined) return {};
  const value = withoutEmptyKeys(parsed.value);
  validateYaml(schema, { ...parsed, value }, shown, 'configuration');
  return value as ConfigDoc;
}

/** `key:` with nothing under it (the starter file's keys whose examples are commented out) means the default. */
function withoutEmptyKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).filter(([, v]) => v !== null);
  return Object.fromEntries(entries.map(([k, v]) => [k, withoutEmptyKeys(v)]));
}

/** The "factlint" key of a package.json, validated; JSON is YAML, so positions still come out right. */
function packageConfig(text: string, shown: string): ConfigDoc {
  const parsed = parseYaml(text, shown);
  const value = (parsed.value as Record<string, unknown> | null)?.factlint;
  const inner = {
    value,
    locate: (path: readonly (string | number)[], atKey?: boolean) => parsed.locate(['factlint', ...path], atKey),
    linesOf: () => [],
  };
  validateYaml(schema, inner, shown, 'configuration');
  return (value ?? {}) as ConfigDoc;
}

function fromDoc(doc: ConfigDoc, file: string, shown: string): Config {
  const base = dirname(file);
  const config = defaultConfig();
  config.file = file;
  config.reference = (doc.reference ?? []).map((p) => resolve(base, p));
  config.defaultReference = doc.defaultReference ?? true;
  config.rulePaths = (doc.rulePaths ?? []).map((p) => resolve(base, p));
  config.rules = { ...(doc.rules ?? {}) };
  config.houseStyle = { ...(doc.houseStyle ?? {}) };
  config.dateSources = doc.date?.sources ? [...doc.date.sources] : config.dateSources;
  config.ignorePatterns = [...(doc.ignorePatterns ?? [])];
  config.allow = Object.fromEntries(Object.entries(doc.allow ?? {}).map(([rule, names]) => [rule, [...names]]));
  if (doc.maxFileSize !== undefined) {
    const size = parseSize(doc.maxFileSize);
    if (size === null)
      throw new InputError(`maxFileSize "${String(doc.maxFileSize)}": use a size like 5MB or 500KB`, shown);
    config.maxFileSize = size;
  }
  if (doc.maxTableSize !== undefined) {
    const size = parseSize(doc.maxTableSize);
    if (size === null)
      throw new InputError(`maxTableSize "${String(doc.maxTableSize)}": use a size like 64MB or 200MB`, shown);
    config.maxTableSize = size;
  }
  return config;
}

export const STARTER_CONFIG = `# factlint configuration (https://github.com/factlint/factlint)
# Every key is optional; delete what you do not need. To use an example, delete the "#"
# in front of it: the file stays valid YAML. A key with nothing under it is left at its default.

# More reference tables (files or folders), relative to this file. Offices here replace
# shipped offices with the same id; people named the same way are merged.
reference:
  # - newsroom-table.yml

# Set to false to use only your own tables.
defaultReference: true

# Severity per rule: error, warning, info or off.
rules:
  # title-holder: error
  # title-holder-unclear: warning
  # quote-attribution: error
  # deceased-speaker: error
  # name-consistency: warning
  # unintroduced-speaker: warning
  # title-holder-unknown-person: warning
  # party-state: warning
  # table-currency: info
  # unknown-office: info   # off by default: every title the table cannot check

# House style: the spelling to use for a person, by any of their names.
houseStyle:
  # Volodymyr Zelenskyy: Volodymyr Zelensky

# Where the article date comes from when --date is not given, strongest first:
# front-matter (date:), filename (a YYYY-MM-DD in the file name), text (a dateline).
date:
  sources: [front-matter, text]

# Files never to check (gitignore syntax); .factlintignore works too.
ignorePatterns:
  # - drafts/

# Names (or flagged texts) never to report, per rule.
allow:
  # unintroduced-speaker: [Beyoncé]

# Larger files are skipped with an error.
maxFileSize: 5MB
`;
