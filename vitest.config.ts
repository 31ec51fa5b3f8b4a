import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Tests of commands that run Hearth as a process of its own on an embedded database of its own (or none): they
 * do the same whichever engine the tests are given, so CI runs them once, not again on PostgreSQL.
 */
const ownDatabase = [
  'src/cli/main.int.test.ts',
  'src/cli/commands/{demo,staff,timescales,validate-cin,validate-ssda903}.int.test.ts',
  'scripts/**/*.int.test.ts',
  // The demo's realism: the generator writes the same rows on either engine (demo.int.test.ts loads it on both).
  'src/demo/realism.int.test.ts',
];

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores, which on CI's two cores is one: every file would wait
    // for the one before it while a core idles (the PGlite stage took 868 s that way). The tests' own database
    // work runs in their worker, so two workers keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'test/browser/**', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          globalSetup: ['test/support/snapshot.ts'],
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          exclude: ['test/browser/**', 'node_modules/**', ...ownDatabase],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'commands',
          include: ownDatabase,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          globalSetup: ['test/support/snapshot.ts'],
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
