import type { Kysely } from 'kysely';
import { CHILD_TABLES } from '../../db/record-tables.ts';
import type { Tables } from '../../db/schema.ts';
import { requireChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { rowsAsAt } from './as-at.ts';
import {
  assessmentFactorsKnownAt,
  rowsKnownAt,
  type ChildScope,
  type ReadScope,
  type RecordRow,
  type RecordTable,
} from './queries.ts';

export { workerNames } from './queries.ts';

export type { ChildScope, ReadScope, RecordTable } from './queries.ts';

/** One child's record: who the child is, and every fact of their journey, each table's rows in a list. */
export type ChildRecord = { child: RecordRow<'children'> } & { [T in RecordTable]: RecordRow<T>[] };

/**
 * When to read the record at: `asAt`, the day in the child's life (the record as it stood at the end of that
 * day); `knownAt`, the instant of Hearth's knowledge (what had been recorded by then; default now).
 */
export interface RecordTime {
  asAt: string;
  knownAt?: Date;
}

function emptyRecord(child: RecordRow<'children'>): ChildRecord {
  return {
    child,
    ...(Object.fromEntries(CHILD_TABLES.map((table) => [table, []])) as unknown as {
      [T in RecordTable]: RecordRow<T>[];
    }),
  };
}

/**
 * The one reader of children's records (ADR 0008): the record of each child in scope as it stood on `asAt`, as
 * Hearth knew it at `knownAt`, one query per table. For the council's own jobs (obligations, returns); a person's
 * request reads through `readRecord`, which asks the gatekeeper first.
 */
export async function readRecords(
  db: Kysely<Tables>,
  councilId: string,
  scope: ChildScope,
  time: RecordTime,
  tables: readonly RecordTable[] = CHILD_TABLES,
): Promise<Map<string, ChildRecord>> {
  return (await readRecordsOnDays(db, councilId, scope, [time.asAt], time.knownAt, tables)).get(time.asAt)!;
}

/**
 * The records of the children in scope as they stood on each of `days`, as Hearth knew them at `knownAt`, read
 * once: for figures over several periods (an indicator's last 8 quarters). With `tables`, only those tables are
 * read and the others are left empty.
 */
export async function readRecordsOnDays(
  db: Kysely<Tables>,
  councilId: string,
  scope: ReadScope,
  days: readonly string[],
  knownAt?: Date,
  tables: readonly RecordTable[] = CHILD_TABLES,
): Promise<Map<string, Map<string, ChildRecord>>> {
  const [children, ...rows] = await Promise.all([
    rowsKnownAt(db, councilId, 'children', scope, knownAt),
    ...tables.map((table) => rowsKnownAt(db, councilId, table, scope, knownAt)),
  ]);
  const byDay = new Map<string, Map<string, ChildRecord>>();
  for (const day of days) {
    const records = new Map<string, ChildRecord>();
    for (const child of children as RecordRow<'children'>[]) records.set(child.id, emptyRecord(child));
    tables.forEach((table, index) => {
      for (const row of rowsAsAt(table, rows[index] as { child_id: string }[], day)) {
        (records.get(row.child_id)?.[table] as unknown[] | undefined)?.push(row);
      }
    });
    byDay.set(day, records);
  }
  return byDay;
}

/**
 * A person's read of some children's records: refused as "not found" for any child they may not see. With
 * `tables`, only those tables are read and the others are left empty (a page that needs one part of the record).
 */
export async function readRecord(
  db: Kysely<Tables>,
  actor: Actor,
  childIds: readonly string[],
  time: RecordTime = { asAt: actor.today },
  tables: readonly RecordTable[] = CHILD_TABLES,
): Promise<Map<string, ChildRecord>> {
  await requireChildren(db, actor, 'read', childIds);
  return readRecords(db, actor.councilId, { childIds }, time, tables);
}

/** A table's rows oldest first by one of its date columns, as the child's pages list them (the reader keeps no order). */
export function oldestFirst<Row>(rows: readonly Row[], column: keyof Row): Row[] {
  const dayOf = (row: Row) => {
    const value = row[column];
    return value instanceof Date ? value.toISOString() : String(value ?? '');
  };
  return [...rows].sort((a, b) => (dayOf(a) < dayOf(b) ? -1 : dayOf(a) > dayOf(b) ? 1 : 0));
}

/**
 * The factors identified at each assessment (DfE codes, by assessment id), as Hearth knew them at `knownAt`: the
 * part of the record that hangs off an assessment rather than the child, for the council's own jobs (the returns).
 */
export async function readAssessmentFactors(
  db: Kysely<Tables>,
  councilId: string,
  knownAt?: Date,
  /** Only these assessments' factors, as they are now (a child's page); knownAt is then not used. */
  assessmentIds?: readonly string[],
): Promise<Map<string, string[]>> {
  const factors = new Map<string, string[]>();
  for (const row of await assessmentFactorsKnownAt(db, councilId, knownAt, assessmentIds)) {
    const codes = factors.get(row.assessment_id);
    if (codes) codes.push(row.code);
    else factors.set(row.assessment_id, [row.code]);
  }
  return factors;
}
