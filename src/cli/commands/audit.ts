import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { writeAuditCheckpoints } from '../../platform/audit-checkpoints.ts';
import { verifyAuditTrail } from '../../modules/audit/service.ts';
import { withDatabase } from '../shared.ts';

/** `hearth audit verify` and `hearth audit checkpoint`: the tamper-evident audit log's checks (ADR 4, ADR 13). */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Check the audit trail');
  audit
    .command('verify')
    .description(
      'Recompute the audit log’s hash chain, hold it to its signed checkpoints and check case notes and the ' +
        'record’s facts against it; ' +
        'exit 1 and name the first broken entry of each council if it is broken',
    )
    .option('--council <id>', 'only this council')
    .option('--checkpoints <file>', 'also hold the chains to the checkpoints exported to this file')
    .action((options: { council?: string; checkpoints?: string }) =>
      withDatabase(async (db, config) => {
        const progress = process.stderr.isTTY
          ? new SingleBar({ format: 'Checking {value} entries' })
          : undefined;
        progress?.start(0, 0);
        const result = await verifyAuditTrail(db, {
          key: config.auditKey,
          councilId: options.council,
          checkpointFile: options.checkpoints,
          onProgress: (checked) => progress?.update(checked),
        });
        progress?.stop();
        for (const broken of result.breaks) {
          const id = broken.id ? ` (id ${broken.id})` : '';
          console.log(`Broken: council ${broken.councilId}, entry ${broken.seq}${id}: ${broken.problem}.`);
        }
        for (const note of result.notes.differing) {
          console.log(
            `Changed: council ${note.councilId}, case note ${note.noteId} written at ${note.writtenAt} ` +
              'differs from what its audit entry says was written.',
          );
        }
        for (const fact of result.facts.differing) {
          console.log(`Changed: council ${fact.councilId}, ${fact.table} ${fact.recordId}: ${fact.problem}.`);
        }
        if (result.breaks.length || result.notes.differing.length || result.facts.differing.length) {
          process.exitCode = 1;
          return;
        }
        const unhashed = result.notes.unhashed
          ? ` (${result.notes.unhashed} older notes have no hash in their audit entries to check against)`
          : '';
        console.log(
          `The audit log is intact: ${result.checked} entries checked against ${result.checkpoints} ` +
            `checkpoints, ${result.notes.checked} case notes against their audit entries${unhashed}, and ` +
            `${result.facts.checked} versions of the record's facts against the changes that wrote them.`,
        );
      }),
    );

  audit
    .command('checkpoint')
    .description(
      'Sign the head of each council’s audit chain that has grown, keep it and append it to ' +
        'HEARTH_AUDIT_CHECKPOINT_FILE; `hearth serve` does this every HEARTH_AUDIT_CHECKPOINT_SECONDS',
    )
    .action(() =>
      withDatabase(async (db, config) => {
        const result = await writeAuditCheckpoints(db, {
          key: config.auditKey,
          file: config.auditCheckpointFile,
          now: new Date(),
        });
        for (const checkpoint of result.written) {
          console.log(`Signed: council ${checkpoint.councilId}, entry ${checkpoint.seq}.`);
        }
        for (const broken of result.refused) {
          console.log(
            `Not signed: council ${broken.councilId}, entry ${broken.seq}: ${broken.problem}. Run hearth audit verify.`,
          );
        }
        if (result.refused.length) process.exitCode = 1;
        else if (!result.written.length) console.log('Every chain’s head is already signed.');
      }),
    );
}
