import { describe, expect, it } from 'vitest';
import { shownValue, ukDate, sentence } from './views.ts';

describe('values as a person reads them', () => {
  it.each([
    ['2026-12-07', '7 December 2026'],
    ['2024-02-29', '29 February 2024'],
    [true, 'yes'],
    [false, 'no'],
    [null, 'not recorded'],
    ['', 'not recorded'],
    [['N1', 'N2'], 'N1, N2'],
    ['Reid-Okoro', 'Reid-Okoro'],
    ['2026-12-07 and more', '2026-12-07 and more'],
  ])('%j is shown as %s', (value, shown) => {
    expect(shownValue(value)).toBe(shown);
  });

  it('writes a calendar date the GOV.UK way', () => {
    expect(ukDate('2026-01-05')).toBe('5 January 2026');
  });
});

describe('a sentence', () => {
  it('begins with a capital and keeps the capitals of the words after, such as a month', () => {
    expect(sentence('returned 2 February 2025')).toBe('Returned 2 February 2025');
    expect(sentence('')).toBe('');
    expect(sentence(null)).toBe('');
  });
});
