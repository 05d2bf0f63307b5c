/**
 * A fast reader for the plain subset of YAML that reference tables use: block mappings
 * and sequences, one-line flow collections (`{person: X, start: 2020}`, `[a, b]`), plain
 * and quoted one-line scalars, comments. It gives the same value as the `yaml` package
 * with the core schema, with a position for every key and item, about ten times faster
 * on large tables. Anything outside the subset (anchors, tags, block scalars, multi-line
 * scalars, duplicate keys, tabs …) makes it return null, and the caller falls back to the
 * `yaml` package, which also produces the precise error messages.
 */

export interface Position {
  line: number;
  column: number;
}

export type Positions = Map<string | number, { key: Position; value: Position }>;

export interface FastYaml {
  value: unknown;
  /** Where each key's value (or each item) of a mapping or sequence is written. */
  positionsOf(container: object): Positions | undefined;
}

class NotSimple extends Error {}

interface Line {
  number: number;
  indent: number;
  text: string;
}

const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]|^[-?:][^\s,[\]{}]/;

export function parseFastYaml(source: string): FastYaml | null {
  try {
    const reader = new Reader(source);
    return { value: reader.document(), positionsOf: (container) => reader.positionsOf(container) };
  } catch (error) {
    if (error instanceof NotSimple) return null;
    throw error;
  }
}

interface FlowPlace {
  line: number;
  column: number;
  text: string;
}

class Reader {
  private readonly positions = new WeakMap<object, Positions>();
  /** One-line flow collections: positions are worked out only when asked for. */
  private readonly flows = new WeakMap<object, FlowPlace>();
  private readonly lines: Line[];
  private index = 0;

  constructor(source: string) {
    this.lines = splitLines(source);
  }

  document(): unknown {
    if (this.lines.length === 0) return null;
    const first = this.lines[0] as Line;
    if (first.indent !== 0) throw new NotSimple();
    const value = this.block(0);
    if (this.index < this.lines.length) throw new NotSimple();
    return value;
  }

  private block(indent: number): unknown {
    const line = this.lines[this.index];
    if (!line || line.indent !== indent) throw new NotSimple();
    return line.text.startsWith('- ') || line.text === '-' ? this.sequence(indent) : this.mapping(indent);
  }

  private mapping(
    indent: number,
    firstInline?: { text: string; column: number; number: number },
  ): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const where = new Map<string | number, { key: Position; value: Position }>();
    this.positions.set(map, where);
    let pending = firstInline;
    for (;;) {
      let text: string;
      let column: number;
      let number: number;
      if (pending) {
        ({ text, column, number } = pending);
        pending = undefined;
      } else {
        const line = this.lines[this.index];
        if (!line || line.indent < indent) break;
        if (line.indent > indent || line.text.startsWith('- ')) throw new NotSimple();
        ({ text, number } = line);
        column = line.indent + 1;
        this.index++;
      }
      const { key, rest, restColumn } = splitKey(text);
      if (Object.hasOwn(map, key)) throw new NotSimple();
      const valuePosition =
        rest === '' ? this.nestedPosition(number, column) : { line: number, column: column + restColumn };
      const value = rest === '' ? this.nested(indent) : scalarOrFlow(rest);
      setOwn(map, key, value);
      where.set(key, { key: { line: number, column }, value: valuePosition });
      this.recordFlow(value, number, column + restColumn, rest);
    }
    return map;
  }

  private sequence(indent: number): unknown[] {
    const list: unknown[] = [];
    const where = new Map<string | number, { key: Position; value: Position }>();
    this.positions.set(list, where);
    for (;;) {
      const line = this.lines[this.index];
      if (!line || line.indent < indent) break;
      if (line.indent > indent) throw new NotSimple();
      if (!(line.text.startsWith('- ') || line.text === '-')) break;
      this.index++;
      const body = line.text.slice(1).trimStart();
      const bodyColumn = line.indent + 1 + (line.text.length - body.length);
      const position = { line: line.number, column: bodyColumn };
      let value: unknown;
      if (body === '') value = this.nested(indent);
      else if (isInlineMappingStart(body))
        value = this.mapping(bodyColumn - 1, { text: body, column: bodyColumn, number: line.number });
      else {
        value = scalarOrFlow(body);
        this.recordFlow(value, line.number, bodyColumn, body);
      }
      where.set(list.length, { key: position, value: position });
      list.push(value);
    }
    return list;
  }

  private nested(indent: number): unknown {
    const next = this.lines[this.index];
    if (!next || next.indent <= indent) {
      if (next && next.indent === indent && next.text.startsWith('- ')) return this.sequence(indent);
      return null;
    }
    return this.block(next.indent);
  }

  private nestedPosition(number: number, column: number): Position {
    const next = this.lines[this.index];
    return next ? { line: next.number, column: next.indent + 1 } : { line: number, column };
  }

  private recordFlow(value: unknown, line: number, column: number, text: string): void {
    if (typeof value === 'object' && value !== null && !this.positions.has(value))
      this.flows.set(value, { line, column, text });
  }

  positionsOf(container: object): Positions | undefined {
    const known = this.positions.get(container);
    if (known) return known;
    const flow = this.flows.get(container);
    if (!flow) return undefined;
    const where: Positions = new Map();
    const entries = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
    for (const key of entries) {
      const offset = typeof key === 'string' ? Math.max(0, flow.text.indexOf(key)) : 0;
      const position = { line: flow.line, column: flow.column + offset };
      where.set(key, { key: position, value: position });
    }
    this.positions.set(container, where);
    return where;
  }
}

