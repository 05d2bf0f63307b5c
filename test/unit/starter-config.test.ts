import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, STARTER_CONFIG } from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/config.js';
import { workdir } from '../helpers.js';

/** The starter file's examples: indented comments, or comments indented after the "#". */
const EXAMPLE = /^(\s+# ?|#(?= {2}))/;

function load(text: string) {
  const dir = workdir({ '.factlintrc.yml': text }, 'factlint-init-');
  return loadConfig(join(dir, '.factlintrc.yml'), dir);
}

describe('factlint init: the starter .factlintrc.yml', () => {
  const lines = STARTER_CONFIG.split('\n');
  const examples = lines.map((line, i) => ({ line, i })).filter(({ line }) => EXAMPLE.test(line));

  it('loads as the defaults', () => {
    const { file, ...config } = load(STARTER_CONFIG);
    const { file: _none, ...defaults } = defaultConfig();
    expect(config).toEqual(defaults);
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it('stays valid when any one commented example is uncommented, and the example takes effect', () => {
    for (const { line, i } of examples) {
      const edited = lines.map((l, j) => (j === i ? l.replace(EXAMPLE, (m) => m.replace(/# ?/, '')) : l));
      const config = load(edited.join('\n'));
      const setting = line.replace(EXAMPLE, '').trim();
      const effect = JSON.stringify(config);
      const word = setting.replace(/^- /, '').split(':')[0]?.replace(/\/$/, '') ?? '';
      expect(effect, `${setting} should be in ${effect}`).toContain(word);
    }
  });

  it('stays valid with every example uncommented at once', () => {
    const all = lines.map((l) => l.replace(EXAMPLE, (m) => m.replace(/# ?/, ''))).join('\n');
    const config = load(all);
    expect(config.rules).toMatchObject({ 'title-holder': 'error', 'unintroduced-speaker': 'warning' });
    expect(config.houseStyle).toEqual({ 'Volodymyr Zelenskyy': 'Volodymyr Zelensky' });
    expect(config.allow).toEqual({ 'unintroduced-speaker': ['Beyoncé'] });
    expect(config.ignorePatterns).toEqual(['drafts/']);
    expect(config.reference.map((p) => p.split('/').pop())).toEqual(['newsroom-table.yml']);
  });
});
