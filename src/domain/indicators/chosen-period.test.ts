import { describe, expect, it } from 'vitest';
import { chosenPeriod, lastWholeQuarters, PeriodChoiceError, quarterOf } from './chosen-period.ts';

describe('the period a person asks for', () => {
  it.each([
    [{ year: 2025 }, '2025-04-01', '2026-03-31', '2025–26'],
    [{ year: 2025, quarter: 4 }, '2026-01-01', '2026-03-31', 'Q4 2025–26'],
    // A date inside the quarter cuts it there; the quarter's own last day, or a later day, leaves it whole.
    [
      { year: 2025, quarter: 2, asAt: '2025-08-15' },
      '2025-07-01',
      '2025-08-15',
      'Q2 2025–26 to 15 August 2025',
    ],
    [{ year: 2025, quarter: 2, asAt: '2025-09-30' }, '2025-07-01', '2025-09-30', 'Q2 2025–26'],
    [{ year: 2025, asAt: '2027-01-01' }, '2025-04-01', '2026-03-31', '2025–26'],
    // Only a date: the financial year so far; 31 March belongs to the year before.
    [{ asAt: '2026-03-31' }, '2025-04-01', '2026-03-31', '2025–26'],
    [{ asAt: '2026-04-01' }, '2026-04-01', '2026-04-01', '2026–27 to 1 April 2026'],
  ])('%o is %s to %s', (choice, start, end, label) => {
    expect(chosenPeriod(choice)).toMatchObject({ start, end, label });
  });

  it('refuses a date before the period, a fifth quarter, and nothing at all', () => {
    expect(() => chosenPeriod({ year: 2025, quarter: 3, asAt: '2025-09-30' })).toThrow(/had not begun/);
    expect(() => chosenPeriod({ year: 2025, quarter: 5 })).toThrow(PeriodChoiceError);
    expect(() => chosenPeriod({})).toThrow(PeriodChoiceError);
  });

  it('reads a quarter written 2, Q2 or 2026-Q2', () => {
    expect(quarterOf('2')).toEqual({ quarter: 2 });
    expect(quarterOf('q3')).toEqual({ quarter: 3 });
    expect(quarterOf('2026-Q2')).toEqual({ year: 2026, quarter: 2 });
    expect(() => quarterOf('Q5')).toThrow(PeriodChoiceError);
  });
});

describe('the last whole quarters as at a day', () => {
  it.each([
    // 7 December 2026 is in Q3 2026–27, still running: the last whole quarter is Q2 (July to September).
    ['2026-12-07', 'Q2 2026–27', 'Q3 2024–25'],
    // 31 December 2026 ends Q3: it is whole.
    ['2026-12-31', 'Q3 2026–27', 'Q4 2024–25'],
    // 1 April 2026 begins 2026–27: the last whole quarter is Q4 of the year before.
    ['2026-04-01', 'Q4 2025–26', 'Q1 2024–25'],
  ])('as at %s the last is %s and the first of 8 is %s', (day, last, first) => {
    const quarters = lastWholeQuarters(day, 8);
    expect(quarters).toHaveLength(8);
    expect(quarters.at(-1)!.label).toBe(last);
    expect(quarters[0]!.label).toBe(first);
  });
});
