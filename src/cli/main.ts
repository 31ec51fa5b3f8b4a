#!/usr/bin/env node
import { Command } from 'commander';
import { MigrationError } from '../db/migrate.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerComparatorCommands } from './commands/comparators.ts';
import { registerDemoCommands } from './commands/demo.ts';
import { registerDueCommands } from './commands/due.ts';
import { registerExportCommands } from './commands/export.ts';
import { registerImportCommands } from './commands/import.ts';
import { registerIndicatorCommands } from './commands/indicators.ts';
import { registerReminderCommands } from './commands/reminders.ts';
import { registerReportCommands } from './commands/report.ts';
import { registerRetentionCommands } from './commands/retention.ts';
import { registerSubjectAccessCommand } from './commands/subject-access.ts';
import { registerServerCommands } from './commands/server.ts';
import { registerStaffCommands } from './commands/staff.ts';
import { registerTimescaleCommands } from './commands/timescales.ts';
import { registerValidateCommands } from './commands/validate.ts';
import { registerWorkforceCommands } from './commands/workforce.ts';
import { CommandError } from './shared.ts';

const program = new Command('hearth')
  .description("Hearth: the record of a council's children's social care")
  .showHelpAfterError();

// Each feature's commands live in src/cli/commands/ and are registered here.
registerServerCommands(program);
registerStaffCommands(program);
registerAuditCommands(program);
registerBackupCommands(program);
registerTimescaleCommands(program);
registerDueCommands(program);
registerReminderCommands(program);
registerRetentionCommands(program);
registerSubjectAccessCommand(program);
const load = registerImportCommands(program);
registerIndicatorCommands(program, load);
registerComparatorCommands(load);
registerValidateCommands(program);
registerReportCommands(program);
registerWorkforceCommands(program);
registerExportCommands(program);
registerDemoCommands(program);

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof MigrationError || error instanceof CommandError) {
    console.error(`hearth: ${error.message}`);
    process.exit(error instanceof CommandError ? error.exitCode : 1);
  }
  throw error;
}
