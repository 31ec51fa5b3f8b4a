import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { allowedChildren } from '../../platform/access.ts';

type Db = Kysely<Tables>;

/** Service managers and directors see the whole workforce; a team manager sees the teams they manage today. */
export function seesEveryTeam(actor: Actor): boolean {
  return actor.role === 'service-manager' || actor.role === 'director';
}

/**
 * A worker the actor may manage: any current worker for those who see every team, otherwise a current member of
 * a team the actor manages today. Anyone else is "not found", as for children.
 */
export function managedWorker(db: Db, actor: Actor, workerId: string) {
  const managed = sql<SqlBool>`(${seesEveryTeam(actor)} or exists (select 1 from team_memberships m
    join team_memberships mm on mm.council_id = m.council_id and mm.team_id = m.team_id
    where m.council_id = w.council_id and m.worker_id = w.id
      and ${currentOn('m', actor.today)}
      and mm.worker_id = ${actor.workerId} and mm.manages
      and ${currentOn('mm', actor.today)}))`;
  return db
    .selectFrom('workers as w')
    .select(['w.id', 'w.given_name', 'w.family_name', 'w.role'])
    .where('w.council_id', '=', actor.councilId)
    .where('w.id', '=', workerId)
    .where(managed)
    .executeTakeFirst();
}

/** A worker's absences, latest first. */
export function absencesOf(db: Db, councilId: string, workerId: string) {
  return db
    .selectFrom('worker_absences')
    .select(['id', 'kind', 'from_date', 'to_date', 'created_at'])
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .orderBy('from_date', 'desc')
    .execute();
}

export function insertAbsence(db: Db, absence: Insertable<Tables['worker_absences']>) {
  return db.insertInto('worker_absences').values(absence).execute();
}

/** Locks a worker's row until the transaction ends, so two absences recorded at once are checked in turn. */
export async function lockWorker(db: Db, councilId: string, workerId: string): Promise<void> {
  await sql`select 1 from workers where council_id = ${councilId} and id = ${workerId} for update`.execute(
    db,
  );
}

/**
 * The children a worker holds on the day, in the roles that need cover while they are away (allocated worker and
 * personal adviser), within the gatekeeper's set, with any cover allocated that day.
 */
export function childrenHeldBy(db: Db, actor: Actor, workerId: string, day: string) {
  return sql<{
    child_id: string;
    given_name: string;
    family_name: string;
    case_role: string;
    from_date: string;
    cover_name: string | null;
    cover_to: string | null;
  }>`
    select c.id as child_id, c.given_name, c.family_name, a.case_role, a.from_date::text as from_date,
      (select w.given_name || ' ' || w.family_name from allocations k join workers w on w.council_id = k.council_id
        and w.id = k.worker_id where k.council_id = a.council_id and k.child_id = a.child_id and k.case_role = 'cover'
        and ${currentOn('k', day)} order by k.from_date desc limit 1) as cover_name,
      (select k.to_date::text from allocations k where k.council_id = a.council_id and k.child_id = a.child_id
        and k.case_role = 'cover' and ${currentOn('k', day)} order by k.from_date desc limit 1) as cover_to
    from allocations a join children c on c.council_id = a.council_id and c.id = a.child_id
    where a.council_id = ${actor.councilId} and a.worker_id = ${workerId}
      and a.case_role in ('allocated-worker', 'personal-adviser') and ${currentOn('a', day)}
      and c.id in (${allowedChildren(actor)})
    order by c.family_name, c.given_name`.execute(db);
}

/** How many of the worker's children on the day the actor may not see (restricted records). */
export async function hiddenChildrenOf(db: Db, actor: Actor, workerId: string, day: string) {
  const { rows } = await sql<{ hidden: number }>`
    select count(distinct a.child_id)::int as hidden from allocations a
    where a.council_id = ${actor.councilId} and a.worker_id = ${workerId}
      and a.case_role in ('allocated-worker', 'personal-adviser') and ${currentOn('a', day)}
      and a.child_id not in (${allowedChildren(actor)})`.execute(db);
  return rows[0]?.hidden ?? 0;
}

