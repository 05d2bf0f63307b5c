import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, InputError, loadReference, type FileReport, type Report } from '../../src/index.js';
import { lineStarts, positionAt } from '../../src/util/text.js';
import { decodeArticle } from '../../src/article/decode.js';

const reference = loadReference();

// The same cases on every run, so that npm test passes or fails alike everywhere; set
// FACTLINT_PROPERTY_SEED to another number to try others (a failure prints its seed).
fc.configureGlobal({ seed: Number(process.env.FACTLINT_PROPERTY_SEED ?? 20261207) });

/** Pieces articles are made of, the awkward ones over-represented. */
const FRAGMENTS = [
  'German Chancellor Friedrich Merz',
  'Olaf Scholz',
  'Scholz',
  'Merz',
  'Chancellor',
  'Prime Minister',
  'President',
  'Mr',
  'Ms Hewitt',
  'the late',
  ' said',
  ' says',
  ' told reporters',
  ' he said',
  'she added',
  'according to',
  ', ',
  '. ',
  ': ',
  ' — ',
  ' ',
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  "''",
  '„',
  '«',
  '»',
  "don't",
  "Scholz's",
  'rock’n’roll',
  '’90s',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u0000',
  '\u0301',
  '😀',
  '\ud800',
  '\udfff',
  '# ',
  '## Heading\n',
  '> ',
  '- ',
  '1. ',
  '```\n',
  '`',
  '<!-- ',
  ' -->',
  '<!-- factlint-disable-next-line -->',
  '[link](http://x.y/)',
  '**',
  '_',
  '| a | b |\n',
  '<b>',
  '&amp;',
  '---\n',
  '---\ndate: 2025-06-01\n---\n',
  '---\nfactlint: {rules: {title-holder: off}}\n---\n',
  '---\ndate: [\n---\n',
  '---\ntitle: x\n',
  'In 2019, ',
  'last year',
  'former ',
  'then-',
  'U.S. Secretary of State Antony Blinken',
  'Secretary of State Marco Rubio',
  'Donald Trump',
];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);
/** A quotation with a (possibly broken) attribution, so generated articles reach the speaker code. */
const quotation = fc
  .tuple(
    fc.constantFrom('“', '"', "'", '‘', "''", '„', ''),
    fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('')),
    fc.constantFrom(',”', '.”', '”', ',"', '"', "'", '’', ",''", ''),
    fc.constantFrom(
      ' Scholz said.',
      ' he said.',
      ' said Merz.',
      ' she told reporters.',
      ' Prime Minister Keir Starmer said.',
      ': ',
      '',
      ' — Chancellor Friedrich Merz',
    ),
  )
  .map((parts) => parts.join(''));
const frontMatter = fc.constantFrom(
  '',
  '',
  '',
  '---\ndate: 2025-06-01\n---\n',
  '---\ndate: [\n---\n',
  '---\ndate: not-a-date\n---\n',
  '---\nfactlint: 3\n---\n',
  '---\ntitle: x\n',
  '---\r\ndate: 2005\r\n---\r\n',
);
const body = fc
  .array(fc.oneof({ weight: 3, arbitrary: piece }, { weight: 1, arbitrary: quotation }), { maxLength: 80 })
  .map((parts) => parts.join(''));
const article = fc.tuple(frontMatter, body).map(([head, rest]) => head + rest);
const options = fc.record({
  format: fc.constantFrom('markdown' as const, 'text' as const),
  date: fc.constantFrom(undefined, '2025-06-01', '2005', '2004-01-01/2005-12-31'),
});

