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

/**
 * A read's entries: chained at once if the council's lock is free, else kept pending for the next holder of the
 * lock or the sealing step to seal (migration 0071, ADR 13), so a read never waits for the lock.
 */
export async function appendToAuditChainWithoutWaiting(
  db: Kysely<Tables>,
  councilId: string,
  entries: UnchainedAuditEntry[],
) {
  await sql`select append_audit_entries_without_waiting(${councilId}::uuid, ${JSON.stringify(entries)}::jsonb)`.execute(
    db,
  );
}

/** The councils with entries waiting to be sealed into their chains. */
export function councilsWithPendingAudit(db: Kysely<Tables>) {
  return db.selectFrom('audit_pending').select('council_id').distinct().execute();
}

/** Seals a council's pending entries into its chain, waiting for its lock; how many were sealed. */
export async function sealPendingAudit(db: Kysely<Tables>, councilId: string): Promise<number> {
  const result = await sql<{
    sealed: number;
  }>`select seal_audit_entries(${councilId}::uuid) as sealed`.execute(db);
  return Number(result.rows[0]?.sealed ?? 0);
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
