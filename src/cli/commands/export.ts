import { InvalidArgumentError, type Command } from 'commander';
import { parseIsoDate } from '../../domain/calendar/dates.ts';
import { codeListYears } from '../../domain/codes/code-lists.ts';
import { CommandError, withDatabase } from '../shared.ts';
import { registerDfeApiExport } from './export-dfe-api.ts';
import { chooseCouncil } from './staff.ts';
import { registerSsdExport } from './export-ssd.ts';
import { report } from './validate-report.ts';
import type { Finding } from '../../domain/returns/findings.ts';
import type { Ssda903Return } from '../../domain/returns/ssda903/tables.ts';

const { mkdirSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { dirname, join } = process.getBuiltinModule('node:path');

/** Bad input, or a return that could not be made or written, exits 2 (issue 18, part 5). */
export const COULD_NOT_RUN = 2;

function collectionYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || !codeListYears().includes(year))
    throw new InvalidArgumentError(
      `Hearth knows the collection years ${codeListYears().join(', ')} (2025 = 2025–26).`,
    );
  return year;
}

function instant(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d\d-\d\d/.test(value) || Number.isNaN(date.getTime()))
    throw new InvalidArgumentError('Give an instant as YYYY-MM-DDTHH:MM:SSZ (or a date, YYYY-MM-DD).');
  return date;
}

interface ExportOptions {
  year: number;
  out: string;
  knownAt?: Date;
  council?: string;
  json?: boolean;
  /** SSDA903 only: the folder of last year's return as sent. */
  previous?: string;
}

/**
 * Last year's SSDA903 return from its folder, for the rules comparing the two years; a folder that cannot be read,
 * or a return with a problem that stops it being read, is "could not run" (2), naming each problem.
 */
async function previousSsda903(folder: string | undefined): Promise<Ssda903Return | undefined> {
  if (!folder) return undefined;
  const { ssda903FilesIn } = await import('./validate-ssda903.ts');
  const { readSsda903 } = await import('../../domain/returns/ssda903/read.ts');
  const reading = readSsda903(ssda903FilesIn(folder));
  const fatal = reading.problems.filter((problem) => problem.fatal);
  if (fatal.length > 0) {
    const problems = fatal.map((problem) => `${problem.file} line ${problem.row}: ${problem.message}`);
    throw new CommandError(
      `cannot read last year's return in ${folder}: ${problems.join('; ')}`,
      COULD_NOT_RUN,
    );
  }
  return reading.return;
}

/** A progress bar on stderr when it is a terminal (nothing otherwise): what an export reports its stages to. */
export async function progressBar() {
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const { SingleBar } = (await import('cli-progress')).default;
  const bar = new SingleBar({ stream: process.stderr, format: '{stage} {bar} {value}/{total}' });
  bar.start(1, 0, { stage: 'reading the record' });
  return {
    onProgress: (stage: string, done: number, total: number) => {
      bar.setTotal(total);
      bar.update(done, { stage });
    },
    stop: () => bar.stop(),
  };
}

/** `--json`: what was written and the findings by rule; the exit code says whether any is an error. */
async function printSummary(
  made: { return: string; year: number; knownAt?: Date | undefined; out: string; children: number },
  files: readonly { name: string; rows: number }[],
  findings: readonly Finding[],
): Promise<void> {
  // Loaded only for a summary, as the commands load their modules (start-up stays light).
  const { findingsByRule } = await import('../../modules/returns/service.ts');
  const errors = findings.filter((finding) => finding.severity === 'error');
  console.log(
    JSON.stringify(
      {
        return: made.return,
        year: made.year,
        knownAt: made.knownAt?.toISOString() ?? null,
        out: made.out,
        children: made.children,
        files,
        errors: errors.length,
        childrenWithErrors: new Set(errors.map((finding) => finding.child)).size,
        // The returns page's grouping (most frequent first; a whole-return finding names no child).
        findingsByRule: findingsByRule(findings).map(({ rule, severity, count, children, message }) => ({
          rule,
          severity,
          findings: count,
          children,
          message,
        })),
      },
      null,
      2,
    ),
  );
  process.exitCode = errors.length > 0 ? 1 : 0;
}

