import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/report/github.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatSarif, type SarifOptions } from '../../src/report/sarif.js';
import type { Rule } from '../../src/rules/rule.js';
import type { FileError, FileReport, Finding, Report } from '../../src/types.js';

const BASE = '/repo';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 19,
    offset: 40,
    length: 14,
    text: 'Antony Blinken',
    ruleId: 'title-holder',
    severity: 'error',
    message: 'Antony Blinken no longer holds the title',
    evidence: [],
    ...overrides,
  };
}

function file(path: string, findings: Finding[] = []): FileReport {
  return { path, date: { start: '2025-06-01', end: null, source: 'cli' }, findings, quotes: [] };
}

function report(files: FileReport[], errors?: FileError[]): Report {
  const all = files.flatMap((f) => f.findings);
  const count = (severity: Finding['severity']) => all.filter((f) => f.severity === severity).length;
  return {
    schemaVersion: 1,
    tool: { name: 'factlint', version: '0.1.0' },
    files,
    summary: { files: files.length, errors: count('error'), warnings: count('warning'), infos: count('info') },
    ...(errors ? { errors } : {}),
  };
}

function rule(id: string, severity: Rule['severity']): Rule {
  return {
    id,
    kind: id,
    severity,
    description: `What ${id} checks.`,
    help: `How to fix ${id}.`,
    message: '{text}',
    options: {},
    file: `rules/${id}.yml`,
  };
}

const RULES = [
  rule('title-holder', 'error'),
  rule('name-consistency', 'warning'),
  rule('unintroduced-speaker', 'info'),
  rule('deceased-speaker', 'off'),
];

