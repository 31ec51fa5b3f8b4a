#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, redactUrl, type Config } from '../platform/config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate, MigrationError } from '../db/migrate.ts';
import { buildServer } from '../platform/server.ts';
import { ensureStarterCouncil } from '../demo/starter.ts';

/** Reads the configuration, or prints each problem on its own line and exits 1. */
function configOrExit(): Config {
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

function portNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError('The port must be a whole number from 0 to 65535.');
  }
  return Number(value);
}

const program = new Command('hearth')
  .description("Hearth: the record of a council's children's social care")
  .showHelpAfterError();

program
  .command('serve')
  .description('Apply migrations and start the web server')
  .option('-p, --port <port>', 'port to listen on (default: HEARTH_PORT or 3000)', portNumber)
  .action(async (options: { port?: number }) => {
    const config = configOrExit();
    if (options.port !== undefined) config.port = options.port;
    const db = await openDatabase(config.databaseUrl);
    await migrate(db);
    if (config.demo) {
      const council = await ensureStarterCouncil(db);
      if (council) console.log('Loaded the starter council into the empty database.');
    }
    const app = await buildServer({ config, db });
    const address = await app.listen({ port: config.port, host: config.host });
    const shown = address.replace('://127.0.0.1', '://localhost');
    console.log(`Hearth is running on ${redactUrl(config.databaseUrl)}.\nOpen ${shown}`);
    const stop = async () => {
      await app.close();
      await db.destroy();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('Apply the database migrations that have not been applied yet')
  .action(async () => {
    const config = configOrExit();
    const db = await openDatabase(config.databaseUrl);
    try {
      const applied = await migrate(db, {
        onApplied: (migration) => console.log(`applied ${migration.name}`),
      });
      console.log(
        applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.length} migrations.`,
      );
    } finally {
      await db.destroy();
    }
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof MigrationError) {
    console.error(`hearth: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
