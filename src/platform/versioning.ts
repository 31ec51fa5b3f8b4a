import type { Transaction } from 'kysely';
import type { Tables } from '../db/schema.ts';
import {
  insertRecordVersion,
  lockVersionedRecord,
  recordHistory,
  updateVersionedFields,
  versionsAfter,
  type VersionedTable,
} from './versioning-queries.ts';
import type { Actor } from './actor.ts';
import { Conflict, NotFound } from './errors.ts';

// Services reach versioned records through this file; the SQL sits in versioning-queries.ts.
export { recordHistory, type VersionedTable };

export interface FieldChange {
  field: string;
  was: unknown;
  now: unknown;
}

function same(left: unknown, right: unknown): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}

/**
 * Changes a structured record only if it is still at the version the person started editing from
 * (optimistic concurrency). A stale edit is refused with a Conflict listing what changed since, so nothing is
 * overwritten silently. Each accepted change is kept in `record_versions`: who, when, why, and each field's
 * value before and after. Returns the new version.
 */
export async function updateVersioned(
  trx: Transaction<Tables>,
  actor: Actor,
  target: { table: VersionedTable; id: string; expectedVersion: number; reason?: string },
  changes: Record<string, unknown>,
): Promise<number> {
  const current = await lockVersionedRecord(trx, target.table, actor.councilId, target.id);
  if (!current) throw new NotFound();
  const currentVersion = Number(current.version);
  if (currentVersion !== target.expectedVersion) {
    throw new Conflict(
      `This record has changed since you started (you began from version ${target.expectedVersion}; it is now at version ${currentVersion}).`,
      currentVersion,
      await changesSince(trx, actor.councilId, target.table, target.id, target.expectedVersion, current),
    );
  }
  const changed = Object.entries(changes).filter(([field, value]) => !same(current[field], value));
  if (changed.length === 0) return currentVersion;
  const version = currentVersion + 1;
  await updateVersionedFields(trx, { ...target, councilId: actor.councilId }, changed, {
    version,
    now: actor.now,
  });
  await insertRecordVersion(trx, {
    council_id: actor.councilId,
    record_type: target.table,
    record_id: target.id,
    version,
    changed_at: actor.now,
    changed_by: actor.userId,
    reason: target.reason ?? null,
    changes: JSON.stringify(
      Object.fromEntries(changed.map(([field, value]) => [field, { from: current[field], to: value }])),
    ),
  });
  return version;
}

/** For each field changed after `fromVersion`: its value at that version and its value now. */
async function changesSince(
  trx: Transaction<Tables>,
  councilId: string,
  table: VersionedTable,
  id: string,
  fromVersion: number,
  current: Record<string, unknown>,
): Promise<FieldChange[]> {
  const later = await versionsAfter(trx, councilId, table, id, fromVersion);
  const was = new Map<string, unknown>();
  for (const entry of later) {
    for (const [field, change] of Object.entries(entry.changes))
      if (!was.has(field)) was.set(field, change.from);
  }
  return [...was].map(([field, before]) => ({ field, was: before, now: current[field] }));
}
