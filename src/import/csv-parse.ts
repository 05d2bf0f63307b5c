import { CsvError, parse } from 'csv-parse/sync';
import { InputError } from '../util/errors.js';
import type { SourceFile } from './types.js';

/** One CSV record: its fields and the line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV, read by csv-parse: comma-separated fields, optionally in double quotes (which
 * may hold commas, line breaks and doubled quotes); CRLF, LF or CR line ends, mixed or not (a
 * CRLF inside quotes reads as LF); a leading BOM is dropped; blank lines are skipped. Each
 * record carries the line it starts on.
 */
export function parseCsv({ file, text }: SourceFile): CsvRecord[] {
  // CRLF → LF first: csv-parse counts a CRLF inside quotes as two lines.
  const bytes = Buffer.from(text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'), 'utf8');
  const lines = new LineCounter(bytes);
  const records: CsvRecord[] = [];
  let consumed = 0;
  try {
    parse(bytes, {
      relax_column_count: true,
      record_delimiter: ['\n', '\r'],
      on_record: (fields: string[], info: { bytes: number }) => {
        const line = lines.lineAt(consumed);
        consumed = info.bytes;
        if (fields.length > 1 || fields[0] !== '') records.push({ line, fields });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse finds an unclosed quote at the end of the text: name the line it opened on.
    const line =
      error.code === 'CSV_QUOTE_NOT_CLOSED' ? lines.lineAt(unclosedQuote(bytes, consumed)) : Number(error.lines);
    throw new InputError(`invalid CSV: ${problemOf(error)}`, file, line);
  }
  return records;
}

/** The offset of the quote that never closed, in the record that starts at `from`. */
function unclosedQuote(bytes: Uint8Array, from: number): number {
  let open = from;
  let inside = false;
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] !== 0x22) continue;
    if (!inside) [open, inside] = [i, true];
    else if (bytes[i + 1] === 0x22) i++;
    else inside = false;
  }
  return open;
}

/** csv-parse's error as one short clause (its own messages run long and repeat the line). */
function problemOf(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'quoted field never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'text after a closing quote';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside an unquoted field (quote the whole field and double the quote)';
    default:
      return (error.message.split('\n')[0] ?? error.code).replace(/^\w/, (c) => c.toLowerCase());
  }
}

/** 1-based line numbers of byte offsets, asked in increasing order (LF or CR ends a line). */
class LineCounter {
  private offset = 0;
  private line = 1;

  constructor(private readonly bytes: Uint8Array) {}

  lineAt(offset: number): number {
    for (; this.offset < offset; this.offset++) {
      const byte = this.bytes[this.offset];
      if (byte === 10 || byte === 13) this.line++;
    }
    return this.line;
  }
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
