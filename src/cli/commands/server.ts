import { InvalidArgumentError, type Command } from 'commander';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { ensureStarterCouncil, starterEmail } from '../../demo/starter.ts';
import { roleNames, roles } from '../../platform/permissions.ts';
import { redactUrl } from '../../platform/config.ts';
import { buildHearth } from '../../app.ts';
import { scheduleDailyReminders } from '../../modules/reminders/job.ts';
import { scheduleDailyDfeApi } from '../../modules/dfe-api/job.ts';
import { scheduleAuditCheckpoints, scheduleAuditSealing } from '../../platform/audit-checkpoints.ts';
import { configOrExit, withDatabase } from '../shared.ts';

function portNumber(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError('The port must be a whole number from 0 to 65535.');
  }
  return Number(value);
}

/** `hearth serve` and `hearth migrate`. */
export function registerServerCommands(program: Command): void {
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
        const council = await ensureStarterCouncil(db, config.demoPassword);
        if (council) {
          console.log('Loaded the small demonstration council into the empty database. Sign in as any of:');
          for (const role of roles) console.log(`  ${starterEmail(role).padEnd(46)} (${roleNames[role]})`);
          console.log(`with the password "${config.demoPassword}" (set HEARTH_DEMO_PASSWORD to change it).`);
        }
      }
      const app = await buildHearth({ config, db });
      const address = await app.listen({ port: config.port, host: config.host });
      const stopReminders = scheduleDailyReminders(app);
      const stopDfeApi = scheduleDailyDfeApi(app);
      const stopSealing = scheduleAuditSealing(app);
      const stopCheckpoints = scheduleAuditCheckpoints(app);
      const shown = address.replace('://127.0.0.1', '://localhost');
      console.log(`Hearth is running on ${redactUrl(config.databaseUrl)}.\nOpen ${shown}`);
      const stop = async () => {
        await stopReminders();
        await stopDfeApi();
        await app.close();
        // After the last request: seal what reads left pending, then sign the heads.
        await stopSealing();
        await stopCheckpoints();
        await db.destroy();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('Apply the database migrations that have not been applied yet')
    .action(() =>
      withDatabase(async (db) => {
        const applied = await migrate(db, {
          onApplied: (migration) => console.log(`applied ${migration.name}`),
        });
        console.log(
          applied.length === 0 ? 'The database is up to date.' : `Applied ${applied.length} migrations.`,
        );
      }),
    );
}
