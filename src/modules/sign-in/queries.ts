import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/**
 * Accounts enabled now, with what signing in checks: the password, the run of failures, the lock and the codes.
 * A leaver's account is disabled from their leaving date, which may be ahead (issue 21).
 */
function enabledUsers(db: Db, now: Date) {
  return db
    .selectFrom('users')
    .select([
      'council_id',
      'id',
      'worker_id',
      'password_hash',
      'failed_sign_ins',
      'locked_until',
      'totp_secret',
      'totp_enrolled_at',
      'totp_last_step',
    ])
    .where((eb) => eb.or([eb('disabled_at', 'is', null), eb('disabled_at', '>', now)]));
}

/** The enabled account with this email (already trimmed and lower-cased). */
export function enabledUserByEmail(db: Db, email: string, now: Date) {
  return enabledUsers(db, now).where('email', '=', email).executeTakeFirst();
}

/** The enabled account that gave its password a moment ago, for the code asked for next. */
export function enabledUserById(db: Db, user: { councilId: string; userId: string }, now: Date) {
  return enabledUsers(db, now)
    .where('council_id', '=', user.councilId)
    .where('id', '=', user.userId)
    .executeTakeFirst();
}

/**
 * Sets an account's count of wrong passwords and codes in a row, the time it is locked until (null: not locked)
 * and, after a right code, that code's step, so it cannot be used again.
 */
export function setSignInFailures(
  db: Db,
  user: { councilId: string; userId: string },
  failures: { failed_sign_ins: number; locked_until: Date | null; totp_last_step?: number },
) {
  return db
    .updateTable('users')
    .set(failures)
    .where('council_id', '=', user.councilId)
    .where('id', '=', user.userId)
    .execute();
}

/** Removes a form stash of this owner and returns it, or nothing when it is not theirs or already taken. */
export function deleteFormStash(db: Db, owner: { councilId: string; userId: string }, stashId: string) {
  return db
    .deleteFrom('form_stashes')
    .where('id', '=', stashId)
    .where('council_id', '=', owner.councilId)
    .where('user_id', '=', owner.userId)
    .returning(['return_to', 'fields'])
    .executeTakeFirst();
}
