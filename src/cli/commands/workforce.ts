import type { Command } from 'commander';
import { parseIsoDate } from '../../domain/calendar/dates.ts';
import { londonDate } from '../../platform/actor.ts';
import { supervisionStandings } from '../../modules/supervision/service.ts';
import { councilWorkforceMeasures } from '../../modules/workforce/census-service.ts';
import { CommandError, withDatabase } from '../shared.ts';
import { chooseCouncil } from './staff.ts';

function checkedDate(text: string | undefined): string {
  if (!text) return londonDate(new Date());
  try {
    return parseIsoDate(text).toString();
  } catch {
    throw new CommandError(`"${text}" is not a date: use YYYY-MM-DD.`, 2);
  }
}

const percent = (value: number | null) => (value === null ? 'none' : `${value}%`);

/** `hearth workforce` (the census measures) and `hearth supervision` (each worker's supervision), issue 21 part 6. */
export function registerWorkforceCommands(program: Command): void {
  program
    .command('workforce')
    .description('Workforce measures as the DfE census defines them, on a date over the year to it')
    .option('--date <date>', 'the day to count on, YYYY-MM-DD (the census takes 30 September; default today)')
    .option('--council <id>', 'the council, when the database holds several')
    .option('--json', 'print JSON')
    .action((options: { date?: string; council?: string; json?: boolean }) =>
      withDatabase(async (db) => {
        const day = checkedDate(options.date);
        const measures = await councilWorkforceMeasures(db, await chooseCouncil(db, options.council), day);
        if (options.json) {
          console.log(JSON.stringify(measures, null, 2));
          return;
        }
        console.log(`Social work workforce on ${day} (year from ${measures.yearFrom}):`);
        console.log(
          `FTE in post ${measures.inPostFte}, agency ${measures.agencyFte}, vacant ${measures.vacantFte}`,
        );
        console.log(
          `Turnover ${percent(measures.turnoverRate)}, agency rate ${percent(measures.agencyRate)}, vacancy rate ${percent(measures.vacancyRate)}`,
        );
        console.log(
          `Sickness days per FTE ${measures.sicknessDaysPerFte ?? 'none'}, caseload per case-holding FTE ${measures.caseloadPerCaseHoldingFte ?? 'none'}, newly qualified ${percent(measures.newlyQualifiedShare)}`,
        );
      }),
    );

  program
    .command('supervision')
    .description('Each worker’s one-to-one supervision on a date: last held, next due, overdue')
    .option('--date <date>', 'the day, YYYY-MM-DD (default today)')
    .option('--council <id>', 'the council, when the database holds several')
    .option('--json', 'print JSON')
    .action((options: { date?: string; council?: string; json?: boolean }) =>
      withDatabase(async (db) => {
        const day = checkedDate(options.date);
        const standings = await supervisionStandings(
          db,
          await chooseCouncil(db, options.council),
          day,
          'all',
        );
        if (options.json) {
          console.log(JSON.stringify(standings, null, 2));
          return;
        }
        for (const standing of standings) {
          console.log(
            [
              standing.name,
              standing.lastHeld ?? 'never',
              standing.nextDue,
              standing.overdue ? 'overdue' : '',
            ].join('\t'),
          );
        }
      }),
    );
}
