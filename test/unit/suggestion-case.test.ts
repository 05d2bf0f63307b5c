import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine.js';
import { rules, shipped } from '../helpers.js';

/** Each title suggestion as "what it replaces → what it writes". */
function titleSuggestions(text: string): string[] {
  const { report } = analyze(text, {
    reference: { table: shipped(), rules: rules() },
    format: 'text',
    date: '2026-06-01',
  });
  return report.findings.flatMap((f) =>
    (f.suggestions ?? [])
      .filter((s) => /former/i.test(s.text))
      .map((s) => `${text.slice(s.offset, s.offset + s.length)} → ${s.text}`),
  );
}

describe('suggestions keep the case of the text they replace (issue 18: "Former prime Minister")', () => {
  it('a title at the start of a sentence keeps its capitals after "Former"', () => {
    expect(titleSuggestions('Prime Minister Boris Johnson visited Paris.')).toEqual([
      'Prime Minister → Former Prime Minister',
    ]);
    expect(titleSuggestions('Attorney General Merrick Garland spoke.')).toEqual([
      'Attorney General → Former Attorney General',
    ]);
    expect(titleSuggestions('Senate Majority Leader Chuck Schumer spoke.')).toEqual([
      'Senate Majority Leader → Former Senate Majority Leader',
    ]);
  });

  it('within a sentence, "former" is lower case and the title stays as written', () => {
    expect(titleSuggestions('He met prime minister Boris Johnson.')).toEqual([
      'prime minister → former prime minister',
    ]);
    expect(titleSuggestions('He met Prime Minister Boris Johnson.')).toEqual([
      'Prime Minister → former Prime Minister',
    ]);
  });

  it('"former" goes after an owner’s possessive, and a title in capitals gets it in capitals', () => {
    expect(titleSuggestions('Britain’s foreign secretary James Cleverly flew to Kyiv.')).toEqual([
      'Britain’s foreign secretary → Britain’s former foreign secretary',
    ]);
    expect(titleSuggestions('PRIME MINISTER BORIS JOHNSON VISITS PARIS\n\nHe arrived on Monday.')).toEqual([
      'PRIME MINISTER → FORMER PRIME MINISTER',
    ]);
  });
});
