import { sql, type Kysely, type RawBuilder } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';
import { allowedChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';

/**
 * The children whose records a figure for the days `first` to `last` can read (a select of ids, for the record
 * reader's scope): those with a contact, an episode of need, an assessment, a plan, a period of care or an
 * allocation touching those days, and the care leavers with a 17th to 21st birthday in them. A child with
 * nothing then counts in no indicator. The bounds are a day wider than the days, as contacts are instants.
 */
export function childrenTouching(councilId: string, first: string, last: string): RawBuilder<unknown> {
  const from = sql`${first}::date`;
  const to = sql`${last}::date`;
  return sql`select child_id from contacts where council_id = ${councilId}
      and received_at >= ${from} - 1 and received_at < ${to} + 2
    union select child_id from episodes where council_id = ${councilId}
      and referral_date <= ${to} and (closed_on is null or closed_on >= ${from})
    union select child_id from assessments where council_id = ${councilId}
      and authorised_on between ${from} and ${to}
    union select child_id from cp_plans where council_id = ${councilId}
      and start_date <= ${to} and (end_date is null or end_date >= ${from})
    union select child_id from care_periods where council_id = ${councilId}
      and start_date <= ${to} and (end_date is null or end_date >= ${from})
    union select a.child_id from allocations a where a.council_id = ${councilId}
      and a.from_date <= ${to} and (a.to_date is null or a.to_date >= ${from})
    union select c.id from children c where c.council_id = ${councilId}
      and c.date_of_birth between (${from} - interval '22 years')::date and (${to} - interval '17 years')::date
      and exists (select 1 from care_periods p where p.council_id = c.council_id and p.child_id = c.id)`;
}

/**
 * The ids of the children `childrenTouching` chooses, found once, and a scope of exactly those for the record
 * reader: one array parameter, so the reader's query per table does not run the choice again (it took most of
 * the read's time on the small demo council).
 */
export async function childIdsTouching(db: Kysely<Tables>, councilId: string, first: string, last: string) {
  const { rows } = await sql<{ child_id: string }>`${childrenTouching(councilId, first, last)}`.execute(db);
  return rows.map((row) => row.child_id);
}

/** A select of the given child ids, as the record reader's scope. */
export function theseChildren(childIds: readonly string[]): RawBuilder<unknown> {
  return sql`select unnest(${[...childIds]}::uuid[])`;
}

/** The council's social workers and what the caseload indicator reads of them. */
export function socialWorkers(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('workers')
    .select(['id', 'role', 'fte', 'left_on'])
    .where('council_id', '=', councilId)
    .where('role', '=', 'social-worker')
    .execute();
}

/** Each worker's team on `day` (their latest membership then), for the figures by team. */
export async function workerTeamsOn(db: Kysely<Tables>, councilId: string, day: string) {
  const { rows } = await sql<{ worker_id: string; team_id: string; team_name: string }>`
    select distinct on (m.worker_id) m.worker_id, m.team_id, t.name as team_name
    from team_memberships m join teams t on t.council_id = m.council_id and t.id = m.team_id
    where m.council_id = ${councilId} and ${currentOn('m', day)}
    order by m.worker_id, m.from_date desc, m.id desc`.execute(db);
  return rows;
}

/** The council's 0–17 population at each mid-year loaded (migration 0065). */
export async function councilPopulation(db: Kysely<Tables>, councilId: string) {
  const rows = await db
    .selectFrom('council_population')
    .select(['mid_year', 'children_0_to_17', 'area_code', 'source'])
    .where('council_id', '=', councilId)
    .orderBy('mid_year')
    .execute();
  return rows.map((row) => ({
    midYear: row.mid_year,
    children0To17: row.children_0_to_17,
    areaCode: row.area_code,
    source: row.source,
  }));
}

/** Keeps the council's 0–17 population for mid-years, replacing a figure the ONS has revised. */
export async function savePopulation(
  db: Kysely<Tables>,
  rows: readonly {
    council_id: string;
    mid_year: number;
    area_code: string;
    children_0_to_17: number;
    source: string;
  }[],
) {
  if (!rows.length) return;
  await db
    .insertInto('council_population')
    .values([...rows])
    .onConflict((conflict) =>
      conflict.columns(['council_id', 'mid_year']).doUpdateSet((eb) => ({
        area_code: eb.ref('excluded.area_code'),
        children_0_to_17: eb.ref('excluded.children_0_to_17'),
        source: eb.ref('excluded.source'),
        loaded_at: sql`now()`,
      })),
    )
    .execute();
}

/** The council's own area code (GSS), where it is recorded. */
export function councilArea(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('councils')
    .select(['gss_code', 'name'])
    .where('id', '=', councilId)
    .executeTakeFirst();
}

/**
 * A page of the children among `childIds` that the actor may see, in name order, and how many of them that is:
 * the drill-down behind a figure. The ids travel as one array, as a figure can stand on thousands of children.
 */
export async function visibleChildrenAmong(
  db: Kysely<Tables>,
  actor: Actor,
  childIds: readonly string[],
  window: { limit: number; offset: number },
) {
  const among = sql`c.council_id = ${actor.councilId} and c.id = any(${[...childIds]}::uuid[])
    and c.id in (${allowedChildren(actor)})`;
  const [{ rows }, { rows: counted }] = await Promise.all([
    sql<{
      id: string;
      local_id: string;
      given_name: string;
      family_name: string;
      date_of_birth: string | null;
    }>`
      select c.id, c.local_id, c.given_name, c.family_name, c.date_of_birth from children c where ${among}
      order by c.family_name, c.given_name, c.id limit ${window.limit} offset ${window.offset}`.execute(db),
    sql<{ n: string }>`select count(*) as n from children c where ${among}`.execute(db),
  ]);
  return { rows, total: Number(counted[0]?.n ?? 0) };
}
