import { sql, type Kysely, type SqlBool } from 'kysely';
import { currentOn } from '../db/current-on.ts';
import type { Tables } from '../db/schema.ts';
import type { Actor } from './actor.ts';

/** The ways a role reaches children (see `access.ts` for which role has which). */
export type Scope = 'own' | 'team' | 'managed-teams' | 'all' | 'samples' | 'break-glass';

/** Teams the actor belongs to on `today`; with `managing`, only those they manage. */
function actorTeams(actor: Actor, managing: boolean) {
  return sql`select m.team_id from team_memberships m
    where m.council_id = ${actor.councilId} and m.worker_id = ${actor.workerId}
      and ${currentOn('m', actor.today)}
      ${managing ? sql`and m.manages` : sql``}`;
}

/**
 * A child who has died keeps the workers who held the case when they died, and those workers' team as it was then
 * (`diedOn`): the death ends every allocation on the day, but the allocated worker still writes the closing records
 * (the case closure, the notification to the Child Safeguarding Practice Review Panel within five working days
 * where abuse or neglect is suspected, Working Together 2023 ch. 6; the information the child death review asks
 * for, Child Death Review Statutory and Operational Guidance 2018), and the team must still be able to read the
 * record it kept. The child leaves every caseload (which reads the allocations current today); only access stays.
 */
const deceased = sql`join children dc on dc.council_id = a.council_id and dc.id = a.child_id
  and dc.date_of_death is not null`;
const diedOn = sql`dc.date_of_death`;

/**
 * The ids of the children one scope reaches, built from the few rows that grant access (allocations, memberships,
 * samples, grants) rather than by testing every child of the council, so large councils stay fast.
 */
function scopeChildren(scope: Exclude<Scope, 'all'>, actor: Actor) {
  switch (scope) {
    case 'own':
      return sql`select a.child_id from allocations a
        where a.council_id = ${actor.councilId} and a.worker_id = ${actor.workerId} and ${currentOn('a', actor.today)}
        union
        select a.child_id from allocations a ${deceased}
        where a.council_id = ${actor.councilId} and a.worker_id = ${actor.workerId} and ${currentOn('a', diedOn)}`;
    case 'team':
    case 'managed-teams':
      return sql`select a.child_id from allocations a
        join team_memberships tm on tm.council_id = a.council_id and tm.worker_id = a.worker_id
          and ${currentOn('tm', actor.today)}
        where a.council_id = ${actor.councilId} and ${currentOn('a', actor.today)}
          and tm.team_id in (${actorTeams(actor, scope === 'managed-teams')})
        union
        select a.child_id from allocations a ${deceased}
        join team_memberships tm on tm.council_id = a.council_id and tm.worker_id = a.worker_id
          and ${currentOn('tm', diedOn)}
        where a.council_id = ${actor.councilId} and ${currentOn('a', diedOn)}
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
 * SQL giving the ids of the children the `granted` scopes reach for the actor, less the restricted children whose
 * access list does not name them.
 */
export function childrenReached(actor: Actor, granted: readonly Scope[]) {
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

/** Which of `childIds` (of the actor's council) are among `allowed`, the SQL of `childrenReached`. */
export async function childIdsAmong(
  db: Kysely<Tables>,
  actor: Actor,
  childIds: readonly string[],
  allowed: ReturnType<typeof childrenReached>,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('children')
    .select('id')
    .where('council_id', '=', actor.councilId)
    .where('id', 'in', childIds)
    .where(sql<SqlBool>`id in (${allowed})`)
    .execute();
  return new Set(rows.map((row) => row.id));
}
