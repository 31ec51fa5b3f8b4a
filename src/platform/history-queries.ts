import { sql, type Transaction } from 'kysely';
import type { Tables } from '../db/schema.ts';

/**
 * Names the actor and the actor's time to the database for the rest of the transaction, so that the record's
 * history (migration 0050) keeps them for every version a change replaces and every row it records.
 */
export async function nameTheActor(trx: Transaction<Tables>, actor: { now: Date; userId: string }) {
  await sql`select set_config('hearth.now', ${actor.now.toISOString()}, true),
    set_config('hearth.user', ${actor.userId}, true)`.execute(trx);
}
