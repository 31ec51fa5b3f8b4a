import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { pageWindow, type PageWindow } from '../platform/lists.ts';
import type { Tables } from './schema.ts';

/** One page of a list and where it sits in the whole: every long list reads its rows this way, never cut. */
export interface ListPage<Row> {
  rows: Row[];
  window: PageWindow;
}

/**
 * One page of a query's rows with the count of all of them: the count first, so that a page past the end shows
 * the last page rather than nothing. The query carries its own order, ending on a unique column so pages do not
 * overlap, and has no `group by` or `distinct` (its rows are counted by replacing its columns with count(*)).
 */
export async function pageOfQuery<Row>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any query's rows can be paged
  query: SelectQueryBuilder<any, any, Row>,
  requested: number | undefined,
  perPage?: number,
): Promise<ListPage<Row>> {
  // Counted without the columns, which may be costly (a postcode, say), and without the order.
  const counted = (await query
    .clearOrderBy()
    .clearSelect()
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow()) as unknown as { total: number };
  const window = pageWindow(counted.total, requested, perPage);
  const rows = await query.limit(window.limit).offset(window.offset).execute();
  return { rows, window };
}

/** The same for a query written as SQL text: `order` sorts the whole list, on the query's output columns. */
export async function pageOfSql<Row>(
  db: Kysely<Tables>,
  query: RawBuilder<Row>,
  order: RawBuilder<unknown>,
  requested: number | undefined,
  perPage?: number,
): Promise<ListPage<Row>> {
  const counted = await sql<{ total: number }>`select count(*)::int as total from (${query}) listed`.execute(
    db,
  );
  const window = pageWindow(counted.rows[0]!.total, requested, perPage);
  const rows = await sql<Row>`select * from (${query}) listed order by ${order}
    limit ${window.limit} offset ${window.offset}`.execute(db);
  return { rows: rows.rows, window };
}
