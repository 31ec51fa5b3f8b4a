import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { Database } from '../../db/database.ts';
import { londonDate } from '../../platform/actor.ts';
import { ValidationError } from '../../platform/errors.ts';
import { roles } from '../../platform/permissions.ts';
import {
  addUser,
  createApiToken,
  listCouncils,
  listUsers,
  revokeApiToken,
  teamIdByName,
} from '../../modules/staff/service.ts';
import { removeCodesFor } from '../../modules/sign-in-codes/service.ts';
import { CommandError, withDatabase } from '../shared.ts';

/** The council a command acts on: the one named, or the only one there is. */
export async function chooseCouncil(db: Database, councilId?: string): Promise<string> {
  const councils = await listCouncils(db);
  if (councilId) {
    if (!councils.some((council) => council.id === councilId))
      throw new CommandError(`There is no council ${councilId}.`);
    return councilId;
  }
  if (councils.length === 1) return councils[0]!.id;
  if (councils.length === 0)
    throw new CommandError('The database has no council yet: run `hearth serve` or `hearth demo` first.');
  throw new CommandError(`The database holds ${councils.length} councils: choose one with --council ID.`);
}

/** The new user's password: from standard input when it is piped, otherwise asked for at the terminal. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, '');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const answer = await prompt.question('Password (12 characters or more): ');
  prompt.close();
  return answer;
}

function refuse(error: unknown): never {
  if (error instanceof ValidationError) {
    throw new CommandError(error.fields.map((field) => `${field.path}: ${field.message}`).join('\n'));
  }
  throw error;
}

/** `hearth user add|list` and `hearth token create|revoke`. */
export function registerStaffCommands(program: Command): void {
  const user = program.command('user').description('Manage the people who can sign in');
  user
    .command('add')
    .description('Add a worker and their sign-in; the password is read from standard input or asked for')
    .requiredOption('--email <email>', 'their email address, used to sign in')
    .requiredOption('--given-name <name>', 'their given name')
    .requiredOption('--family-name <name>', 'their family name')
    .requiredOption('--role <role>', `one of: ${roles.join(', ')}`)
    .option('--team <name>', 'the team they belong to, from today')
    .option('--manages', 'they manage that team')
    .option('--council <id>', 'the council, when the database holds several')
    .action((options) =>
      withDatabase(async (db) => {
        const councilId = await chooseCouncil(db, options.council);
        let teamId: string | undefined;
        if (options.team) {
          teamId = await teamIdByName(db, councilId, options.team);
          if (!teamId) throw new CommandError(`There is no team called ${options.team}.`);
        }
        const now = new Date();
        await addUser(db, {
          councilId,
          email: options.email,
          password: await readPassword(),
          givenName: options.givenName,
          familyName: options.familyName,
          role: options.role,
          teamId,
          manages: Boolean(options.manages),
          today: londonDate(now),
          now,
        }).catch(refuse);
        console.log(`Added ${options.email} as ${options.role}.`);
      }),
    );

  user
    .command('list')
    .description('List the people who can sign in, with their role and team')
    .option('--json', 'print JSON')
    .option('--council <id>', 'only this council')
    .action((options: { json?: boolean; council?: string }) =>
      withDatabase(async (db) => {
        const now = new Date();
        const users = await listUsers(db, { councilId: options.council, today: londonDate(now), now });
        if (options.json) {
          console.log(JSON.stringify(users, null, 2));
          return;
        }
        for (const listed of users) {
          console.log(
            [listed.email, listed.role, listed.teams.join(', ') || '-', listed.locked ? 'locked' : '']
              .join('\t')
              .trimEnd(),
          );
        }
      }),
    );

  user
    .command('remove-codes')
    .description('Turn off a person’s sign-in codes, when they have lost their authenticator app')
    .requiredOption('--email <email>', 'the email they sign in with')
    .action((options: { email: string }) =>
      withDatabase(async (db) => {
        const removed = await removeCodesFor(db, { email: options.email, now: new Date() }).catch(refuse);
        console.log(
          removed
            ? `Sign-in codes are off for ${options.email}: their password alone signs them in until they set codes up again.`
            : `${options.email} has no sign-in codes set up.`,
        );
      }),
    );

  const token = program.command('token').description('Manage API tokens for integrators');
  token
    .command('create')
    .description('Create an API token; it is printed once and never again')
    .requiredOption('--user <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .action((options: { user: string; name: string }) =>
      withDatabase(async (db) => {
        const created = await createApiToken(db, {
          email: options.user,
          name: options.name,
          now: new Date(),
        }).catch(refuse);
        console.error(
          'Copy this token now: it cannot be shown again. Send it as "Authorization: Bearer <token>".',
        );
        console.log(created.token);
      }),
    );
  token
    .command('revoke')
    .description('Revoke a user’s API token by its name')
    .requiredOption('--user <email>', 'the user the token acts as')
    .requiredOption('--name <name>', 'the token’s name')
    .action((options: { user: string; name: string }) =>
      withDatabase(async (db) => {
        await revokeApiToken(db, { email: options.user, name: options.name, now: new Date() }).catch(refuse);
        console.log(`Revoked the token ${options.name}.`);
      }),
    );
}