describe('sarif', () => {
  interface SarifRegion {
    startLine: number;
    startColumn: number;
    endLine: number;
    endColumn: number;
    charOffset: number;
    charLength: number;
  }
  interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }[];
    partialFingerprints: Record<string, string>;
    fixes?: {
      artifactChanges: {
        replacements: {
          deletedRegion: { charOffset: number; charLength: number };
          insertedContent: { text: string };
        }[];
      }[];
    }[];
  }
  interface SarifRun {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string };
          helpUri?: string;
          defaultConfiguration: { level: string };
        }[];
      };
    };
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications?: { level: string; message: { text: string } }[];
    }[];
    columnKind: string;
    results: SarifResult[];
  }
  interface SarifLog {
    $schema: string;
    version: string;
    runs: SarifRun[];
  }

  const schema: object = JSON.parse(
    readFileSync(join(import.meta.dirname, '../fixtures/sarif-schema-2.1.0.json'), 'utf8'),
  );

  /** The schema's language patterns use the inline flag `(?i)`, which JavaScript lacks: make it the `i` flag. */
  const inlineCaseFlag = Object.assign(
    (pattern: string, flags: string) =>
      pattern.startsWith('^(?i)') ? new RegExp(`^${pattern.slice(5)}`, `${flags}i`) : new RegExp(pattern, flags),
    { code: 'new RegExp' },
  );
  // The published schema is declared draft 2020-12. validateSchema is off because it does not
  // pass its own meta-schema (region.properties holds a misplaced `anyOf` array); the rest compiles.
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    validateFormats: false,
    validateSchema: false,
    code: { regExp: inlineCaseFlag },
  });
  const validate = ajv.compile(schema);

  function sarif(r: Report, options: Partial<SarifOptions> = {}): SarifLog {
    return JSON.parse(formatSarif(r, { rules: RULES, baseDir: BASE, ...options })) as SarifLog;
  }

  function onlyRun(log: SarifLog): SarifRun {
    const run = log.runs[0];
    if (!run || log.runs.length !== 1) throw new Error('expected exactly one run');
    return run;
  }

  function results(r: Report, options: Partial<SarifOptions> = {}): SarifResult[] {
    return onlyRun(sarif(r, options)).results;
  }

  function fingerprint(result: SarifResult | undefined): string {
    const value = result?.partialFingerprints['factlint/v1'];
    if (value === undefined) throw new Error('no factlint/v1 fingerprint');
    return value;
  }

  function expectValid(output: string): void {
    const valid = validate(JSON.parse(output));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  }

  const busy = report(
    [
      file('corpus/my article.md', [
        finding(),
        finding({
          ruleId: 'name-consistency',
          severity: 'warning',
          message: 'Blinkin or Blinken?',
          suggestions: [
            { text: 'Blinken', offset: 40, length: 7, safe: true, description: 'Use the house spelling' },
            { text: 'Blinkin', offset: 40, length: 7 },
          ],
        }),
        finding({ ruleId: 'unintroduced-speaker', severity: 'info', message: 'Speaker not introduced' }),
        finding({ ruleId: 'date-inferred', severity: 'info', message: 'Date inferred from the text' }),
      ]),
      file('/elsewhere/outside.md', [finding({ line: 1, column: 1, endLine: 2, endColumn: 3, offset: 0, length: 30 })]),
      file('clean.md'),
    ],
    [{ path: 'broken.md', message: 'broken.md: not valid UTF-8 (first bad byte at offset 3)' }],
  );

  it('is valid SARIF 2.1.0 by the official schema', () => {
    expectValid(
      formatSarif(busy, { rules: RULES, baseDir: BASE, read: () => 'One line.\nTwo: Antony Blinken said.\n' }),
    );
    expectValid(formatSarif(report([file('clean.md')]), { rules: [], baseDir: BASE }));
  });

  it('the validator does reject what the schema forbids', () => {
    const log = sarif(report([file('a.md', [finding()])]));
    const result = onlyRun(log).results[0];
    if (result) result.level = 'info';
    expect(validate(log)).toBe(false);
  });

  it('declares the format, the tool and UTF-16 columns in one run', () => {
    const log = sarif(busy);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    const run = onlyRun(log);
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver).toMatchObject({
      name: 'factlint',
      version: '0.1.0',
      informationUri: 'https://github.com/factlint/factlint',
    });
  });

  it('describes every given rule and every rule a finding names', () => {
    const rules = onlyRun(sarif(busy)).tool.driver.rules;
    expect(rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ['title-holder', 'error'],
      ['name-consistency', 'warning'],
      ['unintroduced-speaker', 'note'],
      ['deceased-speaker', 'none'],
      ['date-inferred', 'note'],
    ]);
    expect(rules[0]).toEqual({
      id: 'title-holder',
      name: 'TitleHolder',
      shortDescription: { text: 'What title-holder checks.' },
      fullDescription: { text: 'How to fix title-holder.' },
      help: { text: 'How to fix title-holder.' },
      defaultConfiguration: { level: 'error' },
    });
  });

  it('links factlint’s own rules to their pages, and no other rule', () => {
    const documented = (id: string) => id !== 'name-consistency';
    const log = sarif(busy, { documented });
    const uris = onlyRun(log).tool.driver.rules.map((r) => [r.id, r.helpUri]);
    expect(uris).toEqual([
      ['title-holder', 'https://github.com/factlint/factlint/blob/main/docs/rules/title-holder.md'],
      ['name-consistency', undefined],
      ['unintroduced-speaker', 'https://github.com/factlint/factlint/blob/main/docs/rules/unintroduced-speaker.md'],
      ['deceased-speaker', 'https://github.com/factlint/factlint/blob/main/docs/rules/deceased-speaker.md'],
      ['date-inferred', 'https://github.com/factlint/factlint/blob/main/docs/rules/date-inferred.md'],
    ]);
    expectValid(JSON.stringify(log));
    expect(onlyRun(sarif(busy)).tool.driver.rules.some((r) => r.helpUri !== undefined)).toBe(false);
  });

  it('gives each result its rule, level, message and region', () => {
    const run = onlyRun(sarif(busy));
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    expect(run.results.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'note', 'error']);
    expect(run.results[0]?.message.text).toBe('Antony Blinken no longer holds the title');
    expect(run.results[0]?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 3,
      startColumn: 5,
      endLine: 3,
      endColumn: 19,
      charOffset: 40,
      charLength: 14,
    });
  });

  it('locates files relative to the repository root, percent-encoded, and others by file:// URI', () => {
    const locate = (path: string) =>
      results(report([file(path, [finding()])]))[0]?.locations[0]?.physicalLocation.artifactLocation;
    expect(locate('corpus/my article.md')).toEqual({ uri: 'corpus/my%20article.md', uriBaseId: '%SRCROOT%' });
    expect(locate('/repo/news/a#1 100%.md')).toEqual({ uri: 'news/a%231%20100%25.md', uriBaseId: '%SRCROOT%' });
    expect(locate('/elsewhere/outside.md')).toEqual({ uri: 'file:///elsewhere/outside.md' });
    expect(locate('../sibling/x y.md')).toEqual({ uri: 'file:///sibling/x%20y.md' });
  });

  it('keeps a fingerprint when lines are inserted above the finding', () => {
    const before = 'Headline\nSecretary of State Antony Blinken said.\n';
    const after = 'Headline\nA new paragraph.\n\nAnother one.\nSecretary of State Antony Blinken said.\n';
    const first = results(report([file('a.md', [finding({ line: 2, offset: 28 })])]), { read: () => before });
    const second = results(report([file('a.md', [finding({ line: 5, offset: 59 })])]), { read: () => after });
    expect(fingerprint(first[0])).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint(second[0])).toBe(fingerprint(first[0]));
  });

  it('counts identical findings in one file apart', () => {
    const text = 'Antony Blinken met Antony Blinken.\n';
    const twice = [finding({ line: 1, column: 1, offset: 0 }), finding({ line: 1, column: 20, offset: 19 })];
    const [a, b] = results(report([file('a.md', twice)]), { read: () => text });
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });

  it('uses the line content when it has it, and falls back to rule, text and counter', () => {
    const on = (line: string) =>
      fingerprint(results(report([file('a.md', [finding({ offset: 0 })])]), { read: () => line })[0]);
    expect(on('Antony Blinken said.')).toBe(on('  Antony   Blinken said.\r'));
    expect(on('Antony Blinken said.')).not.toBe(on('Antony Blinken wrote.'));
    const unread = () =>
      fingerprint(results(report([file('a.md', [finding({ line: 9, offset: 500 })])]), { read: () => null })[0]);
    expect(unread()).toBe(fingerprint(results(report([file('a.md', [finding({ line: 1, offset: 0 })])]))[0]));
  });

  it('offers the safe suggestions as fixes, and only those', () => {
    const [, warning, info] = onlyRun(sarif(busy)).results;
    expect(warning?.fixes).toHaveLength(1);
    expect(warning?.fixes?.[0]?.artifactChanges[0]?.replacements).toEqual([
      { deletedRegion: { charOffset: 40, charLength: 7 }, insertedContent: { text: 'Blinken' } },
    ]);
    expect(info?.fixes).toBeUndefined();
  });

  it('reports files that could not be checked as failed execution', () => {
    expect(onlyRun(sarif(busy)).invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'broken.md: not valid UTF-8 (first bad byte at offset 3)' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.md', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
    expect(onlyRun(sarif(report([file('a.md')]))).invocations).toEqual([{ executionSuccessful: true }]);
  });
});

