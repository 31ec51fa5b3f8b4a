import type { ExpressionBuilder, Insertable, Kysely } from 'kysely';
import type { Tables } from '../db/schema.ts';

type Db = Kysely<Tables>;

/** What Hearth needs of the person a request speaks for: their worker record's name and role, their sign-in. */
const personColumns = ['w.id as worker_id', 'w.role', 'w.given_name', 'w.family_name', 'u.email'] as const;

/**
 * An account signs in until the instant it is disabled from: a leaver's is set ahead to their leaving date
 * (issue 21), so it is compared with the request's time rather than only checked for null.
 */
export function enabledAt(now: Date) {
  return (eb: ExpressionBuilder<{ u: Tables['users'] }, 'u'>) =>
    eb.or([eb('u.disabled_at', 'is', null), eb('u.disabled_at', '>', now)]);
}

/** The person an API token speaks for: a user enabled now and their worker record. */
export function enabledPerson(db: Db, councilId: string, userId: string, now: Date) {
  return db
    .selectFrom('users as u')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
    )
    .select(['u.council_id', 'u.id as user_id', ...personColumns])
    .where(enabledAt(now))
    .where('u.council_id', '=', councilId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

export function insertSession(db: Db, session: Insertable<Tables['sessions']>) {
  return db.insertInto('sessions').values(session).execute();
}

/**
 * A session by its stored id (the HMAC of the cookie's token), ended or not, with the enabled person it speaks for
 * (their columns null when the user is disabled or gone): one query per request (issue 23 part 2).
 */
export function sessionWithPerson(db: Db, id: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .leftJoin('users as u', (join) =>
      join.onRef('u.council_id', '=', 's.council_id').onRef('u.id', '=', 's.user_id').on(enabledAt(now)),
    )
    .leftJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
    )
    .select(['s.council_id', 's.user_id', 's.csrf_token', 's.created_at', 's.last_seen_at', 's.ended_at'])
    .select(personColumns)
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export function markSessionEnded(db: Db, id: string, now: Date) {
  return db.updateTable('sessions').set({ ended_at: now }).where('id', '=', id).execute();
}

/** Records that the session was used, for idle expiry. */
export function markSessionSeen(db: Db, id: string, now: Date) {
  return db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

/** An API token that has not been revoked, by the hash it is stored as. */
export function liveApiToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .select(['council_id', 'user_id', 'id'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function markApiTokenUsed(db: Db, id: string, now: Date) {
  return db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** Keeps what a visitor typed into a form when their session ended, until they sign in again. */
export function insertFormStash(db: Db, stash: Insertable<Tables['form_stashes']>) {
  return db.insertInto('form_stashes').values(stash).execute();
}
