import { describe, expect, it } from 'vitest';
import { check, loadReference, type Finding } from '../../src/index.js';
import { runCli, workdir } from '../helpers.js';

const LINES = ['German Chancellor Friedrich Merz spoke in Berlin.', '', '“Germany will engage,” Scholz said.', ''];
const DATE = '2026-01-07';

interface JsonReport {
  files: { path: string; findings: Finding[] }[];
}

function findingsOf(stdout: string, path: string): Finding[] {
  return (JSON.parse(stdout) as JsonReport).files.find((f) => f.path === path)?.findings ?? [];
}

describe('encodings and line endings', () => {
  it('reports the same line and column under LF, CRLF, lone CR and a UTF-8 BOM, each span being its own text', () => {
    const variants: Record<string, Buffer> = {
      'lf.md': Buffer.from(LINES.join('\n')),
      'crlf.md': Buffer.from(LINES.join('\r\n')),
      'cr.md': Buffer.from(LINES.join('\r')),
      'bom-crlf.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LINES.join('\r\n'))]),
    };
    const dir = workdir(variants);
    const { code, stdout } = runCli(['check', '.', '--date', DATE, '--format', 'json'], { cwd: dir });
    expect(code).toBe(1);
    for (const [name, bytes] of Object.entries(variants)) {
      const [finding, ...rest] = findingsOf(stdout, name);
      expect(rest, name).toEqual([]);
      expect({ line: finding?.line, column: finding?.column, text: finding?.text }, name).toEqual({
        line: 3,
        column: 24,
        text: 'Scholz',
      });
      // Offsets count UTF-16 code units of the decoded text (the BOM is not part of it).
      const text = new TextDecoder().decode(bytes);
      expect(text.slice(finding?.offset, (finding?.offset ?? 0) + (finding?.length ?? 0)), name).toBe('Scholz');
    }
  });

  it('gives each undecodable file a one-line reason and still checks the rest', () => {
    const dir = workdir({
      'good.md': LINES.join('\n'),
      'utf16.md': Buffer.from(`\ufeff${LINES.join('\n')}`, 'utf16le'),
      'truncated.md': Buffer.concat([Buffer.from('Scholz said “no'), Buffer.from([0xe2, 0x80])]),
      'surrogate.md': Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62]),
      'overlong.md': Buffer.from([0x61, 0xc0, 0xaf]),
      'nul.md': Buffer.from('Scholz said\u0000 yes'),
    });
    const { code, stdout, stderr } = runCli(['check', '.', '--date', DATE, '--format', 'json'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr.trim().split('\n').sort()).toEqual([
      'factlint: nul.md: binary file (NUL byte at offset 11), not an article',
      'factlint: overlong.md: not valid UTF-8 (first bad byte at offset 1)',
      'factlint: surrogate.md: not valid UTF-8 (first bad byte at offset 1)',
      'factlint: truncated.md: not valid UTF-8 (first bad byte at offset 17)',
      'factlint: utf16.md: file is UTF-16; save it as UTF-8',
    ]);
    expect(findingsOf(stdout, 'good.md').map((f) => f.text)).toEqual(['Scholz']);
  });

  it('keeps positions right around lone surrogates and astral characters given through the library', () => {
    const reference = loadReference();
    const text = `😀 German Chancellor Friedrich Merz spoke \ud800 in Berlin.\n\n“Germany \udc00 will engage,” Scholz said.\n`;
    const [file] = check(text, { reference, date: DATE, format: 'text' }).files;
    const finding = file?.findings[0];
    expect(finding?.text).toBe('Scholz');
    expect(text.slice(finding?.offset, (finding?.offset ?? 0) + (finding?.length ?? 0))).toBe('Scholz');
    expect(file?.quotes[0]?.text).toBe('“Germany \udc00 will engage,”');
    // Lone surrogates survive JSON as escapes, never as broken bytes.
    expect(JSON.stringify(file)).toContain('\\udc00');
  });
});
