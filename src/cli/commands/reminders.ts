import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parseIsoDate } from '../../domain/calendar/dates.ts';
import { londonDate } from '../../platform/actor.ts';
import { printMailSender } from '../../platform/mail.ts';
import { buildReminders } from '../../modules/reminders/service.ts';
import { CommandError, withDatabase } from '../shared.ts';
import { chooseCouncil } from './staff.ts';

/** `hearth reminders`: builds and sends the daily reminder lists now (the server does it once a day itself). */
export function registerReminderCommands(program: Command): void {
  program
    .command('reminders')
    .description('Build and send the daily reminder lists of what is due soon and overdue')
    .option('--date <date>', 'the day to build them for, YYYY-MM-DD (default: today)')
    .option('--council <id>', 'the council, when the database holds several')
    .action((options: { date?: string; council?: string }) =>
      withDatabase(async (db) => {
        let today = londonDate(new Date());
        if (options.date) {
          try {
            today = parseIsoDate(options.date).toString();
          } catch {
            throw new CommandError(`"${options.date}" is not a date: use YYYY-MM-DD.`, 2);
          }
        }
        const councilId = await chooseCouncil(db, options.council);
        const progress = process.stderr.isTTY
          ? new SingleBar({ format: 'Working out timescales {bar} {value}/{total} children' })
          : undefined;
        progress?.start(1, 0);
        const result = await buildReminders(
          db,
          councilId,
          { now: new Date(), today },
          printMailSender(),
          (done, total) => {
            progress?.setTotal(total);
            progress?.update(done);
          },
        );
        progress?.stop();
        console.log(`Built reminder lists for ${result.workers} people and sent ${result.sent} messages.`);
      }),
    );
}
