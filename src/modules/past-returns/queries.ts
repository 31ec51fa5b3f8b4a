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
