import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { allowedChildren } from '../../platform/access.ts';

type Db = Kysely<Tables>;

const fullName = sql<string>`w.given_name || ' ' || w.family_name`;

/** Whether `managerId` manages, on `day`, a team `workerId` is a member of: the worker's line manager. */
export function linesManage(managerId: string, workerColumn: ReturnType<typeof sql.ref>, day: string) {
  return sql<SqlBool>`exists (select 1 from team_memberships m
    join team_memberships mm on mm.council_id = m.council_id and mm.team_id = m.team_id
    where m.worker_id = ${workerColumn} and ${currentOn('m', day)}
      and mm.worker_id = ${managerId} and mm.manages and ${currentOn('mm', day)})`;
}

/** The workers of the teams the actor belongs to or manages today, the actor first left out: whom they supervise. */
export function colleaguesOf(db: Db, actor: Actor) {
  return db
    .selectFrom('workers as w')
    .select(['w.id', fullName.as('name'), 'w.role'])
    .where('w.council_id', '=', actor.councilId)
    .where('w.id', '<>', actor.workerId)
    .where(
      sql<SqlBool>`exists (select 1 from team_memberships m join team_memberships mine
        on mine.council_id = m.council_id and mine.team_id = m.team_id
        where m.council_id = w.council_id and m.worker_id = w.id and ${currentOn('m', actor.today)}
          and mine.worker_id = ${actor.workerId} and ${currentOn('mine', actor.today)})`,
    )
    .where(sql<SqlBool>`(w.left_on is null or w.left_on >= ${actor.today})`)
    .orderBy('w.family_name')
    .orderBy('w.given_name')
    .execute();
}

/**
 * The children a supervision in the actor's teams may discuss: those the actor may change that are allocated today
 * to a worker of one of the actor's teams (or to the actor), within the gatekeeper's set.
 */
export function childrenOfTeams(db: Db, actor: Actor) {
  return sql<{ id: string; name: string; local_id: string }>`
    select distinct c.id, c.given_name || ' ' || c.family_name as name, c.local_id, c.family_name, c.given_name
    from allocations a join children c on c.council_id = a.council_id and c.id = a.child_id
    where a.council_id = ${actor.councilId} and ${currentOn('a', actor.today)}
      and (a.worker_id = ${actor.workerId} or exists (select 1 from team_memberships m join team_memberships mine
        on mine.council_id = m.council_id and mine.team_id = m.team_id
        where m.council_id = a.council_id and m.worker_id = a.worker_id and ${currentOn('m', actor.today)}
          and mine.worker_id = ${actor.workerId} and ${currentOn('mine', actor.today)}))
      and c.id in (${allowedChildren(actor, 'write')})
    order by c.family_name, c.given_name
    limit 500`.execute(db);
}

/** Which of these ids name workers of the council. */
export async function workersAmong(db: Db, councilId: string, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .selectFrom('workers')
    .select('id')
    .where('council_id', '=', councilId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((row) => row.id));
}

export function insertSupervision(db: Db, row: Insertable<Tables['supervisions']>) {
  return db.insertInto('supervisions').values(row).execute();
}

export async function insertAttendees(db: Db, rows: Insertable<Tables['supervision_attendees']>[]) {
  if (rows.length) await db.insertInto('supervision_attendees').values(rows).execute();
}

export async function insertDiscussions(db: Db, rows: Insertable<Tables['supervision_discussions']>[]) {
  if (rows.length) await db.insertInto('supervision_discussions').values(rows).execute();
}

export async function insertActions(db: Db, rows: Insertable<Tables['actions']>[]) {
  if (rows.length) await db.insertInto('actions').values(rows).execute();
}

/**
 * A supervision with its people's names, and whether the actor is one of the people it belongs to: the
 * supervisor, the supervisee, an attendee, whoever recorded it, or a line manager of the supervisee or supervisor;
 * and whether they may read the supervisee's own part (supervisor, supervisee, the supervisee's line managers).
 */