describe('github', () => {
  it('writes one workflow command per finding, by severity', () => {
    const r = report([
      file('news/a.md', [
        finding(),
        finding({
          ruleId: 'name-consistency',
          severity: 'warning',
          line: 4,
          endLine: 4,
          column: 1,
          endColumn: 8,
          message: 'Blinkin or Blinken?',
        }),
        finding({
          ruleId: 'unintroduced-speaker',
          severity: 'info',
          line: 5,
          endLine: 6,
          column: 2,
          endColumn: 3,
          message: 'Speaker not introduced',
        }),
      ]),
      file('news/clean.md'),
    ]);
    expect(formatGithub(r)).toBe(
      '::error file=news/a.md,line=3,endLine=3,col=5,endColumn=19,title=title-holder::Antony Blinken no longer holds the title\n' +
        '::warning file=news/a.md,line=4,endLine=4,col=1,endColumn=8,title=name-consistency::Blinkin or Blinken?\n' +
        '::notice file=news/a.md,line=5,endLine=6,col=2,endColumn=3,title=unintroduced-speaker::Speaker not introduced\n',
    );
  });

  it('writes nothing for a clean report', () => {
    expect(formatGithub(report([file('a.md')]))).toBe('');
  });

  it('escapes %, CR and LF in the message, so a multi-line message stays one annotation', () => {
    const out = formatGithub(
      report([file('a.md', [finding({ message: '100% sure:\r\nline two, line: three\nend' })])]),
    );
    expect(out).toBe(
      '::error file=a.md,line=3,endLine=3,col=5,endColumn=19,title=title-holder::100%25 sure:%0D%0Aline two, line: three%0Aend\n',
    );
    expect(out.split('\n')).toHaveLength(2);
  });

  it('escapes : and , (and %, CR, LF) in property values', () => {
    const out = formatGithub(report([file('C:/news/a,b 50%.md', [finding({ ruleId: 'odd:rule,id\n' })])]));
    expect(out).toBe(
      '::error file=C%3A/news/a%2Cb 50%25.md,line=3,endLine=3,col=5,endColumn=19,title=odd%3Arule%2Cid%0A::Antony Blinken no longer holds the title\n',
    );
  });

  it('annotates files that could not be checked', () => {
    expect(formatGithub(report([], [{ path: 'b.md', message: 'b.md: binary file' }]))).toBe(
      '::error file=b.md,title=factlint::b.md: binary file\n',
    );
  });
});

