import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { ajvLib } from './libraries.js';
import { InputError } from './errors.js';
import type { ParsedYaml } from './yaml.js';

let ajv: Ajv | null = null;
const compiled = new Map<object, ValidateFunction>();

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
  const error = validate.errors?.[0];
  if (!error) throw new InputError(`invalid ${what}`, file, 1, 1);
  const { path, atKey } = errorPath(error);
  const place = parsed.locate(path, atKey);
  throw new InputError(describeError(error, path, what), file, place.line, place.column);
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
    case 'additionalProperties':
      return `unknown key "${String(params.additionalProperty)}" in ${path.slice(0, -1).join('.') || what}`;
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
