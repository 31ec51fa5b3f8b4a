import type { Command } from 'commander';
import { retentionReasonWords } from '../../domain/governance/retention.ts';
import { readIsoDate } from '../../domain/returns/dates.ts';
import { retentionReport, setRetentionPolicy } from '../../modules/governance/service.ts';
import { londonDate } from '../../platform/actor.ts';
import { CommandError, withDatabase } from '../shared.ts';
import { chooseCouncil } from './staff.ts';

/** `hearth retention`: the records due for review under the retention schedule (issue 22, part 8). */
export function registerRetentionCommands(program: Command): void {
  const retention = program
    .command('retention')
    .description('List the records due for review under the retention schedule (Hearth never deletes one)')
    .option('--date <date>', 'as at this date, YYYY-MM-DD (default: today)')
    .option('--council <id>', 'the council, when the database holds several')
    .option('--json', 'print JSON')
    .action((options: { date?: string; council?: string; json?: boolean }) =>
      withDatabase(async (db) => {
        const today = options.date ? readIsoDate(options.date) : londonDate(new Date());
        if (!today) throw new CommandError(`"${options.date}" is not a date: use YYYY-MM-DD.`, 2);
        const report = await retentionReport(db, await chooseCouncil(db, options.council), today);
        if (options.json) {
          console.log(JSON.stringify(report, null, 2));
          return;
        }
        console.log(`As at ${today}, under a policy of the ${report.policy.othersUntilBirthday}th birthday:`);
        for (const [title, records] of [
          ['Due for review now', report.due],
          [`Due by ${report.lookAheadTo}`, report.comingUp],
        ] as const) {
          console.log(`${title}: ${records.length}`);
          for (const record of records)
            console.log(
              `  ${record.retention.reviewOn}  ${record.localId}  ${record.name}  (${retentionReasonWords[record.retention.reason]})`,
            );
        }
        console.log(`Kept while open: ${report.keptWhileOpen}. No date of birth: ${report.noDateOfBirth}.`);
      }),
    );
  retention
    .command('policy')
    .description('Set the birthday until which the records of children never looked after are kept')
    .requiredOption(
      '--others-until-birthday <years>',
      'a whole number from 18 to 100 (the IRMS guidance: 25)',
    )
    .option('--council <id>', 'the council, when the database holds several')
    .action((options: { othersUntilBirthday: string; council?: string }) =>
      withDatabase(async (db) => {
        const years = Number(options.othersUntilBirthday);
        if (!Number.isInteger(years) || years < 18 || years > 100)
          throw new CommandError('--others-until-birthday must be a whole number from 18 to 100.', 2);
        await setRetentionPolicy(db, await chooseCouncil(db, options.council), years);
        console.log(`Records of children never looked after are now kept until the ${years}th birthday.`);
      }),
    );
}
