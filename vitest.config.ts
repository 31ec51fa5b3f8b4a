import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Tests that run once in CI, not again on the second engine: the commands run Hearth as a process of its own on an
 * embedded database of its own (or none), and the demo's realism and determinism make databases of their own
 * (`freshDatabase`, on the engine the tests are given) to see what the generator writes, which does not depend on
 * the engine (demo.int.test.ts loads the council on both), as do the tests that export from a demo council.
 */
const ownDatabase = [
  'src/cli/main.int.test.ts',
  // Every command's test runs `hearth` on an embedded database of its own, whatever engine the run is given.
  'src/cli/commands/*.int.test.ts',
  'scripts/**/*.int.test.ts',
  'src/demo/{realism,same-seed}.int.test.ts',
  // Each loads the small demonstration council into a database of its own (a minute or more), to export from it:
  // the round trips of past returns (their stitching is tested on both engines beside them), the SSD, and the
  // indicators checked against the returns.
  'src/modules/past-returns/*-round-trip.int.test.ts',
  'src/modules/ssd-export/ssd-export.int.test.ts',
  'src/modules/performance/returns-agree.int.test.ts',
];

/**
 * Each test file used to load Hearth's modules afresh in its worker: 538 s of the PGlite stage in CI went on that
 * alone (issue 22, part 9). The tests mock nothing and change no module's state but the test world's shared
 * database, which each file opens and closes for itself (test/support/world.ts), so a worker's files share one
 * copy of the modules. The command tests start processes of their own and keep the default.
 */
const isolate = false;

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
          isolate,
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'test/browser/**', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          isolate,
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
          isolate,
          globalSetup: ['test/support/snapshot.ts'],
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
