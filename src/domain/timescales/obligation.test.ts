import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { obligationStatus } from './obligation.ts';

const day = (text: string) => Temporal.PlainDate.from(text);
const optionalDay = (text: string | undefined) => (text ? day(text) : undefined);

describe('obligationStatus', () => {
  it.each([
    // [due by, met on, ended on, today, status]
    ['2025-05-06', '2025-05-06', undefined, '2025-06-01', 'met'], // met on the due date is on time
    ['2025-05-06', '2025-05-07', undefined, '2025-06-01', 'met-late'],
    ['2025-05-06', undefined, undefined, '2025-05-06', 'due'], // still due on the due date itself
    ['2025-05-06', undefined, undefined, '2025-05-07', 'overdue'],
    ['2025-05-06', undefined, '2025-05-01', '2025-06-01', 'not-applicable'], // the episode ended first
    ['2025-05-06', undefined, '2025-05-06', '2025-06-01', 'not-applicable'], // ended on the due date
    ['2025-05-06', undefined, '2025-05-10', '2025-06-01', 'missed'], // not done before the episode ended
    ['2025-05-06', undefined, '2025-05-10', '2025-05-08', 'overdue'], // overdue until the episode ends
    ['2025-05-06', undefined, '2025-05-01', '2025-04-20', 'due'], // an end still to come does not lapse it yet
    ['2025-05-06', undefined, '2025-05-01', '2025-05-01', 'not-applicable'], // lapsed once that end comes
    ['2025-05-06', '2025-05-02', '2025-05-03', '2025-06-01', 'met'], // met, then ended
  ])('due by %s, met on %s, ended on %s, today %s: %s', (dueBy, metOn, endedOn, today, expected) => {
    expect(obligationStatus(day(dueBy), optionalDay(metOn), optionalDay(endedOn), day(today))).toBe(expected);
  });

  it.each([
    // [due by (the term's end), today, status]: a term's review can be held until the term ends, and not after.
    ['2024-03-28', '2024-03-28', 'due'],
    ['2024-03-28', '2024-03-29', 'missed'],
    ['2024-12-20', '2025-01-06', 'missed'], // over the Christmas holiday, into the next term
  ])('in a window closing on its due date %s, unmet on %s: %s', (dueBy, today, expected) => {
    expect(obligationStatus(day(dueBy), undefined, undefined, day(today), day(dueBy))).toBe(expected);
  });
});
