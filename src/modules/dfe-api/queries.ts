import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import type { RecordTable } from '../record/service.ts';

/** The council's DfE number (the API's `la_code`, in the endpoint's path). */
export async function councilDfeCode(db: Kysely<Tables>, councilId: string): Promise<string | null> {
  const council = await db
    .selectFrom('councils')
    .select('dfe_code')
    .where('id', '=', councilId)
    .executeTakeFirst();
  return council?.dfe_code ?? null;
}

/**
 * The children in the API's cohort: 25 or under at some point in the window (or expected within it), with an
 * episode, a plan, a placement or a care leaver contact that touches the window.
 */
function cohort(councilId: string, window: { from: string; to: string }) {
  const { from, to } = window;
  const overlaps = (table: string, start: string, end: string | null) =>
    sql`select child_id from ${sql.table(table)} where council_id = ${councilId}
      and ${sql.ref(start)} <= ${to}
      ${end ? sql`and (${sql.ref(end)} is null or ${sql.ref(end)} >= ${from})` : sql`and ${sql.ref(start)} >= ${from}`}`;
  return sql`select c.id from children c
    where c.council_id = ${councilId}
      and (case when c.date_of_birth is null then c.expected_date_of_birth between ${from} and ${to}
           else c.date_of_birth <= ${to} and c.date_of_birth + interval '26 years' > ${from}::date end)
      and c.id in (
        ${overlaps('episodes', 'referral_date', 'closed_on')}
        union ${overlaps('cin_plans', 'start_date', 'end_date')}
        union ${overlaps('cp_plans', 'start_date', 'end_date')}
        union ${overlaps('placements', 'start_date', 'end_date')}
        union ${overlaps('care_leaver_contacts', 'contacted_on', null)})`;
}

/**
 * The children whose document may have changed since `since`: a row of a table the document is made from
 * recorded, replaced or removed since (a replaced or removed row's version went to record_history then). Found
 * by index (migrations 0070 and 0081), without reading any child's record.
 */
function recordedSince(councilId: string, since: Date, until: Date, tables: readonly RecordTable[]) {
  const recent = tables.map(
    (table) =>
      sql`select child_id from ${sql.table(table)} where council_id = ${councilId}
        and recorded_at > ${since} and recorded_at <= ${until}`,
  );
  return sql`${sql.join(recent, sql` union `)}
    union select id from children where council_id = ${councilId}
      and recorded_at > ${since} and recorded_at <= ${until}
    union select a.child_id from assessment_factors f join assessments a on a.id = f.assessment_id
      where f.council_id = ${councilId} and f.recorded_at > ${since} and f.recorded_at <= ${until}
    union select coalesce(h.child_id, a.child_id) from record_history h
      left join assessments a on h.table_name = 'assessment_factors'
        and a.id = (h.version_row ->> 'assessment_id')::uuid
      where h.council_id = ${councilId} and h.superseded_at > ${since} and h.superseded_at <= ${until}
        and h.table_name in (${sql.join(['children', 'assessment_factors', ...tables])})`;
}

/** Which children a run makes documents for and which it purges, and how many the cohort holds. */
export interface DayDelta {
  cohort: number;
  toMake: string[];
  toPurge: { childId: string; laChildId: string }[];
}

/**
 * The day's delta in one query: the children of the cohort never delivered (or purged since), those of them
 * whose record changed since the last complete run (every one of them on the first run, when `since` is null),
 * and the children delivered before who are no longer in the cohort (or no longer in Hearth).
 */
export async function dayDelta(
  db: Kysely<Tables>,
  councilId: string,
  window: { from: string; to: string },
  /** The last complete run's instant, and this run's: what was recorded between them (a row dated later waits). */
  since: Date | null,
  until: Date,
  tables: readonly RecordTable[],
): Promise<DayDelta> {
  const { rows } = await sql<{ what: string; child_id: string | null; la_child_id: string | null }>`
    with cohort as materialized (${cohort(councilId, window)}),
    sent as materialized (select child_id, la_child_id, purged from dfe_api_children where council_id = ${councilId})
    select 'make' as what, k.id as child_id, null as la_child_id from cohort k
      left join sent on sent.child_id = k.id
      where sent.child_id is null or sent.purged
        ${since ? sql`or k.id in (${recordedSince(councilId, since, until, tables)})` : sql`or true`}
    union all
    select 'purge', sent.child_id, sent.la_child_id from sent
      where not sent.purged and not exists (select from cohort k where k.id = sent.child_id)
    union all
    select 'cohort', null, count(*)::text from cohort`.execute(db);
  return {
    cohort: Number(rows.find((row) => row.what === 'cohort')?.la_child_id ?? 0),
    toMake: rows.filter((row) => row.what === 'make').map((row) => row.child_id!),
    toPurge: rows
      .filter((row) => row.what === 'purge')
      .map((row) => ({ childId: row.child_id!, laChildId: row.la_child_id! })),
  };
}

/**
 * The instant the last run read the record at, of the runs that delivered everything they made: a run that left
 * some children undelivered is not a base, so that those children are made again.
 */