describe('junit', () => {
  interface XmlElement {
    name: string;
    attributes: Record<string, string>;
    children: XmlElement[];
    text: string;
  }

  const ENTITY = /&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
  const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

  /** Decode character data, failing on a bare `&` or `<` or a character XML 1.0 forbids. */
  function decode(raw: string): string {
    if (NOT_XML.test(raw)) throw new Error(`character not allowed in XML: ${JSON.stringify(raw)}`);
    if (/[<]/.test(raw) || /&/.test(raw.replace(ENTITY, '')))
      throw new Error(`unescaped markup in ${JSON.stringify(raw)}`);
    return raw.replace(
      ENTITY,
      (_, name: string) =>
        NAMED[name] ?? String.fromCodePoint(Number(name.startsWith('#x') ? `0x${name.slice(2)}` : name.slice(1))),
    );
  }

  /** A small well-formedness check: one root, balanced tags, quoted unique attributes, escaped text. */
  function parseXml(xml: string): XmlElement {
    const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
    const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"]*")*)\s*(\/?)>|([^<]+)/y;
    const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
    const stack = [root];
    while (token.lastIndex < body.length) {
      const match = token.exec(body);
      if (match === null) break;
      const top = stack[stack.length - 1] ?? root;
      const [, closing, name = '', attributeText = '', selfClosing, text] = match;
      if (text !== undefined) {
        top.text += decode(text);
      } else if (closing) {
        if (top.name !== name || stack.length === 1) throw new Error(`</${name}> closes <${top.name}>`);
        stack.pop();
      } else {
        const element: XmlElement = { name, attributes: parseAttributes(attributeText), children: [], text: '' };
        top.children.push(element);
        if (!selfClosing) stack.push(element);
      }
    }
    if (token.lastIndex !== body.length || stack.length !== 1)
      throw new Error(`not well-formed near offset ${token.lastIndex}`);
    if (root.children.length !== 1 || root.text.trim() !== '') throw new Error('expected exactly one root element');
    return root.children[0] as XmlElement;
  }

  function parseAttributes(text: string): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (const [, name = '', value = ''] of text.matchAll(/([A-Za-z][\w.-]*)="([^"]*)"/g)) {
      if (name in attributes) throw new Error(`duplicate attribute ${name}`);
      attributes[name] = decode(value);
    }
    return attributes;
  }

  function all(element: XmlElement, name: string): XmlElement[] {
    return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);
  }

  const busy = report(
    [
      file('news/a.md', [
        finding(),
        finding({
          ruleId: 'name-consistency',
          severity: 'warning',
          message: 'Blinkin or Blinken?',
          line: 4,
          endLine: 4,
          column: 1,
          endColumn: 8,
        }),
        finding({
          ruleId: 'unintroduced-speaker',
          severity: 'info',
          message: 'Speaker not introduced',
          line: 5,
          endLine: 5,
          column: 2,
          endColumn: 9,
        }),
      ]),
      file('news/clean.md'),
    ],
    [{ path: 'news/broken.md', message: 'news/broken.md: binary file' }],
  );

  it('writes the exact document', () => {
    const r = report([
      file('a.md', [
        finding(),
        finding({ severity: 'info', ruleId: 'unintroduced-speaker', message: 'Speaker not introduced' }),
      ]),
      file('b.md'),
    ]);
    expect(formatJunit(r)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="factlint" tests="3" failures="1" errors="0">',
        '  <testsuite name="a.md" tests="2" failures="1" errors="0">',
        '    <testcase classname="title-holder" name="a.md:3:5">',
        '      <failure message="Antony Blinken no longer holds the title" type="error">Antony Blinken no longer holds the title',
        'at a.md:3:5 to 3:19: “Antony Blinken”</failure>',
        '    </testcase>',
        '    <testcase classname="unintroduced-speaker" name="a.md:3:5">',
        '      <system-out>info: Speaker not introduced',
        'at a.md:3:5 to 3:19: “Antony Blinken”</system-out>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="b.md" tests="1" failures="0" errors="0">',
        '    <testcase classname="factlint" name="b.md"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  it('is well-formed and counts tests, failures and errors', () => {
    const root = parseXml(formatJunit(busy));
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toEqual({ name: 'factlint', tests: '5', failures: '2', errors: '1' });
    const suites = all(root, 'testsuite');
    expect(
      suites.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures, s.attributes.errors]),
    ).toEqual([
      ['news/a.md', '3', '2', '0'],
      ['news/clean.md', '1', '0', '0'],
      ['news/broken.md', '1', '0', '1'],
    ]);
    expect(all(root, 'testcase')).toHaveLength(5);
    expect(all(root, 'failure').map((f) => f.attributes.type)).toEqual(['error', 'warning']);
    expect(all(root, 'system-out')).toHaveLength(1);
    expect(all(root, 'error').map((e) => e.attributes)).toEqual([
      { message: 'news/broken.md: binary file', type: 'file-error' },
    ]);
  });

  it('escapes markup and quotes, and keeps line breaks in attributes', () => {
    const message = `Tom & Jerry <said> "hi" & 'bye'\nnext line`;
    const r = report([file('a&b "c" <d>.md', [finding({ message, text: '<&>' })])]);
    const out = formatJunit(r);
    expect(out).toContain('name="a&amp;b &quot;c&quot; &lt;d&gt;.md"');
    expect(out).toContain('message="Tom &amp; Jerry &lt;said&gt; &quot;hi&quot; &amp; &apos;bye&apos;&#10;next line"');
    const failure = all(parseXml(out), 'failure')[0];
    expect(failure?.attributes.message).toBe(message);
    expect(failure?.text).toBe(`${message}\nat a&b "c" <d>.md:3:5 to 3:19: “<&>”`);
  });

  it('removes characters XML 1.0 does not allow', () => {
    const r = report([
      file('a.md', [finding({ message: 'bad\u0000\u0001\u0008\u000B\u000C\u001F\uFFFF\uD800 ok\tstill\u{1F600}' })]),
    ]);
    const out = formatJunit(r);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters the test looks for.
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(all(parseXml(out), 'failure')[0]?.attributes.message).toBe('bad ok\tstill\u{1F600}');
  });
});
