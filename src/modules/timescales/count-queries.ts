import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import { caseHolders, measureCondition, relevant, workerTeams } from './queries.ts';

export interface SummaryRow {
  group_id: string | null;
  group_name: string | null;
  due_this_week: number;
  overdue: number;
  met_on_time: number;
  due_this_year: number;
}

/**
 * Each child's four counts from the stored obligations as at `today` (only children with something to count),
 * for `children`, a select of child ids, or every child of the council. The one definition of the counts, whether
 * kept for the day or counted on a request.
 */
function countsByChild(councilId: string, today: string, children?: RawBuilder<unknown>) {
  return sql`select o.child_id,
      count(*) filter (where ${measureCondition('due-this-week', today)})::int as due_this_week,
      count(*) filter (where ${measureCondition('overdue', today)})::int as overdue,
      count(*) filter (where ${measureCondition('met-on-time', today)})::int as met_on_time,
      count(*) filter (where ${measureCondition('due-this-year', today)})::int as due_this_year
    from (${relevant(councilId, today)}) o
    ${children ? sql`where o.child_id in (${children})` : sql``}
    group by o.child_id`;
}

/** Whether the council's counts are kept for `today`: the daily job has counted it since the day began. */
async function countedFor(db: Kysely<Tables>, councilId: string, today: string): Promise<boolean> {
  const day = await db
    .selectFrom('obligation_count_days')
    .select('counted_on')
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  return day?.counted_on === today;
}

/**
 * Counts of the stored obligations, by team (the service view) or by worker in one team (the team view). Figures
 * only: no child is named, so analysts may see them; every child counts, restricted or not. Each child's counts
 * are the ones kept for today when the council has been counted today, otherwise counted now from the obligations.
 */
export async function obligationCounts(
  db: Kysely<Tables>,
  councilId: string,
  today: string,
  teamId?: string,
) {
  const byTeam = teamId === undefined;
  const byChild = (await countedFor(db, councilId, today))
    ? sql`select child_id, due_this_week, overdue, met_on_time, due_this_year
        from child_obligation_counts where council_id = ${councilId}`
    : countsByChild(councilId, today);
  const result = await sql<SummaryRow>`
    with holder as (${caseHolders(councilId, today)}), membership as (${workerTeams(councilId, today)}),
    by_child as (${byChild})
    select ${byTeam ? sql`t.id` : sql`w.id`}::text as group_id,
      ${byTeam ? sql`t.name` : sql`w.given_name || ' ' || w.family_name`} as group_name,
      sum(o.due_this_week)::int as due_this_week, sum(o.overdue)::int as overdue,
      sum(o.met_on_time)::int as met_on_time, sum(o.due_this_year)::int as due_this_year
    from by_child o
      ${byTeam ? sql`left join` : sql`join`} holder h on h.child_id = o.child_id
      ${byTeam ? sql`left join` : sql`join`} membership m on m.worker_id = h.worker_id
      left join teams t on t.council_id = ${councilId} and t.id = m.team_id
      left join workers w on w.council_id = ${councilId} and w.id = h.worker_id
    ${byTeam ? sql`` : sql`where m.team_id = ${teamId}`}
    group by 1, 2
    order by 2 nulls last`.execute(db);
  return result.rows;
}

/**
 * Keeps every child's counts for `today` (the daily job, once the council's obligations are up to date). The
 * council's row of `obligation_count_days` is locked first (by its upsert), so a child's recount in a recording's transaction
 * (below) waits for this one or this one for it, and neither leaves counts from before the other's change.
 */
export async function keepCountsForDay(trx: Kysely<Tables>, councilId: string, today: string): Promise<void> {
  // The upsert locks the council's row until the commit.
  await sql`insert into obligation_count_days (council_id, counted_on) values (${councilId}, ${today})
    on conflict (council_id) do update set counted_on = excluded.counted_on`.execute(trx);
  await trx.deleteFrom('child_obligation_counts').where('council_id', '=', councilId).execute();
  await sql`insert into child_obligation_counts
    select ${councilId}::uuid, c.* from (${countsByChild(councilId, today)}) c`.execute(trx);
}

/**
 * Counts some children again after their stored obligations changed, in the same transaction, when the council's
 * counts are kept for `today`; on another day there is nothing kept to correct.
 */
export async function recountChildren(
  trx: Kysely<Tables>,
  councilId: string,
  childIds: readonly string[],
  today: string,
): Promise<void> {
  if (childIds.length === 0) return;
  const { rows } = await sql<{ counted_on: string }>`select counted_on from obligation_count_days
    where council_id = ${councilId} for share`.execute(trx);
  if (rows[0]?.counted_on !== today) return;
  await trx
    .deleteFrom('child_obligation_counts')
    .where('council_id', '=', councilId)
    .where('child_id', 'in', childIds)
    .execute();
  const chosen = sql`select unnest(${childIds}::uuid[])`;
  await sql`insert into child_obligation_counts
    select ${councilId}::uuid, c.* from (${countsByChild(councilId, today, chosen)}) c`.execute(trx);
}
