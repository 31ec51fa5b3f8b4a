import { sql, type Insertable, type Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

/** An entry as `append_audit_entries` (migration 0061) takes it: everything but its place in the chain. */
export interface UnchainedAuditEntry {
  id: string;
  at: string;
  user_id: string | null;
  worker_id: string | null;
  action: string;
  outcome: string;
  child_id: string | null;
  route: string | null;
  ip: string | null;
  details: unknown;
  /** The entry's canonical JSON before and after its sequence number, from which the database makes its hash. */
  content_before_seq: string;
  content_after_seq: string;
}

/**
 * Appends entries to the end of a council's chain in one statement: the database takes the council's lock, reads
 * the head, numbers and hashes the entries and inserts them. On its own (not in a transaction) the lock is held
 * for this one statement.
 */
export async function appendToAuditChain(
  db: Kysely<Tables>,
  councilId: string,
  entries: UnchainedAuditEntry[],
) {
  await sql`select append_audit_entries(${councilId}::uuid, ${JSON.stringify(entries)}::jsonb)`.execute(db);
}

export function councilIds(db: Kysely<Tables>) {
  return db.selectFrom('councils').select('id').orderBy('id').execute();
}

/** Up to `limit` entries of a council's chain, in order, from sequence number `fromSeq` on (to `untilSeq`). */
export function auditEntriesFrom(
  db: Kysely<Tables>,
  councilId: string,
  fromSeq: number,
  limit: number,
  untilSeq = Number.MAX_SAFE_INTEGER,
) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('seq', '>=', fromSeq)
    .where('seq', '<=', untilSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** The newest entry of a council's chain: its head. */
export function auditChainHead(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('council_id', '=', councilId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The council's newest checkpoint (migration 0071). */
export function latestAuditCheckpoint(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('audit_checkpoints')
    .selectAll()
    .where('council_id', '=', councilId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every checkpoint, or one council's, oldest first. */
export function auditCheckpoints(db: Kysely<Tables>, councilId?: string) {
  let query = db.selectFrom('audit_checkpoints').selectAll();
  if (councilId) query = query.where('council_id', '=', councilId);
  return query.orderBy('council_id').orderBy('seq').execute();
}

/** Keeps a checkpoint; one already kept for the same entry is left as it is. */
export function insertAuditCheckpoint(
  db: Kysely<Tables>,
  checkpoint: Insertable<Tables['audit_checkpoints']>,
) {
  return db
    .insertInto('audit_checkpoints')
    .values(checkpoint)
    .onConflict((conflict) => conflict.columns(['council_id', 'seq']).doNothing())
    .execute();
}
