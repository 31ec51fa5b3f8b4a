import { sql, type Insertable, type Kysely } from 'kysely';
import { currentOn, notEndedBefore } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';
import { allowedChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';

type Db = Kysely<Tables>;

/**
 * The children allocated to the actor today, within the gatekeeper's set, with their team and the last visit or
 * contact (the latest case note, visit or personal adviser's contact with a care leaver). The journey status and
 * what is due next are added by the service.
 */
export function myCaseload(db: Db, actor: Actor) {
  return sql<{
    id: string;
    local_id: string;
    given_name: string;
    family_name: string;
    date_of_birth: string | null;
    case_role: string;
    team_name: string | null;
    last_contact: string | null;
  }>`
    select c.id, c.local_id, c.given_name, c.family_name, c.date_of_birth::text as date_of_birth, a.case_role,
      (select t.name from team_memberships m join teams t on t.council_id = m.council_id and t.id = m.team_id
        where m.council_id = a.council_id and m.worker_id = a.worker_id and ${currentOn('m', actor.today)}
        order by m.from_date desc limit 1) as team_name,
      greatest(
        (select max(n.occurred_on) from case_note_children l join case_notes n on n.council_id = l.council_id
          and n.id = l.note_id where l.council_id = c.council_id and l.child_id = c.id),
        (select max(v.visited_on) from child_visits v where v.council_id = c.council_id and v.child_id = c.id),
        (select max(k.contacted_on) from care_leaver_contacts k
          where k.council_id = c.council_id and k.child_id = c.id))::text as last_contact
    from allocations a join children c on c.council_id = a.council_id and c.id = a.child_id
    where a.council_id = ${actor.councilId} and a.worker_id = ${actor.workerId}
      and ${currentOn('a', actor.today)}
      and c.id in (${allowedChildren(actor)})
    order by c.family_name, c.given_name`.execute(db);
}

/** Each worker of the teams shown, with the number of children allocated to them today and the team's target. */
export function teamCaseloads(db: Db, actor: Actor, allTeams: boolean) {
  return sql<{
    team_id: string;
    team_name: string;
    caseload_target: number | null;
    worker_id: string;
    given_name: string;
    family_name: string;
    role: string;
    fte: string;
    children: number;
    away_kind: string | null;
    away_to: string | null;
    uncovered: number;
  }>`
    select t.id as team_id, t.name as team_name, t.caseload_target, w.id as worker_id, w.given_name, w.family_name,
      w.role, w.fte::text as fte,
      (select count(distinct a.child_id) from allocations a where a.council_id = w.council_id and a.worker_id = w.id
        and ${currentOn('a', actor.today)})::int as children,
      away.kind as away_kind, away.to_date::text as away_to,
      -- While a worker is away: how many of their children have no cover worker allocated today.
      case when away.kind is null then 0 else (select count(distinct a.child_id) from allocations a
        where a.council_id = w.council_id and a.worker_id = w.id and a.case_role <> 'cover'
          and ${currentOn('a', actor.today)}
          and not exists (select 1 from allocations c where c.council_id = a.council_id and c.child_id = a.child_id
            and c.case_role = 'cover' and c.worker_id <> w.id
            and ${currentOn('c', actor.today)}))
      end::int as uncovered
    from teams t
    join team_memberships m on m.council_id = t.council_id and m.team_id = t.id
      and ${currentOn('m', actor.today)}
    join workers w on w.council_id = m.council_id and w.id = m.worker_id
    left join lateral (select x.kind, x.to_date from worker_absences x where x.council_id = w.council_id
      and x.worker_id = w.id and ${currentOn('x', actor.today)}
      limit 1) away on true
    where t.council_id = ${actor.councilId}
      and (${allTeams} or t.id in (select mm.team_id from team_memberships mm where mm.council_id = ${actor.councilId}
        and mm.worker_id = ${actor.workerId} and mm.manages and ${currentOn('mm', actor.today)}))
    order by t.name, w.family_name, w.given_name`.execute(db);
}

/** A council's allocations, each with its worker's and child's names. */
function allocationsNamed(db: Db, councilId: string) {
  return db
    .selectFrom('allocations as a')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'a.council_id').onRef('w.id', '=', 'a.worker_id'),
    )
    .innerJoin('children as c', (join) =>
      join.onRef('c.council_id', '=', 'a.council_id').onRef('c.id', '=', 'a.child_id'),
    )
    .select([
      'a.id',
      'a.child_id',
      'a.worker_id',
      'a.case_role',
      'a.from_date',
      'a.to_date',
      'a.reason',
      'a.allocated_by',
      'w.given_name',
      'w.family_name',
      'c.given_name as child_given_name',
      'c.family_name as child_family_name',
    ])
    .where('a.council_id', '=', councilId);
}

