import { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import {
  DEADLINE_RULES,
  deadlineFor,
  describePeriod,
  type DeadlineRule,
  type Period,
} from './deadline-rules.ts';
import { recurringObligations, regularObligations, type Obligation } from './obligation.ts';

export interface PathwayPlanFacts {
  /** When the pathway plan was first agreed. */
  agreedOn: Temporal.PlainDate;
  reviews: readonly Temporal.PlainDate[];
  /** When the plan ended: the young person no longer has one (support ended, or aged 25). */
  endedOn?: Temporal.PlainDate;
}

/**
 * Care Leavers (England) Regulations 2010, reg. 7: the pathway plan is reviewed at intervals of not more than
 * 6 months, each counted from the plan or its previous review. A plan that ends stops its reviews.
 */
export function pathwayPlanReviews(
  plan: PathwayPlanFacts,
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Obligation[] {
  const rule = DEADLINE_RULES['pathway-plan-review'];
  return regularObligations(
    'pathway-plan-review',
    {
      first: { ...rule, countsFrom: 'pathway plan agreed' },
      next: { ...rule, countsFrom: 'previous review' },
    },
    plan.agreedOn,
    { events: plan.reviews, ...(plan.endedOn ? { endedOn: plan.endedOn } : {}) },
    today,
    calendar,
  );
}

export interface CareLeaverContactFacts {
  /** The date contact is counted from: leaving care, or the personal adviser's allocation. */
  countedFrom: Temporal.PlainDate;
  /** Visits or contacts by the personal adviser. */
  contacts: readonly Temporal.PlainDate[];
  /** When the duty to keep in touch ended (support ended, or aged 25). */
  endedOn?: Temporal.PlainDate;
}

/**
 * Care Leavers (England) Regulations 2010, reg. 8(2)(c): the personal adviser visits at intervals of not more than
 * 2 months. A council whose standard is stricter (8 weeks is common) passes its own interval as `localInterval`.
 */
export function careLeaverContact(
  facts: CareLeaverContactFacts,
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
  localInterval?: { period: Period; source: string },
): Obligation[] {
  const statutory = DEADLINE_RULES['care-leaver-contact'];
  const rule: DeadlineRule = localInterval
    ? {
        ...statutory,
        period: localInterval.period,
        rule: `The personal adviser keeps in touch at least every ${describePeriod(localInterval.period)} (local standard)`,
        source: localInterval.source,
      }
    : statutory;
  return regularObligations(
    'care-leaver-contact',
    { first: { ...rule, countsFrom: 'leaving care' }, next: rule },
    facts.countedFrom,
    { events: facts.contacts, ...(facts.endedOn ? { endedOn: facts.endedOn } : {}) },
    today,
    calendar,
  );
}

/** A council's own interval for the personal adviser's contact, as set from a date (Local standards). */
export interface CareLeaverContactStandard {
  interval: Period;
  source: string;
  effectiveFrom: Temporal.PlainDate;
}

/**
 * The personal adviser's contact where the council has set its own, stricter interval from a date: each contact is
 * owed within the interval in force on the date it counts from, and the statutory 2 months before the first
 * standard took effect, so that past contact is judged by the rule of its time (reg. 8(2)(c), as above).
 */
export function careLeaverContactUnderStandards(
  facts: CareLeaverContactFacts,
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
  standards: readonly CareLeaverContactStandard[],
): Obligation[] {
  const statutory = DEADLINE_RULES['care-leaver-contact'];
  const ruleOn = (from: Temporal.PlainDate): DeadlineRule => {
    const set = standards
      .filter((standard) => Temporal.PlainDate.compare(standard.effectiveFrom, from) <= 0)
      .sort((a, b) => Temporal.PlainDate.compare(b.effectiveFrom, a.effectiveFrom))[0];
    return set
      ? {
          ...statutory,
          period: set.interval,
          rule: `The personal adviser keeps in touch at least every ${describePeriod(set.interval)} (local standard)`,
          source: set.source,
        }
      : statutory;
  };
  return recurringObligations({
    kind: 'care-leaver-contact',
    first: deadlineFor(
      { ...ruleOn(facts.countedFrom), countsFrom: 'leaving care' },
      facts.countedFrom,
      calendar,
    ),
    next: (previous) => deadlineFor(ruleOn(previous), previous, calendar),
    events: facts.contacts,
    ...(facts.endedOn ? { endedOn: facts.endedOn } : {}),
    today,
  });
}
