import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { TABLES_WITH_HISTORY } from '../db/record-tables.ts';
import type { Tables } from '../db/schema.ts';
import type { Row, Rows } from './context.ts';

/**
 * Writes the generated rows in bulk: each table's rows go as one JSON document per few thousand rows, unpacked by
 * `json_populate_recordset` into a multi-row INSERT (one statement, one parameter). It works the same on PGlite
 * and PostgreSQL, and avoids the 65,535-parameter limit of ordinary multi-row inserts.
 */
export const tableOrder = [
  'councils',
  'teams',
  'workers',
  'team_memberships',
  'posts',
  'post_holders',
  'induction_steps',
  'training_records',
  'supervisions',
  'worker_absences',
  'users',
  'children',
  'child_addresses',
  'contacts',
  'episodes',
  'assessments',
  'assessment_factors',
  'strategy_discussions',
  'section47_enquiries',
  'initial_conferences',
  'cp_plans',
  'cp_core_groups',
  'cp_review_conferences',
  'cin_plans',
  'cin_plan_reviews',
  'care_periods',
  'legal_statuses',
  'placements',
  'cla_reviews',
  'child_visits',
  'health_assessments',
  'personal_education_plans',
  'missing_episodes',
  'care_leaver_statuses',
  'pathway_plans',
  'pathway_plan_reviews',
  'care_leaver_contacts',
  'care_outcomes',
  'adoption_decisions',
  'allocations',
  'child_access_lists',
  'case_notes',
  'case_note_children',
] as const;

const BATCH = 5_000;

/** Milliseconds spent writing each table, when HEARTH_DEMO_TIMING is set (for the benchmark). */
export const timing = new Map<string, number>();

/**
 * The tables whose rows carry `recorded_at` (migration 0050). A demo row was recorded when the story says it was
 * written (its `created_at`), not when the demo was loaded, so the record as known at a past date is believable.
 */
const recordedWhenCreated = new Set<string>(TABLES_WITH_HISTORY);

async function insertRows(trx: Transaction<Tables>, table: string, given: readonly Row[]): Promise<void> {
  if (given.length === 0) return;
  const rows =
    recordedWhenCreated.has(table) && 'created_at' in given[0]!
      ? given.map((row) => ({ ...row, recorded_at: row.recorded_at ?? row.created_at }))
      : given;
  const columns = Object.keys(rows[0]!);
  const list = sql.join(columns.map((column) => sql.id(column)));
  for (let start = 0; start < rows.length; start += BATCH) {
    const json = JSON.stringify(rows.slice(start, start + BATCH));
    await sql`insert into ${sql.id(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.id(table)}, ${json}::json)`.execute(
      trx,
    );
  }
}

/** Writes a batch of rows, table by table in the order their keys need, in one transaction. */
export async function writeRows(db: Database, rows: Rows): Promise<number> {
  let written = 0;
  await db.transaction().execute(async (trx) => {
    // A demo batch lost in a crash is simply generated again: no need to wait for the disk at each commit.
    await sql`set local synchronous_commit = off`.execute(trx);
    for (const table of tableOrder) {
      const list = rows[table];
      if (!list?.length) continue;
      const started = performance.now();
      await insertRows(trx, table, list);
      if (process.env.HEARTH_DEMO_TIMING)
        timing.set(table, (timing.get(table) ?? 0) + performance.now() - started);
      written += list.length;
    }
    const unknown = Object.keys(rows).filter((table) => !(tableOrder as readonly string[]).includes(table));
    if (unknown.length) throw new Error(`The demo has no place to write ${unknown.join(', ')}.`);
  });
  return written;
}
