import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { CinImportRefused, importCinReturns } from '../../modules/past-returns/cin-import.ts';
import { importProblemsCsv, type ImportReport } from '../../modules/past-returns/import-report.ts';
import { CommandError, withDatabase } from '../shared.ts';
import { chooseCouncil } from './staff.ts';

interface CinImportFlags {
  skipBadRows?: boolean;
  council?: string;
  allowOtherCouncil?: boolean;
  json?: boolean;
  problemsCsv?: string;
}

/** The report in words: what was loaded, each problem and each fix. */
function printReport(report: ImportReport): void {
  for (const problem of report.problems)
    console.error(`${problem.file}, child ${problem.row}, ${problem.field}: ${problem.reason}`);
  for (const fix of report.fixes)
    console.log(`Fixed ${fix.file}, child ${fix.row ?? '-'} (${fix.child}): ${fix.fix}`);
  if (!report.applied) {
    console.error(
      `Nothing loaded: ${report.problems.length} problems. Correct them, or load the children without problems with --skip-bad-rows.`,
    );
    return;
  }
  const counts = Object.entries(report.counts)
    .map(([what, count]) => `${count.toLocaleString('en-GB')} ${what}`)
    .join(', ');
  console.log(`Loaded from ${report.files.join(', ')}: ${counts}; ${report.fixes.length} fixes.`);
}

/**
 * `hearth import cin FILE…`: loads past CIN census returns into the record (issue 19, parts 1 and 5). Exit code 0
 * when all was taken, 1 when there were problems (nothing loaded, or only the good children with --skip-bad-rows),
 * 2 when it could not run.
 */
export function registerCinImport(load: Command): void {
  load
    .command('cin')
    .description('Load past CIN census returns (XML, one or more years) into the record, stitching the years')
    .argument('<files...>', 'the census files, one per year')
    .option('--skip-bad-rows', 'load the children without problems from files that have some')
    .option('--council <id>', 'the council, when the database holds several')
    .option('--allow-other-council', "load a census whose header names another council's code")
    .option('--json', 'print the report as JSON')
    .option('--problems-csv <file>', 'write the problems as CSV (file, row, field, reason)')
    .action((paths: string[], flags: CinImportFlags) =>
      withDatabase(async (db) => {
        const councilId = await chooseCouncil(db, flags.council).catch((error: Error) => {
          throw new CommandError(error.message, 2);
        });
        const files = await Promise.all(
          paths.map(async (path) => ({
            name: basename(path),
            content: await readFile(path).catch(() => {
              throw new CommandError(`There is no file ${path}.`, 2);
            }),
          })),
        );
        const bar = process.stderr.isTTY
          ? new SingleBar({ format: '{stage} {bar} {percentage}% | {value}/{total}' }, Presets.shades_classic)
          : null;
        bar?.start(1, 0, { stage: 'reading' });
        let report: ImportReport;
        try {
          report = await importCinReturns(db, councilId, files, {
            skipBadRows: Boolean(flags.skipBadRows),
            allowOtherCouncil: Boolean(flags.allowOtherCouncil),
            onProgress: (stage, done, total) => {
              bar?.setTotal(total);
              bar?.update(done, { stage: stage.padEnd(22) });
            },
          });
        } catch (error) {
          if (error instanceof CinImportRefused) throw new CommandError(error.message, 2);
          throw error;
        } finally {
          bar?.stop();
        }
        if (flags.problemsCsv) await writeFile(flags.problemsCsv, importProblemsCsv(report.problems));
        if (flags.json) console.log(JSON.stringify(report, null, 2));
        else printReport(report);
        if (report.problems.length > 0) process.exitCode = 1;
      }),
    );
}
