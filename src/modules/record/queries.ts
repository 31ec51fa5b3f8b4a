import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { CHILD_TABLES } from '../../db/record-tables.ts';
import type { Tables } from '../../db/schema.ts';

/** A table of a child's record that hangs off the child by `child_id`. */
export type RecordTable = (typeof CHILD_TABLES)[number];
export type RecordRow<T extends RecordTable | 'children'> = Selectable<Tables[T]>;

/** Which children to read: some, or every child of the council (the daily job, the returns). */
export type ChildScope = { childIds: readonly string[] } | 'all';
/** Or those a query chooses (a select of child ids), for sets too large to list: the children a period touches. */
export type ReadScope = ChildScope | { chosenBy: RawBuilder<unknown> };

/** Whether a row's child (in `column`) is one of the scope's. */
function childIn(scope: ReadScope, column: string) {
  if (scope === 'all') return sql`true`;
  if ('chosenBy' in scope) return sql`${sql.ref(column)} in (${scope.chosenBy})`;
  return scope.childIds.length ? sql`${sql.ref(column)} in (${sql.join(scope.childIds)})` : sql`false`;
}

/**
 * The rows of one table for the children in scope, as Hearth knew them at `knownAt`: the current rows recorded
 * by then, and the kept versions (record_history, migration 0050) that were current then. Without `knownAt`,
 * the current rows.
 */
export async function rowsKnownAt<T extends RecordTable | 'children'>(
  db: Kysely<Tables>,
  councilId: string,
  table: T,
  scope: ReadScope,
  knownAt?: Date,
): Promise<RecordRow<T>[]> {
  const inScope = childIn(scope, table === 'children' ? 'id' : 'child_id');
  if (!knownAt) {
    const { rows } = await sql<RecordRow<T>>`select * from ${sql.table(table)}
      where council_id = ${councilId} and ${inScope}`.execute(db);
    return rows;
  }
  const { rows } = await sql<RecordRow<T>>`select * from ${sql.table(table)}
      where council_id = ${councilId} and ${inScope} and recorded_at <= ${knownAt}
    union all
    select (jsonb_populate_record(null::${sql.table(table)}, h.version_row)).* from record_history h
      where h.council_id = ${councilId} and h.table_name = ${table} and ${childIn(scope, 'h.child_id')}
        and h.recorded_at <= ${knownAt} and h.superseded_at > ${knownAt}`.execute(db);
  return rows;
}

/**
 * The names of the workers a child's record names (who recorded, authorised or advises), by id: organisation facts
 * the pages of a child show beside the record.
 */
export async function workerNames(
  db: Kysely<Tables>,
  councilId: string,
  workerIds: readonly string[],
): Promise<Map<string, string>> {
  if (!workerIds.length) return new Map();
  const rows = await db
    .selectFrom('workers')
    .select(['id', sql<string>`given_name || ' ' || family_name`.as('name')])
    .where('council_id', '=', councilId)
    .where('id', 'in', [...new Set(workerIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The factors identified at each assessment of the council, as Hearth knew them at `knownAt` (current rows
 * recorded by then and kept versions current then; without `knownAt`, the current rows). Factors hang off the
 * assessment, not the child, so the reader of children's records does not read them.
 */
export async function assessmentFactorsKnownAt(
  db: Kysely<Tables>,
  councilId: string,
  knownAt?: Date,
  assessmentIds?: readonly string[],
): Promise<{ assessment_id: string; code: string }[]> {
  if (assessmentIds) {
    if (assessmentIds.length === 0) return [];
    const { rows } = await sql<{ assessment_id: string; code: string }>`select assessment_id, code
      from assessment_factors where council_id = ${councilId}
        and assessment_id in (${sql.join(assessmentIds)})`.execute(db);
    return rows;
  }
  if (!knownAt) {
    const { rows } = await sql<{ assessment_id: string; code: string }>`select assessment_id, code
      from assessment_factors where council_id = ${councilId}`.execute(db);
    return rows;
  }
  const { rows } = await sql<{ assessment_id: string; code: string }>`select assessment_id, code
      from assessment_factors where council_id = ${councilId} and recorded_at <= ${knownAt}
    union all
    select (h.version_row ->> 'assessment_id')::uuid, h.version_row ->> 'code' from record_history h
      where h.council_id = ${councilId} and h.table_name = 'assessment_factors'
        and h.recorded_at <= ${knownAt} and h.superseded_at > ${knownAt}`.execute(db);
  return rows;
}
