import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import type { Period } from './deadline-rules.ts';
import { closureDayProblem, localStandardProblems, looserFrom } from './local-standard-rules.ts';

const calendar = workingDayCalendar();
const day = (text: string) => Temporal.PlainDate.from(text);
const today = day('2026-12-07');

describe('a local standard replacing the statutory 2 months between a care leaver’s contacts', () => {
  it.each<[string, Period, boolean]>([
    ['8 weeks, the common local standard', { amount: 8, unit: 'weeks' }, true],
    ['2 months, the law itself', { amount: 2, unit: 'months' }, true],
    ['38 working days', { amount: 38, unit: 'working days' }, true],
    [
      '40 working days: from 29 January 2027 they run past 29 March',
      { amount: 40, unit: 'working days' },
      false,
    ],
    ['59 days: 31 December + 2 months is 28 February, 59 days on', { amount: 59, unit: 'days' }, true],
    ['60 days: 1 January + 2 months is 1 March, 59 days on', { amount: 60, unit: 'days' }, false],
    ['9 weeks', { amount: 9, unit: 'weeks' }, false],
    ['3 months', { amount: 3, unit: 'months' }, false],
  ])('every %s: allowed %s', (_what, interval, allowed) => {
    const problems = localStandardProblems(
      { kind: 'care-leaver-contact', interval, effectiveFrom: day('2027-01-04') },
      today,
      calendar,
    );
    expect(problems.length === 0).toBe(allowed);
    if (!allowed) {
      expect(problems[0]!.field).toBe('amount');
      expect(problems[0]!.message).toContain('must be 2 months or less');
      expect(problems[0]!.message).toContain('Care Leavers (England) Regulations 2010');
    }
  });

  it('finds the first start from which a looser interval runs past the law: 60 days from 1 January', () => {
    const from = looserFrom(
      { amount: 60, unit: 'days' },
      { amount: 2, unit: 'months' },
      calendar,
      day('2027-01-04'),
    );
    expect(from?.toString()).toBe('2027-01-01');
  });
});

describe('when a local standard takes effect', () => {
  it.each([
    ['yesterday', '2026-12-06', false],
    ['today', '2026-12-07', true],
    ['next year', '2027-04-01', true],
  ])('%s: allowed %s', (_when, effectiveFrom, allowed) => {
    const problems = localStandardProblems(
      {
        kind: 'child-in-need-visit',
        interval: { amount: 30, unit: 'working days' },
        effectiveFrom: day(effectiveFrom),
      },
      today,
      calendar,
    );
    expect(problems.map((problem) => problem.field)).toEqual(allowed ? [] : ['effectiveFrom']);
    if (!allowed) expect(problems[0]!.message).toContain('today (7 December 2026) or later');
  });

  it('sets no statutory limit where the law leaves the frequency to the plan', () => {
    const problems = localStandardProblems(
      {
        kind: 'child-protection-visit',
        interval: { amount: 6, unit: 'months' },
        effectiveFrom: today,
      },
      today,
      calendar,
    );
    expect(problems).toEqual([]);
  });
});

describe('a council closure day', () => {
  it.each([
    ['Saturday 12 December 2026', '2026-12-12', /weekday: 12 December 2026 is a Saturday/],
    ['Sunday 13 December 2026', '2026-12-13', /is a Sunday/],
    ['Christmas Day 2026, a Friday', '2026-12-25', /bank holiday: 25 December 2026 is Christmas Day/],
    [
      'Monday 28 December 2026, the substitute for Boxing Day',
      '2026-12-28',
      /bank holiday: 28 December 2026/,
    ],
    ['Good Friday 2027', '2027-03-26', /bank holiday: 26 March 2027 is Good Friday/],
  ])('%s is refused', (_what, date, message) => {
    expect(closureDayProblem(day(date), calendar)?.message).toMatch(message);
  });

  it.each([
    ['Tuesday 29 December 2026, between Christmas and New Year', '2026-12-29'],
    ['Thursday 24 December 2026, Christmas Eve', '2026-12-24'],
  ])('%s is allowed', (_what, date) => {
    expect(closureDayProblem(day(date), calendar)).toBeUndefined();
  });
});
