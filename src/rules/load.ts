import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseYaml } from '../util/yaml.js';
import { InputError } from '../util/errors.js';
import { validateYaml } from '../util/validate.js';
import { packageRoot } from '../util/package.js';
import { displayPath } from '../util/paths.js';
import { CHECKS } from '../checks/registry.js';
import { yamlFilesIn } from '../reference/load.js';
import { cachedCompile } from '../reference/cache.js';
import schema from './schema.json' with { type: 'json' };
import type { Rule } from './rule.js';

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
}

/** Parse and validate rule files; a later rule with the same id replaces an earlier one. */
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
    const unknownOption = Object.keys(doc.options ?? {}).find((key) => !(key in check.defaultOptions));
    if (unknownOption) {
      const place = parsed.locate(['options', unknownOption], true);
      const known = Object.keys(check.defaultOptions).join(', ') || 'none';
      throw new InputError(
        `unknown option "${unknownOption}" for ${doc.kind} (known: ${known})`,
        source.file,
        place.line,
        place.column,
      );
    }
    rules.set(doc.id, {
      id: doc.id,
      kind: doc.kind,
      severity: doc.severity,
      description: doc.description ?? '',
      help: doc.help ?? doc.description ?? '',
      message: doc.message,
      options: { ...check.defaultOptions, ...(doc.options ?? {}) },
      file: source.file,
    });
  }
  return [...rules.values()];
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
