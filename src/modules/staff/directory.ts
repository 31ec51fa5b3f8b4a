import { Temporal } from 'temporal-polyfill';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Role } from '../../platform/permissions.ts';
import {
  currentMemberships,
  endMembership,
  insertTeamMembership,
  insertUser,
  insertWorker,
  removeMembership,
  setWorkerRole,
  teamsOf,
} from './queries.ts';

/**
 * A person's role and teams kept as the council's directory says (single sign-on, issue 22 part 7). These run
 * inside the caller's transaction, so a sign-in that provisions or changes someone writes all of it or nothing.
 */

export interface DirectoryPerson {
  councilId: string;
  email: string;
  issuer: string;
  subject: string;
  givenName: string;
  familyName: string;
  role: Role;
  today: string;
}

/** A worker and their sign-in made from the directory: no password, linked to the provider's subject. */
export async function provisionFromDirectory(trx: Database, person: DirectoryPerson) {
  const workerId = uuidv7();
  const userId = uuidv7();
  await insertWorker(trx, {
    council_id: person.councilId,
    id: workerId,
    given_name: person.givenName,
    family_name: person.familyName,
    role: person.role,
    started_on: person.today,
  });
  await insertUser(trx, {
    council_id: person.councilId,
    id: userId,
    worker_id: workerId,
    email: person.email,
    password_hash: null,
    oidc_issuer: person.issuer,
    oidc_subject: person.subject,
  });
  return { userId, workerId };
}

export interface DirectoryChange {
  role?: { was: string; now: Role };
  joined: string[];
  left: string[];
  /** Team names the mapping gives that the council has no team of. */
  unknownTeams: string[];
}

/**
 * Sets a worker's role and their membership of the teams the mapping names, from today. Memberships of teams the
 * mapping does not name are the administrator's and are left alone; a membership ended keeps its history (it
 * ends yesterday) unless it began today. A team manager manages the teams their groups put them in.
 */
export async function applyDirectoryAccess(
  trx: Database,
  worker: { councilId: string; workerId: string; role: string },
  access: { role: Role; teams: string[] },
  mappedTeams: string[],
  today: string,
): Promise<DirectoryChange> {
  const { councilId, workerId } = worker;
  const teams = await teamsOf(trx, councilId);
  const idOf = new Map(teams.map((team) => [team.name, team.id]));
  const nameOf = new Map(teams.map((team) => [team.id, team.name]));
  const managed = new Set(mappedTeams.flatMap((name) => idOf.get(name) ?? []));
  const wanted = new Set(access.teams.flatMap((name) => idOf.get(name) ?? []));
  const manages = access.role === 'team-manager';
  const memberships = await currentMemberships(trx, councilId, workerId, today);
  const change: DirectoryChange = {
    joined: [],
    left: [],
    unknownTeams: access.teams.filter((name) => !idOf.has(name)),
  };
  const yesterday = Temporal.PlainDate.from(today).subtract({ days: 1 }).toString();
  for (const membership of memberships) {
    if (!managed.has(membership.team_id)) continue;
    if (wanted.has(membership.team_id) && membership.manages === manages) {
      wanted.delete(membership.team_id);
      continue;
    }
    if (membership.from_date < today) await endMembership(trx, councilId, membership.id, yesterday);
    else await removeMembership(trx, councilId, membership.id);
    change.left.push(nameOf.get(membership.team_id)!);
  }
  for (const teamId of wanted) {
    await insertTeamMembership(trx, {
      council_id: councilId,
      id: uuidv7(),
      team_id: teamId,
      worker_id: workerId,
      manages,
      from_date: today,
    });
    change.joined.push(nameOf.get(teamId)!);
  }
  if (worker.role !== access.role) {
    await setWorkerRole(trx, councilId, workerId, access.role);
    change.role = { was: worker.role, now: access.role };
  }
  return change;
}
