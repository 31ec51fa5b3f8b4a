import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;
type Account = { councilId: string; userId: string };

/** Whether an account signs in with a password, and its one-time-code secret (sealed) and when it was set up. */
export function accountCodes(db: Db, account: Account) {
  return db
    .selectFrom('users')
    .select(['password_hash', 'totp_secret', 'totp_enrolled_at', 'totp_last_step'])
    .where('council_id', '=', account.councilId)
    .where('id', '=', account.userId)
    .executeTakeFirstOrThrow();
}

/**
 * Sets or clears an account's one-time codes: a new sealed secret not yet confirmed, a secret confirmed at an
 * instant with the step of the code that confirmed it, or nothing.
 */
export function setAccountCodes(
  db: Db,
  account: Account,
  codes: { totp_secret: string | null; totp_enrolled_at: Date | null; totp_last_step: number | null },
) {
  return db
    .updateTable('users')
    .set(codes)
    .where('council_id', '=', account.councilId)
    .where('id', '=', account.userId)
    .execute();
}

/** The account with this email (lower-cased), enabled or not, for an administrator's command. */
export function accountByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['council_id', 'id', 'totp_enrolled_at'])
    .where('email', '=', email)
    .executeTakeFirst();
}
