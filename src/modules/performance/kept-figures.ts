import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndicatorFigure } from '../../domain/indicators/index.ts';
import { rowsAsAt } from '../record/as-at.ts';
import type { RecordTable } from '../record/service.ts';

/**
 * Keeping a closed period's figures (migration 0070; ADR 9, "derived facts are stored"). A period's figures as
 * known now equal those kept as known at K when nothing recorded since K alters the record as it stood at the end
 * of the period's last day, and the figures' other inputs (the social workers, the population, the calendar and
 * the indicators' own definitions) are unchanged. Day-to-day work (a plan ended today, a contact received today)
 * leaves a past quarter's record as it stood then alone; a correction back-dated into it does not.
 */

/** How long before a read begins its figures are said to be known at: a change committing during the read is seen. */
export const KEPT_MARGIN_MS = 2 * 60 * 1000;

/** A figure as kept: the indicator's figure by id. */
export interface KeptPeriod {
  readonly population: { midYear: number; children0To17: number; source?: string } | undefined;
  readonly figures: Readonly<Record<string, IndicatorFigure>>;
}

/** A version of a row of the record, as JSON, with when Hearth recorded it. */
export interface RecordedVersion {
  readonly table_name: string;
  readonly version_row: Record<string, unknown>;
  readonly recorded_at: Date | string;
  /** When a later version replaced it; null for the row as it is now. */
  readonly superseded_at: Date | string | null;
}

/** The source of the indicators' definitions, so that a change to them is a change to every kept figure. */
const DEFINITIONS = (() => {
  const folder = join(import.meta.dirname, '../../domain/indicators');
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort())
    if (name.endsWith('.ts') && !name.endsWith('.test.ts')) hash.update(readFileSync(join(folder, name)));
  return hash.digest('hex');
})();

/** A digest of what a period's figures are worked out with besides the record. */
export function inputsDigest(inputs: unknown): string {
  return createHash('sha256').update(DEFINITIONS).update(JSON.stringify(inputs)).digest('hex');
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T/;

/** A JSON row's instants as Dates, so that "as at" takes their day in England's time, as the reader does. */
function revived(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      typeof value === 'string' && INSTANT.test(value) ? new Date(value) : value,
    ]),
  );
}

/** The row as the record stood at the end of `day` (nothing if it had not begun), in words to compare. */
function asAtWords(table: string, row: Record<string, unknown>, day: string): string {
  if (table === 'children') return JSON.stringify(row.date_of_birth ?? null);
  const [kept] = rowsAsAt(table as RecordTable, [revived(row)], day);
  if (!kept) return '';
  const { recorded_at: _recordedAt, updated_at: _updatedAt, ...fields } = kept;
  return JSON.stringify(fields, (_key, value: unknown) =>
    value instanceof Date ? value.toISOString() : value,
  );
}

/**
 * Whether any of `versions` (every version recorded or superseded since some instant at or before `knownAt`;
 * those no longer current by `knownAt` are passed over) alters the record as it stood at the end of `day` from what Hearth knew at `knownAt`: a row first recorded since
 * then that had begun by `day`, or a row whose versions since then differ as at `day`. A child's row counts only
 * for the date of birth, the one thing of it the indicators read.
 */
export function alteredSince(versions: readonly RecordedVersion[], knownAt: Date, day: string): boolean {
  const rows = new Map<string, { first: number; words: Set<string> }>();
  for (const version of versions) {
    const lastCurrent = new Date(version.superseded_at ?? version.recorded_at).getTime();
    if (lastCurrent < knownAt.getTime()) continue;
    const recorded = new Date(version.recorded_at).getTime();
    const key = `${version.table_name}/${String(version.version_row.id)}`;
    const seen = rows.get(key) ?? { first: recorded, words: new Set<string>() };
    seen.first = Math.min(seen.first, recorded);
    seen.words.add(asAtWords(version.table_name, version.version_row, day));
    rows.set(key, seen);
  }
  for (const [key, seen] of rows) {
    const isNew = seen.first >= knownAt.getTime();
    if (isNew && !key.startsWith('children/') && [...seen.words].some((words) => words !== '')) return true;
    if (seen.words.size > 1) return true;
  }
  return false;
}
