import type { Command } from 'commander';
import { BackupError, restoreBackup, writeBackup } from '../../db/backup.ts';
import { migrate } from '../../db/migrate.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { CommandError, withDatabase } from '../shared.ts';

/** On a terminal, each table as it is done; nothing when piped. */
function tableProgress(verb: string) {
  return process.stderr.isTTY
    ? (table: string, rows: number) => process.stderr.write(`${verb} ${table}: ${rows} rows\n`)
    : undefined;
}

function total(tables: Record<string, number>): string {
  const rows = Object.values(tables).reduce((sum, count) => sum + count, 0);
  return `${rows.toLocaleString('en-GB')} rows in ${Object.keys(tables).length} tables`;
}

/** `hearth backup --out FILE` and `hearth restore FILE` (issue 22, part 6; the README says how to schedule them). */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Write a consistent backup of the whole database to a file, while Hearth goes on running')
    .requiredOption('--out <file>', 'the file to write (gzip-compressed JSON lines)')
    .action((options: { out: string }) =>
      withDatabase(async (db) => {
        const summary = await writeBackup(db, options.out, { onTable: tableProgress('Backed up') });
        console.log(`Backed up ${total(summary.tables)}, as the database stood at ${summary.takenAt}.`);
      }),
    );
  program
    .command('restore')
    .description('Restore a backup into an empty database, then check the audit trail')
    .argument('<file>', 'a file written by `hearth backup`')
    .action((file: string) =>
      withDatabase(async (db) => {
        await migrate(db);
        try {
          const summary = await restoreBackup(db, file, { onTable: tableProgress('Restored') });
          console.log(`Restored ${total(summary.tables)}, as the database stood at ${summary.takenAt}.`);
        } catch (error) {
          if (error instanceof BackupError) throw new CommandError(`${error.message} Nothing was restored.`);
          throw error;
        }
        const audit = await verifyAuditChain(db);
        if (audit.breaks.length > 0)
          throw new CommandError(`The restored audit trail is broken at ${audit.breaks.length} places.`);
        console.log(`The audit trail is intact: ${audit.checked} entries checked.`);
      }),
    );
}
