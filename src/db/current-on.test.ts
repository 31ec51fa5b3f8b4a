import { describe, expect, it } from 'vitest';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import type { Tables } from './schema.ts';
import { currentOn, notEndedBefore } from './current-on.ts';

// Compiles without a database: these tests read the SQL the helpers write.
const db = new Kysely<Tables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('currentOn', () => {
  it('holds from the first day to the last, both inclusive, and while the end is open', () => {
    const query = sql`select 1 from allocations a where ${currentOn('a', '2025-04-01')}`.compile(db);
    expect(query.sql).toBe(
      'select 1 from allocations a where ("a"."from_date" <= $1 and ("a"."to_date" is null or "a"."to_date" >= $2))',
    );
    expect(query.parameters).toEqual(['2025-04-01', '2025-04-01']);
  });

  it('serves the query builder as well as raw templates', () => {
    const query = db
      .selectFrom('team_memberships as m')
      .select('m.team_id')
      .where(currentOn('m', '2025-04-01'));
    expect(query.compile().sql).toContain('where ("m"."from_date" <= $1 and ("m"."to_date" is null');
  });
});

describe('notEndedBefore', () => {
  it("asks only about the end, of the query's own table when no alias is given", () => {
    const query = sql`${notEndedBefore(undefined, sql`${'2025-04-01'}::date`)}`.compile(db);
    expect(query.sql).toBe('("to_date" is null or "to_date" >= $1::date)');
  });
});
