import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import { ValidationError } from '../../platform/errors.ts';
import { seal, unseal } from '../../platform/sealing.ts';
import { acceptedTotpStep, newTotpSecret, totpAddress } from '../../platform/totp.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { accountByEmail, accountCodes, setAccountCodes } from './queries.ts';

/** Sign-in codes for a person: on (since when), or off, and whether they sign in with a password at all. */
export async function signInCodesOf(db: Database, actor: Actor) {
  const codes = await accountCodes(db, actor);
  return { usesPassword: codes.password_hash !== null, setUpAt: codes.totp_enrolled_at };
}

/**
 * Starts setting up sign-in codes: a new secret, kept sealed and not yet asked for at sign-in. The secret is
 * returned to be shown this once, as a QR code and as text; after the first right code it is never shown again.
 */
export async function startSettingUpCodes(db: Database, config: Config, actor: Actor) {
  const codes = await accountCodes(db, actor);
  if (codes.totp_enrolled_at)
    throw new ValidationError([{ path: 'code', message: 'Sign-in codes are already on' }]);
  const secret = newTotpSecret();
  await setAccountCodes(db, actor, {
    totp_secret: seal(config.totpKey, 'totp-secret', secret),
    totp_enrolled_at: null,
    totp_last_step: null,
  });
  return { secret, address: totpAddress(secret, actor.email) };
}

/** The secret being set up, to show again beside a wrong first code; none once set up or not started. */
export async function secretBeingSetUp(db: Database, config: Config, actor: Actor) {
  const codes = await accountCodes(db, actor);
  if (codes.totp_enrolled_at || !codes.totp_secret) return undefined;
  const secret = unseal(config.totpKey, 'totp-secret', codes.totp_secret);
  return secret ? { secret, address: totpAddress(secret, actor.email) } : undefined;
}

/** Turns sign-in codes on once the person has typed a right code from their app. */
export async function confirmCodes(db: Database, config: Config, actor: Actor, code: string): Promise<void> {
  await withTransaction(db, actor, async (trx) => {
    const codes = await accountCodes(trx, actor);
    const secret = codes.totp_secret && unseal(config.totpKey, 'totp-secret', codes.totp_secret);
    const step =
      secret && !codes.totp_enrolled_at ? acceptedTotpStep(secret, code, actor.now, null) : undefined;
    if (step === undefined) throw wrongCode(code);
    await setAccountCodes(trx, actor, {
      totp_secret: codes.totp_secret,
      totp_enrolled_at: actor.now,
      totp_last_step: step,
    });
    await appendAudit(trx, auditSource(actor), { action: 'user.sign-in-code.set-up' });
  });
}

/**
 * Turns sign-in codes off, with a right code, so someone at an unlocked screen cannot do it alone. Codes that are
 * not on are left as they are.
 */
export async function removeCodes(db: Database, config: Config, actor: Actor, code: string): Promise<void> {
  await withTransaction(db, actor, async (trx) => {
    const codes = await accountCodes(trx, actor);
    if (!codes.totp_enrolled_at) return;
    const secret = codes.totp_secret && unseal(config.totpKey, 'totp-secret', codes.totp_secret);
    const step = secret ? acceptedTotpStep(secret, code, actor.now, codes.totp_last_step) : undefined;
    if (step === undefined) throw wrongCode(code);
    await setAccountCodes(trx, actor, { totp_secret: null, totp_enrolled_at: null, totp_last_step: null });
    await appendAudit(trx, auditSource(actor), { action: 'user.sign-in-code.removed' });
  });
}

/**
 * For someone who has lost their authenticator app: an administrator turns their codes off from the command line
 * (`hearth user remove-codes`), so their password alone signs them in until they set codes up again.
 */
export async function removeCodesFor(db: Database, request: { email: string; now: Date }): Promise<boolean> {
  const account = await accountByEmail(db, request.email.trim().toLowerCase());
  if (!account)
    throw new ValidationError([
      { path: 'email', message: `There is no user with the email ${request.email}` },
    ]);
  if (!account.totp_enrolled_at) return false;
  await db.transaction().execute(async (trx) => {
    const owner = { councilId: account.council_id, userId: account.id };
    await setAccountCodes(trx, owner, { totp_secret: null, totp_enrolled_at: null, totp_last_step: null });
    await appendAudit(
      trx,
      { councilId: account.council_id, route: 'hearth (command line)', now: request.now },
      {
        action: 'user.sign-in-code.removed',
        details: { userId: account.id, by: 'administrator' },
      },
    );
  });
  return true;
}

function wrongCode(code: string): ValidationError {
  return new ValidationError([
    {
      path: 'code',
      message: code.trim()
        ? 'Enter the code your authenticator app shows now'
        : 'Enter the code from your authenticator app',
    },
  ]);
}
