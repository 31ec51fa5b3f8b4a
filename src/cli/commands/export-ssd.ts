import type { Command } from 'commander';
import { CommandError, withDatabase } from '../shared.ts';
import { COULD_NOT_RUN, day, exporting, progressBar } from './export.ts';
import { chooseCouncil } from './staff.ts';

const { mkdirSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

interface SsdOptions {
  out: string;
  from?: string;
  to?: string;
  council?: string;
  json?: boolean;
}

async function exportSsdCommand(options: SsdOptions): Promise<void> {
  const { londonDate } = await import('../../platform/actor.ts');
  const to = options.to ?? londonDate(new Date());
  if (options.from !== undefined && options.from > to)
    throw new CommandError('--from must be on or before --to.', COULD_NOT_RUN);
  await withDatabase(async (db) => {
    const councilId = await chooseCouncil(db, options.council);
    const { exportSsd } = await import('../../modules/ssd-export/service.ts');
    const bar = await progressBar();
    const result = await exportSsd(db, councilId, {
      to,
      ...(options.from ? { from: options.from } : {}),
      onProgress: bar.onProgress,
    });
    bar.stop();
    try {
      mkdirSync(options.out, { recursive: true });
      for (const file of result.files) writeFileSync(join(options.out, file.name), file.text);
    } catch (error) {
      throw new CommandError(`cannot write to ${options.out}: ${(error as Error).message}`, COULD_NOT_RUN);
    }
    const tables = result.files.map((file) => ({ table: file.table, file: file.name, rows: file.rows }));
    if (options.json) {
      const summary = {
        return: 'ssd',
        from: options.from ?? null,
        to,
        out: options.out,
        children: result.children,
      };
      console.log(JSON.stringify({ ...summary, tables }, null, 2));
      return;
    }
    for (const table of tables) console.log(`${table.table}: ${table.rows} rows`);
    console.log(
      `\nWrote the Standard Safeguarding Dataset's ${tables.length} tables to ${to} (${result.children} children) to ${options.out}.`,
    );
  });
}

/** `hearth export ssd`: Data to Insight's Standard Safeguarding Dataset as CSV tables (issue 19, part 3). */
export function registerSsdExport(exporter: Command): void {
  exporter
    .command('ssd')
    .description(
      "Write Data to Insight's Standard Safeguarding Dataset: every ssd_* table as CSV, for the children involved in the period (exit 0, or 2: could not run)",
    )
    .requiredOption('--out <dir>', 'the folder to write the tables to (made if missing)')
    .option('--from <day>', 'the first day of the period, YYYY-MM-DD (default: all the history)', day)
    .option(
      '--to <day>',
      'the last day of the period, YYYY-MM-DD: the record as it stood then (default: today)',
      day,
    )
    .option('--council <id>', 'the council, when the database holds several')
    .option('--json', 'print a summary as JSON')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : COULD_NOT_RUN))
    .action(exporting(exportSsdCommand));
}
