import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseFastYaml } from '../../src/util/fast-yaml.js';
import { ROOT } from '../helpers.js';
import { seededRandom } from '../seeded-random.mjs';

const yamlValue = (text: string) => parse(text, { schema: 'core', uniqueKeys: true });

describe('fast YAML reader', () => {
  const tables = readdirSync(join(ROOT, 'rules/reference')).filter((f) => f.endsWith('.yml'));

  for (const file of tables) {
    it(`reads shipped table ${file} exactly as the yaml package does`, () => {
      const text = readFileSync(join(ROOT, 'rules/reference', file), 'utf8');
      const fast = parseFastYaml(text);
      expect(fast, 'the shipped tables stay inside the fast subset').not.toBeNull();
      expect(fast?.value).toEqual(yamlValue(text));
    });
  }

  const SAME = [
    "a: 1\nb: two\nc: \"three: 3\"\nd: 'it''s'\ne: ~\nf: true\ng: 2025-05-06\nh:\n",
    'list:\n  - one\n  - "two, three"\n  - [a, b, "c, d"]\n  - {person: Ann Alpha, start: 2020}\n',
    'list:\n- a: 1\n  b: 2\n- a: 3\nafter: x\n',
    'nested:\n  deeper:\n    deepest: [1, 2, 3]   # comment\n# full-line comment\nurl: http://example.com/a#b\n',
    'escapes: "tab\\there \\u00e9 \\"q\\""\nempty: []\nemptymap: {}\n',
    '---\ntitles: [Chancellor, "Germany\'s chancellor"]\n',
  ];
  for (const text of SAME) {
    it(`matches the yaml package: ${JSON.stringify(text.slice(0, 40))}`, () => {
      expect(parseFastYaml(text)?.value).toEqual(yamlValue(text));
    });
  }

  const FALLBACK = [
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: |\n  block\n',
    'a: plain\n  continued\n',
    'a: 1\na: 2\n',
    'a:\n\t- tab\n',
    'a: 1.5\n',
    'a: [unclosed\n',
    'a: "unclosed\n',
    '? complex\n: key\n',
    'a: 1\n---\nb: 2\n',
  ];
  for (const text of FALLBACK) {
    it(`leaves to the yaml package: ${JSON.stringify(text)}`, () => {
      expect(parseFastYaml(text)).toBeNull();
    });
  }

  it('keeps __proto__ as an own key', () => {
    const value = parseFastYaml('__proto__: {polluted: yes}\n')?.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives the position of keys and items', () => {
    const fast = parseFastYaml(
      'offices:\n  x:\n    holders:\n      - {person: A, start: 2020}\n      - {person: B, start: 2021}\n',
    );
    if (!fast) throw new Error('the fast reader declined a simple table');
    const offices = (fast.value as { offices: { x: { holders: unknown[] } } }).offices;
    expect(fast.positionsOf(offices.x.holders)?.get(1)?.key).toEqual({ line: 5, column: 9 });
    expect(fast.positionsOf(offices)?.get('x')?.key).toEqual({ line: 2, column: 3 });
  });
});

describe('fast YAML reader, differential', () => {
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const SCALARS = [
    'Ann Alpha',
    '2020',
    '2020-05-06',
    '"quoted, with comma"',
    "'single ''q'''",
    'true',
    'null',
    '~',
    'x-y_z',
    '"tab\\t"',
    'Zelenskyy',
    '"a: b"',
    'http://x.org/a#b',
    '-5',
    '"#hash"',
  ];
  const key = () => pick(['name', 'start', 'end', 'person', 'titles', 'x-office', '"quoted key"', 'a1', 'source']);
  function flow(depth: number): string {
    if (depth > 1 || random() < 0.5) return pick(SCALARS);
    return random() < 0.5
      ? `[${Array.from({ length: Math.floor(random() * 3) }, () => flow(depth + 1)).join(', ')}]`
      : `{${Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => `k${i}: ${flow(depth + 1)}`).join(', ')}}`;
  }
  function block(indent: string, depth: number): string {
    const lines: string[] = [];
    if (depth < 3 && random() < 0.3) {
      for (let i = 0; i < 1 + Math.floor(random() * 3); i++) {
        if (random() < 0.4 && depth < 2) lines.push(`${indent}- k: ${flow(0)}\n${indent}  j: ${flow(0)}`);
        else lines.push(`${indent}- ${flow(0)}`);
      }
      return lines.join('\n');
    }
    const used = new Set<string>();
    for (let i = 0; i < 1 + Math.floor(random() * 4); i++) {
      const k = key();
      if (used.has(k)) continue;
      used.add(k);
      if (depth < 3 && random() < 0.1) lines.push(`${indent}${k}:\n${indent}- ${flow(0)}\n${indent}- ${flow(0)}`);
      else if (depth < 3 && random() < 0.35)
        lines.push(`${indent}${k}:${random() < 0.2 ? '   # note' : ''}\n${block(`${indent}  `, depth + 1)}`);
      else lines.push(`${indent}${k}: ${flow(0)}${random() < 0.2 ? '  # comment' : ''}`);
    }
    return lines.join('\n');
  }

  it('agrees with the yaml package on 2,000 random table-like documents (or declines)', () => {
    let read = 0;
    for (let n = 0; n < 2000; n++) {
      const text = `${block('', 0)}\n`;
      const fast = parseFastYaml(text);
      if (!fast) continue;
      read++;
      expect(fast.value, text).toEqual(yamlValue(text));
    }
    expect(read).toBeGreaterThan(1000);
  });
});
