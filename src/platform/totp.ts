import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time codes (RFC 6238) as authenticator apps make them: SHA-1, six digits, a new code every 30
 * seconds. A code is accepted in its own step or the step either side (NCSC and RFC 6238 §5.2 allow one step of
 * drift), and never in a step at or before the last one used, so a code seen over someone's shoulder cannot be
 * used again.
 */
export const TOTP_PERIOD_SECONDS = 30;
const WINDOW_STEPS = 1;

/** A new random secret (160 bits, as RFC 4226 recommends), in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'Hearth'): TOTP {
  return new TOTP({
    issuer: 'Hearth',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpAddress(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The step a moment falls in: the count of 30-second periods since 1970. */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The step of the code typed, if it is right for `now` give or take one step and later than `lastStep`;
 * undefined otherwise. Spaces and dashes people type between the digits are ignored.
 */
export function acceptedTotpStep(
  secret: string,
  typed: string,
  now: Date,
  lastStep: number | null,
): number | undefined {
  const code = typed.replaceAll(/[\s-]/g, '');
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: WINDOW_STEPS });
  if (delta === null) return undefined;
  const step = totpStep(now) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}

/** The code for `now`: for the tests, which type codes as a person would. */
export function totpCodeAt(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}
