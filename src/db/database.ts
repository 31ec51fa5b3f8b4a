import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteSingleConnectionPool } from './pglite-pool.ts';
import type { Tables } from './schema.ts';

export type Database = Kysely<Tables>;
export type Engine = 'pglite' | 'postgres';

const DATE_OID = 1082;
const INT8_OID = 20;

/**
 * Values come back the same from both engines: a `date` stays the text `YYYY-MM-DD` (a calendar date, never
 * a JavaScript Date at midnight somewhere), and a `bigint` such as count(*) becomes a number.
 */
const parsers = {
  [DATE_OID]: (value: string) => value,
  [INT8_OID]: (value: string) => Number(value),
};

/** Which engine a database URL names, or undefined when it names none. */
export function engineOf(url: string): Engine | undefined {
  if (url.startsWith('pglite://') || url === 'memory://') return 'pglite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  return undefined;
}

/**
 * Opens Hearth's database: `pglite://PATH` (embedded, on disk), `memory://` (embedded, for tests) or
 * `postgres://…` (a PostgreSQL server). The extensions later features need are made loadable on both.
 */
export async function openDatabase(url: string): Promise<Database> {
  const engine = engineOf(url);
  if (engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          parsers[oid as keyof typeof parsers] ??
          pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  }
  if (engine === 'pglite') {
    const dataDir = url === 'memory://' ? undefined : resolve(url.slice('pglite://'.length));
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const embedded = await PGlite.create(dataDir, {
      extensions: { pg_trgm, fuzzystrmatch, pgcrypto },
      parsers,
    });
    return new Kysely<Tables>({
      dialect: new PostgresDialect({ pool: new PgliteSingleConnectionPool(embedded) as unknown as pg.Pool }),
    });
  }
  throw new Error(`Cannot open the database "${url}": use pglite://PATH, memory:// or postgres://…`);
}
