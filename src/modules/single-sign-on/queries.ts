import type { Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

function accountsWithWorkers(db: Db) {
  return db
    .selectFrom('users as u')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
    )
    .select(['u.council_id', 'u.id', 'u.worker_id', 'u.email', 'u.disabled_at', 'u.oidc_subject', 'w.role']);
}

/** The account the provider's subject was linked to at an earlier sign-in, enabled or not. */
export function accountBySubject(db: Db, issuer: string, subject: string) {
  return accountsWithWorkers(db)
    .where('u.oidc_issuer', '=', issuer)
    .where('u.oidc_subject', '=', subject)
    .executeTakeFirst();
}

/** The account with this email (lower-cased), in any council, enabled or not. */
export function accountByEmail(db: Db, email: string) {
  return accountsWithWorkers(db).where('u.email', '=', email).executeTakeFirst();
}

/** Links an account to the provider's subject (its email is left as the administrator set it). */
export function linkAccount(
  db: Db,
  account: { councilId: string; userId: string },
  identity: { issuer: string; subject: string },
) {
  return db
    .updateTable('users')
    .set({ oidc_issuer: identity.issuer, oidc_subject: identity.subject })
    .where('council_id', '=', account.councilId)
    .where('id', '=', account.userId)
    .execute();
}
