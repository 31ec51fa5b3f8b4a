import type { ColumnType, Generated } from 'kysely';
import type { DateColumn, Instant } from './schema.ts';

/** One run of the DfE API export (migration 0081): when the record was read, the window, and what it made. */
export interface DfeApiRunsTable {
  council_id: string;
  id: string;
  known_at: Instant;
  window_from: DateColumn;
  window_to: DateColumn;
  sent: boolean;
  counts: ColumnType<Record<string, number>, string, string>;
  finished_at: Instant;
}

/** What Hearth last delivered for a child: the full document and its hash, or that the child was purged. */
export interface DfeApiChildrenTable {
  council_id: string;
  child_id: string;
  la_child_id: string;
  document_hash: string;
  document: ColumnType<Record<string, unknown>, string, string>;
  purged: Generated<boolean>;
  run_id: string;
  delivered_at: Instant;
}

/** One batch sent to the DfE's endpoint and the response it gave. */
export interface DfeApiSubmissionsTable {
  council_id: string;
  id: string;
  run_id: string;
  submitted_at: Instant;
  children: string[];
  attempts: number;
  status: number | null;
  response: string;
  accepted: boolean;
}

export interface DfeApiTables {
  dfe_api_runs: DfeApiRunsTable;
  dfe_api_children: DfeApiChildrenTable;
  dfe_api_submissions: DfeApiSubmissionsTable;
}
