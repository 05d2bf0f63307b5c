import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workdir } from '../helpers.js';

/** "Billion laughs": nine levels of nine aliases, 9^9 strings if expanded. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

const ARTICLE_BODY = 'German Chancellor Friedrich Merz spoke in Berlin.\n\n“Germany will engage,” Scholz said.\n';

// The built CLI end to end (test:slow); hostile-yaml.test.ts checks the same loaders in process.
describe('hostile YAML through the CLI', () => {
  it('an alias bomb in front matter, a rule file, a config file or a table is one line on stderr and exit 2', () => {
    const bomb = `${ALIAS_BOMB}\n`;
    const dir = workdir({
      'article.md': `---\n${bomb}---\n${ARTICLE_BODY}`,
      'rules/bomb.yml': `id: bomb\nkind: title-holder\nseverity: error\nmessage: m\noptions:\n${bomb.replace(/^/gm, '  ')}`,
      'config/.factlintrc.yml': bomb,
      'tables/bomb.yml': `offices:\n  x:\n    name: X\n    titles: [X]\n    holders: []\nextra:\n${bomb.replace(/^/gm, '  ')}`,
    });
    const frontMatter = runCli(['check', 'article.md', '--no-config'], { cwd: dir });
    const rules = runCli(['check', 'article.md', '--date', '2026-01-07', '--no-config', '--rules', 'rules'], {
      cwd: dir,
    });
    const config = runCli(['check', '../article.md', '--date', '2026-01-07'], { cwd: join(dir, 'config') });
    const table = runCli(['check', 'article.md', '--date', '2026-01-07', '--no-config', '--reference', 'tables'], {
      cwd: dir,
    });
    for (const [name, result, file] of [
      ['front matter', frontMatter, 'article.md'],
      ['rule file', rules, 'rules/bomb.yml'],
      ['config', config, '.factlintrc.yml'],
      ['table', table, 'tables/bomb.yml'],
    ] as const) {
      expect(result.code, name).toBe(2);
      expect(result.stderr, name).toMatch(
        new RegExp(`^factlint: ${file.replace('.', '\\.')}:\\d+:\\d+: .*(alias|Excessive)`, 'i'),
      );
      expect(result.stderr.trim().split('\n'), name).toHaveLength(1);
    }
  });
});
