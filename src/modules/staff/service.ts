import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { appendAudit, type AuditSource } from '../../platform/audit.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { hashPassword, passwordProblem } from '../../platform/passwords.ts';
import { isRole, type Role } from '../../platform/permissions.ts';
import { apiTokenHash, newApiToken } from '../../platform/sessions.ts';
import {
  councils,
  insertApiToken,
  insertTeam,
  insertTeamMembership,
  insertUser,
  insertWorker,
  revokeApiTokensNamed,
  teamByName,
  teamMembershipsOn,
  userByEmail,
  usersWithWorkers,
  workerByIdOrEmail,
} from './queries.ts';

export const teamKinds = [
  'assessment',
  'child-in-need',
  'child-protection',
  'children-in-care',
  'care-experienced',
  'mash',
  'disabled-children',
  'fostering',
  'adoption',
  'early-help',
] as const;
export type TeamKind = (typeof teamKinds)[number];

/** The source of audit entries written by an administrator's command rather than a signed-in person. */
function systemSource(councilId: string, now: Date): AuditSource {
  return { councilId, route: 'hearth (command line)', now };
}

export async function addTeam(
  db: Database,
  team: { councilId: string; name: string; kind: TeamKind; caseloadTarget?: number | null; now: Date },
): Promise<string> {
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await insertTeam(trx, {
      council_id: team.councilId,
      id,
      name: team.name,
      kind: team.kind,
      caseload_target: team.caseloadTarget ?? null,
    });
    await appendAudit(trx, systemSource(team.councilId, team.now), {
      action: 'team.created',
      details: { teamId: id, name: team.name, kind: team.kind },
    });
  });
  return id;
}

export interface NewUser {
  councilId: string;
  email: string;
  password: string;
  givenName: string;
  familyName: string;
  role: string;
  teamId?: string;
  manages?: boolean;
  today: string;
  now: Date;
}

/** Adds a worker and their sign-in, and their team membership from today. */
export async function addUser(db: Database, user: NewUser): Promise<{ userId: string; workerId: string }> {
  const email = user.email.trim().toLowerCase();
  const problems: FieldProblem[] = [];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    problems.push({
      path: 'email',
      message: 'Enter an email address in the correct format, like name@example.com',
    });
  }
  const weak = passwordProblem(user.password, email);
  if (weak) problems.push({ path: 'password', message: weak });
  if (!isRole(user.role)) problems.push({ path: 'role', message: `Choose a role: ${user.role} is not one` });
  if (!user.givenName.trim() || !user.familyName.trim()) {
    problems.push({ path: 'name', message: 'Enter the given name and family name' });
  }
  if (problems.length) throw new ValidationError(problems);
  const taken = await userByEmail(db, email);
  if (taken)
    throw new ValidationError([{ path: 'email', message: 'A user with this email address already exists' }]);

  const passwordHash = await hashPassword(user.password);
  const workerId = uuidv7();
  const userId = uuidv7();
  await db.transaction().execute(async (trx) => {
    await insertWorker(trx, {
      council_id: user.councilId,
      id: workerId,
      given_name: user.givenName.trim(),
      family_name: user.familyName.trim(),
      role: user.role as Role,
      started_on: user.today,
    });
    await insertUser(trx, {
      council_id: user.councilId,
      id: userId,
      worker_id: workerId,
      email,
      password_hash: passwordHash,
    });
    if (user.teamId) {
      await insertTeamMembership(trx, {
        council_id: user.councilId,
        id: uuidv7(),
        team_id: user.teamId,
        worker_id: workerId,
        manages: user.manages ?? false,
        from_date: user.today,
      });
    }
    await appendAudit(trx, systemSource(user.councilId, user.now), {
      action: 'user.created',
      details: { userId, email, role: user.role },
    });
  });
  return { userId, workerId };
}

export interface UserListing {
  councilId: string;
  email: string;
  name: string;
  role: string;
  teams: string[];
  locked: boolean;
}

/** Every sign-in, with its role and current teams, for `hearth user list` and the staff page. */
export async function listUsers(db: Database, options: { councilId?: string; today: string; now: Date }) {
  const users = await usersWithWorkers(db, options.councilId);
  const memberships = await teamMembershipsOn(db, options.today);
  return users.map((user): UserListing => ({
    councilId: user.council_id,
    email: user.email,
    name: `${user.given_name} ${user.family_name}`,
    role: user.role,
    teams: memberships
      .filter(
        (membership) => membership.council_id === user.council_id && membership.worker_id === user.worker_id,
      )
      .map((membership) => membership.name),
    locked: user.locked_until !== null && user.locked_until.getTime() > options.now.getTime(),
  }));
}

async function existingUser(db: Database, email: string) {
  const user = await userByEmail(db, email.trim().toLowerCase());
  if (!user)
    throw new ValidationError([{ path: 'user', message: `There is no user with the email ${email}` }]);
  return user;
}

/** Creates an API token for an integrator. The token is returned once and only its hash is kept. */
export async function createApiToken(db: Database, request: { email: string; name: string; now: Date }) {
  const user = await existingUser(db, request.email);
  if (!request.name.trim()) throw new ValidationError([{ path: 'name', message: 'Give the token a name' }]);
  const token = newApiToken();
  const id = uuidv7();
  await db.transaction().execute(async (trx) => {
    await insertApiToken(trx, {
      council_id: user.council_id,
      id,
      user_id: user.id,
      name: request.name.trim(),
      token_hash: apiTokenHash(token),
    });
    await appendAudit(trx, systemSource(user.council_id, request.now), {
      action: 'token.created',
      details: { tokenId: id, userId: user.id, name: request.name.trim() },
    });
  });
  return { id, token };
}

/** Revokes a user's token by its name; a revoked token is refused from then on. */
export async function revokeApiToken(db: Database, request: { email: string; name: string; now: Date }) {
  const user = await existingUser(db, request.email);
  const revoked = await db.transaction().execute(async (trx) => {
    const rows = await revokeApiTokensNamed(
      trx,
      { councilId: user.council_id, userId: user.id },
      request.name,
      request.now,
    );
    if (rows.length) {
      await appendAudit(trx, systemSource(user.council_id, request.now), {
        action: 'token.revoked',
        details: { tokenId: rows[0]!.id, userId: user.id, name: request.name },
      });
    }
    return rows.length;
  });
  if (!revoked)
    throw new ValidationError([{ path: 'name', message: `No active token named ${request.name}` }]);
}

/** Every council in the database, for the commands that act on one. */
export function listCouncils(db: Database) {
  return councils(db);
}

/** The id of the council's team with this name, if there is one. */
export async function teamIdByName(db: Database, councilId: string, name: string) {
  return (await teamByName(db, councilId, name))?.id;
}

/**
 * A worker of the council named by the email they sign in with or by their id; anything else that is not a UUID
 * finds nobody, rather than failing in the database.
 */
export function findWorker(db: Database, councilId: string, emailOrId: string) {
  const nobody = '00000000-0000-0000-0000-000000000000';
  return workerByIdOrEmail(
    db,
    councilId,
    emailOrId.includes('@')
      ? { email: emailOrId.toLowerCase() }
      : { id: /^[0-9a-f-]{36}$/i.test(emailOrId) ? emailOrId : nobody },
  );
}
