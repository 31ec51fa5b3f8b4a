import { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { deadlineFor, type Deadline, type DeadlineExplanation, type DeadlineRule } from './deadline-rules.ts';

export type ObligationStatus = 'due' | 'overdue' | 'missed' | 'met' | 'met-late' | 'not-applicable';

export type ObligationKind =
  | 'contact-decision'
  | 'assessment'
  | 'initial-child-protection-conference'
  | 'first-core-group'
  | 'child-protection-review'
  | 'child-protection-visit'
  | 'child-in-need-visit'
  | 'child-in-need-plan-review'
  | 'looked-after-review'
  | 'looked-after-visit'
  | 'initial-health-assessment'
  | 'health-assessment-review'
  | 'personal-education-plan'
  | 'personal-education-plan-review'
  | 'pathway-plan-review'
  | 'care-leaver-contact';

/** Something the service must do for a child by a date, and whether it was done. */
export interface Obligation {
  kind: ObligationKind;
  dueBy: Temporal.PlainDate;
  metOn?: Temporal.PlainDate;
  status: ObligationStatus;
  explanation: DeadlineExplanation;
}

const { compare } = Temporal.PlainDate;

/**
 * Met on or before the due date is met, after it met-late. Unmet:
 * - it lapses (not-applicable) once the episode, plan, placement or age it belongs to has ended, if that end came
 *   on or before its due date: it was never owed (until that end comes, it is still owed);
 * - it is due until its date, then overdue while it can still be done;
 * - it is missed once it can no longer be done: the reason it was owed for ended after its due date (care ended,
 *   the plan ended), or the window it had to be done in closed (a school term's review, `closesOn`).
 */
export function obligationStatus(
  dueBy: Temporal.PlainDate,
  metOn: Temporal.PlainDate | undefined,
  endedOn: Temporal.PlainDate | undefined,
  today: Temporal.PlainDate,
  closesOn?: Temporal.PlainDate,
): ObligationStatus {
  if (metOn) return compare(metOn, dueBy) <= 0 ? 'met' : 'met-late';
  const ended = endedOn && compare(endedOn, today) <= 0;
  if (ended && compare(endedOn, dueBy) <= 0) return 'not-applicable';
  if (compare(today, dueBy) <= 0) return 'due';
  const windowClosed = closesOn !== undefined && compare(closesOn, today) < 0;
  return ended || windowClosed ? 'missed' : 'overdue';
}

/** A date that may not have been recorded, as a list of the events that were. */
export function optional(date: Temporal.PlainDate | undefined): Temporal.PlainDate[] {
  return date ? [date] : [];
}

/** The events on or after `from` and, when given, on or before `until`, in date order without repeats. */
export function eventsBetween(
  events: readonly Temporal.PlainDate[],
  from: Temporal.PlainDate,
  until?: Temporal.PlainDate,
): Temporal.PlainDate[] {
  const inRange = events.filter(
    (event) => compare(event, from) >= 0 && (!until || compare(event, until) <= 0),
  );
  const unique = new Map(inRange.map((event) => [event.toString(), event]));
  return [...unique.values()].sort(compare);
}

/** One obligation met by the first of `events` on or after the date it counts from. */
export function singleObligation(
  kind: ObligationKind,
  deadline: Deadline,
  events: readonly Temporal.PlainDate[],
  endedOn: Temporal.PlainDate | undefined,
  today: Temporal.PlainDate,
): Obligation {
  const [metOn] = eventsBetween(events, deadline.explanation.countedFrom, endedOn);
  return {
    kind,
    dueBy: deadline.dueBy,
    ...(metOn ? { metOn } : {}),
    status: obligationStatus(deadline.dueBy, metOn, endedOn, today),
    explanation: deadline.explanation,
  };
}

export interface RecurringObligationFacts {
  kind: ObligationKind;
  /** The first deadline, counted from the start of the episode, plan or placement. */
  first: Deadline;
  /** The next deadline, counted from the date the previous one was met. */
  next: (previousMetOn: Temporal.PlainDate) => Deadline;
  /** The dates of the visits, reviews or contacts that meet the obligation. */
  events: readonly Temporal.PlainDate[];
  /** When the episode, plan or placement ended; events after it do not count and the chain stops there. */
  endedOn?: Temporal.PlainDate;
  today: Temporal.PlainDate;
}

/**
 * A chain of obligations where each is counted from the date the previous one was met ("at intervals of not more
 * than …"). Every recorded event meets the next obligation in turn; the chain ends with the first unmet one.
 */
export function recurringObligations(facts: RecurringObligationFacts): Obligation[] {
  const events = eventsBetween(facts.events, facts.first.explanation.countedFrom, facts.endedOn);
  const obligations: Obligation[] = [];
  let deadline = facts.first;
  for (const metOn of events) {
    obligations.push({
      kind: facts.kind,
      dueBy: deadline.dueBy,
      metOn,
      status: obligationStatus(deadline.dueBy, metOn, facts.endedOn, facts.today),
      explanation: deadline.explanation,
    });
    deadline = facts.next(metOn);
  }
  obligations.push({
    kind: facts.kind,
    dueBy: deadline.dueBy,
    status: obligationStatus(deadline.dueBy, undefined, facts.endedOn, facts.today),
    explanation: deadline.explanation,
  });
  return obligations;
}

/** A recurring obligation whose first deadline and every later one follow fixed rules. */
export function regularObligations(
  kind: ObligationKind,
  rules: { first: DeadlineRule; next: DeadlineRule },
  startedOn: Temporal.PlainDate,
  record: { events: readonly Temporal.PlainDate[]; endedOn?: Temporal.PlainDate },
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Obligation[] {
  return recurringObligations({
    kind,
    first: deadlineFor(rules.first, startedOn, calendar),
    next: (previous) => deadlineFor(rules.next, previous, calendar),
    events: record.events,
    ...(record.endedOn ? { endedOn: record.endedOn } : {}),
    today,
  });
}
