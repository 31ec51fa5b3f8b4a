import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addCalendarMonths, addWorkingDays, countWorkingDays, workingDayCalendar } from './working-days.ts';

const calendar = workingDayCalendar();
const FIRST = Temporal.PlainDate.from('2010-01-01');
/** Any date from February 2011 to 2033, leaving room to count forward inside the shipped years. */
const aDate = fc.integer({ min: 400, max: 8765 }).map((offset) => FIRST.add({ days: offset }));
const aSpan = fc.integer({ min: -400, max: 400 });
const aNumberOfWorkingDays = fc.integer({ min: 0, max: 80 });
const { compare } = Temporal.PlainDate;

describe('working-day arithmetic', () => {
  it('lands on a working day after the start whenever it counts at least one day', () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: 1, max: 80 }), (from, workingDays) => {
        const { date } = addWorkingDays(calendar, from, workingDays);
        return calendar.isWorkingDay(date) && compare(date, from) > 0;
      }),
    );
  });

  it('counts back exactly the working days it added', () => {
    fc.assert(
      fc.property(aDate, aNumberOfWorkingDays, (from, workingDays) => {
        const { date } = addWorkingDays(calendar, from, workingDays);
        expect(countWorkingDays(calendar, from, date).workingDays).toBe(workingDays);
      }),
    );
  });

  it('never gives an earlier date for more working days', () => {
    fc.assert(
      fc.property(aDate, aNumberOfWorkingDays, aNumberOfWorkingDays, (from, a, b) => {
        const [fewer, more] = a <= b ? [a, b] : [b, a];
        return (
          compare(addWorkingDays(calendar, from, fewer).date, addWorkingDays(calendar, from, more).date) <= 0
        );
      }),
    );
  });

  it('reports as skipped exactly the weekday holidays between the start and the result', () => {
    fc.assert(
      fc.property(aDate, aNumberOfWorkingDays, (from, workingDays) => {
        const reached = addWorkingDays(calendar, from, workingDays);
        const expected: string[] = [];
        for (
          let date = from.add({ days: 1 });
          compare(date, reached.date) <= 0;
          date = date.add({ days: 1 })
        ) {
          if (date.dayOfWeek <= 5 && !calendar.isWorkingDay(date)) expected.push(date.toString());
        }
        expect(reached.skipped.map((skipped) => skipped.date.toString())).toEqual(expected);
      }),
    );
  });

  it('adds counts over consecutive spans and reverses sign when the span is reversed', () => {
    fc.assert(
      fc.property(aDate, aSpan, aSpan, (a, toB, toC) => {
        const [b, c] = [a.add({ days: toB }), a.add({ days: toC })];
        const count = (from: Temporal.PlainDate, to: Temporal.PlainDate) =>
          countWorkingDays(calendar, from, to).workingDays;
        expect(count(a, b) + count(b, c)).toBe(count(a, c));
        expect(count(b, a) + count(a, b)).toBe(0);
      }),
    );
  });
});

describe('calendar months', () => {
  it('moves the month by exactly N and keeps the day unless the month is too short, then clamps to its end', () => {
    fc.assert(
      fc.property(aDate, fc.integer({ min: 0, max: 36 }), (from, months) => {
        const to = addCalendarMonths(from, months);
        expect((to.year - from.year) * 12 + (to.month - from.month)).toBe(months);
        expect(to.day).toBe(Math.min(from.day, to.daysInMonth));
      }),
    );
  });
});
