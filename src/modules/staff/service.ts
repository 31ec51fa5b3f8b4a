import { Temporal } from 'temporal-polyfill';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { londonDate, type Actor } from '../../platform/actor.ts';
import { appendAudit, type AuditSource } from '../../platform/audit.ts';
import { NotFound, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { hashPassword, passwordProblem } from '../../platform/passwords.ts';
import { isRole, type Role } from '../../platform/permissions.ts';
import { apiTokenHash, newApiToken } from '../../platform/sessions.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import {
  councils,
  currentMemberships,
  endMembership,
  endSessionsOf,
  insertApiToken,
  insertTeam,
  insertTeamMembership,
  insertUser,
  insertWorker,
  removeMembership,
  revokeApiTokensNamed,
  setUserDisabled,
  setWorkerRegistration,
  setWorkerRole,
  teamByName,
  teamMembershipsOn,
  teamsOf,
  userByEmail,
  userWithWorker,
  usersWithWorkers,
  workerByIdOrEmail,
  workerWithRegistration,
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
  /** Who is adding them: the command line when not given. */
  source?: AuditSource;
}

/** Adds a worker and their sign-in, and their team membership from today. */
export async function addUser(db: Database, user: NewUser): Promise<{ userId: string; workerId: string }> {
  const email = user.email.trim().toLowerCase();
  // In the order the form asks, so the error summary reads as the page does.
  const problems: FieldProblem[] = [];
  if (!user.givenName.trim()) problems.push({ path: 'givenName', message: 'Enter the given name' });
  if (!user.familyName.trim()) problems.push({ path: 'familyName', message: 'Enter the family name' });
  if (!email) {
    problems.push({ path: 'email', message: 'Enter the email address they will sign in with' });
  } else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    problems.push({
      path: 'email',
      message: 'Enter an email address in the correct format, like name@example.com',
    });
  }
  if (!isRole(user.role)) {
    problems.push({
      path: 'role',
      message: user.role ? `Choose a role: ${user.role} is not one` : 'Choose the person’s role',
    });
  }
  const weak = passwordProblem(user.password, email);
  if (weak) problems.push({ path: 'password', message: weak });
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
    await appendAudit(trx, user.source ?? systemSource(user.councilId, user.now), {
      action: 'user.created',
      details: { userId, email, role: user.role },
    });
  });
  return { userId, workerId };
}

export interface UserListing {
  councilId: string;
  userId: string;
  email: string;
  name: string;
  role: string;
  teams: string[];
  locked: boolean;
  disabled: boolean;
}

