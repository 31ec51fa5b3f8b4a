import { Temporal } from 'temporal-polyfill';
import { addCalendarMonths } from '../calendar/working-days.ts';

/**
 * The social GRACES (Burnham, 2012): aspects of difference that reflective supervision may turn to. Offered as
 * prompts; a discussion may name none.
 */
export const socialGraces = {
  gender: 'Gender',
  geography: 'Geography',
  race: 'Race',
  religion: 'Religion',
  age: 'Age',
  ability: 'Ability',
  appearance: 'Appearance',
  class: 'Class',
  culture: 'Culture',
  ethnicity: 'Ethnicity',
  education: 'Education',
  employment: 'Employment',
  sexuality: 'Sexuality',
  'sexual-orientation': 'Sexual orientation',
  spirituality: 'Spirituality',
} as const;
export type SocialGrace = keyof typeof socialGraces;

/** Reflective models a supervisor may follow (Kolb's learning cycle; Gibbs; Morrison's 4x4x4 model). */
export const reflectiveModels = {
  kolb: 'Kolb’s learning cycle',
  gibbs: 'Gibbs’ reflective cycle',
  'four-by-four-by-four': 'The 4x4x4 model',
} as const;
export type ReflectiveModel = keyof typeof reflectiveModels;

/** A supervision interval: weeks or calendar months. */
export type Interval = { weeks: number } | { months: number };

/** The council's standard for one-to-one supervision: monthly unless a local standard says otherwise. */
export const DEFAULT_SUPERVISION_INTERVAL: Interval = { months: 1 };

/** The assessed and supported year in employment: from its start to its completion (or a year on). */
export interface Asye {
  startedOn: string;
  completedOn: string | null;
}

/**
 * How often a worker should be supervised on a day. In the ASYE year more often than the local standard, as the
 * ASYE framework for child and family social work (Skills for Care, 2022) sets it: weekly in the first six weeks,
 * at least fortnightly to six months, then at least monthly; the local standard when it is more frequent.
 */
export function supervisionIntervalOn(day: string, standard: Interval, asye: Asye | null): Interval {
  if (!asye || day < asye.startedOn) return standard;
  const start = Temporal.PlainDate.from(asye.startedOn);
  const yearEnd = asye.completedOn ?? start.add({ years: 1 }).subtract({ days: 1 }).toString();
  if (day > yearEnd) return standard;
  const ownDays = approximateDays(standard);
  const inYear: Interval =
    day < start.add({ weeks: 6 }).toString()
      ? { weeks: 1 }
      : day < addCalendarMonths(start, 6).toString()
        ? { weeks: 2 }
        : { months: 1 };
  return approximateDays(inYear) <= ownDays ? inYear : standard;
}

function approximateDays(interval: Interval): number {
  return 'weeks' in interval ? interval.weeks * 7 : interval.months * 30;
}

function add(day: string, interval: Interval): string {
  const from = Temporal.PlainDate.from(day);
  return (
    'weeks' in interval ? from.add({ weeks: interval.weeks }) : addCalendarMonths(from, interval.months)
  ).toString();
}

/** Where a worker stands with their supervision on `today`. */
export interface SupervisionStanding {
  lastHeld: string | null;
  nextDue: string;
  overdue: boolean;
  /** Days past the due date; 0 when not overdue. */
  daysOverdue: number;
}

/**
 * When a worker's next one-to-one supervision is due: the interval in force on the last one after it, or, when
 * there has been none, after the day they started. Overdue once the due day has passed.
 */
export function supervisionStanding(
  worker: { startedOn: string; asye: Asye | null },
  lastHeld: string | null,
  standard: Interval,
  today: string,
): SupervisionStanding {
  const from = lastHeld ?? worker.startedOn;
  const nextDue = add(from, supervisionIntervalOn(from, standard, worker.asye));
  const daysOverdue =
    nextDue < today ? Temporal.PlainDate.from(nextDue).until(Temporal.PlainDate.from(today)).days : 0;
  return { lastHeld, nextDue, overdue: daysOverdue > 0, daysOverdue };
}

/** Whether an action is overdue on `today`: open, and its due day passed. */
export function actionOverdue(action: { status: string; dueOn: string }, today: string): boolean {
  return action.status === 'open' && action.dueOn < today;
}
