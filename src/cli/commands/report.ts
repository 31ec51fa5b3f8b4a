import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { reportPeriodOf, type ReportPeriod } from '../../domain/reports/committee-report.ts';
import { isRole } from '../../platform/permissions.ts';
import { createViews } from '../../platform/views.ts';
import {
  REPORT_FORMATS,
  reportFile,
  selfEvaluationFile,
  type ReportFormat,
} from '../../modules/reports/render.ts';
import { selfEvaluation } from '../../modules/reports/self-evaluation.ts';
import { londonDate } from '../../platform/actor.ts';
import { committeeReport } from '../../modules/reports/service.ts';
import { chooseCouncil } from './staff.ts';
import { CommandError, withDatabase } from '../shared.ts';

/** Bad input exits 2, as the other commands' bad input does. */
const BAD_INPUT = 2;

interface ReportOptions {
  year?: string;
  quarter?: string;
  format: string;
  out?: string;
  council?: string;
  forRole?: string;
}

function formatOf(text: string): ReportFormat {
  if (!(REPORT_FORMATS as readonly string[]).includes(text))
    throw new CommandError(`"${text}" is not a format: give html, docx or pdf.`, BAD_INPUT);
  return text as ReportFormat;
}

function periodOf(key: string | undefined, words: string): ReportPeriod {
  const period = key === undefined ? undefined : reportPeriodOf(key);
  if (!period) throw new CommandError(`Give ${words}.`, BAD_INPUT);
  return period;
}

/** Writes the report on the period to the file (the same as the page's download). */
function writeReport(period: () => ReportPeriod) {
  return (options: ReportOptions) => {
    const asked = period();
    const format = formatOf(options.format);
    if (!options.out) throw new CommandError('Give the file to write with --out FILE.', BAD_INPUT);
    if (options.forRole !== undefined && !isRole(options.forRole))
      throw new CommandError(`"${options.forRole}" is not a role of Hearth.`, BAD_INPUT);
    const out = options.out;
    return withDatabase(async (db) => {
      const councilId = await chooseCouncil(db, options.council);
      const report = await committeeReport(
        db,
        { councilId, role: (options.forRole ?? null) as never, now: new Date() },
        asked,
      );
      await writeFile(out, await reportFile(createViews(), report, format));
      console.log(`Wrote the committee report on ${report.period.label} to ${out}.`);
    });
  };
}

/** `hearth report annual` and `hearth report quarter` (issue 20, part 5). */
export function registerReportCommands(program: Command): void {
  const report = program
    .command('report')
    .description('Write the committee report on a financial year or a quarter, as HTML, Word or PDF');
  const common = (command: Command) =>
    command
      .option('--format <format>', 'html, docx or pdf', 'html')
      .option('--out <file>', 'the file to write')
      .option(
        '--for-role <role>',
        'include the non-public appendix, if it names this role (for example director)',
      )
      .option('--council <id>', 'the council, when the database holds several');
  common(
    report
      .command('annual')
      .description('The report on a financial year')
      .option(
        '--year <year>',
        'the financial year, by the year it starts (2025 is April 2025 to March 2026)',
      ),
  ).action((options: ReportOptions) =>
    writeReport(() => {
      if (options.year !== undefined && !/^\d{4}$/.test(options.year))
        throw new CommandError(`"${options.year}" is not a year: give one such as 2025.`, BAD_INPUT);
      return periodOf(options.year, 'the financial year with --year, such as 2025');
    })(options),
  );
  common(
    report
      .command('self-evaluation')
      .description('The self-evaluation of social work practice for a financial year (Ofsted’s ILACS areas)')
      .option(
        '--year <year>',
        'the financial year, by the year it starts (2025 is April 2025 to March 2026)',
      ),
  ).action((options: ReportOptions) => {
    if (options.year === undefined || !/^\d{4}$/.test(options.year) || !reportPeriodOf(options.year))
      throw new CommandError('Give the financial year with --year, such as 2025.', BAD_INPUT);
    const format = formatOf(options.format);
    if (!options.out) throw new CommandError('Give the file to write with --out FILE.', BAD_INPUT);
    const [year, out] = [Number(options.year), options.out];
    return withDatabase(async (db) => {
      const councilId = await chooseCouncil(db, options.council);
      const now = new Date();
      const evaluation = await selfEvaluation(db, { councilId, now, today: londonDate(now) }, year);
      await writeFile(out, await selfEvaluationFile(createViews(), evaluation, format));
      console.log(`Wrote the self-evaluation for ${evaluation.period.label} to ${out}.`);
    });
  });
  common(
    report
      .command('quarter')
      .description('The report on a quarter of a financial year')
      .option('--quarter <quarter>', 'the quarter, such as 2026-Q2 (July to September 2026)'),
  ).action((options: ReportOptions) =>
    writeReport(() =>
      periodOf(options.quarter?.toUpperCase(), 'the quarter with --quarter, such as 2026-Q2'),
    )(options),
  );
}
