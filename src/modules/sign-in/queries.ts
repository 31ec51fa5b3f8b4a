import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/** The enabled account with this email (already trimmed and lower-cased), with its sign-in failures and lock. */
export function enabledUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select([
      'council_id',
      'id',
      'worker_id',
      'password_hash',
      'failed_sign_ins',
      'locked_until',
      'totp_enrolled_at',
    ])
    .where('email', '=', email)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Sets an account's count of wrong passwords in a row and the time it is locked until (null: not locked). */
export function setSignInFailures(
  db: Db,
  user: { councilId: string; userId: string },
  failures: { failed_sign_ins: number; locked_until: Date | null },
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

/** An enabled account with its sealed one-time-code secret, for the code asked for after the password. */
export function enabledUserWithCode(db: Db, user: { councilId: string; userId: string }) {
  return db
    .selectFrom('users')
    .select([
      'council_id',
      'id',
      'worker_id',
      'failed_sign_ins',
      'locked_until',
      'totp_secret',
      'totp_enrolled_at',
      'totp_last_step',
    ])
    .where('council_id', '=', user.councilId)
    .where('id', '=', user.userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Marks a one-time code's step as used, so the same code cannot sign anyone in again. */
export function setLastCodeStep(db: Db, user: { councilId: string; userId: string }, step: number) {
  return db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('council_id', '=', user.councilId)
    .where('id', '=', user.userId)
    .execute();
}
