import type { Command } from 'commander';
import { importPostcodes, PostcodeFileError } from '../../modules/postcodes/service.ts';
import { CommandError, withDatabase } from '../shared.ts';

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
  return load;
}
