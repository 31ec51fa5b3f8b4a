import type { Database } from '../db/database.ts';
import { londonDate } from '../platform/actor.ts';
import { loadDemoCouncil } from './generate.ts';
import { holdsACouncil } from './queries.ts';

export { starterEmail } from './sign-ins.ts';

/**
 * Gives an empty database the `small` demonstration council (seed 1, five years to today), so that a first start
 * has people to sign in as and children to open. Returns the council's id, or undefined when the database
 * already held a council. (`hearth demo` makes the other sizes and seeds.)
 */
export async function ensureStarterCouncil(
  db: Database,
  password: string,
  now = new Date(),
): Promise<string | undefined> {
  if (await holdsACouncil(db)) return undefined;
  const loaded = await loadDemoCouncil(db, {
    size: 'small',
    seed: 1,
    years: 5,
    asAt: londonDate(now),
    password,
  });
  return loaded.councilId;
}
