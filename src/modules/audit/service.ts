import type { Database } from '../../db/database.ts';
import { requireChildren, requireOverseen } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit, councilsToVerify, verifyAuditChain, type ChainBreak } from '../../platform/audit.ts';
import {
  anchorOf,
  checkpointsFromFile,
  storedCheckpoints,
  type AuditCheckpoint,
} from '../../platform/audit-checkpoints.ts';
import { auditedFactsCollector, factsUnlikeTheirAudit, type FactsCheck } from './facts.ts';
import { notesUnlikeTheirAudit } from '../casenotes/service.ts';
import { NotFound } from '../../platform/errors.ts';
import { roleCan } from '../../platform/permissions.ts';
import type { Order } from '../../platform/lists.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import {
  breakGlassGrants,
  childAccessEntries,
  childNamed,
  councilTeams,
  markGrantReviewed,
  searchAuditEntries,
  type AuditFilter,
} from './queries.ts';

/**
 * "Who has seen this child's record": for team managers, the children they may see; for those who search the audit
 * trail (auditors, service managers, directors), any child not restricted from them, without opening the record.
 */
export async function childAccessLog(
  db: Database,
  actor: Actor,
  childId: string,
  list: { page?: number; order: Order },
) {
  return withTransaction(db, actor, async (trx) => {
    if (roleCan(actor.role, 'audit:search')) await requireOverseen(trx, actor, childId);
    else await requireChildren(trx, actor, 'read', [childId]);
    const entries = await childAccessEntries(trx, actor.councilId, childId, list);
    await appendAudit(trx, auditSource(actor), { action: 'child.access-log.viewed', childId });
    const child = await childNamed(trx, actor.councilId, childId);
    return { childName: child.name, localId: child.localId, entries };
  });
}

/** The audit trail: one page of the entries matching the search, and the teams to filter by. */
export async function searchAudit(
  db: Database,
  actor: Actor,
  filter: AuditFilter,
  list: { page?: number; order: Order },
) {
  return withTransaction(db, actor, async (trx) => {
    const entries = await searchAuditEntries(trx, actor, filter, list);
    await appendAudit(trx, auditSource(actor), { action: 'audit.searched', details: { ...filter } });
    return { entries, teams: await councilTeams(trx, actor.councilId) };
  });
}

const seniorRoles = new Set(['service-manager', 'director']);

export async function accessToReview(db: Database, actor: Actor, page: number | undefined) {
  return breakGlassGrants(db, actor, seniorRoles.has(actor.role), { page });
}

export async function reviewGrant(db: Database, actor: Actor, grantId: string) {
  return withTransaction(db, actor, async (trx) => {
    const visible = await breakGlassGrants(trx, actor, seniorRoles.has(actor.role), { grantId });
    if (!visible.rows.length) throw new NotFound();
    const grant = await markGrantReviewed(trx, actor, grantId);
    if (grant) {
      await appendAudit(trx, auditSource(actor), {
        action: 'access.reviewed',
        childId: grant.child_id,
        details: { grantId },
      });
    }
  });
}

export interface AuditTrailCheck {
  /** Audit entries whose chain was recomputed and held to its checkpoints. */
  checked: number;
  breaks: ChainBreak[];
  /** Checkpoints the chains were held to: the database's, and the exported file's if one was given. */
  checkpoints: number;
  notes: {
    checked: number;
    unhashed: number;
    differing: { councilId: string; noteId: string; writtenAt: string }[];
  };
  /** The record's facts held to the hashes their changes' entries carry (ADR 17). */
  facts: FactsCheck;
}

/**
 * `hearth audit verify` (issue 22 part 2, ADR 13): recomputes each council's chain and holds it to its signed
 * checkpoints, those kept in the database and those exported to `checkpointFile`, which the database's
 * administrator cannot rewrite; then checks each case note against the content hash its audit entries carry, and
 * the record's facts against the hashes of what each change wrote (ADR 17).
 */
export async function verifyAuditTrail(
  db: Database,
  options: {
    key: string;
    councilId?: string;
    checkpointFile?: string;
    onProgress?: (checked: number) => void;
  },
): Promise<AuditTrailCheck> {
  const checkpoints: AuditCheckpoint[] = [
    ...(await storedCheckpoints(db, options.councilId)),
    ...(options.checkpointFile ? await checkpointsFromFile(options.checkpointFile) : []),
  ];
  const collected = auditedFactsCollector();
  const chain = await verifyAuditChain(db, {
    councilId: options.councilId,
    onEntry: collected.onEntry,
    onProgress: options.onProgress,
    anchor: (councilId) => anchorOf(options.key, checkpoints, councilId),
    alsoCouncils: checkpoints.map((checkpoint) => checkpoint.councilId),
  });
  const notes: AuditTrailCheck['notes'] = { checked: 0, unhashed: 0, differing: [] };
  for (const councilId of await councilsToVerify(db, options.councilId)) {
    const found = await notesUnlikeTheirAudit(db, councilId);
    notes.checked += found.checked;
    notes.unhashed += found.unhashed;
    notes.differing.push(...found.differing.map((note) => ({ councilId, ...note })));
  }
  const facts = await factsUnlikeTheirAudit(db, collected);
  return { ...chain, checkpoints: checkpoints.length, notes, facts };
}