/** Every sign-in, with its role and current teams, for `hearth user list` and the staff page. */
export async function listUsers(db: Database, options: { councilId?: string; today: string; now: Date }) {
  const users = await usersWithWorkers(db, options.councilId);
  const memberships = await teamMembershipsOn(db, options.today);
  return users.map((user): UserListing => ({
    councilId: user.council_id,
    userId: user.user_id,
    email: user.email,
    name: `${user.given_name} ${user.family_name}`,
    role: user.role,
    teams: memberships
      .filter(
        (membership) => membership.council_id === user.council_id && membership.worker_id === user.worker_id,
      )
      .map((membership) => membership.name),
    locked: user.locked_until !== null && user.locked_until.getTime() > options.now.getTime(),
    // A leaver's sign-in is disabled ahead, from their leaving date (issue 21): until then it is enabled.
    disabled: user.disabled_at !== null && user.disabled_at.getTime() <= options.now.getTime(),
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

/** The council's teams, for choosing a person's team. */
export function councilTeams(db: Database, councilId: string) {
  return teamsOf(db, councilId);
}

/** One person who can sign in, with their current team, for the administrator's change page. */
export async function userToChange(db: Database, councilId: string, userId: string, today: string) {
  const user = await userWithWorker(db, councilId, userId);
  if (!user) throw new NotFound();
  const memberships = await currentMemberships(db, councilId, user.worker_id, today);
  return {
    userId: user.user_id,
    email: user.email,
    name: `${user.given_name} ${user.family_name}`,
    role: user.role,
    teamId: memberships[0]?.team_id ?? '',
    manages: memberships[0]?.manages ?? false,
    disabled: user.disabled_at !== null && londonDate(user.disabled_at) <= today,
    registration: user.social_work_england_number ?? '',
  };
}

/**
 * A social worker's Social Work England registration number (SW followed by digits, as the SSDA903 return's
 * SW_ID asks), or none when left blank. Two people cannot share one.
 */
export async function setRegistration(db: Database, actor: Actor, userId: string, typed: string) {
  const number = typed.replaceAll(/\s/g, '').toUpperCase() || null;
  if (number !== null && !/^SW\d{1,10}$/.test(number))
    throw new ValidationError([
      {
        path: 'registration',
        message: 'Enter the registration number as SW followed by its digits, for example SW123456',
      },
    ]);
  await withTransaction(db, actor, async (trx) => {
    const user = await userWithWorker(trx, actor.councilId, userId);
    if (!user) throw new NotFound();
    if (number !== null && (await workerWithRegistration(trx, actor.councilId, number, user.worker_id)))
      throw new ValidationError([
        { path: 'registration', message: 'Someone else already has this registration number' },
      ]);
    await setWorkerRegistration(trx, actor.councilId, user.worker_id, number);
    await appendAudit(trx, auditSource(actor), {
      action: 'worker.registration-changed',
      details: { workerId: user.worker_id, registration: number },
    });
  });
}

export interface UserChange {
  role: string;
  /** The team from today, or '' for none. */
  teamId: string;
  manages: boolean;
}

/**
 * Changes a person's role and team from today. The old membership ends yesterday and is kept, so the caseload
 * and access of past days read as they were; a membership begun today never held on its own and is replaced.
 */
export async function changeUser(db: Database, actor: Actor, userId: string, change: UserChange) {
  if (!isRole(change.role))
    throw new ValidationError([{ path: 'role', message: 'Choose the person’s role' }]);
  if (userId === actor.userId && change.role !== actor.role) {
    throw new ValidationError([
      { path: 'role', message: 'You cannot change your own role: ask another administrator' },
    ]);
  }
  await withTransaction(db, actor, async (trx) => {
    const user = await userWithWorker(trx, actor.councilId, userId);
    if (!user) throw new NotFound();
    const teams = await teamsOf(trx, actor.councilId);
    if (change.teamId && !teams.some((team) => team.id === change.teamId)) {
      throw new ValidationError([{ path: 'teamId', message: 'Choose one of the council’s teams' }]);
    }
    const memberships = await currentMemberships(trx, actor.councilId, user.worker_id, actor.today);
    const sameTeam =
      memberships.length === (change.teamId ? 1 : 0) &&
      memberships.every((m) => m.team_id === change.teamId && m.manages === change.manages);
    if (!sameTeam) {
      const yesterday = Temporal.PlainDate.from(actor.today).subtract({ days: 1 }).toString();
      for (const membership of memberships) {
        if (membership.from_date < actor.today) {
          await endMembership(trx, actor.councilId, membership.id, yesterday);
        } else await removeMembership(trx, actor.councilId, membership.id);
      }
      if (change.teamId) {
        await insertTeamMembership(trx, {
          council_id: actor.councilId,
          id: uuidv7(),
          team_id: change.teamId,
          worker_id: user.worker_id,
          manages: change.manages,
          from_date: actor.today,
        });
      }
    }
    if (user.role !== change.role) await setWorkerRole(trx, actor.councilId, user.worker_id, change.role);
    await appendAudit(trx, auditSource(actor), {
      action: 'user.changed',
      details: {
        userId,
        role: { was: user.role, now: change.role },
        team: { was: memberships.map((m) => m.team_id), now: change.teamId || null },
        manages: change.manages,
      },
    });
  });
}

/**
 * Disables a sign-in: the person can no longer sign in, their open sessions end at once and their API tokens are
 * refused (a token speaks only for an enabled user). Their worker record, caseload and history stay.
 */
export async function disableUser(db: Database, actor: Actor, userId: string) {
  if (userId === actor.userId) {
    throw new ValidationError([{ path: 'user', message: 'You cannot disable your own sign-in' }]);
  }
  return withTransaction(db, actor, async (trx) => {
    const user = await userWithWorker(trx, actor.councilId, userId);
    if (!user) throw new NotFound();
    await setUserDisabled(trx, actor.councilId, userId, actor.now);
    const sessionsEnded = await endSessionsOf(trx, actor.councilId, userId, actor.now);
    await appendAudit(trx, auditSource(actor), {
      action: 'user.disabled',
      details: { userId, email: user.email, sessionsEnded },
    });
    return sessionsEnded;
  });
}

/** Lets a disabled person sign in again (with the password they had). */
export async function enableUser(db: Database, actor: Actor, userId: string) {
  await withTransaction(db, actor, async (trx) => {
    const user = await userWithWorker(trx, actor.councilId, userId);
    if (!user) throw new NotFound();
    await setUserDisabled(trx, actor.councilId, userId, null);
    await appendAudit(trx, auditSource(actor), {
      action: 'user.enabled',
      details: { userId, email: user.email },
    });
  });
}
