import type { Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Tables } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { appendAuditNow, appendReadAudit, type AuditEntry } from './audit.ts';
import { nameTheActor } from './history-queries.ts';
import { HearthError } from './errors.ts';

/**
 * Runs one use case in one transaction. If it is refused, its work is rolled back and the refusal's audit
 * entries are then written in a transaction of their own, so a refusal is never lost with the rollback.
 * The transaction tells the database who is acting and when, so that the record's history (migration 0050)
 * keeps the actor's time and name for every version a change replaces.
 */
export async function withTransaction<T>(
  db: Database,
  actor: Actor,
  work: (trx: Transaction<Tables>) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      await nameTheActor(trx, actor);
      return work(trx);
    });
  } catch (error) {
    if (error instanceof HearthError && error.refusals.length > 0) {
      await appendAuditNow(db, auditSource(actor), error.refusals);
    }
    throw error;
  }
}

/**
 * Runs a use case that only reads: its queries in one transaction, then the entries it audits (passed to `audit`)
 * appended after the commit in one statement of their own that never waits for the council's lock: chained at once
 * if it is free, else sealed into the chain within half a second (issue 22 part 2, ADRs 12 and 13). Nothing is returned until its
 * entries are written; refusals are written as in `withTransaction`. A use case that changes the record uses
 * `withTransaction`, whose entries commit with the change.
 */
export async function withAuditedRead<T>(
  db: Database,
  actor: Actor,
  work: (trx: Transaction<Tables>, audit: (entries: AuditEntry | AuditEntry[]) => void) => Promise<T>,
): Promise<T> {
  const entries: AuditEntry[] = [];
  const result = await withTransaction(db, actor, (trx) =>
    work(trx, (more) => entries.push(...[more].flat())),
  );
  await appendReadAudit(db, auditSource(actor), entries);
  return result;
}

/** The audit log's view of an actor. */
export function auditSource(actor: Actor) {
  return {
    councilId: actor.councilId,
    userId: actor.userId,
    workerId: actor.workerId,
    ip: actor.ip,
    route: actor.route,
    now: actor.now,
  };
}
