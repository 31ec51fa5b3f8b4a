import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.ts';

/**
 * Gives an empty database a fictional council, so that a first start has something to show.
 * Returns the council's id, or undefined when the database already held a council.
 */
export async function ensureStarterCouncil(db: Database): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('councils').select('id').limit(1).executeTakeFirst();
    if (existing) return undefined;
    const id = uuidv7();
    await trx.insertInto('councils').values({ id, name: 'Hearthshire (demonstration)' }).execute();
    return id;
  });
}
