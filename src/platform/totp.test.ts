import { describe, expect, it } from 'vitest';
import { acceptedTotpStep, newTotpSecret, totpAddress, totpCodeAt, totpStep } from './totp.ts';

// RFC 6238 appendix B's SHA-1 secret ("12345678901234567890") in base32, and its published codes (last 6 digits).
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (seconds: number) => new Date(seconds * 1000);

describe('one-time codes', () => {
  it.each([
    { seconds: 59, code: '287082' },
    { seconds: 1111111109, code: '081804' },
    { seconds: 1234567890, code: '005924' },
    { seconds: 2000000000, code: '279037' },
  ])('makes RFC 6238’s code $code at $seconds s', ({ seconds, code }) => {
    expect(totpCodeAt(rfcSecret, at(seconds))).toBe(code);
  });

  const issued = at(1_800_000_000); // the first second of a step
  const code = totpCodeAt(rfcSecret, issued);
  const step = totpStep(issued);

  it.each([
    { when: 'in its own step', offset: 0, accepted: step },
    { when: 'at the last second of its step', offset: 29, accepted: step },
    { when: 'one step late (clock drift)', offset: 30, accepted: step },
    { when: 'almost two steps late', offset: 59, accepted: step },
    { when: 'one step early', offset: -1, accepted: step },
    { when: 'two steps late', offset: 60, accepted: undefined },
    { when: 'two steps early', offset: -31, accepted: undefined },
  ])('accepts a code $when: $accepted', ({ offset, accepted }) => {
    expect(acceptedTotpStep(rfcSecret, code, new Date(issued.getTime() + offset * 1000), null)).toBe(
      accepted,
    );
  });

  it('refuses a code of a step already used, or of one before it', () => {
    expect(acceptedTotpStep(rfcSecret, code, issued, step - 1)).toBe(step);
    expect(acceptedTotpStep(rfcSecret, code, issued, step)).toBeUndefined();
    expect(acceptedTotpStep(rfcSecret, code, issued, step + 1)).toBeUndefined();
  });

  it('ignores spaces and dashes, and refuses what is not six digits', () => {
    expect(acceptedTotpStep(rfcSecret, `${code.slice(0, 3)} ${code.slice(3)}`, issued, null)).toBe(step);
    expect(acceptedTotpStep(rfcSecret, `${code.slice(0, 3)}-${code.slice(3)}`, issued, null)).toBe(step);
    expect(acceptedTotpStep(rfcSecret, code.slice(1), issued, null)).toBeUndefined();
    expect(acceptedTotpStep(rfcSecret, `${code}0`, issued, null)).toBeUndefined();
    expect(acceptedTotpStep(rfcSecret, 'abcdef', issued, null)).toBeUndefined();
  });

  it('makes a new 160-bit secret each time, and an address an authenticator app reads', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    expect(totpAddress(secret, 'sam@council.example')).toBe(
      `otpauth://totp/Hearth:sam%40council.example?issuer=Hearth&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
