import { describe, expect, it } from 'vitest';
import { actionOverdue, supervisionIntervalOn, supervisionStanding, type Interval } from './supervision.ts';

const monthly: Interval = { months: 1 };
const asye = { startedOn: '2026-09-01', completedOn: null };

describe('how often a worker is supervised (ASYE framework; the local standard)', () => {
  it.each([
    ['an experienced worker: the local standard', '2026-10-01', monthly, null, monthly],
    ['ASYE, first week', '2026-09-01', monthly, asye, { weeks: 1 }],
    ['ASYE, last day of the sixth week', '2026-10-12', monthly, asye, { weeks: 1 }],
    ['ASYE, first day of the seventh week', '2026-10-13', monthly, asye, { weeks: 2 }],
    ['ASYE, the day before six months', '2027-02-28', monthly, asye, { weeks: 2 }],
    ['ASYE, six months on', '2027-03-01', monthly, asye, { months: 1 }],
    ['ASYE, the year over', '2027-09-01', monthly, asye, monthly],
    ['ASYE completed early', '2027-06-01', monthly, { ...asye, completedOn: '2027-05-31' }, monthly],
    ['before the ASYE began', '2026-08-31', monthly, asye, monthly],
    ['a local standard more frequent than the ASYE one', '2027-04-01', { weeks: 3 }, asye, { weeks: 3 }],
    ['a six-weekly local standard, ASYE after six months', '2027-04-01', { weeks: 6 }, asye, { months: 1 }],
  ] as const)('%s', (_, day, standard, year, expected) => {
    expect(supervisionIntervalOn(day, standard, year)).toEqual(expected);
  });
});

describe('when the next supervision is due and whether it is overdue', () => {
  const worker = { startedOn: '2020-01-06', asye: null };
  it.each([
    [
      'supervised 31 January: due 29 February in a leap year',
      '2028-01-31',
      '2028-02-29',
      '2028-02-29',
      false,
      0,
    ],
    ['due 29 February, today 1 March: a day overdue', '2028-01-31', '2028-03-01', '2028-02-29', true, 1],
    [
      'supervised 31 December: due 31 January over the year end',
      '2026-12-31',
      '2027-01-20',
      '2027-01-31',
      false,
      0,
    ],
    ['supervised in October, now December', '2026-10-15', '2026-12-07', '2026-11-15', true, 22],
  ] as const)('%s', (_, last, today, due, overdue, days) => {
    expect(supervisionStanding(worker, last, monthly, today)).toEqual({
      lastHeld: last,
      nextDue: due,
      overdue,
      daysOverdue: days,
    });
  });

  it('counts from the start for a worker never supervised', () => {
    const standing = supervisionStanding(
      { startedOn: '2026-11-02', asye: null },
      null,
      monthly,
      '2026-12-07',
    );
    expect(standing).toMatchObject({ lastHeld: null, nextDue: '2026-12-02', overdue: true });
  });

  it('counts a week in the first weeks of the ASYE', () => {
    const standing = supervisionStanding(
      { startedOn: '2026-09-01', asye },
      '2026-09-08',
      monthly,
      '2026-09-14',
    );
    expect(standing).toMatchObject({ nextDue: '2026-09-15', overdue: false });
  });
});

describe('an overdue action', () => {
  it.each([
    ['open, due yesterday', 'open', '2026-12-06', true],
    ['open, due today', 'open', '2026-12-07', false],
    ['done, due last month', 'done', '2026-11-07', false],
  ] as const)('%s', (_, status, dueOn, expected) => {
    expect(actionOverdue({ status, dueOn }, '2026-12-07')).toBe(expected);
  });
});
