import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockEmbeddedDatabase } from './embedded-lock.ts';
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

async function openEmbedded(dataDir: string | undefined, snapshot: Blob | undefined, release: () => void) {
  const embedded = await PGlite.create(dataDir, {
    extensions: { pg_trgm, fuzzystrmatch, pgcrypto },
    parsers,
    loadDataDir: snapshot,
  });
  const pool = new PgliteSingleConnectionPool(embedded, release);
  return {
    embedded,
    db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) }),
  };
}

/**
 * An embedded database in memory, prepared (migrated, say) and dumped, for `openDatabase(url, { snapshot })` to
 * load many times: loading a dump is several times quicker than creating and migrating a database afresh.
 */
export async function embeddedSnapshot(prepare: (db: Database) => Promise<void>): Promise<Blob> {
  const { embedded, db } = await openEmbedded(undefined, undefined, () => undefined);
  try {
    await prepare(db);
    return await embedded.dumpDataDir('none');
  } finally {
    await db.destroy();
  }
}

/**
 * Opens Hearth's database: `pglite://PATH` (embedded, on disk), `memory://` (embedded, for tests) or
 * `postgres://…` (a PostgreSQL server). The extensions later features need are made loadable on both. An
 * embedded database starts from `snapshot` when one is given (see `embeddedSnapshot`).
 */
export async function openDatabase(url: string, options: { snapshot?: Blob } = {}): Promise<Database> {
  const engine = engineOf(url);
  if (engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // No JIT compilation: Hearth's queries are a page's worth, and the planner's cost estimates for the trackers'
      // correlated subqueries made PostgreSQL spend 977 ms compiling a query that then ran in 325 ms.
      options: '-c jit=off',
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
    const release = dataDir ? lockEmbeddedDatabase(dataDir) : () => undefined;
    try {
      return (await openEmbedded(dataDir, options.snapshot, release)).db;
    } catch (error) {
      release();
      throw error;
    }
  }
  throw new Error(`Cannot open the database "${url}": use pglite://PATH, memory:// or postgres://…`);
}
