import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { InvalidArgumentError, type Command } from 'commander';
import { codeListYears } from '../../domain/codes/code-lists.ts';
import { readCin } from '../../domain/returns/cin/read.ts';
import { validateCin } from '../../domain/returns/cin/validate.ts';
import type { Validation } from '../../domain/returns/engine.ts';
import type { Finding } from '../../domain/returns/findings.ts';
import { postcodeDirectoryReader } from '../../domain/returns/postcodes.ts';
import { postcodesToLookUp } from '../../domain/returns/ssda903/geography.ts';
import { councilOf, councilOfDistrict } from '../../domain/geography/councils.ts';
import type { PostcodeLookup } from '../../domain/returns/ssda903/context.ts';
import {
  providerColumns,
  readProviderList,
  type ProviderLookup,
} from '../../domain/returns/ssda903/providers.ts';
import { readSsda903, type Ssda903Reading } from '../../domain/returns/ssda903/read.ts';
import { validateSsda903 } from '../../domain/returns/ssda903/validate.ts';
import type { ReturnFile } from '../../domain/returns/text.ts';
import { CommandError } from '../command-error.ts';

interface ValidateOptions {
  previous?: string;
  year: number;
  la?: string;
  postcodes?: string;
  providers?: string;
  json?: boolean;
}

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

function readOrRefuse(path: string): Uint8Array {
  try {
    const bytes = readFileSync(path);
    return path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  } catch (error) {
    throw new CommandError(`cannot read ${path}: ${(error as Error).message}`, 2);
  }
}

/** The CSV files of an SSDA903 folder (a single CSV file is taken as a folder of one). */
function ssda903FilesIn(path: string): ReturnFile[] {
  let names: string[];
  try {
    names = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.toLowerCase().endsWith('.csv'))
          .sort()
          .map((name) => join(path, name))
      : [path];
  } catch (error) {
    throw new CommandError(`cannot read ${path}: ${(error as Error).message}`, 2);
  }
  if (names.length === 0) throw new CommandError(`${path} holds no CSV files.`, 2);
  return names.map((name) => ({ name, content: readOrRefuse(name) }));
}

/**
 * The places of the `wanted` postcodes in the directory given with --postcodes, read as a stream (the
 * ONS's own file is over a gigabyte), or null without --postcodes.
 */
async function postcodeLookup(
  path: string | undefined,
  wanted: () => Set<string>,
): Promise<PostcodeLookup | null> {
  if (!path) return null;
  const reader = postcodeDirectoryReader(wanted());
  try {
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    // pipeline, not pipe: an error reading the file then ends the loop instead of leaving it waiting.
    const stream = path.endsWith('.gz')
      ? pipeline(file, createGunzip({ chunkSize: 1 << 20 }), () => {})
      : file;
    for await (const chunk of stream) reader.push(chunk as Buffer);
  } catch (error) {
    throw new CommandError(`cannot read ${path}: ${(error as Error).message}`, 2);
  }
  const read = reader.finish();
  if ('problem' in read) throw new CommandError(`${path}: ${read.problem}`, 2);
  return read.lookup;
}

/**
 * Ofsted's provider list given with --providers. A file Hearth cannot use stops the command; a value
 * it cannot read is left out and reported on stderr with its line.
 */
