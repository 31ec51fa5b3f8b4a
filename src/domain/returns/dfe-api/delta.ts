import { addMonths, type IsoDate } from '../dates.ts';
import { CHILD_IDENTIFIERS, LIST_IDS, type DfeDocument, type DfeValue } from './document.ts';

/**
 * The window a child's involvement must touch to be in the API's cohort: from 1 April of the financial year that
 * held the day 24 months before `today`, to `today` (the DfE's early-adopter specification, as Data to Insight's
 * cohort documents it). With the age rule (25 or under at some point in the window) it defines the cohort.
 */
export function cohortWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const back = addMonths(today, -24);
  const year = Number(back.slice(0, 4)) - (back.slice(5) < '04-01' ? 1 : 0);
  return { from: `${year}-04-01`, to: today };
}

/** The day before which someone born on `dateOfBirth` was 25 or under: their 26th birthday. */
export const tooOldFrom = (dateOfBirth: IsoDate): IsoDate =>
  `${Number(dateOfBirth.slice(0, 4)) + 26}${dateOfBirth.slice(4)}`;

const isBlock = (value: DfeValue | undefined): value is DfeDocument =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep equality of JSON values, whatever the order of an object's keys (a stored document comes back reordered). */
export function sameValue(a: DfeValue | undefined, b: DfeValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
  if (isBlock(a) && isBlock(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

/**
 * A list's changes: new items whole, changed items as their id and what changed, removed items as their id with
 * `purge: true`. A list whose items carry no purge flag (workers, SDQ scores) is sent whole when it changed, so
 * that the DfE replaces it.
 */
function listChanges(key: string, current: DfeValue[], previous: DfeValue[]): DfeValue[] {
  const idKey = LIST_IDS[key]!;
  const blocks = (list: DfeValue[]) => list.filter(isBlock);
  if (!blocks(current).every((item) => 'purge' in item)) return current;
  const before = new Map(blocks(previous).map((item) => [item[idKey], item]));
  const changes: DfeValue[] = [];
  for (const item of blocks(current)) {
    const previousItem = before.get(item[idKey]);
    before.delete(item[idKey]);
    if (!previousItem) changes.push(item);
    else {
      const changed = blockChanges(item, previousItem);
      if (changed) changes.push({ [idKey]: item[idKey]!, ...changed });
    }
  }
  for (const gone of before.values()) changes.push({ [idKey]: gone[idKey]!, purge: true });
  return changes;
}

/** What changed in a block: changed fields, lists and nested blocks, or null when nothing did. */
function blockChanges(current: DfeDocument, previous: DfeDocument): DfeDocument | null {
  const changed: DfeDocument = {};
  for (const [key, value] of Object.entries(current)) {
    const before = previous[key];
    if (key === 'purge' || sameValue(value, before)) continue;
    if (Array.isArray(value) && Array.isArray(before) && key in LIST_IDS)
      changed[key] = listChanges(key, value, before);
    else if (isBlock(value) && isBlock(before)) changed[key] = blockChanges(value, before) ?? {};
    else changed[key] = value;
  }
  // A block (adoption, care leaver contact) the record no longer holds is purged.
  for (const [key, before] of Object.entries(previous))
    if (!(key in current) && isBlock(before)) changed[key] = { purge: true };
  if (Object.keys(changed).length === 0) return null;
  return 'purge' in current ? { ...changed, purge: false } : changed;
}

/**
 * The partial document for a child whose document changed since `previous` was delivered: the child's
 * identifiers and details (which the DfE asks of every document), and only what changed below them, lists
 * matched by their items' ids. Null when nothing changed.
 */
export function partialDocument(current: DfeDocument, previous: DfeDocument): DfeDocument | null {
  const changed = blockChanges(current, previous);
  if (!changed) return null;
  const partial: DfeDocument = {};
  for (const key of CHILD_IDENTIFIERS) partial[key] = current[key]!;
  return { ...partial, purge: false, child_details: current.child_details!, ...changed };
}

/** The purge document for a child no longer in the cohort, or removed from Hearth: their identifiers only. */
export function purgeDocument(previous: DfeDocument): DfeDocument {
  const purge: DfeDocument = {};
  for (const key of CHILD_IDENTIFIERS) purge[key] = previous[key]!;
  return { ...purge, purge: true };
}
