import { sql, type Transaction } from 'kysely';
import type { Tables } from '../db/schema.ts';

type Trx = Transaction<Tables>;

/** Tables of structured records that carry `council_id`, `id`, `version` and `updated_at`. */
export type VersionedTable = 'children' | 'episodes' | 'assessments';

/** A versioned record as it stands, locked until the transaction ends so two edits cannot both pass the check. */
export async function lockVersionedRecord(trx: Trx, table: VersionedTable, councilId: string, id: string) {
  const found = await sql<Record<string, unknown>>`select * from ${sql.table(table)}
    where council_id = ${councilId} and id = ${id} for update`.execute(trx);
  return found.rows[0];
}

/** A versioned record as it stands, unlocked, to show its history beside. */
export async function versionedRecord(trx: Trx, table: VersionedTable, councilId: string, id: string) {
  const found = await sql<Record<string, unknown>>`select * from ${sql.table(table)}
    where council_id = ${councilId} and id = ${id}`.execute(trx);
  return found.rows[0];
}

/**
 * Writes the changed fields of a versioned record with its new version number. The database keeps the version it
 * replaces in record_history (migration 0050), with the reason named here.
 */
export async function updateVersionedFields(
  trx: Trx,
  target: { table: VersionedTable; councilId: string; id: string; reason?: string },
  changed: [field: string, value: unknown][],
  stamp: { version: number; now: Date },
): Promise<void> {
  await sql`select set_config('hearth.reason', ${target.reason ?? ''}, true)`.execute(trx);
  await sql`update ${sql.table(target.table)} set ${sql.join(
    changed.map(([field, value]) => sql`${sql.ref(field)} = ${value}`),
  )}, version = ${stamp.version}, updated_at = ${stamp.now}
    where council_id = ${target.councilId} and id = ${target.id}`.execute(trx);
  await sql`select set_config('hearth.reason', '', true)`.execute(trx);
}

/** The kept versions of one row, oldest first. */
export function keptVersions(trx: Trx, councilId: string, table: VersionedTable, id: string) {
  return trx
    .selectFrom('record_history')
    .select(['version_row', 'superseded_at', 'superseded_by', 'reason'])
    .where('council_id', '=', councilId)
    .where('table_name', '=', table)
    .where('record_id', '=', id)
    .orderBy('superseded_at')
    .execute();
}
