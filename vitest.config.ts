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
  'test/browser/**/*.test.ts',
  'test/reliability/faults.test.ts',
  'test/reliability/encodings.test.ts',
  'test/reliability/hostile-yaml-cli.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW] },
      },
      {
        extends: true,
        // A process that a busy machine slows past a deadline gets one more try.
        test: { name: 'slow', include: SLOW, retry: 1 },
      },
    ],
  },
});