export function supervisionFor(db: Db, actor: Actor, supervisionId: string) {
  const me = actor.workerId;
  return db
    .selectFrom('supervisions as s')
    .innerJoin('workers as sv', (join) =>
      join.onRef('sv.council_id', '=', 's.council_id').onRef('sv.id', '=', 's.supervisor_id'),
    )
    .leftJoin('workers as se', (join) =>
      join.onRef('se.council_id', '=', 's.council_id').onRef('se.id', '=', 's.supervisee_id'),
    )
    .selectAll('s')
    .select([
      sql<string>`sv.given_name || ' ' || sv.family_name`.as('supervisor_name'),
      sql<string | null>`se.given_name || ' ' || se.family_name`.as('supervisee_name'),
      sql<boolean>`(s.supervisor_id = ${me} or s.supervisee_id = ${me}
        or ${linesManage(me, sql.ref('s.supervisee_id'), actor.today)})`.as('reads_personal'),
      sql<boolean>`(s.supervisor_id = ${me} or s.supervisee_id = ${me} or s.recorded_by = ${me}
        or exists (select 1 from supervision_attendees t where t.council_id = s.council_id
          and t.supervision_id = s.id and t.worker_id = ${me})
        or ${linesManage(me, sql.ref('s.supervisee_id'), actor.today)}
        or ${linesManage(me, sql.ref('s.supervisor_id'), actor.today)})`.as('is_party'),
    ])
    .where('s.council_id', '=', actor.councilId)
    .where('s.id', '=', supervisionId)
    .executeTakeFirst();
}

export function attendeesOf(db: Db, councilId: string, supervisionId: string) {
  return db
    .selectFrom('supervision_attendees as t')
    .leftJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 't.council_id').onRef('w.id', '=', 't.worker_id'),
    )
    .select([
      't.worker_id',
      sql<string | null>`w.given_name || ' ' || w.family_name`.as('worker_name'),
      't.partner_name',
      't.partner_organisation',
      't.partner_role',
    ])
    .where('t.council_id', '=', councilId)
    .where('t.supervision_id', '=', supervisionId)
    .orderBy('t.worker_id')
    .orderBy('t.partner_name')
    .execute();
}

/** The children a supervision discussed that the actor may read, with the discussion. */
export function discussionsOf(db: Db, actor: Actor, supervisionId: string) {
  return db
    .selectFrom('supervision_discussions as d')
    .innerJoin('children as c', (join) =>
      join.onRef('c.council_id', '=', 'd.council_id').onRef('c.id', '=', 'd.child_id'),
    )
    .selectAll('d')
    .select(['c.given_name', 'c.family_name'])
    .where('d.council_id', '=', actor.councilId)
    .where('d.supervision_id', '=', supervisionId)
    .where(sql<SqlBool>`d.child_id in (${allowedChildren(actor)})`)
    .orderBy('c.family_name')
    .execute();
}

/** The actions of a supervision, or of some children, or owned by a worker, with the owner's name. */
export function actionsWhere(
  db: Db,
  councilId: string,
  where: { supervisionId: string } | { childIds: readonly string[] } | { ownerId: string; openOnly: true },
) {
  let query = db
    .selectFrom('actions as a')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'a.council_id').onRef('w.id', '=', 'a.owner_id'),
    )
    .leftJoin('children as c', (join) =>
      join.onRef('c.council_id', '=', 'a.council_id').onRef('c.id', '=', 'a.child_id'),
    )
    .selectAll('a')
    .select([
      fullName.as('owner_name'),
      sql<string | null>`c.given_name || ' ' || c.family_name`.as('child_name'),
    ])
    .where('a.council_id', '=', councilId);
  if ('supervisionId' in where) query = query.where('a.supervision_id', '=', where.supervisionId);
  else if ('childIds' in where) {
    if (!where.childIds.length) return Promise.resolve([]);
    query = query.where('a.child_id', 'in', [...where.childIds]);
  } else query = query.where('a.owner_id', '=', where.ownerId).where('a.status', '=', 'open');
  return query.orderBy('a.due_on').execute();
}

/**
 * The actions a worker may close: those they own and those agreed in supervision they led, open ones (or, with
 * `openOnly` false, closed ones too), the earliest due first, with the owner's and child's names.
 */
export function actionsCloseableBy(db: Db, councilId: string, workerId: string, openOnly: boolean) {
  let query = db
    .selectFrom('actions as a')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'a.council_id').onRef('w.id', '=', 'a.owner_id'),
    )
    .leftJoin('children as c', (join) =>
      join.onRef('c.council_id', '=', 'a.council_id').onRef('c.id', '=', 'a.child_id'),
    )
    .leftJoin('supervisions as s', (join) =>
      join.onRef('s.council_id', '=', 'a.council_id').onRef('s.id', '=', 'a.supervision_id'),
    )
    .selectAll('a')
    .select([
      fullName.as('owner_name'),
      sql<string | null>`c.given_name || ' ' || c.family_name`.as('child_name'),
    ])
    .where('a.council_id', '=', councilId)
    .where((eb) => eb.or([eb('a.owner_id', '=', workerId), eb('s.supervisor_id', '=', workerId)]));
  if (openOnly) query = query.where('a.status', '=', 'open');
  return query.orderBy('a.status').orderBy('a.due_on').limit(500).execute();
}

