import { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { DEADLINE_RULES, deadlineFor } from './deadline-rules.ts';
import { earliest } from './lifetimes.ts';
import { optional, regularObligations, singleObligation, type Obligation } from './obligation.ts';

export interface StrategyDiscussion {
  heldOn: Temporal.PlainDate;
  /** Whether this discussion decided to start the section 47 enquiry. */
  startedSection47Enquiry: boolean;
}

export interface Section47Facts {
  strategyDiscussions: readonly StrategyDiscussion[];
  initialConferenceOn?: Temporal.PlainDate;
  /** When the enquiry concluded that no conference was needed. */
  concludedWithoutConferenceOn?: Temporal.PlainDate;
  /**
   * When the obligation lapses for a reason outside this record: the child's death or 18th birthday, or the close
   * of the episode of need (see `obligationsEndOn`).
   */
  lapsesOn?: Temporal.PlainDate;
}

/**
 * Working Together to Safeguard Children 2023: the initial child protection conference within 15 working days of
 * the strategy discussion or, where more than one was held, of the one at which the section 47 enquiry started.
 * Nothing is due when no discussion started an enquiry.
 */
export function initialConferenceTimescale(
  enquiry: Section47Facts,
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Obligation[] {
  const [starting] = enquiry.strategyDiscussions
    .filter((discussion) => discussion.startedSection47Enquiry)
    .map((discussion) => discussion.heldOn)
    .sort(Temporal.PlainDate.compare);
  if (!starting) return [];
  const deadline = deadlineFor(DEADLINE_RULES.icpc, starting, calendar);
  return [
    singleObligation(
      'initial-child-protection-conference',
      deadline,
      optional(enquiry.initialConferenceOn),
      earliest(enquiry.concludedWithoutConferenceOn, enquiry.lapsesOn),
      today,
    ),
  ];
}

export interface ChildProtectionPlanFacts {
  /** The initial conference that made the plan. */
  initialConferenceOn: Temporal.PlainDate;
  coreGroupMeetings: readonly Temporal.PlainDate[];
  reviewConferences: readonly Temporal.PlainDate[];
  /** When the plan's obligations end: the plan ended, its episode of need closed, the child died or reached 18. */
  endedOn?: Temporal.PlainDate;
}

/**
 * Working Together to Safeguard Children 2023: the first core group within 10 working days of the initial
 * conference; the first review conference within 3 months of it, then reviews at most 6 months apart.
 * A plan that ends stops them; a new plan starts again from its own initial conference.
 */
export function childProtectionPlanTimescales(
  plan: ChildProtectionPlanFacts,
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Obligation[] {
  const coreGroup = singleObligation(
    'first-core-group',
    deadlineFor(DEADLINE_RULES['core-group'], plan.initialConferenceOn, calendar),
    plan.coreGroupMeetings,
    plan.endedOn,
    today,
  );
  const reviews = regularObligations(
    'child-protection-review',
    { first: DEADLINE_RULES['cp-review-first'], next: DEADLINE_RULES['cp-review-next'] },
    plan.initialConferenceOn,
    { events: plan.reviewConferences, ...(plan.endedOn ? { endedOn: plan.endedOn } : {}) },
    today,
    calendar,
  );
  return [coreGroup, ...reviews];
}
