import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { repeatEvery } from './repeating-job.ts';
import type { Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Tables } from '../db/schema.ts';
import {
  auditChainHead,
  auditCheckpoints,
  councilIds,
  insertAuditCheckpoint,
  latestAuditCheckpoint,
} from './audit-queries.ts';
import {
  chainStart,
  sealPendingAuditEntries,
  walkAuditChain,
  type ChainAnchor,
  type ChainBreak,
  type ChainPoint,
} from './audit.ts';

/**
 * A council's chain head at an instant, signed with HMAC-SHA256 under HEARTH_AUDIT_KEY (ADR 13). The key is not
 * in the database, so whoever rewrites the database cannot sign the chain they make: a recomputed chain no longer
 * passes through a signed head, and a shortened one ends before it.
 */
export interface AuditCheckpoint {
  councilId: string;
  seq: number;
  hash: string;
  /** When it was signed, as an ISO 8601 instant. */
  at: string;
  signature: string;
}

function signedText(checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return [
    'hearth-audit-checkpoint-1',
    checkpoint.councilId,
    checkpoint.seq,
    checkpoint.hash,
    checkpoint.at,
  ].join('\n');
}

/** The checkpoint's signature: HMAC-SHA256 of its council, entry, hash and instant under the key. */
export function signCheckpoint(key: string, checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return createHmac('sha256', key).update(signedText(checkpoint)).digest('hex');
}

export function checkpointIsSigned(key: string, checkpoint: AuditCheckpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, checkpoint), 'hex');
  const given = Buffer.from(checkpoint.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The checkpoints kept in the database, as the file holds them. */
export async function storedCheckpoints(db: Database, councilId?: string): Promise<AuditCheckpoint[]> {
  return (await auditCheckpoints(db, councilId)).map(checkpointOfRow);
}

function checkpointOfRow(row: Selectable<Tables['audit_checkpoints']>): AuditCheckpoint {
  return {
    councilId: row.council_id,
    seq: Number(row.seq),
    hash: row.hash,
    at: new Date(row.at).toISOString(),
    signature: row.signature,
  };
}

/** The checkpoints exported to a file, one JSON object a line; a line that is not one is an error naming it. */
export async function checkpointsFromFile(path: string): Promise<AuditCheckpoint[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  return lines.flatMap((line, index) => {
    if (!line.trim()) return [];
    try {
      const parsed = JSON.parse(line) as AuditCheckpoint;
      const texts = [parsed.councilId, parsed.hash, parsed.at, parsed.signature];
      if (texts.every((text) => typeof text === 'string') && Number.isSafeInteger(parsed.seq))
        return [parsed];
    } catch {
      // Reported below with its line number.
    }
    throw new Error(`Line ${index + 1} of ${path} is not a checkpoint.`);
  });
}

/**
 * Signs the head of every council's chain that has grown since its last checkpoint, keeps the checkpoint and
 * appends it to `file` if one is configured. A chain is signed only once it is checked from the last checkpoint
 * to the head, so a chain rewritten in between is never signed: it is returned among `refused`.
 */
export async function writeAuditCheckpoints(
  db: Database,
  options: { key: string; file: string | null; now: Date },
): Promise<{ written: AuditCheckpoint[]; refused: ChainBreak[] }> {
  const written: AuditCheckpoint[] = [];
  const refused: ChainBreak[] = [];
  await sealPendingAuditEntries(db);
  for (const { id: councilId } of await councilIds(db)) {
    const head = await auditChainHead(db, councilId);
    if (!head) continue;
    const lastRow = await latestAuditCheckpoint(db, councilId);
    const last = lastRow && checkpointOfRow(lastRow);
    const from = last ?? chainStart;
    if (from.seq === Number(head.seq) && from.hash === head.hash) continue;
    if (Number(head.seq) <= from.seq) {
      const problem = `the chain ends at entry ${head.seq}, not at the hash signed for entry ${from.seq}`;
      refused.push({ councilId, seq: Number(head.seq), id: null, problem });
      continue;
    }
    if (last && !checkpointIsSigned(options.key, last)) {
      refused.push({ councilId, seq: last.seq, id: null, problem: unsignedProblem(last) });
      continue;
    }
    const walked = await walkAuditChain(db, councilId, from, { untilSeq: Number(head.seq) });
    const broken =
      walked.broken ??
      (walked.head.seq === Number(head.seq) ? undefined : notReached(councilId, walked.head, from));
    if (broken) {
      refused.push(broken);
      continue;
    }
    const unsigned = {
      councilId,
      seq: walked.head.seq,
      hash: walked.head.hash,
      at: options.now.toISOString(),
    };
    const checkpoint = { ...unsigned, signature: signCheckpoint(options.key, unsigned) };
    await insertAuditCheckpoint(db, {
      council_id: councilId,
      seq: checkpoint.seq,
      hash: checkpoint.hash,
      at: checkpoint.at,
      signature: checkpoint.signature,
    });
    if (options.file) await appendFile(options.file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o640 });
    written.push(checkpoint);
  }
  return { written, refused };
}

