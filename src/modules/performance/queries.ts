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

/** The kept figures of these periods (migration 0070), by each period's first and last day. */
export function keptFigures(
  db: Kysely<Tables>,
  councilId: string,
  periods: readonly { start: string; end: string }[],
) {
  return db
    .selectFrom('indicator_figures')
    .select(['period_start', 'period_end', 'known_at', 'inputs', 'figures'])
    .where('council_id', '=', councilId)
    .where((eb) =>
      eb.or(
        periods.map((period) =>
          eb.and([eb('period_start', '=', period.start), eb('period_end', '=', period.end)]),
        ),
      ),
    )
    .execute();
}

/** Keeps a period's figures as known at `known_at`, replacing any kept before. */
export async function keepFigures(
  db: Kysely<Tables>,
  rows: readonly {
    council_id: string;
    period_start: string;
    period_end: string;
    known_at: Date;
    inputs: string;
    figures: unknown;
  }[],
) {
  if (!rows.length) return;
  await db
    .insertInto('indicator_figures')
    .values(rows.map((row) => ({ ...row, figures: JSON.stringify(row.figures) })))
    .onConflict((conflict) =>
      conflict.columns(['council_id', 'period_start', 'period_end']).doUpdateSet((eb) => ({
        known_at: eb.ref('excluded.known_at'),
        inputs: eb.ref('excluded.inputs'),
        figures: eb.ref('excluded.figures'),
      })),
    )
    .execute();
}

/** Kept figures found still true as known at a later instant: only their `known_at` moves on. */
export async function keptFiguresStillTrue(
  db: Kysely<Tables>,
  councilId: string,
  periods: readonly { start: string; end: string }[],
  knownAt: Date,
) {
  if (!periods.length) return;
  await db
    .updateTable('indicator_figures')
    .set({ known_at: knownAt })
    .where('council_id', '=', councilId)
    .where('known_at', '<', knownAt)
    .where((eb) =>
      eb.or(
        periods.map((period) =>
          eb.and([eb('period_start', '=', period.start), eb('period_end', '=', period.end)]),
        ),
      ),
    )
    .execute();
}

/**
 * Every version of the council's record recorded or superseded at or after `since`, in the tables given (and
 * `children`), as JSON rows: the current rows recorded since, and the kept versions superseded since, each with
 * when it was recorded. What could have changed the record as it stood on a past day since then.
 */
export async function versionsSince(
  db: Kysely<Tables>,
  councilId: string,
  since: Date,
  tables: readonly string[],
) {
  const current = ['children', ...tables].map(
    (table) => sql`select ${table}::text as table_name, to_jsonb(t) as version_row, t.recorded_at,
        null::timestamptz as superseded_at from ${sql.table(table)} t where t.council_id = ${councilId} and t.recorded_at >= ${since}`,
  );
  const { rows } = await sql<{
    table_name: string;
    version_row: Record<string, unknown>;
    recorded_at: Date;
    superseded_at: Date | null;
  }>`
    ${sql.join(current, sql` union all `)}
    union all select h.table_name, h.version_row, h.recorded_at, h.superseded_at from record_history h
      where h.council_id = ${councilId} and h.superseded_at >= ${since}
        and h.table_name = any(${['children', ...tables]}::text[])`.execute(db);
  return rows;
}

/** What a period's figures are worked out with besides the record: the social workers, population and calendar. */
export async function figureInputs(db: Kysely<Tables>, councilId: string) {
  const [workers, population, closures] = await Promise.all([
    socialWorkers(db, councilId),
    councilPopulation(db, councilId),
    db
      .selectFrom('council_closure_days')
      .select(['day', 'name'])
      .where('council_id', '=', councilId)
      .orderBy('day')
      .execute(),
  ]);
  return { workers, population, closures };
}

/** Keeps the DfE's published figures, replacing those loaded before for the same indicator, year and area. */
export async function saveComparators(
  db: Kysely<Tables>,
  rows: readonly {
    council_id: string;
    indicator_id: string;
    time_period: string;
    period_end: string;
    geographic_level: 'National' | 'Regional' | 'Local authority';
    area_code: string;
    area_name: string;
    region_code: string | null;
    value: number;
    source: string;
  }[],
) {
  for (let at = 0; at < rows.length; at += 1000)
    await db
      .insertInto('comparator_figures')
      .values(rows.slice(at, at + 1000))
      .onConflict((conflict) =>
        conflict.columns(['council_id', 'indicator_id', 'time_period', 'area_code']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          area_name: eb.ref('excluded.area_name'),
          region_code: eb.ref('excluded.region_code'),
          source: eb.ref('excluded.source'),
          loaded_at: sql`now()`,
        })),
      )
      .execute();
}

/** Replaces the council's statistical neighbours. */
export async function saveNeighbours(
  db: Kysely<Tables>,
  councilId: string,
  rows: readonly { la_code: string; neighbour_code: string; neighbour_name: string; closeness: number }[],
) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('statistical_neighbours').where('council_id', '=', councilId).execute();
    if (rows.length)
      await trx
        .insertInto('statistical_neighbours')
        .values(rows.map((row) => ({ ...row, council_id: councilId })))
        .execute();
  });
}

/** The published figures loaded, the council's statistical neighbours and its own code. */
export async function comparatorsLoaded(db: Kysely<Tables>, councilId: string) {
  const [figures, neighbours, council] = await Promise.all([
    db
      .selectFrom('comparator_figures')
      .select([
        'indicator_id',
        'time_period',
        'period_end',
        'geographic_level',
        'area_code',
        'area_name',
        'region_code',
        'value',
      ])
      .where('council_id', '=', councilId)
      .execute(),
    db
      .selectFrom('statistical_neighbours')
      .select(['la_code', 'neighbour_code', 'neighbour_name', 'closeness'])
      .where('council_id', '=', councilId)
      .orderBy('closeness')
      .execute(),
    councilArea(db, councilId),
  ]);
  return { figures, neighbours, councilCode: council?.gss_code ?? neighbours[0]?.la_code ?? null };
}
