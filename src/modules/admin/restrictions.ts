import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import {
  accessList,
  addToAccessList,
  allocatedWorkerIds,
  childToRestrict,
  clearAccessList,
  removeFromAccessList,
  restrictedChildren,
  restrictionChanges,
  setChildRestricted,
  workerByEmail,
} from './queries.ts';

/**
 * Restricting a child (issue 17 part 10): a restricted child exists only for the people on its list (DESIGN.md,
 * Permissions), for example the child of a member of staff. Only an administrator manages the list, every change
 * gives a reason, and every change is audited against the child with that reason.
 */

function reasonGiven(reason: string, what: string): string {
  const text = reason.trim();
  if (!text) throw new ValidationError([{ path: 'reason', message: `Enter why you are ${what}` }]);
  if (text.length > 500) {
    throw new ValidationError([{ path: 'reason', message: 'The reason must be 500 characters or fewer' }]);
  }
  return text;
}

export function listRestrictedChildren(db: Database, actor: Actor) {
  return restrictedChildren(db, actor.councilId);
}

/**
 * Restricts the child with this council ID. The workers allocated to the child today go on the list, so that the
 * child's own workers keep the record; the administrator adds or removes others next.
 */
export async function restrictChild(
  db: Database,
  actor: Actor,
  request: { localId: string; reason: string },
) {
  const localId = request.localId.trim();
  if (!localId) throw new ValidationError([{ path: 'localId', message: 'Enter the child’s ID' }]);
  const reason = reasonGiven(request.reason, 'restricting this child');
  return withTransaction(db, actor, async (trx) => {
    const child = await childToRestrict(trx, actor.councilId, { localId });
    if (!child) {
      throw new ValidationError([{ path: 'localId', message: `There is no child with the ID ${localId}` }]);
    }
    if (child.restricted) {
      throw new ValidationError([{ path: 'localId', message: 'This child is already restricted' }]);
    }
    await setChildRestricted(trx, actor.councilId, child.id, true);
    const allocated = await allocatedWorkerIds(trx, actor.councilId, child.id, actor.today);
    const added = await addToAccessList(
      trx,
      actor.councilId,
      child.id,
      allocated.map((row) => row.worker_id),
      actor.now,
    );
    await appendAudit(trx, auditSource(actor), {
      action: 'child.restricted',
      childId: child.id,
      details: { reason, listed: added.map((row) => row.worker_id) },
    });
    return child.id;
  });
}

/** A restricted child as the administrator manages it: who is on the list and every change, with reasons. */
export async function restriction(db: Database, actor: Actor, childId: string) {
  const child = await childToRestrict(db, actor.councilId, { id: childId });
  if (!child || !child.restricted) throw new NotFound();
  const [people, changes] = await Promise.all([
    accessList(db, actor.councilId, childId),
    restrictionChanges(db, actor.councilId, childId),
  ]);
  return { child, people, changes };
}

/** Adds a person, by the email they sign in with, to a restricted child's list. */
export async function allowPerson(
  db: Database,
  actor: Actor,
  childId: string,
  request: { email: string; reason: string },
) {
  const email = request.email.trim().toLowerCase();
  if (!email)
    throw new ValidationError([{ path: 'email', message: 'Enter the email address of the person' }]);
  const reason = reasonGiven(request.reason, 'adding this person');
  await withTransaction(db, actor, async (trx) => {
    const child = await childToRestrict(trx, actor.councilId, { id: childId });
    if (!child || !child.restricted) throw new NotFound();
    const worker = await workerByEmail(trx, actor.councilId, email);
    if (!worker) {
      throw new ValidationError([{ path: 'email', message: `There is no one who signs in as ${email}` }]);
    }
    const added = await addToAccessList(trx, actor.councilId, childId, [worker.id], actor.now);
    if (added.length === 0) {
      throw new ValidationError([{ path: 'email', message: `${email} is already on the list` }]);
    }
    await appendAudit(trx, auditSource(actor), {
      action: 'child.access-list.added',
      childId,
      details: { workerId: worker.id, name: `${worker.given_name} ${worker.family_name}`, email, reason },
    });
  });
}

/** Takes a person off a restricted child's list: from their next request they get "Page not found". */
export async function removePerson(
  db: Database,
  actor: Actor,
  childId: string,
  workerId: string,
  reasonText: string,
) {
  const reason = reasonGiven(reasonText, 'removing this person');
  await withTransaction(db, actor, async (trx) => {
    const child = await childToRestrict(trx, actor.councilId, { id: childId });
    if (!child || !child.restricted) throw new NotFound();
    const person = (await accessList(trx, actor.councilId, childId)).find((p) => p.worker_id === workerId);
    if (!person) throw new NotFound();
    await removeFromAccessList(trx, actor.councilId, childId, workerId);
    await appendAudit(trx, auditSource(actor), {
      action: 'child.access-list.removed',
      childId,
      details: { workerId, name: `${person.given_name} ${person.family_name}`, reason },
    });
  });
}

/**
 * Lifts a restriction: the child is seen again by whoever their allocation and team allow. The list is emptied (a
 * later restriction starts again from the child's workers); who was on it stays in the audit log.
 */
export async function liftRestriction(db: Database, actor: Actor, childId: string, reasonText: string) {
  const reason = reasonGiven(reasonText, 'lifting the restriction');
  await withTransaction(db, actor, async (trx) => {
    const child = await childToRestrict(trx, actor.councilId, { id: childId });
    if (!child || !child.restricted) throw new NotFound();
    await setChildRestricted(trx, actor.councilId, childId, false);
    const unlisted = await clearAccessList(trx, actor.councilId, childId);
    await appendAudit(trx, auditSource(actor), {
      action: 'child.restriction-lifted',
      childId,
      details: { reason, unlisted: unlisted.map((row) => row.worker_id) },
    });
  });
}
