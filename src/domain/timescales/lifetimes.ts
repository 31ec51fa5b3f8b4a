import { Temporal } from 'temporal-polyfill';
import { deadlineFor, type Deadline, type DeadlineRule } from './deadline-rules.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';

type Day = Temporal.PlainDate;

/**
 * The day a person reaches `age`: the anniversary of their birth, and for someone born on 29 February, 1 March in
 * a year that has no 29 February (Family Law Reform Act 1969, s. 9: an age is attained at the start of the
 * anniversary; English practice counts the anniversary of 29 February as 1 March).
 */
export function birthday(dateOfBirth: Day, age: number): Day {
  const anniversary = dateOfBirth.add({ years: age }, { overflow: 'constrain' });
  return anniversary.day === dateOfBirth.day ? anniversary : anniversary.add({ days: 1 });
}

/** What Hearth knows of a child's life that bounds every obligation about them. */
export interface ChildLifetime {
  /** The date of birth, or the expected date of birth of an unborn child. */
  dateOfBirth?: Day;
  /** Death ends every obligation, whatever its reason, from that day. */
  diedOn?: Day;
  /** Whether the care leaver has asked for a personal adviser's support until 25 (see 'leaving-care'). */
  supportUntil25?: boolean;
}

/**
 * Why an obligation is owed, which sets the ages between which it can be owed (death ends every one of them):
 * - `contact`: the decision on a contact is owed whatever the age of the person it is about.
 * - `children-act`: the assessment, the section 47 enquiry and its conference, and child protection and child in
 *   need plans are duties to a child, and a child is a person under 18 (Children Act 1989, s. 105(1)). Pre-birth
 *   assessments and conferences for an unborn child stay (Working Together to Safeguard Children 2023).
 * - `care-of-the-child`: visits, looked-after reviews and health assessments are about the child themselves, so
 *   they run from birth; they end at 18, when a child stops being looked after and a care order ends
 *   (Children Act 1989, s. 91(12)).
 * - `education-in-care`: the personal education plan. "Promoting the education of looked-after and previously
 *   looked-after children" (DfE 2018) makes it part of the care plan for children of school age; councils extend
 *   it to early years from the term after the 3rd birthday. Hearth owes it from the 3rd birthday to the 18th: the
 *   initial PEP counts from the later of entering care and the 3rd birthday, so termly reviews begin the term
 *   after it. A child in care only before their 3rd birthday owes no PEP at all.
 * - `leaving-care`: pathway plan reviews and the personal adviser's contact run to 21 (Children Act 1989,
 *   s. 23C; Care Leavers (England) Regulations 2010), or to 25 where the young person asks for support
 *   (Children and Social Work Act 2017, s. 3, inserting s. 23CZB into the 1989 Act).
 */
export type ObligationReason =
  'contact' | 'children-act' | 'care-of-the-child' | 'education-in-care' | 'leaving-care';

interface AgeLimits {
  /** The age from which the obligation is owed, and the words for the day it is reached. */
  from?: { age: number; words: string };
  /** The age at which the obligation ends. */
  until?: (child: ChildLifetime) => number;
}

const AGE_LIMITS: Record<ObligationReason, AgeLimits> = {
  contact: {},
  'children-act': { until: () => 18 },
  'care-of-the-child': { from: { age: 0, words: 'birth of the child' }, until: () => 18 },
  'education-in-care': { from: { age: 3, words: 'third birthday' }, until: () => 18 },
  'leaving-care': { until: (child) => (child.supportUntil25 ? 25 : 21) },
};

/** The earliest of the days given, ignoring those not recorded. */
export function earliest(...days: ReadonlyArray<Day | undefined>): Day | undefined {
  return days
    .filter((date): date is Day => date !== undefined)
    .reduce<Day | undefined>(
      (first, date) => (!first || Temporal.PlainDate.compare(date, first) < 0 ? date : first),
      undefined,
    );
}

/**
 * The day the obligations owed for `reason` end: the earliest of the reason's own ends (the plan, episode, period
 * of care or placement ending, the episode of need closing), the child's death and the birthday at which the
 * reason stops applying (see ObligationReason). Unmet obligations due on or after it lapse and chains stop there.
 */
export function obligationsEndOn(
  reason: ObligationReason,
  child: ChildLifetime,
  ...ownEnds: ReadonlyArray<Day | undefined>
): Day | undefined {
  const until = AGE_LIMITS[reason].until?.(child);
  const ageEnd = until !== undefined && child.dateOfBirth ? birthday(child.dateOfBirth, until) : undefined;
  return earliest(...ownEnds, child.diedOn, ageEnd);
}

/** The stretch of time in which obligations for a reason are owed, with what the first one counts from. */
export interface ObligationSpan {
  startedOn: Day;
  endedOn?: Day;
  /** Set when the child's age moved the start: the event the first deadline then counts from. */
  startedBy?: string;
}

/**
 * The span of obligations for `reason` that starts on `startedOn`: from the later of it and the age from which the
 * reason applies (no visit, review, health assessment or PEP is due before the child is born; a PEP not before the
 * 3rd birthday), to `obligationsEndOn` the same ends. A span that starts on or after its end owes nothing.
 */
export function obligationSpan(
  reason: ObligationReason,
  child: ChildLifetime,
  startedOn: Day,
  ...ownEnds: ReadonlyArray<Day | undefined>
): ObligationSpan {
  const endedOn = obligationsEndOn(reason, child, ...ownEnds);
  const from = AGE_LIMITS[reason].from;
  const ageStart = from && child.dateOfBirth ? birthday(child.dateOfBirth, from.age) : undefined;
  const moved = from && ageStart && Temporal.PlainDate.compare(ageStart, startedOn) > 0;
  return {
    startedOn: moved ? ageStart : startedOn,
    ...(endedOn ? { endedOn } : {}),
    ...(moved ? { startedBy: from.words } : {}),
  };
}

/** Whether anything can be owed in the span: it starts before it ends. */
export function spanLasts(span: ObligationSpan): boolean {
  return !span.endedOn || Temporal.PlainDate.compare(span.startedOn, span.endedOn) < 0;
}

/** The first deadline of a span under `rule`, counted from the span's start and saying so when age moved it. */
export function firstDeadline(
  rule: DeadlineRule,
  span: ObligationSpan,
  calendar: WorkingDayCalendar,
): Deadline {
  return deadlineFor(
    span.startedBy ? { ...rule, countsFrom: span.startedBy } : rule,
    span.startedOn,
    calendar,
  );
}
