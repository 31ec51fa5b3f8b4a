import { sql } from 'kysely';
import type { Database } from '../db/database.ts';

/** Whether the database already holds the demonstration council: someone signs in at its email domain. */
export async function holdsDemoCouncil(db: Database): Promise<boolean> {
  const taken = await db
    .selectFrom('users')
    .select('email')
    .where('email', 'like', '%@hearthshire.example')
    .limit(1)
    .executeTakeFirst();
  return taken !== undefined;
}

/** Whether the database holds any council at all. */
export async function holdsACouncil(db: Database): Promise<boolean> {
  return (await db.selectFrom('councils').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Whether the database is embedded PGlite rather than a PostgreSQL server, as the engine reports itself. */
export async function isPglite(db: Database): Promise<boolean> {
  const version = await sql<{ version: string }>`select version()`.execute(db);
  return version.rows[0]!.version.includes('PGlite');
}

/** Refreshes the planner's statistics of every table, as they grow while the demo loads. */
export async function analyse(db: Database): Promise<void> {
  await sql`analyze`.execute(db);
}
