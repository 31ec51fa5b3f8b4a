import { describe, expect, it } from 'vitest';
import { dayBefore, disestablishProblems, fteProblems } from './establishment.ts';

describe('a post’s full-time equivalent', () => {
  it.each([
    [1, null],
    [0.5, null],
    [0.75, null],
    [0.01, null],
    [0, 'more than 0'],
    [1.2, 'no more than 1'],
    [0.755, 'two decimal places'],
  ])('%s → %s', (fte, problem) => {
    const problems = fteProblems(fte);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems[0]!.message).toContain(problem);
  });
});

describe('disestablishing a post', () => {
  it.each([
    ['on the day it was established', { fromDate: '2025-04-01', toDate: null }, '2025-04-01', null],
    ['a year on', { fromDate: '2025-04-01', toDate: null }, '2026-03-31', null],
    ['before it was established', { fromDate: '2025-04-01', toDate: null }, '2025-03-31', 'on or after'],
    [
      'a second time',
      { fromDate: '2025-04-01', toDate: '2026-03-31' },
      '2026-06-30',
      'already disestablished',
    ],
  ])('%s', (_case, post, toDate, problem) => {
    const problems = disestablishProblems(post, toDate);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems[0]!.message).toContain(problem);
  });
});

describe('the day before', () => {
  it.each([
    ['2026-03-01', '2026-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2026-01-01', '2025-12-31'],
  ])('%s → %s', (day, before) => expect(dayBefore(day)).toBe(before));
});
