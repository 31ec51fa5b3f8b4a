import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import type { RecordTable } from '../record/service.ts';

/** A version of a row of the child's record that a later change replaced (record_history, migration 0050). */
export interface SupersededVersion {
  table_name: RecordTable;
  record_id: string;
  version_row: Record<string, unknown>;
  recorded_at: Date;
  superseded_at: Date;
  /** The name of the worker whose change replaced it. */
  superseded_by: string | null;
  reason: string | null;
}

/** The replaced versions of the child's rows in `tables`, oldest first for each row. */
export async function supersededVersionsOf(
  db: Kysely<Tables>,
  councilId: string,
  childId: string,
  tables: readonly RecordTable[],
) {
  if (!tables.length) return [];
  const { rows } = await sql<SupersededVersion>`
    select h.table_name, h.record_id::text as record_id, h.version_row, h.recorded_at, h.superseded_at,
      w.given_name || ' ' || w.family_name as superseded_by, h.reason
    from record_history h
      left join users u on u.council_id = h.council_id and u.id = h.superseded_by
      left join workers w on w.council_id = u.council_id and w.id = u.worker_id
    where h.council_id = ${councilId} and h.child_id = ${childId}
      and h.table_name in (${sql.join(tables.map((table) => sql`${table}`))}) and h.record_id is not null
    order by h.record_id, h.superseded_at`.execute(db);
  return rows;
}

/**
 * Who recorded what the child's record learned at each of these instants. A use case names one instant to the
 * database for its rows (`recorded_at`) and to its audit entry (platform/transactions.ts), so the audit entry of
 * a write made at that instant names its worker; where several were made at once, a write is preferred to a read.
 */
export async function recordersAt(
  db: Kysely<Tables>,
  councilId: string,
  childId: string,
  instants: readonly Date[],
): Promise<Map<string, string>> {
  if (!instants.length) return new Map();
  const { rows } = await sql<{ at: Date; name: string }>`
    select distinct on (a.at) a.at, w.given_name || ' ' || w.family_name as name
    from audit_log a join workers w on w.council_id = a.council_id and w.id = a.worker_id
    where a.council_id = ${councilId} and a.child_id = ${childId} and a.outcome = 'allowed'
      and a.at in (${sql.join(instants.map((instant) => sql`${instant.toISOString()}::timestamptz`))})
    order by a.at, (a.action like '%viewed' or a.action like '%printed'), a.seq`.execute(db);
  return new Map(rows.map((row) => [new Date(row.at).toISOString(), row.name]));
}

/** Where a fact a past return brought in came from (issue 19): the return's file and row, and any fix the import made. */
export interface ImportedSource {
  file: string;
  row: number | null;
  fix: string | null;
}

/** The imported facts among the record's rows, by `table:id`; a row Hearth recorded itself is not in it. */
export async function importedSourcesOf(
  db: Kysely<Tables>,
  councilId: string,
  idsByTable: ReadonlyMap<RecordTable, readonly string[]>,
): Promise<Map<string, ImportedSource>> {
  const wanted = [...idsByTable].filter(([, ids]) => ids.length > 0);
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('imported_facts')
    .select(['fact_table', 'fact_id', 'source_file', 'source_row', 'fix'])
    .where('council_id', '=', councilId)
    .where((eb) =>
      eb.or(wanted.map(([table, ids]) => eb.and([eb('fact_table', '=', table), eb('fact_id', 'in', ids)]))),
    )
    .execute();
  return new Map(
    rows.map((row) => [
      `${row.fact_table}:${row.fact_id}`,
      { file: row.source_file, row: row.source_row, fix: row.fix },
    ]),
  );
}
