import { sql, type Insertable, type Transaction } from 'kysely';
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

/** Writes the changed fields of a versioned record with its new version number. */
export async function updateVersionedFields(
  trx: Trx,
  target: { table: VersionedTable; councilId: string; id: string },
  changed: [field: string, value: unknown][],
  stamp: { version: number; now: Date },
): Promise<void> {
  await sql`update ${sql.table(target.table)} set ${sql.join(
    changed.map(([field, value]) => sql`${sql.ref(field)} = ${value}`),
  )}, version = ${stamp.version}, updated_at = ${stamp.now}
    where council_id = ${target.councilId} and id = ${target.id}`.execute(trx);
}

export function insertRecordVersion(trx: Trx, version: Insertable<Tables['record_versions']>) {
  return trx.insertInto('record_versions').values(version).execute();
}

/** The kept changes of a record after version `fromVersion`, oldest first. */
export function versionsAfter(
  trx: Trx,
  councilId: string,
  table: VersionedTable,
  id: string,
  fromVersion: number,
) {
  return trx
    .selectFrom('record_versions')
    .select(['version', 'changes'])
    .where('council_id', '=', councilId)
    .where('record_type', '=', table)
    .where('record_id', '=', id)
    .where('version', '>', fromVersion)
    .orderBy('version')
    .execute();
}

/** The history of a record, newest first. */
export function recordHistory(trx: Trx, councilId: string, table: VersionedTable, id: string) {
  return trx
    .selectFrom('record_versions')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('record_type', '=', table)
    .where('record_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
}
