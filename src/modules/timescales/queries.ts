import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import { pageOfSql } from '../../db/paging.ts';
import type { Tables } from '../../db/schema.ts';
import { allowedChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { pageWindow, type Order } from '../../platform/lists.ts';

/** A child's name, to say on a page about the child whose record it is. */
export async function childName(db: Kysely<Tables>, councilId: string, childId: string): Promise<string> {
  const child = await db
    .selectFrom('children')
    .select(['given_name', 'family_name'])
    .where('council_id', '=', councilId)
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
  return `${child.given_name} ${child.family_name}`;
}

/** The financial year (1 April to 31 March) that `today` falls in, as its first day. */
export function financialYearStart(today: string): string {
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 4 ? 0 : 1);
  return `${year}-04-01`;
}

/** Each child's current case holder: the latest current allocation as allocated worker or personal adviser. */
export function caseHolders(councilId: string, today: string) {
  return sql`select distinct on (a.child_id) a.child_id, a.worker_id from allocations a
    where a.council_id = ${councilId} and a.case_role in ('allocated-worker', 'personal-adviser')
      and a.from_date <= ${today} and (a.to_date is null or a.to_date >= ${today})
    order by a.child_id, a.from_date desc, a.id desc`;
}

/** Each worker's current team (their latest current membership). */
export function workerTeams(councilId: string, today: string) {
  return sql`select distinct on (m.worker_id) m.worker_id, m.team_id from team_memberships m
    where m.council_id = ${councilId} and m.from_date <= ${today} and (m.to_date is null or m.to_date >= ${today})
    order by m.worker_id, m.from_date desc, m.id desc`;
}

export type Measure = 'due-this-week' | 'overdue' | 'met-on-time' | 'due-this-year';

/**
 * A stored obligation open on `today`: not met, not lapsed, not missed, and owed by then (one stored ahead for a school term
 * still to come is owed from the term's first day, its `counted_from`).
 */
export function openOn(today: string) {
  return sql<SqlBool>`o.met_on is null and not o.lapsed and not o.missed and o.counted_from <= ${today}::date`;
}

export function measureCondition(measure: Measure, today: string) {
  const yearStart = financialYearStart(today);
  switch (measure) {
    case 'due-this-week':
      return sql<SqlBool>`${openOn(today)} and o.due_by >= ${today}::date and o.due_by < ${today}::date + 7`;
    case 'overdue':
      return sql<SqlBool>`${openOn(today)} and o.due_by < ${today}::date`;
    case 'met-on-time':
      return sql<SqlBool>`o.met_on is not null and o.met_on <= o.due_by and o.due_by >= ${yearStart}::date and o.due_by <= ${today}::date`;
    case 'due-this-year':
      return sql<SqlBool>`not o.lapsed and o.due_by >= ${yearStart}::date and o.due_by <= ${today}::date`;
  }
}

/**
 * The obligations any of the figures can count, so the rest of the history is never read: those due from the
 * year's start to today, and the open ones due before the year or in the coming week. The three ranges do not
 * overlap, and each is one range of an index (migration 0060), read without the table.
 */
export function relevant(councilId: string, today: string) {
  const yearStart = financialYearStart(today);
  const columns = sql`o.child_id, o.due_by, o.met_on, o.lapsed, o.missed, o.counted_from`;
  return sql`select ${columns} from child_obligations o
      where o.council_id = ${councilId} and o.due_by >= ${yearStart}::date and o.due_by <= ${today}::date
    union all
    select ${columns} from child_obligations o
      where o.council_id = ${councilId} and ${openOn(today)}
        and (o.due_by < ${yearStart}::date or (o.due_by > ${today}::date and o.due_by < ${today}::date + 7))`;
}

/** The columns a drill-down and the child in need tracker can be sorted by. */
export const behindSorts = ['child', 'due-by', 'worker'] as const;
export const trackerSorts = ['child', 'plan-since', 'next-due', 'worker'] as const;

function direction(order: Order) {
  return order === 'descending' ? sql`desc` : sql`asc`;
}

/**
 * One page of the obligations behind one count, so that a figure and its list always agree: `counted` is every
 * obligation the figure counts; those of children the actor may see are listed with the child named, and the
 * rest (`counted` less the window's total) are counted but not named, and no name of theirs is read.
 */
