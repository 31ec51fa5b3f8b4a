import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { INDICATORS } from '../../domain/indicators/index.ts';
import {
  ComparatorFileError,
  loadComparators,
  loadNeighbours,
} from '../../modules/performance/comparators.ts';
import { chooseCouncil } from './staff.ts';
import { CommandError, withDatabase } from '../shared.ts';

/** Bad input exits 2, as the other commands' bad input does. */
const BAD_INPUT = 2;

async function fileText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new CommandError(`There is no file ${file}.`, BAD_INPUT);
  }
}

/** `--measure column=indicator-id`, any number of times. */
function measureOf(text: string, measures: Record<string, string> = {}): Record<string, string> {
  const [column, id] = text.split('=');
  if (!column || !id || !INDICATORS.some((indicator) => indicator.id === id))
    throw new CommandError(
      `"${text}" is not column=indicator, with one of Hearth's indicator ids.`,
      BAD_INPUT,
    );
  return { ...measures, [column.toLowerCase()]: id };
}

async function refusingBadFiles<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ComparatorFileError) throw new CommandError(error.message, BAD_INPUT);
    throw error;
  }
}

/** `hearth import comparators` and `hearth import neighbours` (issue 20, part 3; docs/comparators). */
export function registerComparatorCommands(load: Command): void {
  load
    .command('comparators')
    .description("Load the DfE's published figures from an Explore Education Statistics underlying-data CSV")
    .argument('<file>', 'the CSV file')
    .option('--measure <column=indicator>', "read a column as one of Hearth's indicators", measureOf)
    .option('--source <words>', 'the release and table the file came from (default: the file name)')
    .option('--council <id>', 'the council, when the database holds several')
    .action(
      (file: string, options: { measure?: Record<string, string>; source?: string; council?: string }) =>
        withDatabase(async (db) => {
          const councilId = await chooseCouncil(db, options.council);
          const text = await fileText(file);
          const loaded = await refusingBadFiles(() =>
            loadComparators(db, councilId, text, {
              source: options.source ?? basename(file),
              ...(options.measure ? { measures: options.measure } : {}),
            }),
          );
          console.log(`Loaded ${loaded.figures} published figures for ${loaded.years.join(', ')}.`);
        }),
    );

  load
    .command('neighbours')
    .description(
      "Load the council's ten statistical neighbours (la_code,neighbour_code,neighbour_name,closeness)",
    )
    .argument('<file>', 'the CSV file')
    .option('--la-code <code>', "the council's new LA code, if not recorded (such as E10000016)")
    .option('--council <id>', 'the council, when the database holds several')
    .action((file: string, options: { laCode?: string; council?: string }) =>
      withDatabase(async (db) => {
        const councilId = await chooseCouncil(db, options.council);
        const text = await fileText(file);
        const loaded = await refusingBadFiles(() => loadNeighbours(db, councilId, text, options.laCode));
        console.log(`The statistical neighbours of ${loaded.laCode}: ${loaded.neighbours.join(', ')}.`);
      }),
    );
}
