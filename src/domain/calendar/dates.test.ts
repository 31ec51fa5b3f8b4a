import { describe, expect, it } from 'vitest';
import { formatDay, InvalidDateError, parseIsoDate } from './dates.ts';

describe('parseIsoDate', () => {
  it.each([
    ['2024-02-29', '2024-02-29'], // leap day
    ['2025-12-31', '2025-12-31'],
  ])('reads %s', (text, expected) => {
    expect(parseIsoDate(text).toString()).toBe(expected);
  });

  it.each([
    ['2025-02-29', 'Feb 2025 has 28 days'], // no leap day in 2025
    ['2025-02-30', 'Feb 2025 has 28 days'],
    ['2025-04-31', 'Apr 2025 has 30 days'],
    ['2025-13-01', 'the month must be from 01 to 12'],
    ['2025-00-10', 'the month must be from 01 to 12'],
    ['2025-01-00', 'the day must be 01 or more'],
    ['2025-1-01', 'write dates as YYYY-MM-DD'],
    ['01/02/2025', 'write dates as YYYY-MM-DD'],
    ['2025-01-01T00:00', 'write dates as YYYY-MM-DD'],
    [' 2025-01-01', 'write dates as YYYY-MM-DD'],
  ])('refuses %s: %s', (text, why) => {
    expect(() => parseIsoDate(text)).toThrow(InvalidDateError);
    expect(() => parseIsoDate(text)).toThrow(`${JSON.stringify(text)} is not a date: ${why}.`);
  });
});

describe('formatDay', () => {
  it.each([
    ['2025-04-17', 'Thu 17 Apr 2025'],
    ['2024-02-29', 'Thu 29 Feb 2024'],
    ['2023-05-08', 'Mon 8 May 2023'],
    ['2022-01-02', 'Sun 2 Jan 2022'],
  ])('writes %s as %s', (text, expected) => {
    expect(formatDay(parseIsoDate(text))).toBe(expected);
  });
});
