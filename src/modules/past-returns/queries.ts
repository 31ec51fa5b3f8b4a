import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import type { ImportReport } from './import-report.ts';

/** A fact the import wrote, to be marked as imported with the file and row it came from. */
export interface ImportedFact {
  table: string;
  id: string;
  file: string;
  row: number | null;
  fix: string | null;
}

/** Keeps an import's report and marks each fact it wrote; in the import's own transaction. */
export async function keepImport(
  db: Kysely<Tables>,
  councilId: string,
  importId: string,
  report: ImportReport,
  importedBy: string,
  importedAt: Date,
  facts: readonly ImportedFact[],
): Promise<void> {
  await db
    .insertInto('record_imports')
    .values({
      council_id: councilId,
      id: importId,
      kind: report.kind,
      files: JSON.stringify(report.files),
      imported_by: importedBy,
      imported_at: importedAt,
      counts: JSON.stringify(report.counts),
      problems: JSON.stringify(report.problems),
      fixes: JSON.stringify(report.fixes),
    })
    .execute();
  // A fact imported again by a later run keeps the import that first wrote it.
  await insertRowsInBulk(
    db,
    'imported_facts',
    facts.map((fact) => ({
      council_id: councilId,
      fact_table: fact.table,
      fact_id: fact.id,
      import_id: importId,
      source_file: fact.file,
      source_row: fact.row,
      fix: fact.fix,
    })),
    ['fact_table', 'fact_id'],
  );
}

/**
 * Inserts rows in bulk: each batch one JSON document unpacked by `json_populate_recordset` into one INSERT (as the
 * demo loader does), so that an import's tens of thousands of rows need neither thousands of statements nor the
 * 65,535-parameter limit. With `keepOn`, a row whose key is already there is left as it was.
 */
export async function insertRowsInBulk(
  db: Kysely<Tables>,
  table: keyof Tables,
  rows: readonly Record<string, unknown>[],
  keepOn?: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const list = sql.join(columns.map((column) => sql.id(column)));
  const conflict = keepOn
    ? sql` on conflict (${sql.join(keepOn.map((column) => sql.id(column)))}) do nothing`
    : sql``;
  for (let start = 0; start < rows.length; start += 5000) {
    const json = JSON.stringify(rows.slice(start, start + 5000));
    await sql`insert into ${sql.id(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.id(table)}, ${json}::json)${conflict}`.execute(
      db,
    );
  }
}

/** Where an imported fact came from, for the child's page and the chronology; undefined when Hearth recorded it. */
export async function importedFrom(
  db: Kysely<Tables>,
  councilId: string,
  table: string,
  ids: readonly string[],
): Promise<Map<string, { file: string; row: number | null; fix: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('imported_facts')
    .select(['fact_id', 'source_file', 'source_row', 'fix'])
    .where('council_id', '=', councilId)
    .where('fact_table', '=', table)
    .where('fact_id', 'in', ids)
    .execute();
  return new Map(
    rows.map((row) => [row.fact_id, { file: row.source_file, row: row.source_row, fix: row.fix }]),
  );
}

/** The ids of the council's children with these CHILD ids, so that an import adds to the child Hearth holds. */
export async function childIdsByLocalId(
  db: Kysely<Tables>,
  councilId: string,
  localIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let start = 0; start < localIds.length; start += 5000) {
    const rows = await db
      .selectFrom('children')
      .select(['id', 'local_id'])
      .where('council_id', '=', councilId)
      .where('local_id', 'in', localIds.slice(start, start + 5000))
      .execute();
    for (const row of rows) found.set(row.local_id, row.id);
  }
  return found;
}

/** Columns an import never changes on a row it finds: who made it and when, and the names Hearth recorded. */
const keptColumns = new Set(['council_id', 'id', 'recorded_by', 'given_name', 'family_name']);

/**
 * Writes imported rows of one table: a new row is added, a row the import wrote before is changed only where it
 * differs, so that importing the same returns again changes nothing (and the history trigger sees no change).
 * Returns the children whose rows were added or changed. Rows go as JSON unpacked by `json_populate_recordset`,
 * as the demo loader does, to stay under PostgreSQL's limit on parameters.
 */
export async function writeImportedRows(
  db: Kysely<Tables>,
  table: string,
  rows: readonly Record<string, unknown>[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]!);
  const list = sql.join(columns.map((column) => sql.id(column)));
  const changing = columns.filter((column) => !keptColumns.has(column));
  const set = sql.join(changing.map((column) => sql`${sql.id(column)} = excluded.${sql.id(column)}`));
  const mine = sql.join(changing.map((column) => sql`${sql.id(table)}.${sql.id(column)}`));
  const theirs = sql.join(changing.map((column) => sql`excluded.${sql.id(column)}`));
  const child = table === 'children' ? sql.id('id') : sql.id('child_id');
  const written: string[] = [];
  for (let start = 0; start < rows.length; start += 5000) {
    const json = JSON.stringify(rows.slice(start, start + 5000));
    const result = await sql<{ child: string }>`insert into ${sql.id(table)} (${list})
      select ${list} from json_populate_recordset(null::${sql.id(table)}, ${json}::json)
      on conflict (council_id, id) do update set ${set} where (${mine}) is distinct from (${theirs})
      returning ${child} as child`.execute(db);
    for (const row of result.rows) written.push(row.child);
  }
  return written;
}

/**
 * The worker an import from the command line records its facts as (`recorded_by`): the council's longest-serving
 * administrator still in post, since the command line has no one signed in. Undefined when it has none.
 */
export async function importingWorker(db: Kysely<Tables>, councilId: string): Promise<string | undefined> {
  const worker = await db
    .selectFrom('workers')
    .select('id')
    .where('council_id', '=', councilId)
    .where('role', '=', 'administrator')
    .where('left_on', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return worker?.id;
}
