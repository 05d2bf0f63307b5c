// Where the corpora and officeholder datasets are (../shared), and how to read them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * ../shared beside the checkout; in a git worktree elsewhere, ../shared beside the main checkout.
 * FACTLINT_SHARED overrides both.
 */
export function findShared(root) {
  const candidates = [process.env.FACTLINT_SHARED, join(root, '..', 'shared')];
  const git = spawnSync('git', ['rev-parse', '--git-common-dir'], { cwd: root, encoding: 'utf8' });
  if (git.status === 0) candidates.push(join(dirname(resolve(root, git.stdout.trim())), '..', 'shared'));
  return candidates.find((dir) => dir && existsSync(join(dir, 'data', 'corpora'))) ?? null;
}

export const BBC_DATE = '2004-01-01/2005-12-31';

function articlesIn(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: join(dir, f), name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

export function bbcPolitics(shared) {
  return articlesIn(join(shared, 'data/corpora/bbc-news-2004-2005/politics')).map((a) => ({
    ...a,
    corpus: 'bbc',
    date: BBC_DATE,
    country: 'GB',
  }));
}

/** PolNeAR train and dev, dated by file name, with the path of each article's annotation file. */
export function polnear(shared, splits = ['train', 'dev']) {
  const articles = [];
  for (const split of splits) {
    const base = join(shared, 'data/corpora/polnear', split);
    const annotations = readdirSync(join(base, 'attributions')).sort();
    for (const a of articlesIn(join(base, 'text'))) {
      const stem = a.name.replace(/\.txt$/, '');
      const ann = annotations.find((f) => f.startsWith(`${stem}_`));
      articles.push({
        ...a,
        corpus: 'polnear',
        split,
        date: /_(\d{4}-\d{2}-\d{2})_/.exec(a.name)?.[1],
        country: 'US',
        annotations: ann ? join(base, 'attributions', ann) : null,
      });
    }
  }
  return articles;
}

/** The shipped table plus IfG, congress-legislators and every-politician imports (not shipped). */
export function importFullTables(root, shared) {
  const data = join(shared, 'data/officeholders');
  const dir = mkdtempSync(join(tmpdir(), 'factlint-eval-tables-'));
  const imports = [
    ['csv', join(data, 'every-politician/us-cabinet-holders21.csv'), 'us-cabinet.yml', []],
    ['ifg', join(data, 'ifg'), 'uk-ministers.yml', []],
    ['congress', join(data, 'congress-legislators/executive.yaml'), 'us-executive.yml', ['--as-of', '2026-11-26']],
  ];
  return imports.map(([kind, source, file, extra]) => {
    const out = join(dir, file);
    const result = spawnSync(
      process.execPath,
      [join(root, 'dist/cli.js'), 'import', kind, source, '-o', out, ...extra],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`import ${kind} failed: ${result.stderr}`);
    return out;
  });
}
