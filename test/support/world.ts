import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import pg from 'pg';
import { afterAll } from 'vitest';
import { engineOf, openDatabase, type Database } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadTestConfig, type Config } from '../../src/platform/config.ts';
import { buildServer, type Clock, type HearthServer } from '../../src/platform/server.ts';

/**
 * The test world (STYLE.md rule 9). Integration tests share one migrated database per file, PGlite in memory
 * or the PostgreSQL named by HEARTH_TEST_DATABASE_URL, and isolate themselves by making a fresh council
 * rather than by cleaning tables.
 */
export const testDatabaseUrl = process.env.HEARTH_TEST_DATABASE_URL || 'memory://';
export const testEngine = engineOf(testDatabaseUrl)!;

let shared: Promise<Database> | undefined;

/** The migrated database this test file shares; it is closed after the file's tests. */
export function testDatabase(): Promise<Database> {
  if (!shared) {
    shared = openDatabase(testDatabaseUrl).then(async (db) => {
      await migrate(db);
      return db;
    });
    afterAll(async () => (await shared)?.destroy());
  }
  return shared;
}

/**
 * An empty database of its own, for tests that change the schema itself (migrations). On PostgreSQL a new
 * database is created on the same server and dropped by `close`.
 */
export async function freshDatabase(): Promise<{ db: Database; close: () => Promise<void> }> {
  if (testEngine === 'pglite') {
    const db = await openDatabase('memory://');
    return { db, close: () => db.destroy() };
  }
  const name = `hearth_fresh_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase(url.toString());
  return {
    db,
    close: async () => {
      await db.destroy();
      await admin.query(`drop database ${name}`);
      await admin.end();
    },
  };
}

export interface TestCouncil {
  id: string;
  name: string;
}

/** A council of its own for one test. */
export async function newCouncil(db: Database, name = 'Testshire'): Promise<TestCouncil> {
  const id = uuidv7();
  await db.insertInto('councils').values({ id, name }).execute();
  return { id, name };
}

/** A server over the shared test database, closed after the file's tests. */
export async function testServer(
  options: { config?: Partial<Config>; clock?: Clock } = {},
): Promise<{ app: HearthServer; db: Database }> {
  const db = await testDatabase();
  const app = await buildServer({ config: loadTestConfig(options.config), db, clock: options.clock });
  await app.ready();
  afterAll(() => app.close());
  return { app, db };
}
