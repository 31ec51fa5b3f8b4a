import type { Database } from '../../db/database.ts';
import type { Config } from '../../platform/config.ts';
import { appendAudit, type AuditSource } from '../../platform/audit.ts';
import { passwordMatches, spendPasswordCheckTime } from '../../platform/passwords.ts';
import { endSession, startSession } from '../../platform/sessions.ts';
import type { Actor } from '../../platform/actor.ts';
import { auditSource } from '../../platform/transactions.ts';
import { unseal } from '../../platform/sealing.ts';
import { acceptedTotpStep } from '../../platform/totp.ts';
import { deleteFormStash, enabledUserByEmail, enabledUserById, setSignInFailures } from './queries.ts';

/** After this many wrong passwords in a row the account is locked for LOCK_MINUTES (issue: 10 failures). */
export const FAILURES_BEFORE_LOCK = 10;
export const LOCK_MINUTES = 15;

export type SignInResult =
  | { signedIn: true; token: string; councilId: string; userId: string }
  /** The password was right and the person has set up one-time codes: a code is asked for next. */
  | { signedIn: false; codeNeeded: { councilId: string; userId: string } }
  | { signedIn: false };

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
  const user = await enabledUserByEmail(db, email, attempt.now);
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
  // Someone who signs in only through the council's provider has no password: none matches.
  const matches =
    locked || user.password_hash === null
      ? (await spendPasswordCheckTime(attempt.password), false)
      : await passwordMatches(user.password_hash, attempt.password);

  if (!matches) {
    await db.transaction().execute((trx) => countFailure(trx, account, source, user, 'wrong-password'));
    return { signedIn: false };
  }
  // The failures count on until the code is right too, so guessing codes locks the account as guessing passwords does.
  if (user.totp_enrolled_at !== null) return { signedIn: false, codeNeeded: account };

  return db.transaction().execute(async (trx) => {
    await setSignInFailures(trx, account, { failed_sign_ins: 0, locked_until: null });
    await appendAudit(trx, source, { action: 'user.signed-in', details: { method: 'password' } });
    const token = await startSession(trx, config, account, attempt.now);
    return { signedIn: true as const, token, councilId: user.council_id, userId: user.id };
  });
}

/**
 * The second step of a password sign-in: the code from the person's authenticator app. A wrong code counts as a
 * wrong password does (10 in a row lock the account), and a code is good for one sign-in only.
 */
export async function signInWithCode(
  db: Database,
  config: Config,
  attempt: { councilId: string; userId: string; code: string; ip: string; now: Date },
): Promise<SignInResult> {
  const account = { councilId: attempt.councilId, userId: attempt.userId };
  const user = await enabledUserById(db, account, attempt.now);
  if (!user?.totp_enrolled_at || !user.totp_secret) return { signedIn: false };
  const source = {
    councilId: user.council_id,
    userId: user.id,
    workerId: user.worker_id,
    ip: attempt.ip,
    route: 'POST /sign-in/code',
    now: attempt.now,
  };
  const locked = user.locked_until !== null && user.locked_until.getTime() > attempt.now.getTime();
  const secret = unseal(config.totpKey, 'totp-secret', user.totp_secret);
  const step =
    locked || !secret ? undefined : acceptedTotpStep(secret, attempt.code, attempt.now, user.totp_last_step);
  return db.transaction().execute(async (trx) => {
    if (step === undefined) {
      await countFailure(trx, account, source, user, 'wrong-code');
      return { signedIn: false as const };
    }
    await setSignInFailures(trx, account, { failed_sign_ins: 0, locked_until: null, totp_last_step: step });
    await appendAudit(trx, source, { action: 'user.signed-in', details: { method: 'password and code' } });
    const token = await startSession(trx, config, account, attempt.now);
    return { signedIn: true as const, token, ...account };
  });
}

/**
 * Counts a wrong password or code against the account, locking it at the tenth in a row, and audits the refusal.
 * While it is locked nothing more is counted.
 */
async function countFailure(
  trx: Database,
  account: { councilId: string; userId: string },
  source: AuditSource,
  user: { failed_sign_ins: number; locked_until: Date | null },
  reason: 'wrong-password' | 'wrong-code',
): Promise<void> {
  const now = source.now;
  const locked = user.locked_until !== null && user.locked_until.getTime() > now.getTime();
  const failures = locked ? user.failed_sign_ins : user.failed_sign_ins + 1;
  const lockNow = !locked && failures >= FAILURES_BEFORE_LOCK;
  await setSignInFailures(trx, account, {
    failed_sign_ins: lockNow ? 0 : failures,
    locked_until: lockNow ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : user.locked_until,
  });
  await appendAudit(trx, source, {
    action: 'user.sign-in.refused',
    outcome: 'refused',
    details: { reason: locked ? 'locked' : reason, ...(lockNow ? { locked: true } : {}) },
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
