import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { check, compileRules, compileTable, InputError, loadReference } from '../../src/index.js';
import { loadConfig } from '../../src/config/load.js';
import { workdir } from '../helpers.js';

/** "Billion laughs": nine levels of nine aliases, 9^9 strings if expanded. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

const ARTICLE_BODY = 'German Chancellor Friedrich Merz spoke in Berlin.\n\n“Germany will engage,” Scholz said.\n';
const reference = loadReference();

function polluted(): unknown[] {
  const probe = {} as Record<string, unknown>;
  return [probe.polluted, probe.isAdmin, (Object.prototype as Record<string, unknown>).polluted];
}

function inputError(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

afterEach(() => {
  expect(polluted()).toEqual([undefined, undefined, undefined]);
});

describe('hostile YAML is rejected or neutralised, with a clear message', () => {
  it('an alias bomb in front matter, a rule file, a config file or a table is refused with file:line:column', () => {
    const bomb = `${ALIAS_BOMB}\n`;
    const dir = workdir({ 'config/.factlintrc.yml': bomb });
    const errors = [
      [
        'front matter',
        () => check(`---\n${bomb}---\n${ARTICLE_BODY}`, { reference, filename: 'article.md' }),
        'article.md',
      ],
      [
        'rule file',
        () =>
          compileRules([
            {
              file: 'rules/bomb.yml',
              text: `id: bomb\nkind: title-holder\nseverity: error\nmessage: m\noptions:\n${bomb.replace(/^/gm, '  ')}`,
            },
          ]),
        'rules/bomb.yml',
      ],
      ['config', () => loadConfig(join(dir, 'config/.factlintrc.yml'), dir), 'config/.factlintrc.yml'],
      [
        'table',
        () =>
          compileTable([
            {
              file: 'tables/bomb.yml',
              text: `offices:\n  x:\n    name: X\n    titles: [X]\n    holders: []\nextra:\n${bomb.replace(/^/gm, '  ')}`,
              root: '.',
            },
          ]),
        'tables/bomb.yml',
      ],
    ] as const;
    for (const [name, load, file] of errors) {
      const message = inputError(load).describe();
      expect(message, name).toMatch(new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+:\\d+: .*(alias|Excessive)`, 'i'));
      expect(message, name).not.toContain('\n');
    }
  });

  it('custom and language-specific tags are errors, never constructors', () => {
    for (const tagged of [
      'date: !!js/function "function () { return 1 }"',
      'date: !custom 2026',
      'date: !!python/object:os.system ls',
    ]) {
      const error = inputError(() => check(`---\n${tagged}\n---\n${ARTICLE_BODY}`, { reference, filename: 'a.md' }));
      expect(error.describe()).toMatch(/^a\.md:2:\d+: /);
    }
    const error = inputError(() =>
      compileTable([
        {
          file: 't.yml',
          text: 'offices:\n  x:\n    name: !!js/regexp /x/\n    titles: [X]\n    holders: []\n',
          root: '.',
        },
      ]),
    );
    expect(error.describe()).toMatch(/^t\.yml:3:\d+: /);
  });

  it('__proto__ and constructor keys never reach a prototype', () => {
    const proto = '__proto__: {polluted: yes, isAdmin: true}\nconstructor: {prototype: {polluted: yes}}\n';
    // Front matter: unknown keys are kept as plain data.
    check(`---\n${proto}date: 2026-01-07\n---\n${ARTICLE_BODY}`, { reference, filename: 'a.md' });
    // A table: office ids are lower-case slugs, so "__proto__" is refused where it stands...
    const office = inputError(() =>
      compileTable([
        {
          file: 't.yml',
          text: 'offices:\n  __proto__:\n    name: Proto\n    titles: [Proto]\n    holders: []\n',
          root: '.',
        },
      ]),
    );
    expect(office.describe()).toMatch(/^t\.yml:2:\d+: /);
    // ...while a person may be called anything and stays an ordinary entry.
    const table = compileTable([
      {
        file: 't.yml',
        text: 'offices:\n  x:\n    name: X\n    titles: [X]\n    holders:\n      - {person: __proto__, start: 2020}\n      - {person: constructor, start: 2021}\n',
        root: '.',
      },
    ]);
    expect(table.offices.get('x')?.terms.map((t) => t.personId)).toEqual(['__proto__', 'constructor']);
    // Rules and config: the schemas allow no such keys.
    const rule = inputError(() =>
      compileRules([{ file: 'r.yml', text: `id: r\nkind: title-holder\nseverity: error\nmessage: m\n${proto}` }]),
    );
    expect(rule.describe()).toMatch(/^r\.yml:\d+:\d+: /);
    const dir = workdir({
      '.factlintrc.yml': proto,
      'package.json': JSON.stringify({ name: 'x', factlint: JSON.parse('{"__proto__": {"polluted": true}}') }),
    });
    expect(inputError(() => loadConfig(join(dir, '.factlintrc.yml'), dir)).describe()).toMatch(
      /^\.factlintrc\.yml:\d+:\d+: /,
    );
    writeFileSync(join(dir, 'package.json'), '{"name": "x", "factlint": {"__proto__": {"polluted": true}}}');
    expect(() => loadConfig(join(dir, 'package.json'), dir)).toThrow(InputError);
  });

  it('huge and non-finite numbers are refused where a date or size is wanted', () => {
    for (const date of ['99999999999999999999999', '.inf', '-.inf', '.nan', '1e400']) {
      const error = inputError(() =>
        check(`---\ndate: ${date}\n---\n${ARTICLE_BODY}`, { reference, filename: 'a.md' }),
      );
      expect(error.describe()).toMatch(/^a\.md:2:1: front matter date ".*" is not a date/);
    }
    const table = inputError(() =>
      compileTable([
        {
          file: 't.yml',
          text: 'offices:\n  x:\n    name: X\n    titles: [X]\n    holders:\n      - {person: Ann Alpha, start: 99999999999999999999}\n',
          root: '.',
        },
      ]),
    );
    expect(table.describe()).toMatch(/^t\.yml:6:\d+: /);
    const dir = workdir({ '.factlintrc.yml': 'maxFileSize: 1e400\n' });
    expect(inputError(() => loadConfig(join(dir, '.factlintrc.yml'), dir)).describe()).toMatch(
      /^\.factlintrc\.yml:1:\d+: /,
    );
  });

  it('no rule option takes a pattern: a would-be catastrophic regular expression is refused at load', () => {
    const error = inputError(() =>
      compileRules([
        {
          file: 'r.yml',
          text: 'id: r\nkind: title-holder\nseverity: error\nmessage: m\noptions:\n  pattern: "(a+)+$"\n',
        },
      ]),
    );
    expect(error.describe()).toMatch(/^r\.yml:6:3: unknown option "pattern" for title-holder/);
  });
});