function splitLines(source: string): Line[] {
  if (source.includes('\t') || source.includes('\r') || /^(---|\.\.\.)/m.test(source.replace(/^---[ ]*\n/, '')))
    throw new NotSimple();
  const lines: Line[] = [];
  const raw = source
    .replace(/^\uFEFF/, '')
    .replace(/^---[ ]*\n/, '\n')
    .split('\n');
  for (const [i, full] of raw.entries()) {
    const text = stripComment(full);
    const trimmed = text.trimEnd();
    if (trimmed.trim() === '') continue;
    const indent = trimmed.length - trimmed.trimStart().length;
    lines.push({ number: i + 1, indent, text: trimmed.trimStart() });
  }
  return lines;
}

/** Drop a `# comment` that is outside quotes and preceded by a space or at line start; quotes must balance. */
function stripComment(line: string): string {
  if (!line.includes('#') && !line.includes('"') && !line.includes("'")) return line;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = null;
      }
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s,[{:]/.test(line[i - 1] ?? ''))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i);
  }
  if (quote) throw new NotSimple();
  return line;
}

function isInlineMappingStart(body: string): boolean {
  if (body.startsWith('[') || body.startsWith('{')) return false;
  if (body.startsWith('"') || body.startsWith("'")) {
    try {
      return /^:( |$)/.test(body.slice(closingQuote(body, 0) + 1));
    } catch {
      return false;
    }
  }
  return /:( |$)/.test(body);
}

function splitKey(text: string): { key: string; rest: string; restColumn: number } {
  let key: string;
  let after: number;
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = closingQuote(text, 0);
    key = unquote(text.slice(0, end + 1));
    after = end + 1;
    if (text[after] !== ':') throw new NotSimple();
  } else {
    const colon = text.search(/:( |$)/);
    if (colon <= 0) throw new NotSimple();
    key = text.slice(0, colon);
    if (!PLAIN_START.test(key) || /[[\]{},]/.test(key) || key !== key.trim()) throw new NotSimple();
    after = colon;
  }
  const restRaw = text.slice(after + 1);
  const rest = restRaw.trim();
  return { key, rest, restColumn: after + 1 + (restRaw.length - restRaw.trimStart().length) };
}

function scalarOrFlow(text: string): unknown {
  if (text.startsWith('[') || text.startsWith('{')) {
    const flow = new FlowReader(text);
    const value = flow.value();
    flow.end();
    return value;
  }
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = closingQuote(text, 0);
    if (end !== text.length - 1) throw new NotSimple();
    return unquote(text);
  }
  if (!PLAIN_START.test(text) || /: |\s#/.test(text)) throw new NotSimple();
  return plainScalar(text);
}

