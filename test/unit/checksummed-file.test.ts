import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChecksummed, writeChecksummed } from '../../src/util/checksummed-file.js';

const file = () => join(mkdtempSync(join(tmpdir(), 'factlint-checksummed-')), 'cache');

describe('checksummed cache files', () => {
  it('reads back what was written, text or bytes', () => {
    const path = file();
    writeChecksummed(path, 'results', '{"a.md":{"key":"k"}}');
    expect(readChecksummed(path, 'results')?.toString('utf8')).toBe('{"a.md":{"key":"k"}}');
    const bytes = Uint8Array.from([0, 10, 255, 13, 10]);
    writeChecksummed(path, 'table', bytes);
    expect(readChecksummed(path, 'table')).toEqual(Buffer.from(bytes));
    expect(readFileSync(path, 'latin1')).toMatch(/^factlint-cache\/2 table sha256:[0-9a-f]{64}\n/);
  });

  it('reads a missing, truncated, edited or other-kind file as null', () => {
    const path = file();
    expect(readChecksummed(path, 'results')).toBeNull();
    writeChecksummed(path, 'results', '{"quote-attribution":1}');
    const whole = readFileSync(path, 'utf8');
    expect(readChecksummed(path, 'rules')).toBeNull();
    writeFileSync(path, whole.slice(0, whole.length - 3));
    expect(readChecksummed(path, 'results')).toBeNull();
    writeFileSync(path, whole.slice(0, 40));
    expect(readChecksummed(path, 'results')).toBeNull();
    writeFileSync(path, whole.replace('quote-attribution', 'quote-attributiom'));
    expect(readChecksummed(path, 'results')).toBeNull();
    writeFileSync(path, whole);
    expect(readChecksummed(path, 'results')?.toString('utf8')).toBe('{"quote-attribution":1}');
  });
});