export async function childrenBehind(
  db: Kysely<Tables>,
  actor: Actor,
  filter: { measure: Measure; teamId?: string; workerId?: string; unallocated?: boolean },
  list: { page?: number; sort: (typeof behindSorts)[number]; order: Order },
) {
  const today = actor.today;
  const behind = sql`with holder as (${caseHolders(actor.councilId, today)}),
    membership as (${workerTeams(actor.councilId, today)}),
    behind as (
      select o.child_id, o.kind, o.due_by, o.met_on, h.worker_id,
        o.child_id in (${allowedChildren(actor)}) as visible
      from child_obligations o
        left join holder h on h.child_id = o.child_id
        left join membership m on m.worker_id = h.worker_id
      where o.council_id = ${actor.councilId}
        and ${measureCondition(filter.measure, today)}
        ${filter.teamId ? sql`and m.team_id = ${filter.teamId}` : sql``}
        ${filter.workerId ? sql`and h.worker_id = ${filter.workerId}` : sql``}
        ${filter.unallocated ? sql`and m.team_id is null` : sql``}
    )`;
  const counts = await sql<{ counted: number; shown: number }>`${behind}
    select count(*)::int as counted, (count(*) filter (where visible))::int as shown from behind`.execute(db);
  const window = pageWindow(counts.rows[0]!.shown, list.page);
  const way = direction(list.order);
  const order = {
    child: sql`c.family_name ${way}, c.given_name ${way}, b.due_by`,
    'due-by': sql`b.due_by ${way}, c.family_name, c.given_name`,
    worker: sql`w.family_name ${way} nulls last, w.given_name ${way}, b.due_by`,
  }[list.sort];
  const result = await sql<{
    child_id: string;
    local_id: string;
    given_name: string;
    family_name: string;
    kind: string;
    due_by: string;
    met_on: string | null;
    worker_name: string | null;
  }>`${behind}
    select c.id as child_id, c.local_id, c.given_name, c.family_name, b.kind, b.due_by::text, b.met_on::text,
      w.given_name || ' ' || w.family_name as worker_name
    from behind b
      join children c on c.council_id = ${actor.councilId} and c.id = b.child_id
      left join workers w on w.council_id = ${actor.councilId} and w.id = b.worker_id
    where b.visible
    order by ${order}, c.id, b.kind
    limit ${window.limit} offset ${window.offset}`.execute(db);
  return { rows: result.rows, window, counted: counts.rows[0]!.counted };
}

/** One open child in need plan as the tracker shows it. */
export interface TrackedPlan {
  child_id: string;
  local_id: string;
  given_name: string;
  family_name: string;
  plan_started: string;
  last_review: string | null;
  last_visit: string | null;
  next_due: string | null;
  worker_name: string | null;
  worker_family_name: string | null;
}

/**
 * One page of the child in need tracker: every open child in need plan the actor may see (of a team's or a
 * worker's children, if asked), with its dates, the last visit and review, and what is next due.
 */
export async function childInNeedTracker(
  db: Kysely<Tables>,
  actor: Actor,
  filter: { teamId?: string; workerId?: string },
  list: { page?: number; sort: (typeof trackerSorts)[number]; order: Order },
) {
  const today = actor.today;
  const tracked = sql<TrackedPlan>`
    with holder as (${caseHolders(actor.councilId, today)}), membership as (${workerTeams(actor.councilId, today)})
    select c.id as child_id, c.local_id, c.given_name, c.family_name, p.start_date::text as plan_started,
      (select max(r.held_on)::text from cin_plan_reviews r where r.council_id = p.council_id and r.cin_plan_id = p.id) as last_review,
      (select max(v.visited_on)::text from child_visits v where v.council_id = p.council_id and v.child_id = p.child_id) as last_visit,
      (select min(o.due_by)::text from child_obligations o where o.council_id = p.council_id and o.child_id = p.child_id
        and o.kind in ('child-in-need-visit', 'child-in-need-plan-review') and ${openOn(today)}) as next_due,
      w.given_name || ' ' || w.family_name as worker_name, w.family_name as worker_family_name
    from cin_plans p
      join children c on c.council_id = p.council_id and c.id = p.child_id
      left join holder h on h.child_id = p.child_id
      left join membership m on m.worker_id = h.worker_id
      left join workers w on w.council_id = p.council_id and w.id = h.worker_id
    where p.council_id = ${actor.councilId} and p.end_date is null
      and c.id in (${allowedChildren(actor)})
      ${filter.teamId ? sql`and m.team_id = ${filter.teamId}` : sql``}
      ${filter.workerId ? sql`and h.worker_id = ${filter.workerId}` : sql``}`;
  const way = direction(list.order);
  const order = {
    child: sql`family_name ${way}, given_name ${way}`,
    'plan-since': sql`plan_started ${way}, family_name, given_name`,
    'next-due': sql`next_due ${way} nulls last, family_name, given_name`,
    worker: sql`worker_family_name ${way} nulls last, worker_name ${way}, family_name, given_name`,
  }[list.sort];
  return pageOfSql(db, tracked, sql`${order}, child_id`, list.page);
}

/** The stored obligations of some children (as last worked out from their record), in each child's order. */
export async function storedObligations(
  db: Kysely<Tables>,
  councilId: string,
  childIds: readonly string[],
  /** Only those not yet met, lapsed or missed: what is due or overdue (a caseload's next task). */
  openOnly = false,
) {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('child_obligations')
    .select([
      'child_id',
      'kind',
      sql<string>`due_by::text`.as('due_by'),
      sql<string | null>`met_on::text`.as('met_on'),
      'lapsed',
      'missed',
      'rule',
      'source',
      sql<string>`counted_from::text`.as('counted_from'),
      'counted_from_event',
      'period',
      'skipped',
    ])
    .where('council_id', '=', councilId)
    .where('child_id', 'in', childIds)
    .$if(openOnly, (query) =>
      query.where('met_on', 'is', null).where('lapsed', '=', false).where('missed', '=', false),
    )
    .orderBy('child_id')
    .orderBy('position')
    .execute();
}

