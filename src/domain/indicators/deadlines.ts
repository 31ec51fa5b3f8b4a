import { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { IsoDate } from '../returns/dates.ts';
import { addPeriod, DEADLINE_RULES } from '../timescales/deadline-rules.ts';

type RuleName = 'assessment' | 'icpc';

/** Due dates already worked out, by calendar, rule and day counted from: a council's year has a few hundred days. */
const worked = new WeakMap<WorkingDayCalendar, Map<string, IsoDate>>();

/**
 * The last day that is "within N working days of `from`" under one of the timescales' rules (`from` is day 0),
 * worked out by the timescales' own `addPeriod` on Hearth's calendar. Remembered per calendar and day, since a
 * year's thousands of assessments start on a few hundred days and counting working days is slow.
 */
export function dueBy(calendar: WorkingDayCalendar, rule: RuleName, from: IsoDate): IsoDate {
  let known = worked.get(calendar);
  if (!known) worked.set(calendar, (known = new Map()));
  const key = `${rule} ${from}`;
  let due = known.get(key);
  if (due === undefined) {
    due = addPeriod(calendar, Temporal.PlainDate.from(from), DEADLINE_RULES[rule].period).dueBy.toString();
    known.set(key, due);
  }
  return due;
}
