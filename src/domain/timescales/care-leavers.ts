import type { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { DEADLINE_RULES, describePeriod, type DeadlineRule, type Period } from './deadline-rules.ts';
import { regularObligations, type Obligation } from './obligation.ts';

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
