import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Tables } from '../db/schema.ts';
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
 * A restricted child is visible only to the workers on its access list, whatever their role.
 * Break-glass grants add read access to one child for the rest of one session.
 */
export type ChildAction = 'read' | 'write';

type Scope = 'own' | 'team' | 'managed-teams' | 'all' | 'samples' | 'break-glass';

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

/** Allocations current on `today`: started, and not ended before it. */
function currentAllocation(actor: Actor) {
  return sql<SqlBool>`a.from_date <= ${actor.today} and (a.to_date is null or a.to_date >= ${actor.today})`;
}

/** Teams the actor belongs to on `today`; with `managing`, only those they manage. */
function actorTeams(actor: Actor, managing: boolean) {
  return sql`select m.team_id from team_memberships m
    where m.council_id = ${actor.councilId} and m.worker_id = ${actor.workerId}
      and m.from_date <= ${actor.today} and (m.to_date is null or m.to_date >= ${actor.today})
      ${managing ? sql`and m.manages` : sql``}`;
}

/**
 * The ids of the children one scope reaches, built from the few rows that grant access (allocations, memberships,
 * samples, grants) rather than by testing every child of the council, so large councils stay fast.
 */
function scopeChildren(scope: Exclude<Scope, 'all'>, actor: Actor) {
  switch (scope) {
    case 'own':
      return sql`select a.child_id from allocations a
        where a.council_id = ${actor.councilId} and a.worker_id = ${actor.workerId} and ${currentAllocation(actor)}`;
    case 'team':
    case 'managed-teams':
      return sql`select a.child_id from allocations a
        join team_memberships tm on tm.council_id = a.council_id and tm.worker_id = a.worker_id
          and tm.from_date <= ${actor.today} and (tm.to_date is null or tm.to_date >= ${actor.today})
        where a.council_id = ${actor.councilId} and ${currentAllocation(actor)}
          and tm.team_id in (${actorTeams(actor, scope === 'managed-teams')})`;
    case 'samples':
      return sql`select sc.child_id from audit_sample_children sc
        join audit_samples s on s.council_id = sc.council_id and s.id = sc.sample_id
        where sc.council_id = ${actor.councilId} and s.auditor_id = ${actor.workerId}`;
    case 'break-glass':
      return actor.sessionId
        ? sql`select g.child_id from break_glass_grants g
            where g.council_id = ${actor.councilId} and g.session_id = ${actor.sessionId}`
        : undefined;
  }
}

/**
 * SQL giving the ids of the children the actor may read (or write): every list and search query joins it,
 * as `where children.id in (allowedChildren(actor))`.
 */
export function allowedChildren(actor: Actor, action: ChildAction = 'read') {
  const granted = scopes[actor.role][action];
  const reached = granted.includes('all')
    ? sql<SqlBool>`true`
    : (() => {
        const sets = granted
          .map((name) => scopeChildren(name as Exclude<Scope, 'all'>, actor))
          .filter((set) => set !== undefined);
        return sets.length === 0
          ? sql<SqlBool>`false`
          : sql<SqlBool>`c.id in (${sql.join(sets, sql` union `)})`;
      })();
  return sql<{ id: string }>`select c.id from children c
    where c.council_id = ${actor.councilId}
      and (not c.restricted or exists (select 1 from child_access_lists l
        where l.council_id = c.council_id and l.child_id = c.id and l.worker_id = ${actor.workerId}))
      and ${reached}`;
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
  const visibleRows =
    uuids.length === 0
      ? []
      : await db
          .selectFrom('children')
          .select('id')
          .where('council_id', '=', actor.councilId)
          .where('id', 'in', uuids)
          .where(sql<SqlBool>`id in (${allowedChildren(actor, 'read')})`)
          .execute();
  const visible = new Set(visibleRows.map((row) => row.id));
  const hidden = wanted.filter((id) => !visible.has(id));
  if (hidden.length > 0) {
    throw refusal(new NotFound(), action, hidden);
  }
  if (action === 'write') {
    const writableRows = await db
      .selectFrom('children')
      .select('id')
      .where('council_id', '=', actor.councilId)
      .where('id', 'in', wanted)
      .where(sql<SqlBool>`id in (${allowedChildren(actor, 'write')})`)
      .execute();
    const writable = new Set(writableRows.map((row) => row.id));
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
