import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/** Enabled accounts with what signing in checks: the password, the run of failures, the lock and the codes. */
function enabledUsers(db: Db) {
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
    .where('disabled_at', 'is', null);
}

/** The enabled account with this email (already trimmed and lower-cased). */
export function enabledUserByEmail(db: Db, email: string) {
  return enabledUsers(db).where('email', '=', email).executeTakeFirst();
}

/** The enabled account that gave its password a moment ago, for the code asked for next. */
export function enabledUserById(db: Db, user: { councilId: string; userId: string }) {
  return enabledUsers(db)
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
