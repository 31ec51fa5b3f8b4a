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
    ['2025-05-06', undefined, '2025-05-10', '2025-06-01', 'overdue'], // missed before the episode ended
    ['2025-05-06', '2025-05-02', '2025-05-03', '2025-06-01', 'met'], // met, then ended
  ])('due by %s, met on %s, ended on %s, today %s: %s', (dueBy, metOn, endedOn, today, expected) => {
    expect(obligationStatus(day(dueBy), optionalDay(metOn), optionalDay(endedOn), day(today))).toBe(expected);
  });
});
