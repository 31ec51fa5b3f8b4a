import { describe, expect, it } from 'vitest';
import { dateOrderProblems, periodsOverlap } from './order.ts';

describe('dateOrderProblems', () => {
  it.each([
    ['the conference after the strategy discussion', '2025-04-22', '2025-04-17', []],
    ['the conference on the day of the strategy discussion', '2025-04-17', '2025-04-17', []],
    ['the conference the day before the strategy discussion', '2025-04-16', '2025-04-17', ['heldOn']],
    ['across the year end', '2024-12-31', '2025-01-01', ['heldOn']],
    ['29 February after 28 February', '2024-02-29', '2024-02-28', []],
    ['nothing to compare with', '2025-04-16', null, []],
  ])('%s', (_name, date, notBefore, paths) => {
    const problems = dateOrderProblems([{ path: 'heldOn', date, notBefore, message: 'too early' }]);
    expect(problems.map((problem) => problem.path)).toEqual(paths);
  });
});

describe('periodsOverlap', () => {
  it.each([
    [
      'separate periods',
      { start: '2024-01-01', end: '2024-03-31' },
      { start: '2024-04-01', end: null },
      false,
    ],
    [
      'sharing the last day',
      { start: '2024-01-01', end: '2024-03-31' },
      { start: '2024-03-31', end: null },
      true,
    ],
    [
      'one inside the other',
      { start: '2024-01-01', end: '2024-12-31' },
      { start: '2024-06-01', end: '2024-06-30' },
      true,
    ],
    [
      'an open period and a later one',
      { start: '2024-01-01', end: null },
      { start: '2030-01-01', end: '2030-02-01' },
      true,
    ],
    [
      'a later period before an earlier one',
      { start: '2024-05-01', end: null },
      { start: '2023-01-01', end: '2024-04-30' },
      false,
    ],
  ])('%s', (_name, first, second, expected) => {
    expect(periodsOverlap(first, second)).toBe(expected);
    expect(periodsOverlap(second, first)).toBe(expected);
  });
});