/** The children's allocations, current and past, newest first, with the workers' names. */
export function allocationHistory(db: Db, councilId: string, childIds: readonly string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return allocationsNamed(db, councilId)
    .where('a.child_id', 'in', childIds)
    .orderBy('a.from_date', 'desc')
    .orderBy('a.created_at', 'desc')
    .execute();
}

/**
 * What the allocation rules need of each child beyond the journey status: the name, the date of birth and the
 * referral that opened the latest episode of need.
 */
export function childrenForAllocation(db: Db, councilId: string, childIds: readonly string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('children as c')
    .select([
      'c.id',
      'c.given_name',
      'c.family_name',
      sql<string | null>`c.date_of_birth::text`.as('date_of_birth'),
      sql<string | null>`(select max(e.referral_date) from episodes e
        where e.council_id = c.council_id and e.child_id = c.id)::text`.as('referral_date'),
    ])
    .where('c.council_id', '=', councilId)
    .where('c.id', 'in', childIds)
    .execute();
}

/** Workers who can hold cases, for the allocation form. */
export function caseHolders(db: Db, councilId: string) {
  return db
    .selectFrom('workers')
    .select(['id', 'given_name', 'family_name', 'role', 'contract'])
    .where('council_id', '=', councilId)
    .where('role', 'in', caseHoldingRoles)
    .where('left_on', 'is', null)
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
}

const caseHoldingRoles = [
  'social-worker',
  'personal-adviser',
  'team-manager',
  'independent-reviewing-officer',
];

/** A worker who can hold cases and has not left, with the teams they belong to on the day. */
export function caseHolder(db: Db, councilId: string, workerId: string, day: string) {
  return db
    .selectFrom('workers as w')
    .select([
      'w.id',
      'w.role',
      'w.contract',
      'w.given_name',
      'w.family_name',
      sql<string | null>`(select string_agg(t.name, ' and ' order by t.name) from team_memberships m
        join teams t on t.council_id = m.council_id and t.id = m.team_id
        where m.council_id = w.council_id and m.worker_id = w.id and ${currentOn('m', day)})`.as('teams'),
    ])
    .where('w.council_id', '=', councilId)
    .where('w.id', '=', workerId)
    .where('w.role', 'in', caseHoldingRoles)
    .where('w.left_on', 'is', null)
    .executeTakeFirst();
}

/**
 * Ends the child's current allocation in a case role the day before `from`. The allocation rules have already
 * made sure it began before that day, so no row is rewritten: it stays as the allocation history.
 */
export function endAllocations(db: Db, councilId: string, childId: string, caseRole: string, from: string) {
  return db
    .updateTable('allocations')
    .set({ to_date: sql`(${from}::date - 1)` })
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .where('case_role', '=', caseRole)
    .where(notEndedBefore(undefined, sql`${from}::date`))
    .execute();
}

/** Ends every allocation of the child still open on `lastDay`, on that day: the child died then. */
export function endAllocationsOn(db: Db, councilId: string, childId: string, lastDay: string) {
  return db
    .updateTable('allocations')
    .set({ to_date: sql`greatest(from_date, ${lastDay}::date)` })
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .where(notEndedBefore(undefined, sql`${lastDay}::date`))
    .returning(['id', 'worker_id', 'case_role'])
    .execute();
}

export function insertAllocation(db: Db, allocation: Insertable<Tables['allocations']>) {
  return db.insertInto('allocations').values(allocation).execute();
}

/** One allocation, with the worker's and the child's names, for the page that says what was done. */
export function allocationMade(db: Db, councilId: string, allocationId: string) {
  return allocationsNamed(db, councilId).where('a.id', '=', allocationId).executeTakeFirst();
}
