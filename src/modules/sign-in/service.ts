import type { Database } from '../../db/database.ts';
import type { Config } from '../../platform/config.ts';
import { appendAudit } from '../../platform/audit.ts';
import { passwordMatches, spendPasswordCheckTime } from '../../platform/passwords.ts';
import { endSession, startSession } from '../../platform/sessions.ts';
import type { Actor } from '../../platform/actor.ts';
import { auditSource } from '../../platform/transactions.ts';
import { deleteFormStash, enabledUserByEmail, setSignInFailures } from './queries.ts';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES (issue: 10 failures). */
export const FAILURES_BEFORE_LOCK = 10;
export const LOCK_MINUTES = 15;

export type SignInResult =
  { signedIn: true; token: string; councilId: string; userId: string } | { signedIn: false };

/**
 * Signs a person in by email and password. A wrong password, an unknown email and a locked account give the
 * same answer, in the same time, so the form reveals nothing about who has an account.
 */
export async function signIn(
  db: Database,
  config: Config,
  attempt: { email: string; password: string; ip: string; now: Date },
): Promise<SignInResult> {
  const email = attempt.email.trim().toLowerCase();
  const user = await enabledUserByEmail(db, email);
  if (!user) {
    await spendPasswordCheckTime(attempt.password);
    return { signedIn: false };
  }
  const account = { councilId: user.council_id, userId: user.id };
  const source = {
    councilId: user.council_id,
    userId: user.id,
    workerId: user.worker_id,
    ip: attempt.ip,
    route: 'POST /sign-in',
    now: attempt.now,
  };
  const locked = user.locked_until !== null && user.locked_until.getTime() > attempt.now.getTime();
  const matches = locked
    ? (await spendPasswordCheckTime(attempt.password), false)
    : await passwordMatches(user.password_hash, attempt.password);

  if (!matches) {
    const failures = locked ? user.failed_sign_ins : user.failed_sign_ins + 1;
    const lockNow = !locked && failures >= FAILURES_BEFORE_LOCK;
    await db.transaction().execute(async (trx) => {
      await setSignInFailures(trx, account, {
        failed_sign_ins: lockNow ? 0 : failures,
        locked_until: lockNow ? new Date(attempt.now.getTime() + LOCK_MINUTES * 60_000) : user.locked_until,
      });
      await appendAudit(trx, source, {
        action: 'user.sign-in.refused',
        outcome: 'refused',
        details: { reason: locked ? 'locked' : 'wrong-password', ...(lockNow ? { locked: true } : {}) },
      });
    });
    return { signedIn: false };
  }

  return db.transaction().execute(async (trx) => {
    await setSignInFailures(trx, account, { failed_sign_ins: 0, locked_until: null });
    await appendAudit(trx, source, { action: 'user.signed-in' });
    const token = await startSession(trx, config, account, attempt.now);
    return { signedIn: true as const, token, councilId: user.council_id, userId: user.id };
  });
}

export async function signOut(db: Database, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (actor.sessionId) await endSession(trx, actor.sessionId, actor.now);
    await appendAudit(trx, auditSource(actor), { action: 'user.signed-out' });
  });
}

/**
 * The fields a person had typed when their session ended, if the stash is theirs. It is removed as it is
 * returned: it is a convenience, not a record.
 */
export async function takeFormStash(
  db: Database,
  owner: { councilId: string; userId: string },
  stashId: string,
): Promise<{ returnTo: string; fields: Record<string, unknown> } | undefined> {
  const stash = await deleteFormStash(db, owner, stashId);
  return stash ? { returnTo: stash.return_to, fields: stash.fields } : undefined;
}