function notReached(councilId: string, reached: ChainPoint, from: ChainPoint): ChainBreak {
  return {
    councilId,
    seq: reached.seq + 1,
    id: null,
    problem: `the chain after entry ${from.seq} ends early`,
  };
}

function unsignedProblem(checkpoint: AuditCheckpoint): string {
  return `the checkpoint of entry ${checkpoint.seq} at ${checkpoint.at} is not signed with this HEARTH_AUDIT_KEY`;
}

/**
 * What a council's signed checkpoints say of its chain (ADR 13): each entry a checkpoint names must have the
 * hash it signed, and the chain must reach the newest checkpoint. A checkpoint whose signature is wrong was not
 * made by Hearth (or under another key) and is itself a break.
 */
export function anchorOf(key: string, checkpoints: AuditCheckpoint[], councilId: string): ChainAnchor {
  const own = checkpoints.filter((checkpoint) => checkpoint.councilId === councilId);
  const forged = own.find((checkpoint) => !checkpointIsSigned(key, checkpoint));
  const signed = own.filter((checkpoint) => checkpoint !== forged && checkpointIsSigned(key, checkpoint));
  const bySeq = new Map<number, AuditCheckpoint[]>();
  for (const checkpoint of signed)
    bySeq.set(checkpoint.seq, [...(bySeq.get(checkpoint.seq) ?? []), checkpoint]);
  const newest = signed.reduce<AuditCheckpoint | undefined>(
    (found, checkpoint) => (!found || checkpoint.seq > found.seq ? checkpoint : found),
    undefined,
  );
  let lastMatched = 0;
  return {
    check: ({ seq, hash }) => {
      const differing = bySeq.get(seq)?.find((checkpoint) => checkpoint.hash !== hash);
      if (differing) {
        return `it differs from the checkpoint signed at ${differing.at}: an entry after entry ${lastMatched} was rewritten and the chain recomputed`;
      }
      if (bySeq.has(seq)) lastMatched = seq;
      return undefined;
    },
    atHead: (head) => {
      if (forged) return { councilId, seq: forged.seq, id: null, problem: unsignedProblem(forged) };
      if (!newest || newest.seq <= head.seq) return undefined;
      const problem =
        head.seq === 0
          ? `all ${newest.seq} of the council’s entries are missing: its whole log was deleted after the checkpoint of ${newest.at}`
          : `entries ${head.seq + 1} to ${newest.seq} are missing: the newest entries were deleted after the checkpoint of ${newest.at}`;
      return { councilId, seq: head.seq + 1, id: null, problem };
    },
  };
}

/**
 * Signs the chains' heads every HEARTH_AUDIT_CHECKPOINT_SECONDS while the server runs, one round at a time, and
 * logs each checkpoint too, so a log shipped to syslog or the council's SIEM holds a copy. Returns its stop.
 */
export function scheduleAuditCheckpoints(app: FastifyInstance): () => Promise<void> {
  const { db, config, clock } = app.hearth;
  const run = async () => {
    const result = await writeAuditCheckpoints(db, {
      key: config.auditKey,
      file: config.auditCheckpointFile,
      now: clock(),
    });
    for (const checkpoint of result.written)
      app.log.info({ auditCheckpoint: checkpoint }, 'Audit checkpoint');
    for (const broken of result.refused) {
      app.log.error({ auditChainBreak: broken }, 'The audit chain does not verify; its head was not signed');
    }
  };
  // A last round on the way out, so the entries of the last minute do not wait for the next start to be signed.
  return repeatEvery(
    config.auditCheckpointSeconds * 1000,
    run,
    app.log,
    'Audit checkpoints failed; they will be tried again',
    { runOnStop: true },
  );
}

/**
 * The sealing step (ADR 13): twice a second while `hearth serve` runs, the entries reads left pending because the
 * council's lock was busy are sealed into the chain, so none waits longer than that. Returns its stop, which
 * seals once more. (Not part of every server: tests count the statements a request sends.)
 */
export function scheduleAuditSealing(app: FastifyInstance): () => Promise<void> {
  const { db } = app.hearth;
  let sealing: Promise<unknown> = Promise.resolve();
  const seal = () => {
    sealing = sealing
      .then(() => sealPendingAuditEntries(db))
      .catch((error: unknown) => app.log.error({ err: error }, 'Sealing the pending audit entries failed'));
    return sealing;
  };
  const timer = setInterval(() => void seal(), 500);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await seal();
  };
}
