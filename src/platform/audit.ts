import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../db/database.ts';
import type { Tables } from '../db/schema.ts';
import type { AuditActionName } from './audit-actions.ts';
import {
  appendToAuditChain,
  appendToAuditChainWithoutWaiting,
  auditEntriesFrom,
  councilsWithPendingAudit,
  sealPendingAudit,
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
  /** The facts the change wrote, "table key hash" a line (migration 0086, ADR 17); on its first entry only. */
  facts?: string | null;
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

/**
 * The SHA-256 of an entry's content, chained to the hash of the entry before it in the same council; the facts a
 * change wrote follow its first entry's content after a newline (ADR 17).
 */
export function auditHash(entry: HashedFields): string {
  const [before, after] = contentAroundSeq(entry);
  const content = `${before}${canonicalJson(Number(entry.seq))}${after}`;
  const hash = createHash('sha256').update(entry.previous_hash).update('\n').update(content);
  if (entry.facts != null) hash.update('\n').update(entry.facts);
  return hash.digest('hex');
}

/**
 * Appends entries to the council's audit chain in one statement (migration 0061, ADR 12). Given a transaction,
 * the entries exist exactly when the change they record does (STYLE.md rule 4), and the council's lock is held
 * from this statement to the commit: call it last. Given the database, the statement is its own transaction
 * and holds the lock for itself alone. Entries pending from reads (`appendReadAudit`) are sealed first.
 */
export async function appendAudit(
  db: Kysely<Tables>,
  source: AuditSource,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const unchained = unchainedEntries(source, entries);
  if (unchained.length) await appendToAuditChain(db, source.councilId, unchained);
}

/**
 * Appends a read's entries without waiting for the council's lock (ADR 13): chained at once if it is free, else
 * kept pending and sealed into the chain, in order, by the next holder of the lock or `sealPendingAuditEntries`
 * within half a second. Either way they are written before this returns.
 */
export async function appendReadAudit(
  db: Database,
  source: AuditSource,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const unchained = unchainedEntries(source, entries);
  if (unchained.length) await appendToAuditChainWithoutWaiting(db, source.councilId, unchained);
}

/** Seals every council's pending entries into its chain: the sealing step `hearth serve` runs twice a second. */
export async function sealPendingAuditEntries(db: Database): Promise<number> {
  let sealed = 0;
  for (const { council_id } of await councilsWithPendingAudit(db))
    sealed += await sealPendingAudit(db, council_id);
  return sealed;
}

function unchainedEntries(source: AuditSource, entries: AuditEntry | AuditEntry[]): UnchainedAuditEntry[] {
  return [entries].flat().map((entry): UnchainedAuditEntry => {
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
  /** The broken entry's id; null when the entry is missing altogether. */
  id: string | null;
  problem: string;
}

/** A point of a council's chain: an entry's sequence number and hash (0 and the genesis hash before the first). */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/** What `hearth audit verify` keeps of a good entry beyond the chain: when it was written and the facts it wrote. */
export interface AuditedEntry {
  councilId: string;
  seq: number;
  at: Date;
  facts: string | null;
}

export const chainStart: ChainPoint = { seq: 0, hash: GENESIS_HASH };

/**
 * Recomputes a council's chain from the entry after `from` (up to `untilSeq`, or its end): each entry's content
 * must match its hash, its link the entry before, its sequence number follow without a gap, and `check`, if given,
 * must find nothing wrong with it (a checkpoint's hash, ADR 13). Returns the last good point and the first break.
 */
export async function walkAuditChain(
  db: Kysely<Tables>,
  councilId: string,
  from: ChainPoint,
  options: {
    untilSeq?: number;
    check?: (point: ChainPoint) => string | undefined;
    onProgress?: (checked: number) => void;
    /** Each entry found good, in order: to hold the record's facts to what the entries say was written. */
    onEntry?: (entry: AuditedEntry) => void;
  } = {},
): Promise<{ checked: number; head: ChainPoint; broken?: ChainBreak }> {
  let head = from;
  let checked = 0;
  for (;;) {
    const batch = await auditEntriesFrom(db, councilId, head.seq + 1, 2000, options.untilSeq);
    if (batch.length === 0) return { checked, head };
    for (const entry of batch) {
      const seq = Number(entry.seq);
      const fault =
        seq !== head.seq + 1
          ? `entries ${head.seq + 1} to ${seq - 1} are missing`
          : entry.previous_hash !== head.hash
            ? 'its link to the entry before does not match'
            : auditHash({ ...entry, seq }) !== entry.hash
              ? 'its content does not match its hash'
              : options.check?.({ seq, hash: entry.hash });
      if (fault) return { checked, head, broken: { councilId, seq, id: entry.id, problem: fault } };
      checked += 1;
      head = { seq, hash: entry.hash };
      options.onEntry?.({ councilId, seq, at: new Date(entry.at), facts: entry.facts });
    }
    options.onProgress?.(checked);
  }
}

/**
 * Recomputes each council's chain from its first entry. Returns the first broken entry of each council whose
 * chain is broken: an entry whose content no longer matches its hash, whose link does not match the entry before,
 * or which follows a gap where entries were removed. With `anchor`, each chain is also held to its signed
 * checkpoints (ADR 13), which find what a recomputed or shortened chain hides.
 */
export async function verifyAuditChain(
  db: Database,
  options: {
    councilId?: string;
    onProgress?: (checked: number) => void;
    anchor?: (councilId: string) => ChainAnchor;
    onEntry?: (entry: AuditedEntry) => void;
    /** Councils known only from their checkpoints: a council whose whole log is gone. */
    alsoCouncils?: string[];
  } = {},
): Promise<{ checked: number; breaks: ChainBreak[] }> {
  const known = await councilsToVerify(db);
  let councils = [...new Set([...known, ...(options.alsoCouncils ?? [])])].sort();
  if (options.councilId) councils = councils.filter((council) => council === options.councilId);
  const breaks: ChainBreak[] = [];
  let checked = 0;
  for (const councilId of councils) {
    const anchor = options.anchor?.(councilId);
    const walked = await walkAuditChain(db, councilId, chainStart, {
      check: anchor?.check,
      onProgress: (count) => options.onProgress?.(checked + count),
      onEntry: options.onEntry,
    });
    checked += walked.checked;
    const broken = walked.broken ?? anchor?.atHead(walked.head);
    if (broken) breaks.push(broken);
  }
  return { checked, breaks };
}

/** Every council's id, or only the one asked for if it exists. */
export async function councilsToVerify(db: Kysely<Tables>, councilId?: string): Promise<string[]> {
  const ids = (await councilIds(db)).map((council) => council.id);
  return councilId ? ids.filter((id) => id === councilId) : ids;
}

/** What a council's checkpoints say of its chain: of each entry as it is walked, and of where the chain ends. */
export interface ChainAnchor {
  check: (point: ChainPoint) => string | undefined;
  atHead: (head: ChainPoint) => ChainBreak | undefined;
}
