import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database.ts';

export const migrationsFolder = new URL('./migrations/', import.meta.url).pathname;

/** Any number that both engines share: it names the lock that makes concurrent `migrate` calls take turns. */
const MIGRATION_LOCK = 727_274_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** Reads the numbered plain-SQL files `NNNN_name.sql` of a folder, in order. */
export function readMigrations(folder: string = migrationsFolder): Migration[] {
  const files = readdirSync(folder)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  return files.map((file) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`Migration file ${file} must be named NNNN_name.sql.`);
    const text = readFileSync(join(folder, file), 'utf8');
    return {
      version: Number(match[1]),
      name: file,
      sql: text,
      checksum: createHash('sha256').update(text).digest('hex'),
    };
  });
}

/**
 * Brings the schema up to date. Each migration runs in its own transaction with its record in
 * `schema_migrations`, so a failing one leaves the database as it was before it. A migration that was applied
 * and has since been edited is refused: migrations only move forward (STYLE.md rule 13).
 */
export async function migrate(
  db: Database,
  options: { folder?: string; onApplied?: (migration: Migration) => void } = {},
): Promise<Migration[]> {
  const migrations = readMigrations(options.folder);
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
  });

  const applied: Migration[] = [];
  for (const migration of migrations) {
    const didApply = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const recorded = await trx
        .selectFrom('schema_migrations')
        .select(['name', 'checksum'])
        .where('version', '=', migration.version)
        .executeTakeFirst();
      if (recorded) {
        if (recorded.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was applied to this database and has since been edited. ` +
              'Applied migrations must never change: restore the file and put the change in a new migration.',
          );
        }
        return false;
      }
      try {
        await sql.raw(migration.sql).execute(trx);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, checksum: migration.checksum })
        .execute();
      return true;
    });
    if (didApply) {
      applied.push(migration);
      options.onApplied?.(migration);
    }
  }
  return applied;
}
