import { InputError } from '../util/errors.js';
import type { SourceFile } from './types.js';

/** One CSV record: its fields and the line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: comma-separated fields, optionally in double quotes (which may hold
 * commas, line breaks and doubled quotes); CRLF or LF line ends; a leading BOM is
 * dropped; blank lines are skipped.
 */
export function parseCsv({ file, text }: SourceFile): CsvRecord[] {
  const reader = new CsvReader(text.replace(/^\uFEFF/, ''), file);
  const records: CsvRecord[] = [];
  while (!reader.done()) {
    const record = reader.record();
    if (record.fields.length > 1 || record.fields[0] !== '') records.push(record);
  }
  return records;
}

class CsvReader {
  private at = 0;
  private line = 1;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  record(): CsvRecord {
    const line = this.line;
    const fields: string[] = [];
    for (;;) {
      fields.push(this.text[this.at] === '"' ? this.quoted() : this.plain());
      const next = this.text[this.at];
      this.at++;
      if (next !== ',') {
        if (next === '\r' && this.text[this.at] === '\n') this.at++;
        if (next !== undefined) this.line++;
        return { line, fields };
      }
    }
  }

  private plain(): string {
    const start = this.at;
    while (this.at < this.text.length && !',\r\n'.includes(this.text[this.at] ?? '')) {
      if (this.text[this.at] === '"')
        this.fail('a quote inside an unquoted field (quote the whole field and double the quote)');
      this.at++;
    }
    return this.text.slice(start, this.at);
  }

  private quoted(): string {
    const startLine = this.line;
    let value = '';
    this.at++;
    for (;;) {
      const close = this.text.indexOf('"', this.at);
      if (close < 0) this.fail('quoted field never closed', startLine);
      value += this.text.slice(this.at, close);
      this.line += countLineBreaks(this.text.slice(this.at, close));
      this.at = close + 1;
      if (this.text[this.at] !== '"') break;
      value += '"';
      this.at++;
    }
    const after = this.text[this.at];
    if (after !== undefined && !',\r\n'.includes(after)) this.fail('text after a closing quote');
    return value.replace(/\r\n/g, '\n');
  }

  private fail(message: string, line = this.line): never {
    throw new InputError(`invalid CSV: ${message}`, this.file, line);
  }
}

function countLineBreaks(text: string): number {
  return (text.match(/\r\n|\r|\n/g) ?? []).length;
}

/** A CSV's rows as column → value, after checking the header has the columns needed. */
export interface CsvRow<C extends string> {
  line: number;
  get(column: C): string;
}

/**
 * Rows of a CSV with a header. A missing required column is an error that names the
 * file and the column; optional columns read as '' when absent; other columns are ignored.
 */
export function readCsv<R extends string, O extends string = never>(
  source: SourceFile,
  required: readonly R[],
  optional: readonly O[] = [],
): CsvRow<R | O>[] {
  const [header, ...rows] = parseCsv(source);
  if (!header) throw new InputError('empty CSV: expected a header row', source.file, 1);
  const names = header.fields.map((f) => f.trim());
  for (const column of required) {
    if (!names.includes(column))
      throw new InputError(`missing column "${column}" (the header has: ${names.join(', ')})`, source.file, 1);
  }
  const index = new Map<string, number>();
  for (const column of [...required, ...optional]) {
    const at = names.indexOf(column);
    if (at >= 0) index.set(column, at);
  }
  return rows.map(({ line, fields }) => ({
    line,
    get: (column: R | O) => {
      const at = index.get(column);
      return at === undefined ? '' : (fields[at] ?? '').trim();
    },
  }));
}
