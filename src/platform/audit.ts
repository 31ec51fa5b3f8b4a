import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.ts';
import type { Tables } from '../db/schema.ts';
import type { AuditActionName } from './audit-actions.ts';
import {
  appendToAuditChain,
  auditEntriesFrom,
  councilIds,
  type UnchainedAuditEntry,
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
  action: AuditActionName;
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

/**
 * An entry's canonical JSON in two parts, either side of its sequence number: the database numbers an entry as
 * it appends it (migration 0061) and completes the content there.
 */
function contentAroundSeq(entry: Omit<HashedFields, 'seq' | 'previous_hash'>): [string, string] {
  const after = [
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
  ];
  return [`[${canonicalJson(entry.council_id)},`, `,${after.map(canonicalJson).join(',')}]`];
}

/** The SHA-256 of an entry's content, chained to the hash of the entry before it in the same council. */
export function auditHash(entry: HashedFields): string {
  const [before, after] = contentAroundSeq(entry);
  const content = `${before}${canonicalJson(Number(entry.seq))}${after}`;
  return createHash('sha256').update(entry.previous_hash).update('\n').update(content).digest('hex');
}

/**
 * Appends entries to the council's audit chain in one statement (migration 0061, ADR 12). Given a transaction,
 * the entries exist exactly when the change they record does (STYLE.md rule 4), and the council's lock is held
 * from this statement to the commit: call it last. Given the database, the statement is its own transaction
 * and holds the lock for itself alone, as a read's entries are written (`withAuditedRead`).
 */
export async function appendAudit(
  db: Kysely<Tables>,
  source: AuditSource,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const unchained = list.map((entry): UnchainedAuditEntry => {
    const fields = {
      council_id: source.councilId,
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
    };
    const [before, after] = contentAroundSeq(fields);
    const { council_id: _council, ...row } = fields;
    return { ...row, at: fields.at.toISOString(), content_before_seq: before, content_after_seq: after };
  });
  await appendToAuditChain(db, source.councilId, unchained);
}

/** Appends entries in a statement of their own: for refusals, whose request's own work is rolled back. */
export async function appendAuditNow(
  db: Database,
  source: AuditSource,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  await appendAudit(db, source, entries);
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
