import type { ColumnType, Generated } from 'kysely';

/** A `date` column: the text YYYY-MM-DD on both engines (see `openDatabase`). */
export type DateColumn = string;
/** A `timestamptz` column, read as a Date and written as a Date or an ISO string. */
export type Instant = ColumnType<Date, Date | string, Date | string>;

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface CouncilsTable {
  id: string;
  name: string;
  dfe_code: string | null;
  gss_code: string | null;
  created_at: Generated<Date>;
}

/** Every table Hearth's queries may name, with its columns. */
export interface Tables {
  schema_migrations: SchemaMigrationsTable;
  councils: CouncilsTable;
}
