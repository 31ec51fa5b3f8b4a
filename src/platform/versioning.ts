import { Type } from 'typebox';
import type { Transaction } from 'kysely';
import type { Tables } from '../db/schema.ts';
import type { Actor } from './actor.ts';
import { Conflict, NotFound } from './errors.ts';
import {
  keptVersions,
  lockVersionedRecord,
  updateVersionedFields,
  versionedRecord,
  type VersionedTable,
} from './versioning-queries.ts';

/**
 * The version a change was based on, as the API takes it: Hearth's versions are PostgreSQL integers, so a larger
 * number was never given out and is refused as input rather than failing in the database (issue 22).
 */
export function versionInput(description: string) {
  return Type.Integer({ minimum: 1, maximum: 2_147_483_647, description });
}

/** The same, as a form posts it (a hidden field's text). */
export const versionFormField = Type.String({ pattern: '^[1-9][0-9]{0,8}$' });

export type { VersionedTable } from './versioning-queries.ts';

export interface FieldChange {
  field: string;
  was: unknown;
  now: unknown;
}

function same(left: unknown, right: unknown): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}

/** Columns that say how and when a row was kept, not what it says. */
const BOOKKEEPING = new Set(['version', 'updated_at', 'recorded_at', 'created_at']);

/** The fields whose values differ between two versions of a row. */
function differences(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(after).filter((field) => !BOOKKEEPING.has(field) && !same(before[field], after[field]));
}

/**
 * Changes a structured record only if it is still at the version the person started editing from
 * (optimistic concurrency). A stale edit is refused with a Conflict listing what changed since, so nothing is
 * overwritten silently. The version replaced is kept by the database in `record_history` (migration 0050), with
 * who, when and why. Returns the new version.
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
      await changesSince(trx, actor.councilId, target, current),
    );
  }
  const changed = Object.entries(changes).filter(([field, value]) => !same(current[field], value));
  if (changed.length === 0) return currentVersion;
  const version = currentVersion + 1;
  await updateVersionedFields(trx, { ...target, councilId: actor.councilId }, changed, {
    version,
    now: actor.now,
  });
  return version;
}

/** For each field changed after the version the person began from: its value then and its value now. */
async function changesSince(
  trx: Transaction<Tables>,
  councilId: string,
  target: { table: VersionedTable; id: string; expectedVersion: number },
  current: Record<string, unknown>,
): Promise<FieldChange[]> {
  const kept = await keptVersions(trx, councilId, target.table, target.id);
  const began = kept.find(
    (entry) => Number(entry.version_row.version) === target.expectedVersion,
  )?.version_row;
  if (!began) return [];
  return differences(began, current).map((field) => ({ field, was: began[field], now: current[field] }));
}

/** The changes made to a record, newest first: each version, when and by whom it was made, and why. */
export async function recordHistory(
  trx: Transaction<Tables>,
  councilId: string,
  table: VersionedTable,
  id: string,
) {
  const current = await versionedRecord(trx, table, councilId, id);
  const kept = await keptVersions(trx, councilId, table, id);
  return kept
    .map((entry, index) => {
      const after = kept[index + 1]?.version_row ?? current ?? {};
      const fields = differences(entry.version_row, after);
      return {
        version: Number(after.version),
        changed_at: entry.superseded_at,
        changed_by: entry.superseded_by,
        reason: entry.reason,
        changes: Object.fromEntries(
          fields.map((field) => [field, { from: entry.version_row[field], to: after[field] }]),
        ),
      };
    })
    .filter((change) => Object.keys(change.changes).length > 0)
    .reverse();
}
