import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { mayBreakGlass, requireChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, NotPermitted, ValidationError } from '../../platform/errors.ts';
import { auditSource, withAuditedRead, withTransaction } from '../../platform/transactions.ts';
import { recordHistory, updateVersioned } from '../../platform/versioning.ts';
import { journeyStatusOf } from '../journey/journey-record.ts';
import { statusesOf } from '../journey/service.ts';
import { readRecord } from '../record/service.ts';
import {
  childById,
  currentAllocations,
  insertBreakGlassGrant,
  unrestrictedChildByLocalId,
} from './queries.ts';

/**
 * Opens a child's record with their journey status: refused as "not found" unless the gatekeeper allows it; every
 * read is audited. The whole record is returned too, read once, for the page's header and return problems.
 */
export async function viewChild(db: Database, actor: Actor, childId: string) {
  return withAuditedRead(db, actor, async (trx, audit) => {
    const record = (await readRecord(trx, actor, [childId])).get(childId)!;
    const status = journeyStatusOf(record, actor.today);
    const child = { ...(await childById(trx, actor.councilId, childId)), status };
    const allocations = await currentAllocations(trx, actor.councilId, childId, actor.today);
    const history = await recordHistory(trx, actor.councilId, 'children', childId);
    audit({ action: 'child.viewed', childId });
    return { child, allocations, history, record };
  });
}

export interface ChildNameChange {
  version: number;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  reason?: string;
}

/**
 * Changes a child's names or date of birth, refusing an edit based on a stale version. Gives back the child as
 * changed, so the one entry of the change (`child.updated`) covers showing it too.
 */
export async function updateChild(db: Database, actor: Actor, childId: string, change: ChildNameChange) {
  const problems = [
    ...(change.givenName.trim() ? [] : [{ path: 'givenName', message: 'Enter the child’s given name' }]),
    ...(change.familyName.trim() ? [] : [{ path: 'familyName', message: 'Enter the child’s family name' }]),
    ...(change.dateOfBirth && change.dateOfBirth > actor.today
      ? [{ path: 'dateOfBirth', message: 'Date of birth must be today or in the past' }]
      : []),
  ];
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    if (problems.length) throw new ValidationError(problems);
    const version = await updateVersioned(
      trx,
      actor,
      { table: 'children', id: childId, expectedVersion: change.version, reason: change.reason },
      {
        given_name: change.givenName.trim(),
        family_name: change.familyName.trim(),
        date_of_birth: change.dateOfBirth,
      },
    );
    const statuses = await statusesOf(trx, actor, [childId]);
    const child = { ...(await childById(trx, actor.councilId, childId)), status: statuses.get(childId)! };
    await appendAudit(trx, auditSource(actor), { action: 'child.updated', childId, details: { version } });
    return child;
  });
}

/**
 * Break-glass: opens a child outside the actor's access for the rest of this session, with a reason that is
 * audited and shown to managers for review. A restricted child cannot be reached this way: for anyone not on its
 * list it does not exist.
 */
export async function breakGlass(db: Database, actor: Actor, request: { localId: string; reason: string }) {
  if (!mayBreakGlass(actor)) throw new NotPermitted();
  const problems = [
    ...(request.localId.trim() ? [] : [{ path: 'localId', message: 'Enter the child’s ID' }]),
    ...(request.reason.trim().length >= 10
      ? []
      : [{ path: 'reason', message: 'Explain why you need to open this record, in 10 characters or more' }]),
  ];
  if (problems.length) throw new ValidationError(problems);
  return withTransaction(db, actor, async (trx) => {
    const child = await unrestrictedChildByLocalId(trx, actor.councilId, request.localId.trim());
    if (!child) {
      const error = new NotFound();
      error.refusals = [
        {
          action: 'child.break-glass.refused',
          outcome: 'refused',
          details: { localId: request.localId.slice(0, 50) },
        },
      ];
      throw error;
    }
    await insertBreakGlassGrant(trx, {
      council_id: actor.councilId,
      id: uuidv7(),
      session_id: actor.sessionId!,
      user_id: actor.userId,
      child_id: child.id,
      reason: request.reason.trim(),
      granted_at: actor.now,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'child.break-glass',
      childId: child.id,
      details: { reason: request.reason.trim() },
    });
    return child.id;
  });
}
