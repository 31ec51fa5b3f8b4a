import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { parseIsoDate } from '../../domain/calendar/dates.ts';
import { londonDate } from '../../platform/actor.ts';
import { findWorker } from '../../modules/staff/service.ts';
import { compliance, workerObligations } from '../../modules/timescales/service.ts';
import { CommandError, withDatabase } from '../shared.ts';
import { chooseCouncil } from './staff.ts';

function checkedDate(text: string): string {
  try {
    return parseIsoDate(text).toString();
  } catch {
    throw new CommandError(`"${text}" is not a date: use YYYY-MM-DD.`, 2);
  }
}

/** `hearth due` and `hearth compliance`: a worker's obligations on a date, and the service's on-time rates. */
export function registerDueCommands(program: Command): void {
  program
    .command('due')
    .description('List one worker’s obligations as at a date')
    .requiredOption('--worker <id>', 'the worker’s id, or the email they sign in with')
    .option('--date <date>', 'the date to work it out on, YYYY-MM-DD (default: today)')
    .option('--council <id>', 'the council, when the database holds several')
    .option('--json', 'print JSON')
    .action((options: { worker: string; date?: string; council?: string; json?: boolean }) =>
      withDatabase(async (db) => {
        const date = options.date ? checkedDate(options.date) : londonDate(new Date());
        const councilId = await chooseCouncil(db, options.council);
        const worker = await findWorker(db, councilId, options.worker);
        if (!worker) throw new CommandError(`There is no worker ${options.worker}.`);
        const list = await workerObligations(db, councilId, worker.id, date);
        if (options.json) {
          console.log(
            JSON.stringify(
              list.map(({ child, obligation }) => ({
                childId: child.id,
                localId: child.local_id,
                child: `${child.given_name} ${child.family_name}`,
                kind: obligation.kind,
                dueBy: obligation.dueBy.toString(),
                metOn: obligation.metOn?.toString() ?? null,
                status: obligation.status,
                rule: obligation.explanation.rule,
              })),
              null,
              2,
            ),
          );
          return;
        }
        console.log(`${worker.given_name} ${worker.family_name}, as at ${date}:`);
        for (const { child, obligation } of list) {
          console.log(
            [
              child.local_id,
              `${child.given_name} ${child.family_name}`,
              obligation.kind,
              obligation.dueBy.toString(),
              obligation.status,
            ].join('\t'),
          );
        }
      }),
    );

  program
    .command('compliance')
    .description('The service’s on-time rate for each kind of obligation over a financial year')
    .requiredOption(
      '--year <year>',
      'the financial year, by the year it starts (2025 is April 2025 to March 2026)',
    )
    .option('--council <id>', 'the council, when the database holds several')
    .option('--json', 'print JSON')
    .action((options: { year: string; council?: string; json?: boolean }) =>
      withDatabase(async (db) => {
        if (!/^\d{4}$/.test(options.year)) throw new CommandError(`"${options.year}" is not a year.`, 2);
        const councilId = await chooseCouncil(db, options.council);
        const progress = process.stderr.isTTY
          ? new SingleBar({ format: 'Working out timescales {bar} {value}/{total} children' })
          : undefined;
        progress?.start(1, 0);
        const rows = await compliance(
          db,
          councilId,
          Number(options.year),
          londonDate(new Date()),
          (done, total) => {
            progress?.setTotal(total);
            progress?.update(done);
          },
        );
        progress?.stop();
        if (options.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        console.log(['kind', 'due', 'on time', 'late', 'missed', 'on-time %'].join('\t'));
        for (const row of rows)
          console.log(
            [row.kind, row.due, row.onTime, row.late, row.missed, row.onTimeRate ?? '-'].join('\t'),
          );
      }),
    );
}