/** Every child of the council, for the daily rebuild and the year's compliance. */
export async function councilChildIds(db: Kysely<Tables>, councilId: string): Promise<string[]> {
  const rows = await db.selectFrom('children').select('id').where('council_id', '=', councilId).execute();
  return rows.map((row) => row.id);
}

/** A council's closure days and its local standards (supervision aside), as set. */
export async function councilTimescaleSettings(db: Kysely<Tables>, councilId: string) {
  const [closures, standards] = await Promise.all([
    db
      .selectFrom('council_closure_days')
      .select(['day', 'name'])
      .where('council_id', '=', councilId)
      .execute(),
    db
      .selectFrom('local_standards')
      .select(['kind', 'amount', 'unit', 'effective_from', 'source'])
      .where('council_id', '=', councilId)
      .where('kind', '!=', 'supervision')
      .execute(),
  ]);
  return { closures, standards };
}

/**
 * Replaces the stored obligations of some children with those given, keyed by child: a delete, then the rows as
 * one JSON document per few thousand unpacked by `json_populate_recordset` (one parameter a statement, as the demo
 * loader writes; a multi-row insert of fifteen parameters a row was much slower).
 */
export async function replaceStoredObligations(
  trx: Kysely<Tables>,
  councilId: string,
  obligations: ReadonlyMap<
    string,
    ReadonlyArray<
      Omit<
        Insertable<Tables['child_obligations']>,
        'council_id' | 'child_id' | 'refreshed_at' | 'skipped'
      > & { skipped: unknown }
    >
  >,
  now: Date,
): Promise<void> {
  if (obligations.size === 0) return;
  const childIds = [...obligations.keys()];
  await trx
    .deleteFrom('child_obligations')
    .where('council_id', '=', councilId)
    .where('child_id', 'in', childIds)
    .execute();
  const rows = [...obligations].flatMap(([childId, list]) =>
    list.map((row) => ({ ...row, council_id: councilId, child_id: childId, refreshed_at: now })),
  );
  for (let offset = 0; offset < rows.length; offset += 5000) {
    const json = JSON.stringify(rows.slice(offset, offset + 5000));
    await sql`insert into child_obligations select * from json_populate_recordset(null::child_obligations, ${json}::json)`.execute(
      trx,
    );
  }
}

/** Fresh statistics and space after every row was rewritten (never inside a transaction: VACUUM cannot run there). */
export async function vacuumStoredObligations(db: Kysely<Tables>): Promise<void> {
  await sql`vacuum (analyze) child_obligations`.execute(db);
}

/** A worker's allocations on a date: each child allocated to them then, with the role they hold on the case. */
export async function allocationsOfWorker(
  db: Kysely<Tables>,
  councilId: string,
  workerId: string,
  date: string,
) {
  return db
    .selectFrom('allocations')
    .select(['child_id', 'case_role'])
    .distinct()
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .where(currentOn('allocations', date))
    .execute();
}

/** Some children's names and local ids. */
export async function childNames(db: Kysely<Tables>, councilId: string, childIds: readonly string[]) {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('children')
    .select(['id', 'local_id', 'given_name', 'family_name'])
    .where('council_id', '=', councilId)
    .where('id', 'in', childIds)
    .execute();
}

/** A team of the council by its id. */
export function teamNamed(db: Kysely<Tables>, councilId: string, teamId: string) {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('council_id', '=', councilId)
    .where('id', '=', teamId)
    .executeTakeFirst();
}

/** A worker of the council by their id, with the team they are in on `today` (none if they are in no team). */
export function workerNamed(db: Kysely<Tables>, councilId: string, workerId: string, today: string) {
  return db
    .selectFrom('workers as w')
    .leftJoin(
      sql<{ worker_id: string; team_id: string }>`(${workerTeams(councilId, today)})`.as('m'),
      'm.worker_id',
      'w.id',
    )
    .select(['w.id', sql<string>`w.given_name || ' ' || w.family_name`.as('name'), 'm.team_id'])
    .where('w.council_id', '=', councilId)
    .where('w.id', '=', workerId)
    .executeTakeFirst();
}

/**
 * For each kind, the stored obligations due from `from` to `asAt` that had not lapsed, and how many were done on
 * time and late: the year's compliance counted from the rows the daily job stored as at `asAt`.
 */
export async function storedCompliance(db: Kysely<Tables>, councilId: string, from: string, asAt: string) {
  const { rows } = await sql<{ kind: string; due: number; on_time: number; late: number }>`
    select o.kind, count(*)::int as due,
      (count(*) filter (where o.met_on <= o.due_by))::int as on_time,
      (count(*) filter (where o.met_on > o.due_by))::int as late
    from child_obligations o
    where o.council_id = ${councilId} and not o.lapsed and o.counted_from <= ${asAt}::date
      and o.due_by >= ${from}::date and o.due_by <= ${asAt}::date
    group by o.kind`.execute(db);
  return rows;
}
