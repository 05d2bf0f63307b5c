import { describe, expect, it } from 'vitest';
import { parseCsv, readCsv } from '../../src/import/csv-parse.js';
import { errorOf } from './helpers.js';

const csv = (text: string) => parseCsv({ file: 'x.csv', text });
const fields = (text: string) => csv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('splits plain fields, keeping empty ones', () => {
    expect(fields('a,b,c\n1,,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fields('name,note\n"Business, Energy","say ""hi"""\n"two\nlines",x\n')).toEqual([
      ['name', 'note'],
      ['Business, Energy', 'say "hi"'],
      ['two\nlines', 'x'],
    ]);
  });

  it('takes CRLF (also inside quotes), a last line without a line end, and a BOM', () => {
    expect(fields('\uFEFFa,b\r\n"x\r\ny",2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['x\ny', '2'],
      ['3', '4'],
    ]);
  });

  it('skips blank lines and numbers records by the line they start on', () => {
    expect(csv('a\n\n"b\nc"\nd\n').map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'a'],
      [3, 'b\nc'],
      [5, 'd'],
    ]);
  });

  it('reports broken quoting with file and line', () => {
    expect(errorOf(() => csv('a,b\n"open,2\n'))).toBe('x.csv:2: invalid CSV: quoted field never closed');
    expect(errorOf(() => csv('a\n"x"y\n'))).toBe('x.csv:2: invalid CSV: text after a closing quote');
    expect(errorOf(() => csv('a\nx"y\n'))).toMatch(/^x\.csv:2: invalid CSV: a quote inside an unquoted field/);
  });

  it('takes LF, CRLF and a lone CR mixed in one file, and counts a CRLF inside quotes as one line', () => {
    expect(csv('a\rb\r\n"c\r\nd"\ne\n').map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c\nd'],
      [5, 'e'],
    ]);
    expect(errorOf(() => csv('a\r\n"x\r\ny"z\r\n'))).toBe('x.csv:3: invalid CSV: text after a closing quote');
  });

  it('names the line a never-closed quote opened on, not the end of the file', () => {
    expect(errorOf(() => csv('a\n"b\nc",x,"open\nmore\nlines\n'))).toBe(
      'x.csv:3: invalid CSV: quoted field never closed',
    );
    expect(errorOf(() => csv('a\n"say ""hi""\nmore\n'))).toBe('x.csv:2: invalid CSV: quoted field never closed');
  });

  it('skips a record that is one empty quoted field, and keeps a record of empty fields', () => {
    expect(fields('a\n""\n,\n')).toEqual([['a'], ['', '']]);
  });
});

describe('readCsv', () => {
  const source = { file: 'people.csv', text: 'id, name ,extra\n1,Ada,x\n2\n' };

  it('reads columns by name, trims values, and gives missing trailing fields as empty', () => {
    const rows = readCsv(source, ['id', 'name'], ['born']);
    expect(rows.map((r) => [r.line, r.get('id'), r.get('name'), r.get('born')])).toEqual([
      [2, '1', 'Ada', ''],
      [3, '2', '', ''],
    ]);
  });

  it('names the file and the column when a required column is missing', () => {
    expect(errorOf(() => readCsv(source, ['id', 'start']))).toBe(
      'people.csv:1: missing column "start" (the header has: id, name, extra)',
    );
    expect(errorOf(() => readCsv({ file: 'empty.csv', text: '' }, ['id']))).toBe(
      'empty.csv:1: empty CSV: expected a header row',
    );
  });
});
