import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseYaml, type ParsedYaml } from '../util/yaml.js';
import { InputError } from '../util/errors.js';
import { validateYaml } from '../util/validate.js';
import { packageRoot } from '../util/package.js';
import { displayPath } from '../util/paths.js';
import { CHECKS } from '../checks/registry.js';
import { yamlFilesIn } from '../reference/load.js';
import { cachedCompile } from '../reference/cache.js';
import schema from './schema.json' with { type: 'json' };
import { PLACEHOLDER, type Rule } from './rule.js';
import type { Check } from '../checks/check.js';

export interface RuleSource {
  file: string;
  text: string;
}

interface RuleDoc {
  id: string;
  kind: string;
  severity: Rule['severity'];
  description?: string;
  help?: string;
  message: string;
  options?: Record<string, unknown>;
  supersedes?: string[];
}

/**
 * Parse and validate rule files; a later rule with the same id replaces an earlier one.
 * Each rule must keep its check's contract (options, message placeholders), and every
 * check kind must have a rule (one with `severity: off` turns it off).
 */
export function compileRules(sources: readonly RuleSource[]): Rule[] {
  const rules = new Map<string, Rule>();
  for (const source of sources) {
    const parsed = parseYaml(source.text, source.file);
    validateYaml(schema, parsed, source.file, 'rule');
    const doc = parsed.value as RuleDoc;
    const check = CHECKS.get(doc.kind);
    if (!check) {
      const place = parsed.locate(['kind']);
      throw new InputError(
        `unknown check kind "${doc.kind}" (known: ${[...CHECKS.keys()].join(', ')})`,
        source.file,
        place.line,
        place.column,
      );
    }
    const unknownOption = Object.keys(doc.options ?? {}).find((key) => !Object.hasOwn(check.options, key));
    if (unknownOption) {
      const place = parsed.locate(['options', unknownOption], true);
      const known = Object.keys(check.options).join(', ') || 'none';
      throw new InputError(
        `unknown option "${unknownOption}" for ${doc.kind} (known: ${known})`,
        source.file,
        place.line,
        place.column,
      );
    }
    validateYaml(optionsSchemaOf(check), parsed, source.file, `${check.kind} rule`);
    checkPlaceholders(doc.message, check, parsed, source.file);
    rules.set(doc.id, {
      id: doc.id,
      kind: doc.kind,
      severity: doc.severity,
      description: doc.description ?? '',
      help: doc.help ?? doc.description ?? '',
      message: doc.message,
      options: { ...defaultOptions(check), ...(doc.options ?? {}) },
      supersedes: doc.supersedes ?? [],
      file: source.file,
    });
  }
  const compiled = [...rules.values()];
  const missing = [...CHECKS.keys()].filter((kind) => !compiled.some((rule) => rule.kind === kind));
  if (missing.length > 0) {
    throw new InputError(
      `no rule for check kind ${missing.map((k) => `"${k}"`).join(', ')}: ` +
        'add a rule with that kind (severity: off turns it off)',
    );
  }
  return compiled;
}

const optionSchemas = new Map<Check, object>();

/** The rule file's `options` as the check declares them: no other key, every value of its type. */
function optionsSchemaOf(check: Check): object {
  let built = optionSchemas.get(check);
  if (!built) {
    const properties = Object.fromEntries(
      Object.entries(check.options).map(([name, { default: _default, description: _description, ...rest }]) => [
        name,
        rest,
      ]),
    );
    built = { type: 'object', properties: { options: { type: 'object', additionalProperties: false, properties } } };
    optionSchemas.set(check, built);
  }
  return built;
}

function defaultOptions(check: Check): Record<string, unknown> {
  return Object.fromEntries(Object.entries(check.options).map(([name, option]) => [name, option.default]));
}

/** Every `{name}` in the message is one the check fills. */
function checkPlaceholders(message: string, check: Check, parsed: ParsedYaml, file: string): void {
  for (const [, name] of message.matchAll(PLACEHOLDER)) {
    if (name !== undefined && check.messageParams.includes(name)) continue;
    const place = parsed.locate(['message']);
    throw new InputError(
      `message: unknown placeholder {${name}} for ${check.kind} ` +
        `(it fills ${check.messageParams.map((p) => `{${p}}`).join(', ') || 'none'})`,
      file,
      place.line,
      place.column,
    );
  }
}

export function defaultRulesDir(): string {
  return join(packageRoot(), 'rules');
}

/** The shipped rules (`rules/*.yml`) and any extra rule folders or files. */
export function loadRules(paths: readonly string[] = [], cwd = process.cwd()): Rule[] {
  const dir = defaultRulesDir();
  const shipped = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
  const extra = paths.flatMap((p) => yamlFilesIn(resolve(cwd, p), 'rules'));
  const sources = [...shipped, ...extra].map((file) => ({
    file: displayPath(file, cwd),
    text: readFileSync(file, 'utf8'),
  }));
  return cachedCompile('rules', sources, null, () => compileRules(sources));
}
