import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  importFixesCsv,
  importProblemsCsv,
  type ImportReport,
} from '../../modules/past-returns/import-report.ts';
import {
  ImportRefused,
  importSsda903,
  type ReturnFolder,
} from '../../modules/past-returns/ssda903-import.ts';
import { CommandError, withDatabase } from '../shared.ts';
import { chooseCouncil } from './staff.ts';

interface ImportSsda903Options {
  skipBadRows?: boolean;
  council?: string;
  allowOtherCouncil?: boolean;
  json?: boolean;
  problemsCsv?: string;
  fixesCsv?: string;
}

/** A folder's CSV files, named as the folder names them (the report gives folder/file and line). */
async function folderOf(path: string): Promise<ReturnFolder> {
  const names = await readdir(path).catch(() => {
    throw new CommandError(`There is no folder ${path}.`, 2);
  });
  const csv = names.filter((name) => name.toLowerCase().endsWith('.csv')).sort();
  if (csv.length === 0) throw new CommandError(`${path} holds no CSV files.`, 2);
  return {
    name: basename(path),
    files: await Promise.all(csv.map(async (name) => ({ name, content: await readFile(join(path, name)) }))),
  };
}

function printReport(report: ImportReport): void {
  for (const problem of report.problems)
    console.error(
      `${problem.file} line ${problem.row}${problem.field ? `, ${problem.field}` : ''}: ${problem.reason}`,
    );
  for (const fix of report.fixes)
    console.log(
      `Fixed ${fix.file}${fix.row === null ? '' : ` line ${fix.row}`} (child ${fix.child}): ${fix.reason}`,
    );
  if (!report.applied) {
    console.error(
      `Nothing imported: ${report.problems.length} problems. Correct them, or import the other rows with --skip-bad-rows.`,
    );
    return;
  }
  const counts = Object.entries(report.counts)
    .filter(([, count]) => count > 0)
    .map(([what, count]) => `${count.toLocaleString('en-GB')} ${what}`);
  console.log(
    counts.length
      ? `Imported from ${report.files.length} files: ${counts.join(', ')}; ${report.fixes.length} fixes.`
      : `Nothing changed: the record already holds these returns.`,
  );
}

/**
 * `hearth import ssda903 DIR…`: past SSDA903 returns, a folder a year, loaded into the record (issue 19, parts 1
 * and 5; docs/returns/import.md). Exits 0 when imported without problems, 1 when a row had a problem (imported
 * without it with --skip-bad-rows, or nothing imported), 2 when it could not run.
 */
export function registerImportSsda903(load: Command): void {
  load
    .command('ssda903')
    .description('Load past SSDA903 returns (a folder of CSV files for each year) into the record')
    .argument(
      '<dirs...>',
      'the folders, one a year; a folder named with the DfE number (e.g. 855_2023) is checked',
    )
    .option('--skip-bad-rows', 'import the rows without problems, leaving out those with')
    .option('--council <id>', 'the council, when the database holds several')
    .option('--allow-other-council', "import a return whose folder names another council's DfE number")
    .option('--problems-csv <file>', 'write the problems (file, row, field, reason) as CSV')
    .option('--fixes-csv <file>', 'write what the import changed to stitch the years, as CSV')
    .option('--json', 'print the report as JSON')
    .action((dirs: string[], options: ImportSsda903Options) =>
      withDatabase(async (db) => {
        for (const dir of dirs)
          if (!(await stat(dir).catch(() => null))?.isDirectory())
            throw new CommandError(`There is no folder ${dir}.`, 2);
        const folders = await Promise.all(dirs.map(folderOf));
        const councilId = await chooseCouncil(db, options.council);
        const bar =
          process.stderr.isTTY && !options.json
            ? new SingleBar({ format: 'Importing {bar} {percentage}% | {stage}' }, Presets.shades_classic)
            : null;
        bar?.start(1, 0, { stage: 'reading the returns' });
        let report: ImportReport;
        try {
          report = await importSsda903(db, councilId, folders, {
            skipBadRows: Boolean(options.skipBadRows),
            allowOtherCouncil: Boolean(options.allowOtherCouncil),
            onProgress: (stage, done, total) => {
              bar?.setTotal(total);
              bar?.update(done, { stage });
            },
          });
        } catch (error) {
          if (error instanceof ImportRefused) throw new CommandError(error.message, 2);
          throw error;
        } finally {
          bar?.stop();
        }
        if (options.problemsCsv) await writeFile(options.problemsCsv, importProblemsCsv(report.problems));
        if (options.fixesCsv) await writeFile(options.fixesCsv, importFixesCsv(report.fixes));
        if (options.json) console.log(JSON.stringify(report, null, 2));
        else printReport(report);
        process.exitCode = report.problems.length ? 1 : 0;
      }),
    );
}