export async function lastCompleteRun(db: Kysely<Tables>, councilId: string): Promise<Date | null> {
  const run = await db
    .selectFrom('dfe_api_runs')
    .select('known_at')
    .where('council_id', '=', councilId)
    .where(sql<boolean>`(counts ->> 'undelivered')::int = 0`)
    .orderBy('known_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return run?.known_at ?? null;
}

/** The last full document delivered for each of these children (not purged), with its hash. */
export async function deliveredDocuments(db: Kysely<Tables>, councilId: string, childIds: readonly string[]) {
  if (childIds.length === 0) return [];
  return db
    .selectFrom('dfe_api_children')
    .select(['child_id', 'document_hash', 'document'])
    .where('council_id', '=', councilId)
    .where('purged', '=', false)
    .where('child_id', 'in', childIds)
    .execute();
}

/** The Social Work England number of each worker who has one, by worker id: the DfE's `worker_id`. */
export async function workerRegistrations(
  db: Kysely<Tables>,
  councilId: string,
  workerIds: readonly string[],
): Promise<Map<string, string>> {
  if (workerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('workers')
    .select(['id', 'social_work_england_number'])
    .where('council_id', '=', councilId)
    .where('id', 'in', [...new Set(workerIds)])
    .where('social_work_england_number', 'is not', null)
    .execute();
  return new Map(rows.map((row) => [row.id, row.social_work_england_number!]));
}

export interface RunRow {
  councilId: string;
  id: string;
  knownAt: Date;
  window: { from: string; to: string };
  sent: boolean;
}

export async function insertRun(db: Kysely<Tables>, run: RunRow): Promise<void> {
  await db
    .insertInto('dfe_api_runs')
    .values({
      council_id: run.councilId,
      id: run.id,
      known_at: run.knownAt,
      window_from: run.window.from,
      window_to: run.window.to,
      sent: run.sent,
      counts: JSON.stringify({ undelivered: -1 }),
      finished_at: run.knownAt,
    })
    .execute();
}

export async function finishRun(
  db: Kysely<Tables>,
  runId: string,
  counts: Record<string, number>,
  finishedAt: Date,
): Promise<void> {
  await db
    .updateTable('dfe_api_runs')
    .set({ counts: JSON.stringify(counts), finished_at: finishedAt })
    .where('id', '=', runId)
    .execute();
}

export interface DeliveredRow {
  childId: string;
  laChildId: string;
  hash: string;
  /** The full document, or null for a purge (the last full document is kept). */
  document: Record<string, unknown> | null;
}

/** Keeps what was delivered for each child: the new full document and its hash, or that the child was purged. */
export async function keepDelivered(
  db: Kysely<Tables>,
  councilId: string,
  runId: string,
  at: Date,
  delivered: readonly DeliveredRow[],
): Promise<void> {
  for (let start = 0; start < delivered.length; start += 500) {
    const rows = delivered.slice(start, start + 500).map((row) => ({
      council_id: councilId,
      child_id: row.childId,
      la_child_id: row.laChildId,
      document_hash: row.hash,
      document: JSON.stringify(row.document ?? {}),
      purged: row.document === null,
      run_id: runId,
      delivered_at: at,
    }));
    await db
      .insertInto('dfe_api_children')
      .values(rows)
      .onConflict((conflict) =>
        conflict.columns(['council_id', 'child_id']).doUpdateSet((eb) => ({
          la_child_id: eb.ref('excluded.la_child_id'),
          document_hash: eb.ref('excluded.document_hash'),
          // A purge keeps the last full document: a child back in the cohort is sent whole anyway.
          document: sql`case when excluded.purged then dfe_api_children.document else excluded.document end`,
          purged: eb.ref('excluded.purged'),
          run_id: eb.ref('excluded.run_id'),
          delivered_at: eb.ref('excluded.delivered_at'),
        })),
      )
      .execute();
  }
}

export interface SubmissionRow {
  councilId: string;
  id: string;
  runId: string;
  submittedAt: Date;
  children: string[];
  attempts: number;
  status: number | null;
  response: string;
  accepted: boolean;
}

export async function insertSubmission(db: Kysely<Tables>, submission: SubmissionRow): Promise<void> {
  await db
    .insertInto('dfe_api_submissions')
    .values({
      council_id: submission.councilId,
      id: submission.id,
      run_id: submission.runId,
      submitted_at: submission.submittedAt,
      children: submission.children,
      attempts: submission.attempts,
      status: submission.status,
      response: submission.response,
      accepted: submission.accepted,
    })
    .execute();
}

/** A run's submissions, oldest first (tests and the command's summary). */
export async function submissionsOf(db: Kysely<Tables>, runId: string) {
  return db
    .selectFrom('dfe_api_submissions')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

/** Whether a run on `today` sent everything it made (the daily job's check). */
export async function sentOn(db: Kysely<Tables>, councilId: string, today: string): Promise<boolean> {
  const run = await db
    .selectFrom('dfe_api_runs')
    .select('id')
    .where('council_id', '=', councilId)
    .where('window_to', '=', today)
    .where('sent', '=', true)
    .where(sql<boolean>`(counts ->> 'undelivered')::int = 0`)
    .executeTakeFirst();
  return run !== undefined;
}
