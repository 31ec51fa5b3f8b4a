import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Tables } from '../db/schema.ts';

/**
 * Waits for, then holds until the transaction ends, the council's turn at the head of its audit chain, so
 * concurrent writers append one after another.
 */
export async function lockAuditChain(trx: Transaction<Tables>, councilId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${councilId}, 0))`.execute(trx);
}

/** The last entry of a council's audit chain: its sequence number and hash. */
export function auditChainHead(trx: Transaction<Tables>, councilId: string) {
  return trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('council_id', '=', councilId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertAuditEntries(trx: Transaction<Tables>, entries: Insertable<Tables['audit_log']>[]) {
  return trx.insertInto('audit_log').values(entries).execute();
}

export function councilIds(db: Kysely<Tables>) {
  return db.selectFrom('councils').select('id').orderBy('id').execute();
}

/** Up to `limit` entries of a council's chain, in order, from sequence number `fromSeq` on. */
export function auditEntriesFrom(db: Kysely<Tables>, councilId: string, fromSeq: number, limit: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('seq', '>=', fromSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}
