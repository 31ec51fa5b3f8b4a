import type { ColumnType } from 'kysely';

/** One load of past returns into the record (migration 0077). */
export interface RecordImportsTable {
  council_id: string;
  id: string;
  kind: 'ssda903' | 'cin';
  files: ColumnType<string[], string, string>;
  imported_by: string;
  imported_at: ColumnType<Date, Date | string, Date | string>;
  counts: ColumnType<Record<string, number>, string, string>;
  problems: ColumnType<unknown[], string, string>;
  fixes: ColumnType<unknown[], string, string>;
}

/** A fact of the record that came from a past return: the file and row, and any fix the import made. */
export interface ImportedFactsTable {
  council_id: string;
  fact_table: string;
  fact_id: string;
  import_id: string;
  source_file: string;
  source_row: number | null;
  fix: string | null;
}

export interface ImportTables {
  record_imports: RecordImportsTable;
  imported_facts: ImportedFactsTable;
}