const FLOW_PLAIN = /[^,[\]{}]*/y;
const FLOW_KEY = /[^,[\]{}:]*/y;

class FlowReader {
  private at = 0;

  constructor(private readonly text: string) {}

  value(): unknown {
    this.space();
    const c = this.text[this.at];
    if (c === '[') return this.list();
    if (c === '{') return this.map();
    if (c === '"' || c === "'") {
      const end = closingQuote(this.text, this.at);
      const value = unquote(this.text.slice(this.at, end + 1));
      this.at = end + 1;
      return value;
    }
    FLOW_PLAIN.lastIndex = this.at;
    const match = FLOW_PLAIN.exec(this.text);
    const raw = (match?.[0] ?? '').trimEnd();
    if (raw === '' || !PLAIN_START.test(raw) || /: |:$|\s#/.test(raw)) throw new NotSimple();
    this.at += raw.length;
    return plainScalar(raw);
  }

  end(): void {
    this.space();
    if (this.at !== this.text.length) throw new NotSimple();
  }

  private list(): unknown[] {
    this.at++;
    const list: unknown[] = [];
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return list;
    }
    for (;;) {
      list.push(this.value());
      this.space();
      const c = this.text[this.at++];
      if (c === ']') return list;
      if (c !== ',') throw new NotSimple();
      this.space();
      if (this.text[this.at] === ']') {
        this.at++;
        return list;
      }
    }
  }

  private map(): Record<string, unknown> {
    this.at++;
    const map: Record<string, unknown> = {};
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return map;
    }
    for (;;) {
      const key = this.key();
      if (Object.hasOwn(map, key)) throw new NotSimple();
      this.space();
      setOwn(map, key, this.value());
      this.space();
      const c = this.text[this.at++];
      if (c === '}') return map;
      if (c !== ',') throw new NotSimple();
      this.space();
      if (this.text[this.at] === '}') {
        this.at++;
        return map;
      }
    }
  }

  private key(): string {
    this.space();
    const c = this.text[this.at];
    let key: string;
    if (c === '"' || c === "'") {
      const end = closingQuote(this.text, this.at);
      key = unquote(this.text.slice(this.at, end + 1));
      this.at = end + 1;
    } else {
      FLOW_KEY.lastIndex = this.at;
      const match = FLOW_KEY.exec(this.text);
      key = (match?.[0] ?? '').trim();
      if (key === '' || !PLAIN_START.test(key)) throw new NotSimple();
      this.at += match?.[0].length ?? 0;
    }
    if (this.text[this.at] !== ':' || !/[\s]/.test(this.text[this.at + 1] ?? '')) throw new NotSimple();
    this.at++;
    return key;
  }

  private space(): void {
    while (this.text[this.at] === ' ') this.at++;
  }
}

function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  throw new NotSimple();
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

function unquote(quoted: string): string {
  const body = quoted.slice(1, -1);
  if (quoted.startsWith("'")) return body.replace(/''/g, "'");
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    const out = ESCAPES[e];
    if (out === undefined) throw new NotSimple();
    return out;
  });
}

/** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` package does it. */
function plainScalar(text: string): unknown {
  // Most table scalars are names: a letter that cannot begin null, true or false is a string.
  if (/^[A-EG-MO-SU-Za-eg-mo-su-z]/.test(text)) return text;
  if (/^(?:~|[Nn]ull|NULL)$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) {
    const n = Number(text);
    if (!Number.isSafeInteger(n)) throw new NotSimple();
    return n;
  }
  if (
    /^0o[0-7]+$/.test(text) ||
    /^0x[0-9a-fA-F]+$/.test(text) ||
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text) ||
    /^[-+]?\.(?:inf|Inf|INF)$/.test(text) ||
    /^\.(?:nan|NaN|NAN)$/.test(text)
  ) {
    throw new NotSimple();
  }
  return text;
}

/** A key such as `__proto__` becomes an own property, never the prototype. */
function setOwn(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
  else map[key] = value;
}
