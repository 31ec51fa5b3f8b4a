import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches, passwordProblem } from './passwords.ts';

describe('passwordProblem (NCSC: length and a deny-list, no composition rules)', () => {
  it.each([
    ['elevenchars', 'Password must be 12 characters or more'],
    ['qwerty123456', 'Password is too easy to guess because many people use it. Choose another'],
    ['QWERTY123456', 'Password is too easy to guess because many people use it. Choose another'],
    ['aaaaaaaaaaaaaaaa', 'Password is too easy to guess because many people use it. Choose another'],
  ])('refuses %s', (password, message) => {
    expect(passwordProblem(password)).toBe(message);
  });

  it.each(['correct horse battery staple', 'alllowercasebutlong', 'kettle-on-the-hob'])(
    'accepts %s without demanding digits or symbols',
    (password) => {
      expect(passwordProblem(password)).toBeUndefined();
    },
  );

  it('refuses a password built on the email address', () => {
    expect(passwordProblem('sam.jones2026!', 'sam.jones@council.example')).toBe(
      'Password must not contain your email address',
    );
  });
});

describe('password hashing', () => {
  it('stores argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await passwordMatches(stored, 'correct horse battery staple')).toBe(true);
    expect(await passwordMatches(stored, 'correct horse battery stable')).toBe(false);
    expect(await passwordMatches('not a hash', 'anything')).toBe(false);
  });
});
