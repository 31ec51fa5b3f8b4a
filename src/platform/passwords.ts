import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password rules after the NCSC's guidance ("Password administration for system owners"): a minimum length,
 * a deny-list of common passwords, and no composition rules (no forced symbols or digits, no expiry).
 */
export const MINIMUM_PASSWORD_LENGTH = 12;

const commonPasswords = new Set(
  (dictionary['passwords-common'] as string[]).map((password) => password.toLowerCase()),
);

/** Why a new password is refused, in words for the person choosing it; undefined when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < MINIMUM_PASSWORD_LENGTH) {
    return `Password must be ${MINIMUM_PASSWORD_LENGTH} characters or more`;
  }
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower) || /^(.)\1+$/.test(password)) {
    return 'Password is too easy to guess because many people use it. Choose another';
  }
  if (email && lower.includes(email.toLowerCase().split('@')[0]!) && email.split('@')[0]!.length >= 4) {
    return 'Password must not contain your email address';
  }
  return undefined;
}

/** `Algorithm.Argon2id`, a const enum that type stripping cannot read. */
const ARGON2ID = 2 as Algorithm;

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum recommendation). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoyHash: Promise<string> | undefined;
/** Spends the time of a real check, so an unknown email cannot be told from a wrong password by timing. */
export async function spendPasswordCheckTime(password: string): Promise<void> {
  decoyHash ??= hashPassword('decoy password that matches nobody');
  await passwordMatches(await decoyHash, password);
}
