import type { Command } from 'commander';
import { londonDate } from '../../platform/actor.ts';
import { CommandError, configOrExit, withDatabase } from '../shared.ts';
import { progressBar } from './export.ts';
import { chooseCouncil } from './staff.ts';
import type { OutgoingDocument } from '../../modules/dfe-api/service.ts';

const { mkdirSync, writeFileSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

/** Could not run (bad input, no endpoint configured, a folder that cannot be written): 2, as the other exports. */
const COULD_NOT_RUN = 2;

interface DfeApiOptions {
  out: string;
  send?: boolean;
  council?: string;
  json?: boolean;
}

/** A file name from the council's id for the child: letters, digits, - and _ kept, anything else made _. */
export const documentFileName = (outgoing: OutgoingDocument) =>
  `${outgoing.laChildId.replace(/[^A-Za-z0-9_-]/g, '_')}-${outgoing.childId.slice(-12)}.json`;

function writeDocuments(folder: string, documents: readonly OutgoingDocument[]): void {
  try {
    mkdirSync(folder, { recursive: true });
    for (const outgoing of documents)
      writeFileSync(
        join(folder, documentFileName(outgoing)),
        `${JSON.stringify(outgoing.document, null, 2)}\n`,
      );
  } catch (error) {
    throw new CommandError(`cannot write to ${folder}: ${(error as Error).message}`, COULD_NOT_RUN);
  }
}

async function exportDfeApi(options: DfeApiOptions): Promise<void> {
  // Refused before the database is opened: there is nowhere to send.
  if (options.send && !configOrExit().dfeApi)
    throw new CommandError(
      '--send needs the DfE API configured (the HEARTH_DFE_API_* variables).',
      COULD_NOT_RUN,
    );
  await withDatabase(async (db, config) => {
    const councilId = await chooseCouncil(db, options.council);
    const { runDfeApi } = await import('../../modules/dfe-api/service.ts');
    const { senderFor } = await import('../../modules/dfe-api/job.ts');
    const sender = options.send ? await senderFor(db, config.dfeApi!, councilId) : undefined;
    const bar = await progressBar();
    const now = new Date();
    const result = await runDfeApi(db, councilId, {
      now,
      today: londonDate(now),
      ...(sender ? { sender } : {}),
      write: (documents) => writeDocuments(options.out, documents),
      onProgress: bar.onProgress,
    });
    bar.stop();
    const count = (kind: OutgoingDocument['kind']) => result.documents.filter((d) => d.kind === kind).length;
    const summary = {
      out: options.out,
      sent: !!sender,
      window: result.window,
      cohort: result.cohort,
      full: count('full'),
      partial: count('partial'),
      purge: count('purge'),
      unchanged: result.unchanged,
      undelivered: result.undelivered.length,
    };
    if (options.json) console.log(JSON.stringify(summary, null, 2));
    else
      console.log(
        `Wrote ${result.documents.length} documents to ${options.out} for the ${summary.cohort} children in the cohort ` +
          `(${summary.window.from} to ${summary.window.to}): ${summary.full} full, ${summary.partial} partial, ` +
          `${summary.purge} purges; ${summary.unchanged} unchanged.` +
          (sender ? ` Sent: the DfE did not take ${summary.undelivered}.` : ''),
      );
    if (summary.undelivered > 0) process.exitCode = 1;
  });
}

/** `hearth export dfe-api`: the DfE's children's social care API documents (issue 19, part 4). */
export function registerDfeApiExport(exporter: Command): void {
  exporter
    .command('dfe-api')
    .description(
      "Write one JSON document per child of the DfE children's social care API cohort whose document changed since the last run (partial documents, purges for children who left it); --send also sends them (exit 0, 1: some not taken, 2: could not run)",
    )
    .requiredOption('--out <dir>', 'the folder to write the documents to (made if missing)')
    .option('--send', 'send the documents to the DfE endpoint configured by HEARTH_DFE_API_*')
    .option('--council <id>', 'the council, when the database holds several')
    .option('--json', 'print a summary as JSON')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : COULD_NOT_RUN))
    .action(async (options: DfeApiOptions) => {
      try {
        await exportDfeApi(options);
      } catch (error) {
        if (error instanceof CommandError) throw error;
        throw new CommandError(`the documents could not be made: ${(error as Error).message}`, COULD_NOT_RUN);
      }
    });
}
