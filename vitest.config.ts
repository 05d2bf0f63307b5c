import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that start processes (the built CLI, servers, a browser), inject faults or load a
 * server: `npm run test:slow`, after a build. Everything else runs in process and counts work
 * instead of timing it: `npm test`, the README's second command.
 */
const SLOW = [
  'test/cli.test.ts',
  'test/cli-ci.test.ts',
  'test/server.test.ts',
  'test/lsp.test.ts',
  'test/browser/**/*.test.ts',
  'test/reliability/faults.test.ts',
  'test/reliability/encodings.test.ts',
  'test/reliability/hostile-yaml-cli.test.ts',
  'test/reliability/hardening.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SLOW],
          // The files share one module graph instead of loading the sources and the reference
          // table again for each: half the CPU time (25 → 11 s). check() keeps no state between
          // calls (properties.test.ts checks that), and tests that set a clock, an environment
          // variable or a spy restore it; the files pass in any order (--sequence.shuffle).
          isolate: false,
        },
      },
      {
        extends: true,
        // A process that a busy machine slows past a deadline gets one more try.
        test: { name: 'slow', include: SLOW, retry: 1 },
      },
    ],
  },
});
