import type { Command } from 'commander';
import { importPostcodes, PostcodeFileError } from '../../modules/postcodes/service.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { staffCsv, staffWorkbook } from '../../modules/staff/staff-file.ts';
import { importStaffList, staffList } from '../../modules/staff/staff-list.ts';
import { CommandError, withDatabase } from '../shared.ts';
import { chooseCouncil } from './staff.ts';
import { registerCinImport } from './import-cin.ts';
import { registerImportSsda903 } from './import-ssda903.ts';

/**
 * `hearth import postcodes FILE`: loads the ONS Postcode Directory that a council downloads from the ONS. Returns
 * the `import` command, for other features' imports (the population, in indicators.ts).
 */
export function registerImportCommands(program: Command): Command {
  const load = program.command('import').description('Load reference data into Hearth');
  load
    .command('postcodes')
    .description(
      'Load the ONS Postcode Directory (its CSV, or the compact pcd,laua,oseast1m,osnrth1m form; .csv or .csv.gz)',
    )
    .argument('<file>', 'the directory file')
    .action((file: string) =>
      withDatabase(async (db) => {
        const tty = process.stderr.isTTY;
        try {
          const count = await importPostcodes(db, file, (rows) => {
            if (tty) process.stderr.write(`\rLoaded ${rows.toLocaleString('en-GB')} postcodes`);
          });
          if (tty) process.stderr.write('\n');
          console.log(`Loaded ${count.toLocaleString('en-GB')} postcodes from ${file}.`);
          console.log(
            'Contains OS data © Crown copyright and database right; contains Royal Mail data © Royal Mail copyright and database right; source: Office for National Statistics licensed under the Open Government Licence v.3.0.',
          );
        } catch (error) {
          if (error instanceof PostcodeFileError) throw new CommandError(error.message, 2);
          if ((error as NodeJS.ErrnoException).code === 'ENOENT')
            throw new CommandError(`There is no file ${file}.`, 2);
          throw error;
        }
      }),
    );
  load
    .command('staff')
    .description('Load the staff list (CSV or XLSX): every bad row is reported by line and column')
    .argument('<file>', 'the staff list, .csv or .xlsx')
    .option('--good-rows-only', 'load the good rows of a file that has bad ones')
    .option('--council <id>', 'the council, when the database holds several')
    .action((file: string, options: { goodRowsOnly?: boolean; council?: string }) =>
      withDatabase(async (db) => {
        const councilId = await chooseCouncil(db, options.council);
        const bytes = await readFile(file).catch(() => {
          throw new CommandError(`There is no file ${file}.`, 2);
        });
        const result = await importStaffList(db, councilId, bytes, file, {
          goodRowsOnly: Boolean(options.goodRowsOnly),
        });
        for (const problem of result.problems)
          console.error(`Line ${problem.line}, ${problem.column}: ${problem.message}`);
        if (!result.applied)
          throw new CommandError(
            `Nothing loaded: ${result.problems.length} problems. Correct them, or load the good rows with --good-rows-only.`,
            2,
          );
        console.log(`Added ${result.added} and updated ${result.updated} workers from ${file}.`);
      }),
    );

  program
    .command('export-staff')
    .description('Write the staff list as CSV or XLSX, in the columns `hearth import staff` reads')
    .argument('<file>', 'where to write it, .csv or .xlsx')
    .option('--council <id>', 'the council, when the database holds several')
    .action((file: string, options: { council?: string }) =>
      withDatabase(async (db) => {
        const rows = await staffList(db, await chooseCouncil(db, options.council));
        await writeFile(
          file,
          file.toLowerCase().endsWith('.xlsx') ? await staffWorkbook(rows) : staffCsv(rows),
        );
        console.log(`Wrote ${rows.length} workers to ${file}.`);
      }),
    );
  registerCinImport(load);
  registerImportSsda903(load);
  return load;
}
