import type { Document, Node } from 'yaml';
import { yamlLib } from './libraries.js';
import { parseFastYaml, type FastYaml } from './fast-yaml.js';
import { InputError } from './errors.js';

export interface ParsedYaml {
  value: unknown;
  /** The line of each item of the sequence at `path` (one walk, for large tables). */
  linesOf(path: readonly (string | number)[]): number[];
  /** Where the value at `path` is written; with `atKey`, where its key is. */
  locate(path: readonly (string | number)[], atKey?: boolean): { line: number; column: number };
}

const MAX_ALIASES = 50;

export interface ParseOptions {
  /**
   * Try the fast reader for plain table YAML first (see fast-yaml.ts). A table file it declines
   * may be at most FULL_PARSER_MAX_BYTES: the full parser takes about 80 times a file's size in
   * memory and 3 s a megabyte (a 100 MB table ran out of heap).
   */
  fast?: boolean;
}

export const FULL_PARSER_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Parse YAML safely: core schema only (no custom tags), unique keys, aliases bounded
 * (no "billion laughs"); keys like `__proto__` become plain own properties.
 */
export function parseYaml(text: string, file: string, lineOffset = 0, options: ParseOptions = {}): ParsedYaml {
  const fast = options.fast ? parseFastYaml(text) : null;
  if (fast) return fastParsed(fast, lineOffset);
  if (options.fast && text.length > FULL_PARSER_MAX_BYTES) {
    const size = `${(text.length / 1024 / 1024).toFixed(1)} MB`;
    throw new InputError(
      `${size} of YAML outside the plain table subset (anchors, block scalars, multi-line strings, tabs …): ` +
        `such a file may be at most ${FULL_PARSER_MAX_BYTES / 1024 / 1024} MB; split it or keep to the plain subset`,
      file,
      1 + lineOffset,
      1,
    );
  }
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    customTags: [],
  });
  const where = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  const first = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (first) {
    const pos = where(first.pos[0]);
    throw new InputError(yamlMessage(first.message), file, pos.line, pos.column);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    throw new InputError(`YAML could not be read: ${(error as Error).message}`, file, 1 + lineOffset, 1);
  }
  return {
    value,
    locate: (path, atKey = false) => where(nodeAt(doc, path, atKey)?.range?.[0] ?? 0),
    linesOf: (path) => {
      const node = nodeAt(doc, path, false);
      const { isNode, isSeq } = yamlLib();
      return isSeq(node) ? node.items.map((item) => where(isNode(item) ? (item.range?.[0] ?? 0) : 0).line) : [];
    },
  };
}

function fastParsed(fast: FastYaml, lineOffset: number): ParsedYaml {
  const shift = (p: { line: number; column: number }) => ({ line: p.line + lineOffset, column: p.column });
  const walk = (path: readonly (string | number)[]) => {
    let container: unknown = fast.value;
    let found = { line: 1, column: 1 };
    let foundKey = found;
    for (const key of path) {
      if (typeof container !== 'object' || container === null) break;
      const entry = fast.positionsOf(container)?.get(Array.isArray(container) ? Number(key) : String(key));
      if (!entry) break;
      found = entry.value;
      foundKey = entry.key;
      container = (container as Record<string, unknown>)[String(key)];
    }
    return { value: found, key: foundKey };
  };
  return {
    value: fast.value,
    locate: (path, atKey = false) => shift(atKey ? walk(path).key : walk(path).value),
    linesOf: (path) => {
      let container: unknown = fast.value;
      for (const key of path)
        container =
          typeof container === 'object' && container !== null
            ? (container as Record<string, unknown>)[String(key)]
            : undefined;
      if (!Array.isArray(container)) return [];
      const where = fast.positionsOf(container);
      return container.map((_, i) => (where?.get(i)?.key.line ?? 1) + lineOffset);
    },
  };
}

function yamlMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return `invalid YAML: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`;
}

/** The deepest node along a path; for a missing key, its parent. */
function nodeAt(doc: Document, path: readonly (string | number)[], atKey: boolean): Node | undefined {
  const { isMap, isNode, isPair, isScalar, isSeq } = yamlLib();
  let node: unknown = doc.contents;
  for (const [index, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return node;
      const wantKey = atKey && index === path.length - 1;
      node = isNode(pair.value) && !wantKey ? pair.value : pair.key;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)];
      if (!isNode(item)) return node;
      node = item;
    } else break;
  }
  return isNode(node) ? node : undefined;
}
