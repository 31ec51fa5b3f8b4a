#!/usr/bin/env node
/**
 * `hearth validate …` on its own. Validation works on return files alone, so this entry point loads
 * only its command, not the database, server and jobs that the rest of `hearth` needs: that saves
 * about half a second of start-up on every run. bin/hearth.js sends `hearth validate` here.
 */
import { Command } from 'commander';
import { CommandError } from './command-error.ts';
import { registerValidateCommands } from './commands/validate.ts';

const program = new Command('hearth').showHelpAfterError();
registerValidateCommands(program);
try {
  await program.parseAsync();
} catch (error) {
  if (!(error instanceof CommandError)) throw error;
  console.error(`hearth: ${error.message}`);
  process.exit(error.exitCode);
}
