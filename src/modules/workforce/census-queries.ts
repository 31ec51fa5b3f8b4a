import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/**
 * The council's workers as the census reads them. A worker with no job recorded is taken by their role in Hearth
 * (a social worker's, team manager's, reviewing officer's or service manager's role is social work).
 */
export async function censusWorkers(db: Db, councilId: string) {
  const { rows } = await sql<{
    id: string;
    job: string | null;
    contract: string;
    fte: string;
    started_on: string | null;
    left_on: string | null;
    leaving_reason: string | null;
    asye_started_on: string | null;
    asye_completed_on: string | null;
    swe_number: string | null;
  }>`
    select id, coalesce(job, case role when 'social-worker' then 'social-worker'
        when 'team-manager' then 'team-manager' when 'independent-reviewing-officer' then 'reviewing-officer'
        when 'service-manager' then 'service-manager' when 'personal-adviser' then 'personal-adviser' end) as job,
      contract, fte::text as fte, started_on::text as started_on, left_on::text as left_on, leaving_reason,
      asye_started_on::text as asye_started_on, asye_completed_on::text as asye_completed_on,
      social_work_england_number as swe_number
    from workers where council_id = ${councilId}`.execute(db);
  return rows;
}

export function censusPosts(db: Db, councilId: string) {
  return db
    .selectFrom('posts')
    .select(['id', 'job', 'fte', 'from_date', 'to_date'])
    .where('council_id', '=', councilId)
    .execute();
}

export function censusHoldings(db: Db, councilId: string) {
  return db
    .selectFrom('post_holders')
    .select(['post_id', 'worker_id', 'from_date', 'to_date'])
    .where('council_id', '=', councilId)
    .execute();
}

/** Sickness overlapping the year to `day` (only its kind and days, never a reason). */
export function sicknessWithin(db: Db, councilId: string, from: string, day: string) {
  return db
    .selectFrom('worker_absences')
    .select(['worker_id', 'kind', 'from_date', 'to_date'])
    .where('council_id', '=', councilId)
    .where('kind', '=', 'sickness')
    .where('from_date', '<=', day)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', from)]))
    .execute();
}

/** How many children each worker holds as allocated worker on `day`. */
export async function casesOn(db: Db, councilId: string, day: string) {
  const { rows } = await sql<{ worker_id: string; cases: number }>`
    select worker_id, count(*)::int as cases from allocations
    where council_id = ${councilId} and case_role = 'allocated-worker' and from_date <= ${day}
      and (to_date is null or to_date >= ${day})
    group by worker_id`.execute(db);
  return new Map(rows.map((row) => [row.worker_id, row.cases]));
}

/** The council's generation of the records the measures are worked out from: 1 until any of them changes. */
export async function measureInputsGeneration(db: Db, councilId: string): Promise<string> {
  const row = await db
    .selectFrom('workforce_measure_inputs')
    .select('generation')
    .where('council_id', '=', councilId)
    .executeTakeFirst();
  return String(row?.generation ?? 1);
}

/** The kept measures of some days, worked out at this generation of the records. */
export function keptMeasureDays(db: Db, councilId: string, days: readonly string[], generation: string) {
  return db
    .selectFrom('workforce_measure_days')
    .select(['day', 'measures'])
    .where('council_id', '=', councilId)
    .where('day', 'in', days)
    .where('generation', '=', generation)
    .execute();
}

/** Keeps measures of days, replacing those kept at an earlier generation. */
export function keepMeasureDays(
  db: Db,
  councilId: string,
  generation: string,
  days: ReadonlyArray<{ day: string; measures: unknown }>,
  now: Date,
) {
  if (!days.length) return Promise.resolve();
  return db
    .insertInto('workforce_measure_days')
    .values(
      days.map((each) => ({
        council_id: councilId,
        day: each.day,
        generation,
        measures: JSON.stringify(each.measures),
        kept_at: now,
      })),
    )
    .onConflict((conflict) =>
      conflict
        .columns(['council_id', 'day'])
        .doUpdateSet((eb) => ({
          generation: eb.ref('excluded.generation'),
          measures: eb.ref('excluded.measures'),
          kept_at: eb.ref('excluded.kept_at'),
        }))
        // Two pages worked out at once: the later generation's figures stay.
        .where(sql<boolean>`workforce_measure_days.generation < excluded.generation`),
    )
    .execute();
}
