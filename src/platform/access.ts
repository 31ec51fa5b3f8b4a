import type { Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';
import { childIdsAmong, childrenReached, type Scope } from './access-queries.ts';
import type { Actor } from './actor.ts';
import { NotFound, NotPermitted } from './errors.ts';
import type { Role } from './permissions.ts';

/**
 * The one gatekeeper for children's records (DESIGN.md, Permissions; STYLE.md rule 3). It works on sets of ids
 * and never reveals that a child it hides exists: a child the actor may not see is "not found", exactly like an
 * id that names nobody.
 *
 * Access follows allocation and team, widened by role:
 * - social workers, personal advisers and IROs: the children allocated to them (read and write), and the
 *   children of their teams (read only);
 * - team managers: the children of the teams they manage, and their own allocations;
 * - service managers and directors: every child (directors read only);
 * - auditors: the children of their audit samples, read only;
 * - performance analysts and administrators: no child records.
 * A child who has died stays reachable as on the day of death: by the worker then allocated (read and write, for
 *   the closing records) and by that worker's team then (read only; write for its managers).
 * A restricted child is visible only to the workers on its access list, whatever their role.
 * Break-glass grants add read access to one child for the rest of one session.
 */
export type ChildAction = 'read' | 'write';

const scopes: Record<Role, Record<ChildAction, Scope[]>> = {
  'social-worker': { read: ['own', 'team', 'break-glass'], write: ['own'] },
  'personal-adviser': { read: ['own', 'team', 'break-glass'], write: ['own'] },
  'independent-reviewing-officer': { read: ['own', 'team', 'break-glass'], write: ['own'] },
  'team-manager': { read: ['own', 'managed-teams', 'team', 'break-glass'], write: ['own', 'managed-teams'] },
  'service-manager': { read: ['all'], write: ['all'] },
  director: { read: ['all'], write: [] },
  auditor: { read: ['samples'], write: [] },
  'performance-analyst': { read: [], write: [] },
  administrator: { read: [], write: [] },
};

/**
 * SQL giving the ids of the children the actor may read (or write): every list and search query joins it,
 * as `where children.id in (allowedChildren(actor))`.
 */
export function allowedChildren(actor: Actor, action: ChildAction = 'read') {
  return childrenReached(actor, scopes[actor.role][action]);
}

/** Which of `childIds` the actor may see: for lists that leave out, rather than refuse, the children hidden. */
export function visibleChildIds(db: Kysely<Tables>, actor: Actor, childIds: readonly string[]) {
  return childIdsAmong(db, actor, childIds, allowedChildren(actor, 'read'));
}

/**
 * The children whose audit trail someone who oversees access (an auditor, a service manager, a director) may read,
 * without reading their record: every child of the council except the restricted ones whose list does not name
 * them, who stay hidden here as everywhere (issue 17 part 10).
 */
export function childrenOverseen(actor: Actor) {
  return childrenReached(actor, ['all']);
}

/** Checks that the actor may read the audit trail of `childId`: NotFound, audited, when the child is hidden. */
export async function requireOverseen(db: Kysely<Tables>, actor: Actor, childId: string): Promise<void> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(childId);
  const seen = uuid ? await childIdsAmong(db, actor, [childId], childrenOverseen(actor)) : new Set<string>();
  if (!seen.has(childId)) throw refusal(new NotFound(), 'read', [childId]);
}

/** Whether the actor's role reaches children outside allocation only by breaking glass. */
export function mayBreakGlass(actor: Actor): boolean {
  return actor.sessionId !== null && scopes[actor.role].read.includes('break-glass');
}

/**
 * Checks that the actor may `action` every one of `childIds`. A child they may not see gives NotFound, the same
 * as an unknown id; a child they may see but not change gives NotPermitted. Either refusal carries its audit
 * entries, one per child refused.
 */
export async function requireChildren(
  db: Kysely<Tables>,
  actor: Actor,
  action: ChildAction,
  childIds: readonly string[],
): Promise<void> {
  const wanted = [...new Set(childIds)];
  if (wanted.length === 0) return;
  const uuids = wanted.filter((id) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id),
  );
  const visible =
    uuids.length === 0
      ? new Set<string>()
      : await childIdsAmong(db, actor, uuids, allowedChildren(actor, 'read'));
  const hidden = wanted.filter((id) => !visible.has(id));
  if (hidden.length > 0) {
    throw refusal(new NotFound(), action, hidden);
  }
  if (action === 'write') {
    const writable = await childIdsAmong(db, actor, wanted, allowedChildren(actor, 'write'));
    const readOnly = wanted.filter((id) => !writable.has(id));
    if (readOnly.length > 0) throw refusal(new NotPermitted(), action, readOnly);
  }
}

function refusal<E extends NotFound | NotPermitted>(error: E, action: ChildAction, childIds: string[]): E {
  error.refusals = childIds.map((childId) => ({
    action: `child.${action}.refused`,
    outcome: 'refused' as const,
    // An id that is not a UUID names no child at all; it is kept in the details, not as a child.
    childId: /^[0-9a-f-]{36}$/i.test(childId) ? childId : null,
    details: /^[0-9a-f-]{36}$/i.test(childId) ? {} : { requested: childId.slice(0, 100) },
  }));
  return error;
}
