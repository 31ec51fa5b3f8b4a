import { SingleBar, Presets } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { demoSizes, type DemoSize } from '../../demo/context.ts';
import { DemoRefused, loadDemoCouncil } from '../../demo/generate.ts';
import { onTimeShares } from '../../demo/measure.ts';
import { starterEmail } from '../../demo/sign-ins.ts';
import { buildReminders } from '../../modules/reminders/service.ts';
import { londonDate } from '../../platform/actor.ts';
import type { MailSender } from '../../platform/mail.ts';
import { redactUrl } from '../../platform/config.ts';
import { roleNames, roles } from '../../platform/permissions.ts';
import { CommandError, configOrExit } from '../shared.ts';

function size(value: string): DemoSize {
  if (!(value in demoSizes)) throw new InvalidArgumentError('Choose small, medium or large.');
  return value as DemoSize;
}

function whole(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('Give a whole number.');
  return Number(value);
}

function day(value: string): string {
  if (!/^\d{4}-\d\d-\d\d$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('Give a date as YYYY-MM-DD.');
  return value;
}

/** The demonstration council's people are invented: their reminders are listed in Hearth, never mailed. */
const unsent: MailSender = { send: async () => undefined };

/** The council's timeliness, so that whoever loads it sees what its record looks like. */
function printOnTimeShares(rows: Awaited<ReturnType<typeof onTimeShares>>, asAt: string): void {
  console.log(`Work done on time in the year to ${asAt} (as \`hearth compliance\` counts it):`);
  const width = Math.max(...rows.map((row) => row.words.length));
  for (const row of rows)
    console.log(
      `  ${row.words.padEnd(width)}  ${String(Math.round(row.onTimeRate ?? 0)).padStart(3)}%  (${row.onTime.toLocaleString('en-GB')} of ${row.due.toLocaleString('en-GB')})`,
    );
}

/** `hearth demo`: the synthetic council at three sizes, the same for the same seed (issue 7). */
export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('Load a synthetic demonstration council into an empty database (never in production)')
    .option('--size <size>', 'small (15,000 children), medium (60,000) or large (280,000)', size, 'small')
    .option('--seed <n>', 'the seed: the same seed gives the same council', whole, 1)
    .option('--years <n>', 'years of history', whole, 5)
    .option('--as-at <date>', 'the day the council is made as at (default: today)', day)
    .option('--database <url>', 'the database (default: HEARTH_DATABASE_URL)')
    .action(
      async (options: { size: DemoSize; seed: number; years: number; asAt?: string; database?: string }) => {
        // Checked before the configuration, which in production has other demands.
        if (process.env.HEARTH_ENV === 'production')
          throw new CommandError('hearth demo refuses to run when HEARTH_ENV=production.');
        const config = configOrExit();
        if (options.years < 1 || options.years > 10) throw new CommandError('--years must be from 1 to 10.');
        const url = options.database ?? config.databaseUrl;
        const db = await openDatabase(url);
        const asAt = options.asAt ?? londonDate(new Date());
        const bar = new SingleBar(
          { format: 'Generating {bar} {percentage}% | {value}/{total} arrivals' },
          Presets.shades_classic,
        );
        try {
          await migrate(db);
          bar.start(1, 0);
          const result = await loadDemoCouncil(
            db,
            {
              size: options.size,
              seed: options.seed,
              years: options.years,
              asAt,
              password: config.demoPassword,
            },
            (done, total) => {
              bar.setTotal(total);
              bar.update(done);
            },
          );
          bar.stop();
          console.log(
            `Loaded the ${options.size} demonstration council into ${redactUrl(url)}: ${result.children} children, ${result.rows} records, in ${result.seconds.toFixed(1)} s.`,
          );
          // Made as at today, the council gets today's obligations and reminder lists as the daily job makes them,
          // so a server started on it has nothing to rebuild that day; the shares are then counted from them.
          const today = londonDate(new Date());
          if (asAt === today) {
            const working = new SingleBar(
              { format: 'Working out what is due {bar} {percentage}% | {value}/{total} children' },
              Presets.shades_classic,
            );
            working.start(1, 0);
            await buildReminders(db, result.councilId, { now: new Date(), today }, unsent, (done, total) => {
              working.setTotal(total);
              working.update(done);
            });
            working.stop();
          }
          printOnTimeShares(
            await onTimeShares(db, result.councilId, asAt, asAt === today ? 'stored obligations' : 'record'),
            asAt,
          );
          console.log('Sign in as any of:');
          for (const role of roles) console.log(`  ${starterEmail(role).padEnd(46)} (${roleNames[role]})`);
          console.log(`with the password "${config.demoPassword}" (set HEARTH_DEMO_PASSWORD to change it).`);
        } catch (error) {
          bar.stop();
          if (error instanceof DemoRefused) throw new CommandError(error.message);
          throw error;
        } finally {
          await db.destroy();
        }
      },
    );
}
