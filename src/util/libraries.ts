import { createRequire } from 'node:module';
import type * as YamlLibrary from 'yaml';
import type * as AjvLibrary from 'ajv';

/**
 * Libraries loaded on first use. yaml and ajv come from node_modules (they stay out of
 * the bundles): a check whose table and rules come from the compiled cache, on articles
 * without front matter, never needs them, and reading their code was a fifth of start-up.
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

/** Node's http and worker_threads, likewise on first use: most runs serve nothing and start no worker. */
export function httpLib(): typeof import('node:http') {
  return load('node:http') as typeof import('node:http');
}

export function workerThreadsLib(): typeof import('node:worker_threads') {
  return load('node:worker_threads') as typeof import('node:worker_threads');
}

/** Node's v8 module (serialize, deserialize) loads Node's streams: only the runs that need it. */
export function v8Lib(): typeof import('node:v8') {
  return load('node:v8') as typeof import('node:v8');
}