/** The closing line: what was written, and whether it holds errors (an export with errors is written all the same). */
function closingLine(what: string, out: string, children: number, findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error');
  return (
    `\nWrote ${what} (${children} children) to ${out}` +
    (errors.length > 0
      ? `, with ${errors.length} validation errors for ${new Set(errors.map((finding) => finding.child)).size} children: written all the same.`
      : ', with no validation errors.')
  );
}

async function exportCinCommand(options: ExportOptions): Promise<void> {
  await withDatabase(async (db) => {
    const councilId = await chooseCouncil(db, options.council);
    const { exportCin } = await import('../../modules/returns/cin-export.ts');
    const bar = await progressBar();
    const result = await exportCin(db, councilId, {
      year: options.year,
      ...(options.knownAt ? { knownAt: options.knownAt } : {}),
      onProgress: bar.onProgress,
    });
    bar.stop();
    writeOut(options.out, result.file.text);
    const { findings } = result.validation;
    if (options.json) {
      await printSummary(
        {
          return: 'cin',
          year: options.year,
          knownAt: options.knownAt,
          out: options.out,
          children: result.children.length,
        },
        [{ name: options.out, rows: result.children.length }],
        findings,
      );
      return;
    }
    report(result.validation, false, false);
    console.log(
      closingLine(
        `the CIN census for ${yearName(options.year)}`,
        options.out,
        result.children.length,
        findings,
      ),
    );
  });
}

/** A day on the command line, read by the domain's own date reader (which refuses 31 February, as `Date` does not). */
export function day(value: string): string {
  try {
    return parseIsoDate(value).toString();
  } catch {
    throw new InvalidArgumentError('Give a day as YYYY-MM-DD.');
  }
}

interface AnnexAOptions {
  from?: string;
  to: string;
  out: string;
  council?: string;
  json?: boolean;
}

async function exportAnnexACommand(options: AnnexAOptions): Promise<void> {
  if (options.from !== undefined && options.from > options.to)
    throw new CommandError('--from must be on or before --to.', COULD_NOT_RUN);
  await withDatabase(async (db) => {
    const councilId = await chooseCouncil(db, options.council);
    const { exportAnnexA } = await import('../../modules/returns/annex-a-export.ts');
    const bar = await progressBar();
    const result = await exportAnnexA(db, councilId, {
      to: options.to,
      ...(options.from ? { from: options.from } : {}),
      onProgress: bar.onProgress,
    });
    bar.stop();
    writeOut(options.out, result.workbook);
    const lists = result.lists.map(({ list, from, rows }) => ({
      list: list.number,
      name: list.name,
      from,
      rows: rows.length,
    }));
    if (options.json)
      console.log(
        JSON.stringify(
          { return: 'annex-a', to: options.to, out: options.out, children: result.children, lists },
          null,
          2,
        ),
      );
    else {
      for (const list of lists)
        console.log(`List ${list.list} (${list.name}), from ${list.from}: ${list.rows} rows`);
      console.log(
        `\nWrote Ofsted's Annex A to ${options.to} (${result.children} children) to ${options.out}.`,
      );
    }
  });
}

const yearName = (year: number) => `${year}–${String(year + 1).slice(2)}`;

/** Writes one file, its folder made if missing; a file that cannot be written is "could not run". */
function writeOut(path: string, content: string | Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  } catch (error) {
    throw new CommandError(`cannot write to ${path}: ${(error as Error).message}`, COULD_NOT_RUN);
  }
}

async function exportSsda903Command(options: ExportOptions): Promise<void> {
  try {
    mkdirSync(options.out, { recursive: true });
  } catch (error) {
    throw new CommandError(`cannot write to ${options.out}: ${(error as Error).message}`, COULD_NOT_RUN);
  }
  const previous = await previousSsda903(options.previous);
  await withDatabase(async (db) => {
    const councilId = await chooseCouncil(db, options.council);
    const { exportSsda903 } = await import('../../modules/returns/ssda903-export.ts');
    const bar = await progressBar();
    const result = await exportSsda903(db, councilId, {
      year: options.year,
      ...(options.knownAt ? { knownAt: options.knownAt } : {}),
      ...(previous ? { previous } : {}),
      onProgress: bar.onProgress,
    });
    bar.stop();
    try {
      for (const file of result.files) writeFileSync(join(options.out, file.name), file.text);
    } catch (error) {
      throw new CommandError(`cannot write to ${options.out}: ${(error as Error).message}`, COULD_NOT_RUN);
    }
    if (options.json) {
      await printSummary(
        {
          return: 'ssda903',
          year: options.year,
          knownAt: options.knownAt,
          out: options.out,
          children: result.children,
        },
        result.files.map((file) => ({ name: file.name, rows: file.text.split('\r\n').length - 2 })),
        result.validation.findings,
      );
      return;
    }
    report(result.validation, false, false);
    console.log(
      closingLine(
        `the SSDA903 return for ${yearName(options.year)}`,
        options.out,
        result.children,
        result.validation.findings,
      ),
    );
  });
}