export function actionFor(db: Db, councilId: string, actionId: string) {
  return (
    db
      .selectFrom('actions as a')
      .leftJoin('supervisions as s', (join) =>
        join.onRef('s.council_id', '=', 'a.council_id').onRef('s.id', '=', 'a.supervision_id'),
      )
      .select(['a.id', 'a.owner_id', 'a.status', 'a.child_id', 's.supervisor_id'])
      .where('a.council_id', '=', councilId)
      .where('a.id', '=', actionId)
      // Only the action's row: PostgreSQL refuses to lock the nullable side of an outer join.
      .forUpdate('a')
      .executeTakeFirst()
  );
}

export function closeAction(
  db: Db,
  councilId: string,
  actionId: string,
  closing: { status: 'done' | 'dropped'; on: string; by: string },
) {
  return db
    .updateTable('actions')
    .set({ status: closing.status, closed_on: closing.on, closed_by: closing.by })
    .where('council_id', '=', councilId)
    .where('id', '=', actionId)
    .execute();
}

/** For each of these children, the day they were last discussed and their open actions (the tracker's columns). */
export function supervisionOfChildren(db: Db, councilId: string, childIds: readonly string[]) {
  if (!childIds.length) return Promise.resolve({ rows: [] });
  return sql<{
    child_id: string;
    last_discussed: string | null;
    open_actions: number;
    overdue_from: string | null;
  }>`
    select c.id as child_id,
      (select max(d.discussed_on)::text from supervision_discussions d
        where d.council_id = c.council_id and d.child_id = c.id) as last_discussed,
      (select count(*)::int from actions a where a.council_id = c.council_id and a.child_id = c.id
        and a.status = 'open') as open_actions,
      (select min(a.due_on)::text from actions a where a.council_id = c.council_id and a.child_id = c.id
        and a.status = 'open') as overdue_from
    from children c
    where c.council_id = ${councilId} and c.id in (${sql.join([...childIds])})`.execute(db);
}

/** A worker as their supervision is judged: started, left, ASYE, and their last one-to-one by `day`. */
export interface SupervisedWorker {
  id: string;
  name: string;
  started_on: string | null;
  created_on: string;
  asye_started_on: string | null;
  asye_completed_on: string | null;
  last_held: string | null;
}

/**
 * The case-holding workers in post on `day` with their last one-to-one supervision on or before it: for one
 * manager's teams, for one worker, or for the whole council (the command).
 */
export function supervisedWorkers(
  db: Db,
  councilId: string,
  day: string,
  scope: { managerId: string } | { workerId: string } | 'all',
) {
  const inScope =
    scope === 'all'
      ? sql`true`
      : 'workerId' in scope
        ? sql`w.id = ${scope.workerId}`
        : linesManage(scope.managerId, sql.ref('w.id'), day);
  return sql<SupervisedWorker>`
    select w.id, w.given_name || ' ' || w.family_name as name, w.started_on::text as started_on,
      (w.created_at at time zone 'Europe/London')::date::text as created_on,
      w.asye_started_on::text as asye_started_on, w.asye_completed_on::text as asye_completed_on,
      (select max(s.held_on)::text from supervisions s where s.council_id = w.council_id and s.supervisee_id = w.id
        and s.kind = 'one-to-one' and s.held_on <= ${day}) as last_held
    from workers w
    where w.council_id = ${councilId}
      and w.role in ('social-worker', 'personal-adviser', 'independent-reviewing-officer', 'team-manager')
      and (w.started_on is null or w.started_on <= ${day}) and (w.left_on is null or w.left_on >= ${day})
      and ${inScope}
    order by w.family_name, w.given_name`.execute(db);
}

/** The council's local standard for one-to-one supervision in force on `day`, if it has set one. */
export function supervisionStandardOn(db: Db, councilId: string, day: string) {
  return db
    .selectFrom('local_standards')
    .select(['amount', 'unit'])
    .where('council_id', '=', councilId)
    .where('kind', '=', 'supervision')
    .where('effective_from', '<=', day)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The last twenty supervisions the worker led, had or attended. */
export function recentSupervisionsOf(db: Db, councilId: string, workerId: string) {
  return db
    .selectFrom('supervisions as s')
    .select(['s.id', 's.kind', 's.held_on'])
    .where('s.council_id', '=', councilId)
    .where(
      sql<SqlBool>`(s.supervisor_id = ${workerId} or s.supervisee_id = ${workerId} or exists (select 1
        from supervision_attendees t where t.council_id = s.council_id and t.supervision_id = s.id
          and t.worker_id = ${workerId}))`,
    )
    .orderBy('s.held_on', 'desc')
    .limit(20)
    .execute();
}