function providerLookup(path: string | undefined, year: number): ProviderLookup | null {
  if (!path) return null;
  const read = readProviderList(new TextDecoder().decode(readOrRefuse(path)), year);
  if ('problem' in read) throw new CommandError(`${path}: ${read.problem}`, 2);
  for (const problem of read.problems)
    console.error(`hearth: ${path} line ${problem.line}: ${problem.message}`);
  return read.providers;
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

/** One finding as one tab-separated line: rule, child, table, row, fields, message. */
export function findingLine(finding: Finding): string {
  const fields = finding.fields.join(',');
  return [finding.rule, finding.child, finding.table, finding.row, fields, finding.message].join('\t');
}

/** Counts of findings and children by rule, then the rules skipped, as lines of text. */
export function summaryLines(validation: Validation): string[] {
  const byRule = new Map<string, { findings: number; children: Set<string>; message: string }>();
  for (const finding of validation.findings) {
    let entry = byRule.get(finding.rule);
    if (!entry)
      byRule.set(finding.rule, (entry = { findings: 0, children: new Set(), message: finding.message }));
    entry.findings += 1;
    entry.children.add(finding.child);
  }
  const lines = ['', `Summary: ${validation.findings.length} findings, ${validation.ran.length} rules run.`];
  for (const [rule, entry] of [...byRule].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    const message = entry.message.replace(/^[^:]*\.csv: /, '');
    lines.push(`  ${rule}\t${entry.findings} findings\t${entry.children.size} children\t${message}`);
  }
  for (const skipped of validation.skipped) lines.push(`  ${skipped.rule}\tskipped: ${skipped.reason}`);
  return lines;
}

/** Runs `validate` with a progress bar of children on stderr when stderr is a terminal. */
async function withProgress(
  total: number,
  validate: (onChild?: () => void) => Validation,
): Promise<Validation> {
  // Loaded only for a terminal: validation is often scripted, and every module loaded costs start-up time.
  const bar = process.stderr.isTTY
    ? new (await import('cli-progress')).default.SingleBar({
        stream: process.stderr,
        format: 'validating {bar} {value}/{total} children',
      })
    : null;
  bar?.start(total, 0);
  const validation = validate(bar ? () => bar.increment() : undefined);
  bar?.stop();
  return validation;
}

async function validateWithProgress(
  reading: Ssda903Reading,
  options: ValidateOptions,
  previous: Ssda903Reading | null,
) {
  const providers = providerLookup(options.providers, options.year);
  const postcodes = await postcodeLookup(options.postcodes, () =>
    postcodesToLookUp([reading.return, previous?.return], providers),
  );
  return withProgress(reading.return.children.size, (onChild) =>
    validateSsda903(
      reading,
      { year: options.year, la: options.la, previous: previous?.return, postcodes, providers },
      onChild,
    ),
  );
}

function report(validation: Validation, unreadable: boolean, json: boolean | undefined): void {
  if (json) {
    const findings = validation.findings.map(({ rule, child, table, row, fields, message }) => ({
      rule,
      child,
      table,
      row,
      fields,
      message,
    }));
    console.log(JSON.stringify(findings, null, 2));
  } else {
    for (const finding of validation.findings) console.log(findingLine(finding));
    for (const line of summaryLines(validation)) console.log(line);
  }
  const errors = validation.findings.some((finding) => finding.severity === 'error');
  process.exitCode = unreadable ? 2 : errors ? 1 : 0;
}

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
    .option('--postcodes <file>', 'ONS Postcode Directory CSV (or .csv.gz), for the postcode rules')
    .option(
      '--providers <file>',
      "Ofsted's list of children's social care providers (CSV), for the URN rules",
    )
    .option('--json', 'print the findings as a JSON array')
    .addHelpText('after', providersHelp)
    .action(async (dir: string, options: ValidateOptions) => {
      const reading = readSsda903(ssda903FilesIn(dir));
      const previous = options.previous ? readSsda903(ssda903FilesIn(options.previous)) : null;
      const validation = await validateWithProgress(reading, options, previous);
      const unreadable = [...reading.problems, ...(previous?.problems ?? [])].some(
        (problem) => problem.fatal,
      );
      report(validation, unreadable, options.json);
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
      const reading = readCin({ name: file, content: readOrRefuse(file) });
      const validation = await withProgress(reading.return.children.length, (onChild) =>
        validateCin(reading, { year: options.year }, onChild),
      );
      report(
        validation,
        reading.problems.some((problem) => problem.fatal),
        options.json,
      );
    });
}
