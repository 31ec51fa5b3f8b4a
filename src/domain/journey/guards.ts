import { Temporal } from 'temporal-polyfill';
import { writtenDay } from '../calendar/dates.ts';
import type { Problem } from './rules.ts';

/**
 * Rules the journey keeps beyond its transition table (issue 17, part 7). Each is a pure function returning the
 * problems, each naming its field with the words the person at the keyboard sees; none means the write may go on.
 */

/** A date as the form names it, with the words used for it in a message ("the plan's start"). */
export interface DatedField {
  path: string;
  date: string | null;
}

/** "7 December 2026", as every message and page shows a date. */
export function inWords(date: string): string {
  return writtenDay(Temporal.PlainDate.from(date));
}

/**
 * Nothing in a child's record happens before they were born, and nothing after they died: a death ends the
 * journey (CIN census reason for closure RC2; SSDA903 reason ceased E2). Dates on or before the day of death are
 * allowed, so that what happened that day can be recorded.
 */
export function lifeProblems(
  dates: readonly DatedField[],
  child: { dateOfBirth: string | null; dateOfDeath: string | null },
): Problem[] {
  const problems: Problem[] = [];
  for (const { path, date } of dates) {
    if (!date) continue;
    if (child.dateOfBirth && date < child.dateOfBirth)
      problems.push({
        path,
        message: `The date must be on or after the child’s date of birth, ${inWords(child.dateOfBirth)}`,
      });
    else if (child.dateOfDeath && date > child.dateOfDeath)
      problems.push({
        path,
        message: `The child died on ${inWords(child.dateOfDeath)}: nothing can be recorded after that date`,
      });
  }
  return problems;
}

/**
 * A death is recorded once (issue 17): on or after the date of birth, not in the future, not after anything
 * already recorded on the record, and not again once recorded.
 */
export function deathProblems(
  diedOn: string,
  child: { dateOfBirth: string | null; dateOfDeath: string | null; latestEvent: string | null },
  today: string,
  path = 'diedOn',
): Problem[] {
  if (child.dateOfDeath)
    return [{ path, message: `The child’s death is already recorded, on ${inWords(child.dateOfDeath)}` }];
  if (diedOn > today) return [{ path, message: 'The date of death must be today or in the past' }];
  if (child.dateOfBirth && diedOn < child.dateOfBirth)
    return [
      {
        path,
        message: `The date of death must be on or after the date of birth, ${inWords(child.dateOfBirth)}`,
      },
    ];
  if (child.latestEvent && diedOn < child.latestEvent)
    return [
      {
        path,
        message: `The record has an event on ${inWords(child.latestEvent)}: the date of death cannot be before it`,
      },
    ];
  return [];
}

/**
 * Working Together 2023: a child protection plan is the child's plan while it runs; a child in need plan (s. 17)
 * follows when the protection plan ends, not beside it.
 */
export function childInNeedPlanProblems(
  openProtectionPlanFrom: string | null,
  path = 'startDate',
): Problem[] {
  if (!openProtectionPlanFrom) return [];
  return [
    {
      path,
      message: `The child is on a child protection plan from ${inWords(openProtectionPlanFrom)}: end it before starting a child in need plan`,
    },
  ];
}

/** SSDA903 legal statuses C1 (interim care order) and C2 (full care order). */
const INTERIM_CARE_ORDER = 'C1';
const FULL_CARE_ORDER = 'C2';

/**
 * A full care order (Children Act 1989, s. 31) is the court's final order; an interim order (s. 38) comes before it.
 * Going back from a full order to an interim one happens (an appeal, a discharge application, a recording error)
 * but is unusual, so the reason is asked for and kept.
 */
export function legalStatusProblems(
  change: { from: string | null; to: string; reason: string },
  path = 'reason',
): Problem[] {
  if (change.from !== FULL_CARE_ORDER || change.to !== INTERIM_CARE_ORDER || change.reason.trim()) return [];
  return [
    {
      path,
      message: 'Give the reason a full care order is followed by an interim care order',
    },
  ];
}

/**
 * The format of a postcode in the United Kingdom (the Royal Mail's formats: outward code of area and district,
 * inward code of sector digit and unit letters), plus the one for Girobank, GIR 0AA. Used when the ONS Postcode
 * Directory is not loaded; when it is, a postcode it does not hold is refused as well.
 */
const UK_POSTCODE =
  /^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$/;

/**
 * Whether a postcode is one in the United Kingdom: in the ONS directory when it is loaded (`inDirectory` true or
 * false), or of the right format when it is not (`inDirectory` undefined).
 */
export function postcodeProblems(
  postcode: string | null,
  inDirectory: boolean | undefined,
  path: string,
  label: string,
): Problem[] {
  if (!postcode?.trim()) return [];
  const normal = postcode.trim().toUpperCase().replaceAll(/\s+/g, ' ');
  if (!UK_POSTCODE.test(normal))
    return [{ path, message: `Enter a UK postcode for ${label}, like SW1A 1AA` }];
  if (inDirectory === false)
    return [{ path, message: `${normal} is not a postcode in the ONS Postcode Directory: check ${label}` }];
  return [];
}

/** SSDA903 IN_TOUCH code for a young person who has died. */
export const IN_TOUCH_DIED = 'DIED';
