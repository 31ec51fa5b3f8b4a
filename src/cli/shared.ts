import { ConfigError, loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../db/database.ts';

/** Reads the configuration, or prints each problem on its own line and exits 1. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) console.error(`hearth: ${problem}`);
      process.exit(1);
    }
    throw error;
  }
}

/** Runs `work` against the configured database, closing it afterwards whatever happens. */
export async function withDatabase<T>(work: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = configOrExit();
  const db = await openDatabase(config.databaseUrl);
  try {
    return await work(db, config);
  } finally {
    await db.destroy();
  }
}

export { CommandError } from './command-error.ts';
