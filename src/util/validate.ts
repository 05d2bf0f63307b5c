import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { ajvLib } from './libraries.js';
import { InputError } from './errors.js';
import type { ParsedYaml } from './yaml.js';

let ajv: Ajv | null = null;
const compiled = new Map<object, ValidateFunction>();
let verboseAjv: Ajv | null = null;
const verboseCompiled = new Map<object, ValidateFunction>();

/** One shared Ajv; each schema is compiled once, on first use. */
export function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new (ajvLib().Ajv)({ allErrors: false, strict: true, allowUnionTypes: true });
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Validate parsed YAML against a schema; the first problem becomes `file:line:col: message`. */
export function validateYaml(schema: object, parsed: ParsedYaml, file: string, what: string): void {
  const validate = validatorFor(schema);
  if (validate(parsed.value)) return;
  const error = clearestError(schema, parsed.value, validate.errors?.[0]);
  if (!error) throw new InputError(`invalid ${what}`, file, 1, 1);
  const { path, atKey } = errorPath(error);
  const place = parsed.locate(path, atKey);
  throw new InputError(describeError(error, path, what), file, place.line, place.column);
}

/**
 * A misspelt key (`nmae`) breaks two rules, "name is required" and "nmae is not a key": say the
 * second, which names both. Only on failure, so the slower all-errors validator costs nothing else.
 */
function clearestError(schema: object, value: unknown, first: ErrorObject | undefined): ErrorObject | undefined {
  if (first?.keyword !== 'required' && first?.keyword !== 'additionalProperties') return first;
  let validate = verboseCompiled.get(schema);
  if (!validate) {
    verboseAjv ??= new (ajvLib().Ajv)({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    validate = verboseAjv.compile(schema);
    verboseCompiled.set(schema, validate);
  }
  validate(value);
  const errors = validate.errors ?? [];
  const unknown = (e: ErrorObject) => e.keyword === 'additionalProperties' && e.instancePath === first.instancePath;
  return errors.find(unknown) ?? errors.find((e) => e.keyword === first.keyword) ?? first;
}

/** The schema's key closest to a misspelt one (at most two edits away), if any. */
function nearestKey(error: ErrorObject, given: string): string | null {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  let best: { key: string; distance: number } | null = null;
  for (const key of Object.keys(properties ?? {})) {
    const distance = editDistance(given.toLowerCase(), key.toLowerCase());
    if (distance <= Math.min(2, Math.floor(key.length / 2)) && (!best || distance < best.distance))
      best = { key, distance };
  }
  return best?.key ?? null;
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] ?? 0, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] ?? 0;
}

function errorPath(error: ErrorObject): { path: (string | number)[]; atKey: boolean } {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties')
    return { path: [...path, String(params.additionalProperty)], atKey: true };
  if (error.keyword === 'propertyNames') return { path: [...path, String(params.propertyName)], atKey: true };
  return { path, atKey: false };
}

function describeError(error: ErrorObject, path: readonly (string | number)[], what: string): string {
  const params = error.params as Record<string, unknown>;
  const where = path.length ? path.join('.') : what;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const nearest = nearestKey(error, key);
      const hint = nearest ? `: did you mean "${nearest}"?` : '';
      return `unknown key "${key}" in ${path.slice(0, -1).join('.') || what}${hint}`;
    }
    case 'required':
      return `${where}: missing "${String(params.missingProperty)}"`;
    case 'propertyNames':
      return `"${String(params.propertyName)}" is not a valid name here (${where})`;
    case 'pattern':
    case 'anyOf':
      return path[path.length - 1] === 'start' ||
        path[path.length - 1] === 'end' ||
        path[path.length - 1] === 'born' ||
        path[path.length - 1] === 'died'
        ? `${where}: bad date (use YYYY-MM-DD, YYYY-MM or YYYY)`
        : `${where}: ${error.message ?? 'invalid value'}`;
    case 'type':
      return `${where}: must be ${String(params.type)}`;
    case 'enum':
      return `${where}: must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    default:
      return `${where}: ${error.message ?? 'invalid value'}`;
  }
}
