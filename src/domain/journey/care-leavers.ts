import { Temporal } from 'temporal-polyfill';
import { birthday } from '../timescales/lifetimes.ts';
import type { Problem } from './rules.ts';

/**
 * Who is a care leaver (Children Act 1989, Sch. 2 para 19B and s. 23A; Care Leavers (England) Regulations 2010,
 * reg. 3): a young person who has been looked after for 13 weeks or more in all (need not be continuous) in periods
 * that began after their 14th birthday and ended after their 16th. Then:
 * - eligible: aged 16 or 17 and looked after now;
 * - relevant: aged 16 or 17, was eligible, and has left care;
 * - former relevant: aged 18 to 25, and was eligible or relevant before turning 18.
 * A qualifying young person (s. 24) is not bound by the 13 weeks, so it is not checked here.
 */

export interface CareLeaverClaim {
  status: string;
  /** The day the status starts. */
  from: string;
  dateOfBirth: string | null;
  /** Every period of care, with its end when it has ended (the period being ended now ends on `from`). */
  periodsOfCare: ReadonlyArray<{ start: string; end: string | null }>;
}

/** 13 weeks, counted in days (reg. 3(1)). */
const THIRTEEN_WEEKS = 91;

const day = (text: string) => Temporal.PlainDate.from(text);
const later = (a: Temporal.PlainDate, b: Temporal.PlainDate) =>
  Temporal.PlainDate.compare(a, b) >= 0 ? a : b;
const earlier = (a: Temporal.PlainDate, b: Temporal.PlainDate) =>
  Temporal.PlainDate.compare(a, b) <= 0 ? a : b;

/**
 * Days looked after from the 14th birthday up to and including `until`, and whether any of them fell on or after
 * the 16th birthday. A period's end day is the day the child stopped being looked after, so it is not counted.
 */
export function daysLookedAfterSinceFourteen(
  dateOfBirth: string,
  periodsOfCare: CareLeaverClaim['periodsOfCare'],
  until: string,
): { days: number; afterSixteen: boolean } {
  const fourteenth = birthday(day(dateOfBirth), 14);
  const sixteenth = birthday(day(dateOfBirth), 16);
  const stop = day(until).add({ days: 1 });
  let days = 0;
  let afterSixteen = false;
  for (const period of periodsOfCare) {
    const start = later(day(period.start), fourteenth);
    const end = earlier(period.end ? day(period.end) : stop, stop);
    const length = start.until(end, { largestUnit: 'days' }).days;
    if (length <= 0) continue;
    days += length;
    if (Temporal.PlainDate.compare(end, sixteenth) > 0) afterSixteen = true;
  }
  return { days, afterSixteen };
}

const words: Record<string, string> = {
  eligible: 'An eligible young person',
  relevant: 'A relevant young person',
  'former-relevant': 'A former relevant young person',
};

/** Whether the status claimed fits the young person's age and care on the day it starts; the problems if not. */
export function careLeaverStatusProblems(claim: CareLeaverClaim, path = 'status'): Problem[] {
  const named = words[claim.status];
  if (!named) return [];
  if (!claim.dateOfBirth)
    return [
      { path, message: `Record the young person’s date of birth before recording them as a care leaver` },
    ];
  const from = day(claim.from);
  const birth = day(claim.dateOfBirth);
  const sixteen = Temporal.PlainDate.compare(from, birthday(birth, 16)) >= 0;
  const eighteen = Temporal.PlainDate.compare(from, birthday(birth, 18)) >= 0;
  const twentyFive = Temporal.PlainDate.compare(from, birthday(birth, 25)) >= 0;
  const lookedAfterNow = claim.periodsOfCare.some(
    (period) => period.start <= claim.from && (period.end === null || period.end > claim.from),
  );
  const problems: Problem[] = [];
  if (claim.status === 'former-relevant' && (!eighteen || twentyFive))
    problems.push({ path, message: `${named} is aged 18 to 25: choose eligible or relevant under 18` });
  if (claim.status !== 'former-relevant' && (!sixteen || eighteen))
    problems.push({
      path,
      message: eighteen
        ? `${named} is aged 16 or 17: from 18 the young person is former relevant`
        : `${named} is aged 16 or 17: leaving-care support starts at 16`,
    });
  if (claim.status === 'eligible' && !lookedAfterNow)
    problems.push({ path, message: `${named} is looked after now: one who has left care is relevant` });
  if (claim.status === 'relevant' && lookedAfterNow)
    problems.push({ path, message: `${named} has left care: one still looked after is eligible` });
  const care = daysLookedAfterSinceFourteen(claim.dateOfBirth, claim.periodsOfCare, claim.from);
  if (care.days < THIRTEEN_WEEKS || !care.afterSixteen)
    problems.push({
      path,
      message:
        care.days < THIRTEEN_WEEKS
          ? `${named} has been looked after for 13 weeks or more since their 14th birthday: Hearth has ${weeksAndDays(care.days)}`
          : `${named} was looked after for some time after their 16th birthday: Hearth has none`,
    });
  return problems;
}

function weeksAndDays(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  const part = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (!weeks) return part(rest, 'day');
  return rest ? `${part(weeks, 'week')} and ${part(rest, 'day')}` : part(weeks, 'week');
}
