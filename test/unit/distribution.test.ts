import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers.js';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  if?: string;
  run?: string;
  with?: Record<string, string>;
}

describe('how factlint reaches users: the workflow, the pre-commit hook, the Docker image, the package', () => {
  const workflow = parse(read('.github/workflows/factlint.yml')) as {
    on: { pull_request: { paths: string[] } };
    jobs: { factlint: { env: Record<string, string>; steps: Step[] } };
  };
  const { steps, env } = workflow.jobs.factlint;

  it('the workflow uploads SARIF only for pull requests from the repository itself, never from a fork', () => {
    expect(env.SAME_REPOSITORY).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.if).toContain("env.SAME_REPOSITORY == 'true'");
    const sarif = steps.find((s) => s.run?.includes('--format sarif'));
    expect(sarif?.if).toContain("env.SAME_REPOSITORY == 'true'");
  });

  it('the workflow keeps the results cache between runs: restored before the checks, saved even when they fail', () => {
    const at = (predicate: (s: Step) => boolean) => steps.findIndex(predicate);
    const restore = at((s) => s.uses?.startsWith('actions/cache/restore') ?? false);
    const save = at((s) => s.uses?.startsWith('actions/cache/save') ?? false);
    const checks = steps.map((s, i) => (s.run?.includes('factlint check') ? i : -1)).filter((i) => i >= 0);
    expect(restore).toBeGreaterThanOrEqual(0);
    expect(checks.every((i) => restore < i && i < save)).toBe(true);
    expect(steps[restore]?.with?.path).toBe('.factlintcache');
    expect(steps[save]?.with?.path).toBe('.factlintcache');
    expect(steps[save]?.if).toMatch(/^always\(\)/);
    expect(steps[restore]?.with?.['restore-keys']).toBeTruthy();
    expect(checks.every((i) => steps[i]?.run?.includes('--cache'))).toBe(true);
    expect(workflow.on.pull_request.paths).toEqual(expect.arrayContaining(['**/*.html', '**/*.htm']));
  });

  it('the pre-commit hook is a node hook for Markdown, text and HTML', () => {
    const [hook] = parse(read('.pre-commit-hooks.yaml')) as { language: string; entry: string; files: string }[];
    expect(hook).toMatchObject({ language: 'node', entry: 'factlint check' });
    for (const name of ['a.md', 'b.markdown', 'c.txt', 'd.html', 'e.htm'])
      expect(name).toMatch(new RegExp(hook?.files ?? ''));
  });

  it('a hook install without dev dependencies can build: esbuild is no dev dependency, npm pack prints one line', () => {
    const pkg = JSON.parse(read('package.json')) as Record<string, Record<string, string>>;
    expect(pkg.devDependencies?.esbuild).toBeUndefined();
    expect(pkg.optionalDependencies?.esbuild).toBeTruthy();
    expect(pkg.scripts?.prepare).toBe('npm run build');
    expect(read('.npmrc')).toMatch(/^foreground-scripts=false$/m);
  });

  it('the Docker image: a small Node base, a non-root user, serve on 0.0.0.0 with a token file, a health check', () => {
    const lines = read('.ci/Dockerfile')
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'));
    const last = (instruction: string) => lines.filter((l) => l.startsWith(`${instruction} `)).at(-1) ?? '';
    expect(last('FROM')).toMatch(/^FROM node:20-(alpine|slim)$/);
    expect(last('USER')).toBe('USER node');
    expect(lines.indexOf(last('USER'))).toBeGreaterThan(lines.indexOf(last('RUN')));
    expect(last('HEALTHCHECK')).toContain('/healthz');
    expect(`${last('ENTRYPOINT')} ${last('CMD')}`).toBe(
      'ENTRYPOINT ["factlint", "serve"] CMD ["--host", "0.0.0.0", "--port", "8080", "--token-file", "/run/secrets/factlint-token"]',
    );
    expect(last('EXPOSE')).toBe('EXPOSE 8080');
  });
});
