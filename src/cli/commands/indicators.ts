import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { chosenPeriod, PeriodChoiceError, quarterOf } from '../../domain/indicators/chosen-period.ts';
import { figuresFor, loadPopulation, PopulationFileError } from '../../modules/performance/service.ts';
import { chooseCouncil } from './staff.ts';
import { CommandError, withDatabase } from '../shared.ts';

/** Bad input exits 2, as the other commands' bad input does. */
const BAD_INPUT = 2;

function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text))
    throw new CommandError(`"${text}" is not a year: give one such as 2025.`, BAD_INPUT);
  return Number(text);
}

function dateOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`)))
    throw new CommandError(`"${text}" is not a date: give it as YYYY-MM-DD.`, BAD_INPUT);
  return text;
}

function instantOf(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime()))
    throw new CommandError(`"${text}" is not a time: give it as 2026-05-10T09:30:00Z.`, BAD_INPUT);
  return instant;
}

interface IndicatorOptions {
  year?: string;
  quarter?: string;
  asAt?: string;
  knownAt?: string;
  council?: string;
  json?: boolean;
}

/** The period asked for, or a refusal in words. */
function periodAskedFor(options: IndicatorOptions) {
  try {
    const asked = options.quarter ? quarterOf(options.quarter) : undefined;
    const asAt = dateOf(options.asAt);
    return chosenPeriod({
      ...((yearOf(options.year) ?? asked?.year) !== undefined
        ? { year: (yearOf(options.year) ?? asked?.year)! }
        : {}),
      ...(asked ? { quarter: asked.quarter } : {}),
      ...(asAt ? { asAt } : {}),
    });
  } catch (error) {
    if (error instanceof PeriodChoiceError) throw new CommandError(error.message, BAD_INPUT);
    throw error;
  }
}

/** `hearth indicators` (issue 20, part 6) and `hearth import population`. */
export function registerIndicatorCommands(program: Command, load: Command): void {
  program
    .command('indicators')
    .description('Every indicator of how the service is doing, for a financial year or a quarter of it')
    .option('--year <year>', 'the financial year, by the year it starts (2025 is April 2025 to March 2026)')
    .option('--quarter <quarter>', 'a quarter of it: 1 to 4 (Q1 is April to June), or 2026-Q2')
    .option(
      '--as-at <date>',
      'the figures as at this day (YYYY-MM-DD): the period so far, if it falls within it',
    )
    .option('--known-at <time>', 'as Hearth knew the record at this time (default now)')
    .option('--council <id>', 'the council, when the database holds several')
    .option('--json', 'print a JSON array of {id, title, numerator, denominator, value}')
    .action((options: IndicatorOptions) => {
      // Bad input is refused before the database is opened.
      const period = periodAskedFor(options);
      const knownAt = instantOf(options.knownAt);
      return withDatabase(async (db) => {
        const councilId = await chooseCouncil(db, options.council);
        const figures = await figuresFor(db, councilId, period, knownAt ? { knownAt } : {});
        const rows = figures.results.map(({ definition, figure }) => ({
          id: definition.id,
          title: definition.title,
          numerator: figure.numerator,
          denominator: figure.denominator,
          value: figure.value,
        }));
        if (options.json) {
          console.log(JSON.stringify(rows, null, 2));
          return;
        }
        console.log(`${period.label}: ${period.start} to ${period.end}`);
        console.log(['id', 'numerator', 'denominator', 'value', 'title'].join('\t'));
        for (const row of rows)
          console.log(
            [row.id, row.numerator, row.denominator ?? '-', row.value ?? '-', row.title].join('\t'),
          );
      });
    });

  load
    .command('population')
    .description(
      "Load the council's 0–17 population from the ONS mid-year estimates (MYE2 table or long CSV)",
    )
    .argument('<file>', 'the CSV file')
    .option('--area <code>', "the area's GSS code, if not the council's own (for example E10000016)")
    .option('--mid-year <year>', 'the estimate’s mid-year, for a table that does not say it')
    .option('--council <id>', 'the council, when the database holds several')
    .action((file: string, options: { area?: string; midYear?: string; council?: string }) =>
      withDatabase(async (db) => {
        const councilId = await chooseCouncil(db, options.council);
        const midYear = yearOf(options.midYear);
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch {
          throw new CommandError(`There is no file ${file}.`, BAD_INPUT);
        }
        try {
          const loaded = await loadPopulation(db, councilId, text, {
            source: basename(file),
            ...(midYear ? { midYear } : {}),
            ...(options.area ? { areaCode: options.area } : {}),
          });
          for (const estimate of loaded.estimates)
            console.log(
              `Mid-${estimate.midYear}: ${estimate.children0To17.toLocaleString('en-GB')} children aged 0 to 17 in ${loaded.areaCode}.`,
            );
          console.log(
            'Source: Office for National Statistics licensed under the Open Government Licence v.3.0.',
          );
        } catch (error) {
          if (error instanceof PopulationFileError) throw new CommandError(error.message, BAD_INPUT);
          throw error;
        }
      }),
    );
}
