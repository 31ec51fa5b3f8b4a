import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { verifyAuditChain } from '../../platform/audit.ts';
import { withDatabase } from '../shared.ts';

/** `hearth audit verify`: checks the tamper-evident chain of the audit log. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Check the audit trail');
  audit
    .command('verify')
    .description(
      'Recompute the audit log’s hash chain; exit 1 and name the first broken entry if it is broken',
    )
    .option('--council <id>', 'only this council')
    .action((options: { council?: string }) =>
      withDatabase(async (db) => {
        const progress = process.stderr.isTTY
          ? new SingleBar({ format: 'Checking {value} entries' })
          : undefined;
        progress?.start(0, 0);
        const result = await verifyAuditChain(db, {
          councilId: options.council,
          onProgress: (checked) => progress?.update(checked),
        });
        progress?.stop();
        if (result.breaks.length === 0) {
          console.log(`The audit log is intact: ${result.checked} entries checked.`);
          return;
        }
        for (const broken of result.breaks) {
          console.log(
            `Broken: council ${broken.councilId}, entry ${broken.seq} (id ${broken.id}): ${broken.problem}.`,
          );
        }
        process.exitCode = 1;
      }),
    );
}
