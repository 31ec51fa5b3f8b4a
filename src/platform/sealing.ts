import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) for what Hearth must keep or hand out but nobody may read or alter: the
 * state of a sign-in in progress, carried in a cookie, and each person's one-time-code secret in the database.
 * Each purpose has its own key, derived (HKDF-SHA256) from a secret that is not in the database, so a value sealed
 * for one purpose cannot be replayed as another.
 */
export type SealPurpose = 'oidc-sign-in' | 'second-step' | 'totp-secret';

function keyFor(secret: string, purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'hearth', purpose, 32));
}

/** `iv.tag.ciphertext`, base64url: safe in a cookie or a text column. */
export function seal(secret: string, purpose: SealPurpose, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
}

/** The text sealed, or undefined when the value was altered, sealed for another purpose or under another key. */
export function unseal(secret: string, purpose: SealPurpose, sealed: string): string | undefined {
  const [iv, tag, body, extra] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body || extra || iv.length !== 12 || tag.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** A sealed JSON value that stops being accepted at `expiresAt` (for cookies of a sign-in in progress). */
export function sealUntil(secret: string, purpose: SealPurpose, value: object, expiresAt: Date): string {
  return seal(secret, purpose, JSON.stringify({ value, expiresAt: expiresAt.getTime() }));
}

export function unsealUntil<T>(
  secret: string,
  purpose: SealPurpose,
  sealed: string | undefined,
  now: Date,
): T | undefined {
  const text = sealed ? unseal(secret, purpose, sealed) : undefined;
  if (!text) return undefined;
  const parsed = JSON.parse(text) as { value: T; expiresAt: number };
  return parsed.expiresAt > now.getTime() ? parsed.value : undefined;
}