function checkOrInputError(
  text: string,
  opts: { format: 'markdown' | 'text'; date: string | undefined },
): Report | InputError {
  try {
    return check(text, {
      reference,
      filename: 'article.md',
      format: opts.format,
      ...(opts.date ? { date: opts.date } : {}),
    });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

/** Every span a report points at: findings, quotes and quote speakers. */
function spans(report: FileReport) {
  return [
    ...report.findings,
    ...report.quotes,
    ...report.quotes.flatMap((q) => (q.speaker ? [{ ...q.speaker, line: null, column: null }] : [])),
  ];
}

describe('any article, any options', () => {
  it('never throws anything but an InputError, and every span is the text at its offset', () => {
    const seen = { inputErrors: 0, findings: 0, quotes: 0, speakers: 0 };
    fc.assert(
      fc.property(article, options, (text, opts) => {
        const result = checkOrInputError(text, opts);
        if (result instanceof InputError) {
          seen.inputErrors++;
          expect(result.message.length).toBeGreaterThan(0);
          expect(result.message).not.toContain('\n');
          return;
        }
        const starts = lineStarts(text);
        expect(result.files).toHaveLength(1);
        const file = result.files[0] as FileReport;
        seen.findings += file.findings.length;
        seen.quotes += file.quotes.length;
        seen.speakers += file.quotes.filter((q) => q.speaker).length;
        for (const span of spans(file)) {
          expect(span.offset).toBeGreaterThanOrEqual(0);
          expect(span.offset + span.length).toBeLessThanOrEqual(text.length);
          expect(span.text).toBe(text.slice(span.offset, span.offset + span.length));
          if (span.line !== null)
            expect({ line: span.line, column: span.column }).toEqual(positionAt(starts, span.offset));
        }
      }),
      { numRuns: 400 },
    );
    // The generator must reach the interesting paths, or the property proves little.
    expect(seen.findings).toBeGreaterThan(50);
    expect(seen.quotes).toBeGreaterThan(100);
    expect(seen.speakers).toBeGreaterThan(30);
    expect(seen.inputErrors).toBeGreaterThan(20);
    console.log('property inputs reached:', seen);
  });

  it('gives byte-identical JSON for the same input twice', () => {
    fc.assert(
      fc.property(article, options, (text, opts) => {
        const first = checkOrInputError(text, opts);
        const second = checkOrInputError(text, opts);
        expect(JSON.stringify(second instanceof InputError ? second.message : second)).toBe(
          JSON.stringify(first instanceof InputError ? first.message : first),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('reports a file the same whatever was checked before it', () => {
    fc.assert(
      fc.property(fc.array(article, { minLength: 2, maxLength: 5 }), options, (texts, opts) => {
        const inOrder = texts.map((t) => JSON.stringify(checkOrInputError(t, opts)));
        const reversed = [...texts]
          .reverse()
          .map((t) => JSON.stringify(checkOrInputError(t, opts)))
          .reverse();
        expect(reversed).toEqual(inOrder);
      }),
      { numRuns: 100 },
    );
  });
});

describe('decoding bytes', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true });
  const decodes = (bytes: Uint8Array) => {
    try {
      fatal.decode(bytes);
      return true;
    } catch {
      return false;
    }
  };

  it('names the offset where valid UTF-8 stops, for any bytes', () => {
    const utf8ish = fc
      .array(
        fc.oneof(
          fc.integer({ min: 1, max: 0x7f }),
          fc.integer({ min: 0x80, max: 0xff }),
          fc.constantFrom(0xe0, 0xed, 0xf0, 0xf4, 0xc0, 0xc2, 0xa0, 0x9f, 0x80, 0xbf),
        ),
        { maxLength: 24 },
      )
      .map((a) => Uint8Array.from(a));
    fc.assert(
      fc.property(utf8ish, (bytes) => {
        const result = decodeArticle(bytes, 1 << 20);
        expect(result.ok).toBe(decodes(bytes));
        if (result.ok) return;
        if (/UTF-16/.test(result.message)) {
          expect([bytes[0], bytes[1]]).toEqual(bytes[0] === 0xff ? [0xff, 0xfe] : [0xfe, 0xff]);
          return;
        }
        const offset = Number(/offset (\d+)/.exec(result.message)?.[1]);
        expect(decodes(bytes.subarray(0, offset))).toBe(true);
        // The bytes from there cannot start a character: with any valid continuation they still fail.
        expect(decodes(bytes.subarray(0, offset + 4))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