/**
 * Who could cover an absent worker's children from `day`: the case-holding members of the absent worker's teams
 * (not managers, who usually hold no cases), and anyone who has held or reviewed one of the children; each with
 * today's caseload and their team's target, leaving out whoever is away themselves on `day`.
 */
export function coverCandidates(
  db: Db,
  actor: Actor,
  absentId: string,
  childIds: readonly string[],
  day: string,
) {
  const children = childIds.length ? sql.join(childIds) : sql`null`;
  const absentTeams = sql`select m.team_id from team_memberships m where m.council_id = ${actor.councilId}
    and m.worker_id = ${absentId} and ${currentOn('m', day)}`;
  return sql<{
    id: string;
    given_name: string;
    family_name: string;
    role: string;
    contract: string;
    same_team: boolean;
    caseload: number;
    target: number | null;
  }>`
    select w.id, w.given_name, w.family_name, w.role, w.contract,
      exists (select 1 from team_memberships m where m.council_id = w.council_id and m.worker_id = w.id
        and not m.manages and ${currentOn('m', day)} and m.team_id in (${absentTeams})) as same_team,
      (select count(distinct a.child_id) from allocations a where a.council_id = w.council_id
        and a.worker_id = w.id and ${currentOn('a', actor.today)})::int as caseload,
      (select min(t.caseload_target) from team_memberships m join teams t on t.council_id = m.council_id
        and t.id = m.team_id where m.council_id = w.council_id and m.worker_id = w.id
        and ${currentOn('m', day)}) as target
    from workers w
    where w.council_id = ${actor.councilId} and w.id <> ${absentId} and w.left_on is null
      and w.role in ('social-worker', 'personal-adviser')
      and not exists (select 1 from worker_absences x where x.council_id = w.council_id and x.worker_id = w.id
        and ${currentOn('x', day)})
      and (exists (select 1 from team_memberships m where m.council_id = w.council_id and m.worker_id = w.id
          and not m.manages and ${currentOn('m', day)} and m.team_id in (${absentTeams}))
        or exists (select 1 from allocations a where a.council_id = w.council_id and a.worker_id = w.id
          and a.child_id in (${children}))
        or exists (select 1 from cla_reviews r where r.council_id = w.council_id
          and (r.recorded_by = w.id or r.iro_worker_id = w.id) and r.child_id in (${children})))
    order by w.family_name, w.given_name`.execute(db);
}

/** Who recorded or chaired a review of each child, for "knows the child". */
export function reviewersOf(db: Db, councilId: string, childIds: readonly string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cla_reviews')
    .select(['child_id', 'recorded_by', 'iro_worker_id'])
    .where('council_id', '=', councilId)
    .where('child_id', 'in', childIds)
    .execute();
}

/** The absence to arrange cover for: the one the worker is on today, or else the next one booked. */
export function absenceToCover(db: Db, councilId: string, workerId: string, today: string) {
  return db
    .selectFrom('worker_absences')
    .select(['id', 'kind', 'from_date', 'to_date'])
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', today)]))
    .orderBy('from_date')
    .executeTakeFirst();
}

/** Sets the last day of an absence, once the worker's return is known (or changes). */
export function endAbsence(db: Db, councilId: string, absenceId: string, lastDay: string) {
  return db
    .updateTable('worker_absences')
    .set({ to_date: lastDay })
    .where('council_id', '=', councilId)
    .where('id', '=', absenceId)
    .execute();
}

/**
 * Cover ends when the absence ends: the cover allocations of the absence take its new last day (the versions
 * they replace are kept in the record's history, migration 0050).
 */
export function endCoverOf(db: Db, councilId: string, absenceId: string, lastDay: string) {
  return db
    .updateTable('allocations')
    .set({ to_date: sql`greatest(from_date, ${lastDay}::date)` })
    .where('council_id', '=', councilId)
    .where('absence_id', '=', absenceId)
    .execute();
}
