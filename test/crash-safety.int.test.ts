import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl, testEngine } from './support/world.ts';
import { crashCycles, crashDatabase, prepareCrashWorld } from './support/killed-server.ts';

/**
 * Crash safety in every run (issue 22, part 5): `hearth serve` on the engine this run is given (a data folder of
 * its own on PGlite, a database of its own on PostgreSQL) is killed with SIGKILL 20 times while four clients write
 * case notes, and started again each time. Every acknowledged note is there once, nothing is half-written, and
 * `hearth audit verify` passes. bench/crash.ts runs more cycles and prints the figures.
 */
const cycles = 20;

describe(`a Hearth server killed under write load, on ${testEngine}`, async () => {
  const database = await crashDatabase(testDatabaseUrl);
  afterAll(() => database.drop());
  const world = await prepareCrashWorld(database.url);

  it(
    `loses no acknowledged write and half-writes nothing across ${cycles} SIGKILLs`,
    { timeout: 300_000 },
    async () => {
      const figures = await crashCycles({ url: database.url, world, cycles });
      expect(figures.problems, `seed ${figures.seed}`).toEqual([]);
      expect(figures.startMs).toHaveLength(cycles);
      expect(figures.acknowledged).toBeGreaterThanOrEqual(cycles);
    },
  );
});
