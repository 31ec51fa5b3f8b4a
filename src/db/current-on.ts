import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * A day to compare with: the ISO date text (`YYYY-MM-DD`) bound as a parameter, or an SQL expression such as
 * `sql\`${day}::date\``.
 */
export type Day = string | RawBuilder<unknown>;

/**
 * Whether a dated row (an allocation, a team membership, a legal status, an absence) holds on `day`: it started
 * on or before it and has not ended before it. Both ends are inclusive, and an open end (`to_date` null) means it
 * still holds. `alias` names the table as the query does (`a` for `allocations as a`).
 *
 * It is one expression, so it serves a query builder (`.where(currentOn('a', today))`) and a raw template
 * (`sql\`… and ${currentOn('a', today)}\``) alike.
 */
export function currentOn(alias: string, day: Day): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.from_date`)} <= ${day} and ${notEndedBefore(alias, day)})`;
}

/**
 * Whether a dated row has not ended before `day` (`to_date` null, or on or after it), whenever it started: for
 * the rows a change from `day` on must close, and for the few checks that do not ask when a row began.
 * Without `alias`, the column is the query's own `to_date`.
 */
export function notEndedBefore(alias: string | undefined, day: Day): RawBuilder<SqlBool> {
  const to = sql.ref(alias ? `${alias}.to_date` : 'to_date');
  return sql<SqlBool>`(${to} is null or ${to} >= ${day})`;
}
