import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.ts';
import type { Tables } from '../db/schema.ts';
import {
  auditChainHead,
  auditEntriesFrom,
  councilIds,
  insertAuditEntries,
  lockAuditChain,
} from './audit-queries.ts';

/** Who an audit entry is about: a signed-in person, or the system (a command, a job) with only a council. */
export interface AuditSource {
  councilId: string;
  userId?: string | null;
  workerId?: string | null;
  ip?: string | null;
  route?: string | null;
  now: Date;
}

export interface AuditEntry {
  action: string;
  outcome?: 'allowed' | 'refused';
  childId?: string | null;
  details?: Record<string, unknown>;
}

const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the same content always hashes the same whatever order jsonb keeps. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

interface HashedFields {
  council_id: string;
  seq: number;
  id: string;
  at: Date;
  user_id: string | null;
  worker_id: string | null;
  action: string;
  outcome: string;
  child_id: string | null;
  route: string | null;
  ip: string | null;
  details: unknown;
  previous_hash: string;
}

/** The SHA-256 of an entry's content, chained to the hash of the entry before it in the same council. */
export function auditHash(entry: HashedFields): string {
  const content = canonicalJson([
    entry.council_id,
    Number(entry.seq),
    entry.id,
    new Date(entry.at).toISOString(),
    entry.user_id,
    entry.worker_id,
    entry.action,
    entry.outcome,
    entry.child_id,
    entry.route,
    entry.ip,
    entry.details,
  ]);
  return createHash('sha256').update(entry.previous_hash).update('\n').update(content).digest('hex');
}

/**
 * Appends entries to the audit log inside the caller's transaction, so an entry exists exactly when the change it
 * records does (STYLE.md rule 4). Entries of one council are chained in order: a transaction-scoped lock on the
 * council makes concurrent writers take turns at the head of the chain.
 */
export async function appendAudit(
  trx: Transaction<Tables>,
  source: AuditSource,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await lockAuditChain(trx, source.councilId);
  const head = await auditChainHead(trx, source.councilId);
  let seq = Number(head?.seq ?? 0);
  let previousHash = head?.hash ?? GENESIS_HASH;
  const rows = list.map((entry) => {
    seq += 1;
    const row: HashedFields = {
      council_id: source.councilId,
      seq,
      id: uuidv7(),
      at: source.now,
      user_id: source.userId ?? null,
      worker_id: source.workerId ?? null,
      action: entry.action,
      outcome: entry.outcome ?? 'allowed',
      child_id: entry.childId ?? null,
      route: source.route ?? null,
      ip: source.ip ?? null,
      details: entry.details ?? {},
      previous_hash: previousHash,
    };
    const hash = auditHash(row);
    previousHash = hash;
    return {
      ...row,
      details: JSON.stringify(row.details),
      outcome: row.outcome as 'allowed' | 'refused',
      hash,
    };
  });
  await insertAuditEntries(trx, rows);
}

/** Appends entries in a transaction of their own: for refusals, whose request's own work is rolled back. */
export async function appendAuditNow(
  db: Database,
  source: AuditSource,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, source, entries));
}

export interface ChainBreak {
  councilId: string;
  seq: number;
  id: string;
  problem: string;
}

/**
 * Recomputes each council's chain from its first entry. Returns the first broken entry of each council whose
 * chain is broken: an entry whose content no longer matches its hash, whose link does not match the entry before,
 * or which follows a gap where entries were removed.
 */
export async function verifyAuditChain(
  db: Database,
  options: { councilId?: string; onProgress?: (checked: number) => void } = {},
): Promise<{ checked: number; breaks: ChainBreak[] }> {
  let councils = await councilIds(db);
  if (options.councilId) councils = councils.filter((council) => council.id === options.councilId);
  const breaks: ChainBreak[] = [];
  let checked = 0;
  for (const { id: councilId } of councils) {
    let expectedSeq = 1;
    let previousHash = GENESIS_HASH;
    let broken: ChainBreak | undefined;
    while (!broken) {
      const batch = await auditEntriesFrom(db, councilId, expectedSeq, 2000);
      if (batch.length === 0) break;
      for (const entry of batch) {
        const seq = Number(entry.seq);
        const fault =
          seq !== expectedSeq
            ? `entries ${expectedSeq} to ${seq - 1} are missing`
            : entry.previous_hash !== previousHash
              ? 'its link to the entry before does not match'
              : auditHash({ ...entry, seq }) !== entry.hash
                ? 'its content does not match its hash'
                : undefined;
        if (fault) {
          broken = { councilId, seq, id: entry.id, problem: fault };
          break;
        }
        checked += 1;
        previousHash = entry.hash;
        expectedSeq = seq + 1;
      }
      options.onProgress?.(checked);
    }
    if (broken) breaks.push(broken);
  }
  return { checked, breaks };
}
