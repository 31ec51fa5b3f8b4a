import type { Insertable, Kysely } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

export function insertTeam(db: Db, team: Insertable<Tables['teams']>) {
  return db.insertInto('teams').values(team).execute();
}

export function insertWorker(db: Db, worker: Insertable<Tables['workers']>) {
  return db.insertInto('workers').values(worker).execute();
}

/** A sign-in: the account of a worker. */
export function insertUser(db: Db, user: Insertable<Tables['users']>) {
  return db.insertInto('users').values(user).execute();
}

export function insertTeamMembership(db: Db, membership: Insertable<Tables['team_memberships']>) {
  return db.insertInto('team_memberships').values(membership).execute();
}

/** The account with this email (trimmed and lower-cased by the caller), enabled or not. */
export function userByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['council_id', 'id']).where('email', '=', email).executeTakeFirst();
}

/** Every account with its worker's name and role, of one council or of all, by role then email. */
export function usersWithWorkers(db: Db, councilId?: string) {
  let query = db
    .selectFrom('users as u')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
    )
    .select([
      'u.council_id',
      'u.email',
      'w.id as worker_id',
      'w.given_name',
      'w.family_name',
      'w.role',
      'u.locked_until',
    ])
    .orderBy('w.role')
    .orderBy('u.email');
  if (councilId) query = query.where('u.council_id', '=', councilId);
  return query.execute();
}

/** Every team membership current on `today`, in every council, with the team's name. */
export function teamMembershipsOn(db: Db, today: string) {
  return db
    .selectFrom('team_memberships as m')
    .innerJoin('teams as t', (join) =>
      join.onRef('t.council_id', '=', 'm.council_id').onRef('t.id', '=', 'm.team_id'),
    )
    .select(['m.council_id', 'm.worker_id', 't.name'])
    .where(currentOn('m', today))
    .execute();
}

/** An API token: only the hash of the token is stored. */
export function insertApiToken(db: Db, token: Insertable<Tables['api_tokens']>) {
  return db.insertInto('api_tokens').values(token).execute();
}

/** Revokes a user's live tokens of this name; returns the ids revoked. */
export function revokeApiTokensNamed(
  db: Db,
  user: { councilId: string; userId: string },
  name: string,
  now: Date,
) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('council_id', '=', user.councilId)
    .where('user_id', '=', user.userId)
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
}

/** Every council in the database, for commands that act on one. */
export function councils(db: Db) {
  return db.selectFrom('councils').select(['id', 'name']).execute();
}

export function teamByName(db: Db, councilId: string, name: string) {
  return db
    .selectFrom('teams')
    .select('id')
    .where('council_id', '=', councilId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** A worker of the council by their id, or by the email they sign in with (lower-cased by the caller). */
export function workerByIdOrEmail(db: Db, councilId: string, worker: { id: string } | { email: string }) {
  return db
    .selectFrom('workers as w')
    .leftJoin('users as u', (join) =>
      join.onRef('u.council_id', '=', 'w.council_id').onRef('u.worker_id', '=', 'w.id'),
    )
    .select(['w.id', 'w.given_name', 'w.family_name'])
    .where('w.council_id', '=', councilId)
    .where((eb) => ('email' in worker ? eb('u.email', '=', worker.email) : eb('w.id', '=', worker.id)))
    .executeTakeFirst();
}
