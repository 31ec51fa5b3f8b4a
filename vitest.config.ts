import { defineConfig } from 'vitest/config';

/**
 * Tests of commands that run Hearth as a process of its own on an embedded database of its own (or none): they
 * do the same whichever engine the tests are given, so CI runs them once, not again on PostgreSQL.
 */
const ownDatabase = [
  'src/cli/main.int.test.ts',
  'src/cli/commands/{demo,staff,timescales,validate-cin,validate-ssda903}.int.test.ts',
  'scripts/**/*.int.test.ts',
];

export default defineConfig({
  test: {
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
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
