import { createRequire } from 'node:module';
import type * as YamlLibrary from 'yaml';
import type * as AjvLibrary from 'ajv';

/**
 * yaml and ajv, loaded on first use from node_modules (they stay out of the bundles). A
 * check whose table and rules come from the compiled cache, on articles without front
 * matter, never needs them, and reading their code was a fifth of start-up.
 */
const load = createRequire(import.meta.url);

let yamlLibrary: typeof YamlLibrary | null = null;
let ajvLibrary: typeof AjvLibrary | null = null;

export function yamlLib(): typeof YamlLibrary {
  yamlLibrary ??= load('yaml') as typeof YamlLibrary;
  return yamlLibrary;
}

export function ajvLib(): typeof AjvLibrary {
  ajvLibrary ??= load('ajv') as typeof AjvLibrary;
  return ajvLibrary;
}
