import { InvalidArgumentError, type Command } from 'commander';
import { parseIsoDate } from '../../domain/calendar/dates.ts';
import { codeListYears } from '../../domain/codes/code-lists.ts';
import { CommandError, withDatabase } from '../shared.ts';
import { chooseCouncil } from './staff.ts';
import { report } from './validate-report.ts';

const { mkdirSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

/** Bad input, or a return that could not be made or written, exits 2 (issue 18, part 5). */
const COULD_NOT_RUN = 2;

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
}

/** A progress bar on stderr when it is a terminal; nothing otherwise. */
async function progressBar() {
  if (!process.stderr.isTTY) return undefined;
  const { SingleBar } = (await import('cli-progress')).default;
  const bar = new SingleBar({ stream: process.stderr, format: '{stage} {bar} {value}/{total}' });
  bar.start(1, 0, { stage: 'reading the record' });
  return bar;
}

async function exportSsda903Command(options: ExportOptions): Promise<void> {
  try {
    mkdirSync(options.out, { recursive: true });
  } catch (error) {
    throw new CommandError(`cannot write to ${options.out}: ${(error as Error).message}`, COULD_NOT_RUN);
  }
  await withDatabase(async (db) => {
    const councilId = await chooseCouncil(db, options.council);
    const { exportSsda903 } = await import('../../modules/returns/ssda903-export.ts');
    const bar = await progressBar();
    const result = await exportSsda903(db, councilId, {
      year: options.year,
      ...(options.knownAt ? { knownAt: options.knownAt } : {}),
      onProgress: (stage, done, total) => {
        bar?.setTotal(total);
        bar?.update(done, { stage });
      },
    });
    bar?.stop();
    try {
      for (const file of result.files) writeFileSync(join(options.out, file.name), file.text);
    } catch (error) {
      throw new CommandError(`cannot write to ${options.out}: ${(error as Error).message}`, COULD_NOT_RUN);
    }
    const errors = result.validation.findings.filter((finding) => finding.severity === 'error');
    if (options.json) {
      const byRule = new Map<string, { findings: number; children: Set<string>; message: string }>();
      for (const finding of result.validation.findings) {
        const entry = byRule.get(finding.rule) ?? {
          findings: 0,
          children: new Set(),
          message: finding.message,
        };
        entry.findings += 1;
        entry.children.add(finding.child);
        byRule.set(finding.rule, entry);
      }
      console.log(
        JSON.stringify(
          {
            return: 'ssda903',
            year: options.year,
            knownAt: (options.knownAt ?? null)?.toISOString() ?? null,
            out: options.out,
            children: result.children,
            files: result.files.map((file) => ({
              name: file.name,
              rows: file.text.split('\r\n').length - 2,
            })),
            errors: errors.length,
            childrenWithErrors: new Set(errors.map((finding) => finding.child)).size,
            findingsByRule: [...byRule].map(([rule, entry]) => ({
              rule,
              findings: entry.findings,
              children: entry.children.size,
              message: entry.message,
            })),
          },
          null,
          2,
        ),
      );
      process.exitCode = errors.length > 0 ? 1 : 0;
      return;
    }
    report(result.validation, false, false);
    console.log(
      `\nWrote the SSDA903 return for ${options.year}–${String(options.year + 1).slice(2)} (${result.children} children) to ${options.out}` +
        (errors.length > 0
          ? `, with ${errors.length} validation errors for ${new Set(errors.map((finding) => finding.child)).size} children: the files are written all the same.`
          : ', with no validation errors.'),
    );
  });
}

/** `hearth export ssda903` and `hearth export workforce-census`: the statutory returns made from the record. */
export function registerExportCommands(program: Command): void {
  const exporter = program.command('export').description('Make a statutory return from the record');
  exporter
    .command('ssda903')
    .description(
      'Write the eleven CSV tables of the SSDA903 return as at 31 March, validated (exit 0: no errors, 1: errors, 2: could not run)',
    )
    .requiredOption('--year <year>', 'collection year: 2025 means 2025–26', collectionYear)
    .requiredOption('--out <dir>', 'the folder to write the tables to (made if missing)')
    .option('--known-at <timestamp>', 'the record as Hearth knew it at this instant (default now)', instant)
    .option('--council <id>', 'the council, when the database holds several')
    .option('--json', 'print a summary as JSON instead of the findings')
    // An option it cannot read is "could not run" too (2), not commander's 1, which means validation errors here.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : COULD_NOT_RUN))
    .action(async (options: ExportOptions) => {
      try {
        await exportSsda903Command(options);
      } catch (error) {
        if (error instanceof CommandError && error.exitCode !== 1) throw error;
        if (error instanceof CommandError) throw new CommandError(error.message, COULD_NOT_RUN);
        throw new CommandError(`the return could not be made: ${(error as Error).message}`, COULD_NOT_RUN);
      }
    });

  exporter
    .command('workforce-census')
    .description(
      'Write the children’s social work workforce census return in the DfE’s layout as CSV: the worker lines, or the council’s line',
    )
    .requiredOption('--date <date>', 'the census day, YYYY-MM-DD (30 September)', isoDay)
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
}

function isoDay(value: string): string {
  try {
    return parseIsoDate(value).toString();
  } catch {
    throw new InvalidArgumentError('Give the day as YYYY-MM-DD.');
  }
}
