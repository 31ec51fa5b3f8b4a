import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.ts';
import { freshDatabase } from '../../test/support/world.ts';
import { canonicalDumpHash } from './dump.ts';
import { loadDemoCouncil } from './generate.ts';

/**
 * The same seed makes the same council (issue 7). Two databases of its own, so it runs once in CI, on whichever
 * engine the tests are given: whether the generator is deterministic does not depend on the engine, and
 * demo.int.test.ts loads the council on both.
 */
describe('the demonstration council', () => {
  it(
    'is the same council for the same seed: two databases, one canonical dump; the loading is stamped with its real time',
    { timeout: 600_000 },
    async () => {
      const hashes: string[] = [];
      for (let run = 0; run < 2; run++) {
        const { db, close } = await freshDatabase();
        try {
          await migrate(db);
          const started = Date.now();
          await loadDemoCouncil(db, {
            size: 'small',
            seed: 7,
            years: 5,
            asAt: '2026-03-31',
            password: 'a demo password for tests',
          });
          const finished = Date.now();
          const loaded = await db
            .selectFrom('audit_log')
            .select('at')
            .where('action', '=', 'demo.generated')
            .executeTakeFirstOrThrow();
          // Not 18:00 on the demo's last day (31 March 2026), but the moment it was loaded.
          expect(new Date(loaded.at).getTime()).toBeGreaterThanOrEqual(started);
          expect(new Date(loaded.at).getTime()).toBeLessThanOrEqual(finished);
          hashes.push((await canonicalDumpHash(db)).sha256);
        } finally {
          await close();
        }
      }
      expect(hashes[0]).toBe(hashes[1]);
    },
  );
});
