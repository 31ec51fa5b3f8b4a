import { InvalidArgumentError, type Command } from 'commander';
import { codeListYears } from '../../domain/codes/code-lists.ts';
import { councilOf, councilOfDistrict } from '../../domain/geography/councils.ts';
import { providerColumns } from '../../domain/returns/ssda903/providers.ts';
import type { ValidateOptions } from './validate-report.ts';

function collectionYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || !codeListYears().includes(year)) {
    throw new InvalidArgumentError(
      `Hearth knows the collection years ${codeListYears().join(', ')} (2025 = 2025–26).`,
    );
  }
  return year;
}

function councilCode(value: string): string {
  if (councilOf(value)) return value;
  const county = councilOfDistrict(value.trim().toUpperCase());
  throw new InvalidArgumentError(
    county
      ? `${value} is a district of ${county.name}: give the council's code, ${county.gss} or ${county.number}.`
      : `${value} is not the GSS code (E10000016) or DfE three-digit number (886) of an English council with children's services.`,
  );
}

/** The --providers columns, for the command's help. */
const providersHelp = `
The provider list (--providers) is a CSV file whose first line names its columns, in any order:
${Object.values(providerColumns)
  .map(([name, ...others]) => `  ${name}${others.length ? ` (or ${others.join(', ')})` : ''}`)
  .join('\n')}
Only URN is required; other columns are ignored. Placement codes and placement provider codes are
SSDA903 codes (PLACE, PLACE_PROVIDER) separated by spaces, commas or slashes; without provider codes,
Sector (Local authority, Private, Voluntary, Health authority) gives them. Dates are DD/MM/YYYY or
YYYY-MM-DD. See docs/returns/providers.md.`;

/** `hearth validate ssda903 DIR` and `hearth validate cin FILE`: the DfE rules over return files. */
export function registerValidateCommands(program: Command): void {
  const validate = program
    .command('validate')
    .description('Check a statutory return (SSDA903 or CIN census) against the DfE validation rules');

  validate
    .command('ssda903')
    .description('Validate the CSV tables of an SSDA903 return (exit 0: no errors, 1: errors, 2: unreadable)')
    .argument('<dir>', 'folder holding the CSV tables (header, episodes, reviews, ...)')
    .option('--previous <dir>', "folder of the previous year's return, for the rules that compare with it")
    .option('--year <year>', 'collection year: 2025 means 2025–26', collectionYear, 2025)
    .option('--la <code>', "the council's own code (GSS or DfE three-digit)", councilCode)
    .option(
      '--postcodes <file>',
      'ONS Postcode Directory CSV (or .csv.gz), for the postcode rules; indexed on first use ($HEARTH_CACHE_DIR)',
    )
    .option('--stream-postcodes', 'read the whole directory rather than its index (slower: for comparison)')
    .option(
      '--providers <file>',
      "Ofsted's list of children's social care providers (CSV), for the URN rules",
    )
    .option('--json', 'print the findings as a JSON array')
    .addHelpText('after', providersHelp)
    .action(async (dir: string, options: ValidateOptions) => {
      // Each return's rules are loaded only when that return is validated: start-up is much of a run.
      const { validateSsda903Command } = await import('./validate-ssda903.ts');
      await validateSsda903Command(dir, options);
    });

  validate
    .command('cin')
    .description('Validate a CIN census XML file (exit 0: no errors, 1: errors, 2: unreadable)')
    .argument('<file>', 'the CIN census XML message')
    .option('--previous <file>', "the previous year's census (no CIN rule implemented yet uses it)")
    .option('--year <year>', 'collection year: 2025 means 2025–26', collectionYear, 2025)
    .option('--la <code>', "the council's own code (GSS or DfE three-digit)")
    .option('--json', 'print the findings as a JSON array')
    .action(async (file: string, options: ValidateOptions) => {
      const { validateCinCommand } = await import('./validate-cin.ts');
      await validateCinCommand(file, options);
    });
}