/** Runs an export: any failure but validation errors is "could not run" (2), never 1, which means errors here. */
export function exporting<T>(command: (options: T) => Promise<void>) {
  return async (options: T) => {
    try {
      await command(options);
    } catch (error) {
      if (error instanceof CommandError && error.exitCode !== 1) throw error;
      if (error instanceof CommandError) throw new CommandError(error.message, COULD_NOT_RUN);
      throw new CommandError(`the return could not be made: ${(error as Error).message}`, COULD_NOT_RUN);
    }
  };
}

/** The options every export of a collection year takes. */
function yearExport(command: Command, out: string): Command {
  return (
    command
      .requiredOption('--year <year>', 'collection year: 2025 means 2025–26', collectionYear)
      .requiredOption('--out <path>', out)
      .option('--known-at <timestamp>', 'the record as Hearth knew it at this instant (default now)', instant)
      .option('--council <id>', 'the council, when the database holds several')
      .option('--json', 'print a summary as JSON instead of the findings')
      // An option it cannot read is "could not run" too (2), not commander's 1, which means validation errors here.
      .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : COULD_NOT_RUN))
  );
}

/** `hearth export ssda903|cin|annex-a|workforce-census`: the statutory returns made from the record (issues 18, 21). */
export function registerExportCommands(program: Command): void {
  const exporter = program.command('export').description('Make a statutory return from the record');
  yearExport(
    exporter
      .command('ssda903')
      .description(
        'Write the eleven CSV tables of the SSDA903 return as at 31 March, validated (exit 0: no errors, 1: errors, 2: could not run)',
      ),
    'the folder to write the tables to (made if missing)',
  )
    .option(
      '--previous <dir>',
      "folder of last year's return as sent (its CSV tables), so that the rules comparing the two years run",
    )
    .action(exporting(exportSsda903Command));
  yearExport(
    exporter
      .command('cin')
      .description(
        'Write the CIN census XML as at 31 March, validated (exit 0: no errors, 1: errors, 2: could not run)',
      ),
    'the file to write the census to (its folder made if missing)',
  ).action(exporting(exportCinCommand));
  exporter
    .command('annex-a')
    .description(
      "Write Ofsted's Annex A lists 1 to 11 as one workbook: six months to --to (twelve for lists 10 and 11) unless --from is given (exit 0, or 2: could not run)",
    )
    .requiredOption('--to <day>', 'the last day of the window, YYYY-MM-DD', day)
    .option('--from <day>', 'the first day of the window (default: six months before --to)', day)
    .requiredOption('--out <file>', 'the workbook to write (.xlsx; its folder made if missing)')
    .option('--council <id>', 'the council, when the database holds several')
    .option('--json', 'print a summary as JSON')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : COULD_NOT_RUN))
    .action(exporting(exportAnnexACommand));

  registerSsdExport(exporter);
  exporter
    .command('workforce-census')
    .description(
      'Write the children’s social work workforce census return in the DfE’s layout as CSV: the worker lines, or the council’s line',
    )
    .requiredOption('--date <date>', 'the census day, YYYY-MM-DD (30 September)', day)
    .option(
      '--council-line',
      'write the council’s line (vacancies and agency workers) instead of the worker lines',
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--council <id>', 'the council, when the database holds several')
    .action((options: { date: string; councilLine?: boolean; out?: string; council?: string }) =>
      withDatabase(async (db) => {
        const { councilCensusReturn } = await import('../../modules/workforce/census-service.ts');
        const census = await councilCensusReturn(db, await chooseCouncil(db, options.council), options.date);
        const csv = options.councilLine ? census.council : census.workers;
        if (options.out) writeFileSync(options.out, csv);
        else process.stdout.write(csv);
      }),
    );
  registerDfeApiExport(exporter);
}
