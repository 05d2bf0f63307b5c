import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/registry.js';
import { analyze } from '../../src/engine.js';
import { compileRules, type RuleSource } from '../../src/rules/load.js';
import { renderMessage } from '../../src/rules/rule.js';
import { InputError } from '../../src/util/errors.js';
import { fixtureTable, ROOT } from '../helpers.js';

const RULES_DIR = join(ROOT, 'rules');
const shippedSources: RuleSource[] = readdirSync(RULES_DIR)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => ({ file: name, text: readFileSync(join(RULES_DIR, name), 'utf8') }));

/** The shipped rules with one more (or a replacement) rule file. */
function withRule(text: string, file = 'extra.yml') {
  return compileRules([...shippedSources, { file, text }]);
}

function loadError(text: string): string {
  try {
    withRule(text);
  } catch (error) {
    if (error instanceof InputError) return error.describe();
    throw error;
  }
  throw new Error('expected the rule to be refused');
}

describe('rules are contracts: each check declares its options and message placeholders', () => {
  it('refuses an option value outside the check’s schema, at its line and column', () => {
    const text = 'id: r\nkind: title-holder\nseverity: warning\nmessage: "{claim}"\noptions:\n  when: uncler\n';
    expect(loadError(text)).toBe('extra.yml:6:9: options.when: must be one of present, unclear, unknown-person');
  });

  it('refuses an option the check does not have, inherited names included', () => {
    for (const key of ['paragraphs', 'constructor', 'toString']) {
      const text = `id: r\nkind: quote-attribution\nseverity: warning\nmessage: "{speaker}"\noptions:\n  ${key}: 1\n`;
      expect(loadError(text)).toBe(
        `extra.yml:6:3: unknown option "${key}" for quote-attribution (known: paragraphsBefore)`,
      );
    }
  });

  it('refuses a message placeholder the check does not fill, inherited names included', () => {
    for (const name of ['nosuchparam', 'toString']) {
      const text = `id: r\nkind: name-consistency\nseverity: warning\nmessage: "Spelled {spellings} ({${name}})"\n`;
      expect(loadError(text)).toMatch(
        new RegExp(`^extra\\.yml:4:10: message: unknown placeholder \\{${name}\\} for name-consistency`),
      );
    }
  });

  it('fills a placeholder only from the check’s own parameters, never an inherited property (issue 17, item 14)', () => {
    expect(renderMessage('{toString} {constructor} {valueOf} {name}', { name: 'Scholz' })).toBe(
      '{toString} {constructor} {valueOf} Scholz',
    );
  });

  it('every shipped rule message uses only its check’s placeholders, and every check declares a default per option', () => {
    const rules = compileRules(shippedSources);
    for (const rule of rules) {
      const check = CHECKS.get(rule.kind);
      expect(check, rule.id).toBeDefined();
      for (const [, name] of rule.message.matchAll(/\{([a-zA-Z]+)\}/g)) expect(check?.messageParams).toContain(name);
      for (const [name, option] of Object.entries(check?.options ?? {}))
        expect(rule.options[name] ?? option.default).toBeDefined();
    }
  });

  it('refuses a rule set that leaves a check kind without a rule', () => {
    const partial = shippedSources.filter((s) => !s.text.includes('kind: name-consistency'));
    expect(() => compileRules(partial)).toThrow(/no rule for check kind "name-consistency"/);
    const off = {
      file: 'off.yml',
      text: 'id: spelling-off\nkind: name-consistency\nseverity: off\nmessage: "{person}"\n',
    };
    expect(compileRules([...partial, off]).map((r) => r.id)).toContain('spelling-off');
  });
});

describe('a rule declares what it supersedes; the engine names no rule ids', () => {
  const text = 'German Chancellor Olaf Scholz met his ministers.\n\n“We agree,” Merz said.\n';

  function ruleIds(supersedes: string) {
    const rules = withRule(
      `id: quote-attribution\nkind: quote-attribution\nseverity: error\nmessage: "{speaker}"\n${supersedes}`,
      'quote-attribution.yml',
    );
    const report = analyze(text, {
      reference: { table: fixtureTable(), rules },
      date: '2022-06-01',
      format: 'text',
    }).report;
    return report.findings.map((f) => `${f.ruleId}@${f.offset}`);
  }

  it('drops the superseded finding at the same place only when the rule says so', () => {
    const kept = ruleIds('');
    const dropped = ruleIds('supersedes: [unintroduced-speaker]\n');
    const at = text.indexOf('Merz');
    expect(kept).toEqual(expect.arrayContaining([`quote-attribution@${at}`, `unintroduced-speaker@${at}`]));
    expect(dropped).toContain(`quote-attribution@${at}`);
    expect(dropped).not.toContain(`unintroduced-speaker@${at}`);
  });
});
