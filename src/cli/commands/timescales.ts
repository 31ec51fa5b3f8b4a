import type { Command } from 'commander';
import type { Temporal } from 'temporal-polyfill';
import type { NonWorkingDay } from '../../domain/calendar/bank-holidays.ts';
import { formatDay, parseIsoDate } from '../../domain/calendar/dates.ts';
import { addWorkingDays, countWorkingDays, workingDayCalendar } from '../../domain/calendar/working-days.ts';
import {
  DEADLINE_RULES,
  deadlineFor,
  describePeriod,
  isDeadlineRuleName,
  type DeadlineExplanation,
} from '../../domain/timescales/deadline-rules.ts';
import { CommandError } from '../shared.ts';

/** Bad input to these commands exits 2, as issue 8 asks of `hearth deadline`. */
const BAD_INPUT = 2;

function dateArgument(text: string): Temporal.PlainDate {
  try {
    return parseIsoDate(text);
  } catch (error) {
    throw new CommandError(error instanceof Error ? error.message : String(error), BAD_INPUT);
  }
}

function workingDaysArgument(text: string): number {
  if (!/^\d{1,4}$/.test(text)) {
    throw new CommandError(
      `"${text}" is not a number of working days: give a whole number from 0 to 9999.`,
      BAD_INPUT,
    );
  }
  return Number(text);
}

/** Runs calendar arithmetic, turning a date outside the shipped years into a one-line refusal. */
function onTheCalendar<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) throw new CommandError(error.message, BAD_INPUT);
    throw error;
  }
}

function skippedAsJson(skipped: NonWorkingDay[]) {
  return skipped.map((day) => ({ date: day.date.toString(), name: day.name, reason: day.reason }));
}

function skippedLine(skipped: NonWorkingDay[]): string {
  if (skipped.length === 0) return 'No bank holidays skipped.';
  return `Bank holidays skipped: ${skipped.map((day) => `${day.name} (${formatDay(day.date)})`).join(', ')}.`;
}

function explanationLines(dueBy: Temporal.PlainDate, explanation: DeadlineExplanation): string[] {
  const period = describePeriod(explanation.period);
  return [
    dueBy.toString(),
    `${explanation.rule}.`,
    `Due by ${formatDay(dueBy)}: ${period} after the ${explanation.countedFromEvent} on ${formatDay(explanation.countedFrom)}.`,
    ...(explanation.period.unit === 'working days' ? [skippedLine(explanation.skipped)] : []),
    `Source: ${explanation.source}.`,
  ];
}

/** `hearth working-days add|count` and `hearth deadline`: statutory date arithmetic that needs no database. */
export function registerTimescaleCommands(program: Command): void {
  const workingDays = program
    .command('working-days')
    .description('Working days of England and Wales: weekdays less bank holidays');

  workingDays
    .command('add')
    .description('Print the Nth working day after DATE (DATE itself is day 0)')
    .argument('<date>', 'the date counted from, YYYY-MM-DD')
    .argument('<n>', 'the number of working days')
    .option('--json', 'print JSON')
    .action((dateText: string, numberText: string, options: { json?: boolean }) => {
      const from = dateArgument(dateText);
      const count = workingDaysArgument(numberText);
      const reached = onTheCalendar(() => addWorkingDays(workingDayCalendar(), from, count));
      if (options.json) {
        const json = {
          from: dateText,
          workingDays: count,
          date: reached.date.toString(),
          skipped: skippedAsJson(reached.skipped),
        };
        console.log(JSON.stringify(json, null, 2));
        return;
      }
      console.log(reached.date.toString());
      console.log(
        `${formatDay(reached.date)} is ${describePeriod({ amount: count, unit: 'working days' })} after ${formatDay(from)}.`,
      );
      console.log(skippedLine(reached.skipped));
    });

  workingDays
    .command('count')
    .description('Print the number of working days after FROM up to and including TO')
    .argument('<from>', 'YYYY-MM-DD')
    .argument('<to>', 'YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action((fromText: string, toText: string, options: { json?: boolean }) => {
      const [from, to] = [dateArgument(fromText), dateArgument(toText)];
      const counted = onTheCalendar(() => countWorkingDays(workingDayCalendar(), from, to));
      if (options.json) {
        const json = {
          from: fromText,
          to: toText,
          workingDays: counted.workingDays,
          skipped: skippedAsJson(counted.skipped),
        };
        console.log(JSON.stringify(json, null, 2));
        return;
      }
      console.log(String(counted.workingDays));
      console.log(
        `${describePeriod({ amount: counted.workingDays, unit: 'working days' })} after ${formatDay(from)} up to and including ${formatDay(to)}.`,
      );
      console.log(skippedLine(counted.skipped));
    });

  program
    .command('deadline')
    .description('Print the due date of a statutory timescale counted from DATE')
    .argument('<rule>', `one of: ${Object.keys(DEADLINE_RULES).join(', ')}`)
    .argument('<date>', 'the date it counts from, YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action((ruleName: string, dateText: string, options: { json?: boolean }) => {
      if (!isDeadlineRuleName(ruleName)) {
        throw new CommandError(
          `Unknown rule "${ruleName}": use one of ${Object.keys(DEADLINE_RULES).join(', ')}.`,
          BAD_INPUT,
        );
      }
      const from = dateArgument(dateText);
      const { dueBy, explanation } = onTheCalendar(() =>
        deadlineFor(DEADLINE_RULES[ruleName], from, workingDayCalendar()),
      );
      if (options.json) {
        const json = {
          rule: ruleName,
          countedFrom: dateText,
          dueBy: dueBy.toString(),
          explanation: {
            rule: explanation.rule,
            countedFromEvent: explanation.countedFromEvent,
            period: explanation.period,
            skipped: skippedAsJson(explanation.skipped),
            source: explanation.source,
          },
        };
        console.log(JSON.stringify(json, null, 2));
        return;
      }
      for (const line of explanationLines(dueBy, explanation)) console.log(line);
    });
}
