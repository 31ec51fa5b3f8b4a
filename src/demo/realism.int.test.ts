import { describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.ts';
import { freshDatabase } from '../../test/support/world.ts';
import { demoSizes } from './context.ts';
import { loadDemoCouncil } from './generate.ts';
import { measureRates } from './measure.ts';
import { targets } from './rates.ts';

/**
 * The `medium` council against the DfE national figures of 2023–24 (rates.ts), each counted with plain SQL
 * (measure.ts) and required within ±10% of its target. It takes about a minute on PGlite.
 */
describe('the medium demonstration council is realistic', () => {
  it('has the national rates, each within ±10%', { timeout: 600_000 }, async () => {
    const { db, close } = await freshDatabase();
    try {
      await migrate(db);
      const asAt = '2026-03-31';
      const { councilId } = await loadDemoCouncil(db, {
        size: 'medium',
        seed: 1,
        years: 5,
        asAt,
        password: 'a demo password for tests',
      });
      const measured = await measureRates(db, councilId, asAt, demoSizes.medium);
      for (const [name, target] of Object.entries(targets)) {
        const value = measured[name as keyof typeof measured];
        expect({ name, value, within: Math.abs(value - target) <= target * 0.1 }).toEqual({
          name,
          value,
          within: true,
        });
      }
    } finally {
      await close();
    }
  });
});
