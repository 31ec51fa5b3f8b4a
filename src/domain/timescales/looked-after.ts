import { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { DEADLINE_RULES, deadlineFor } from './deadline-rules.ts';
import {
  healthAssessmentTimescales,
  personalEducationPlanTimescales,
  type SchoolTerm,
} from './health-and-education.ts';
import { firstDeadline, obligationSpan, type ObligationSpan } from './lifetimes.ts';
import { recurringObligations, type Obligation } from './obligation.ts';

export interface Placement {
  startedOn: Temporal.PlainDate;
  endedOn?: Temporal.PlainDate;
  /** When the placement was agreed as long-term, intended to last until the child is 18. */
  agreedLongTermOn?: Temporal.PlainDate;
}

export interface PeriodOfCare {
  startedOn: Temporal.PlainDate;
  endedOn?: Temporal.PlainDate;
  placements: readonly Placement[];
}

/** What a child's record holds about their time looked after, in the words of the regulations. */
export interface LookedAfterRecord {
  dateOfBirth: Temporal.PlainDate;
  /** Death ends every obligation from that day. */
  diedOn?: Temporal.PlainDate;
  periodsOfCare: readonly PeriodOfCare[];
  reviews: readonly Temporal.PlainDate[];
  visits: readonly Temporal.PlainDate[];
  healthAssessments: readonly Temporal.PlainDate[];
  /** Personal education plan meetings: the first in a period of care starts the plan, later ones review it. */
  personalEducationPlans: readonly Temporal.PlainDate[];
  /** The school terms of the child's school, when known, for termly PEP reviews. */
  schoolTerms?: readonly SchoolTerm[];
}

/**
 * Care Planning, Placement and Case Review (England) Regulations 2010, reg. 33: the first review within 20 working
 * days of the child becoming looked after, the second within 3 months of the first, then at most 6 months apart.
 * Each period of care starts its own reviews; placement moves within a period change nothing here. `period` is the
 * period of care as bounded by the child's life (see `obligationSpan`).
 */
export function lookedAfterReviews(
  period: ObligationSpan,
  reviews: readonly Temporal.PlainDate[],
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Obligation[] {
  const [firstReview] = reviews
    .filter((review) => Temporal.PlainDate.compare(review, period.startedOn) >= 0)
    .sort(Temporal.PlainDate.compare);
  return recurringObligations({
    kind: 'looked-after-review',
    first: firstDeadline(DEADLINE_RULES['cla-review-first'], period, calendar),
    next: (previous) => {
      const isFirst = firstReview !== undefined && firstReview.equals(previous);
      return deadlineFor(
        DEADLINE_RULES[isFirst ? 'cla-review-second' : 'cla-review-next'],
        previous,
        calendar,
      );
    },
    events: reviews,
    ...(period.endedOn ? { endedOn: period.endedOn } : {}),
    today,
  });
}

/**
 * Care Planning, Placement and Case Review (England) Regulations 2010, reg. 28(2): a visit within 1 week of the
 * start of any placement, then at most 6 weeks apart in the placement's first year; after it, at most 3 months
 * apart where the placement is agreed as intended to last until 18, otherwise still 6 weeks. The interval after a
 * visit is set by where that visit falls. Each placement starts its own visits; `placement` is bounded by its
 * period of care and the child's life (see `obligationSpan`).
 */
export function placementVisits(
  placement: Placement & ObligationSpan,
  visits: readonly Temporal.PlainDate[],
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Obligation[] {
  const firstYearEnds = placement.startedOn.add({ years: 1 });
  const { compare } = Temporal.PlainDate;
  return recurringObligations({
    kind: 'looked-after-visit',
    first: firstDeadline(DEADLINE_RULES['cla-visit-first'], placement, calendar),
    next: (previous) => {
      const longTerm =
        compare(previous, firstYearEnds) >= 0 &&
        placement.agreedLongTermOn !== undefined &&
        compare(placement.agreedLongTermOn, previous) <= 0;
      return deadlineFor(
        DEADLINE_RULES[longTerm ? 'cla-visit-long-term' : 'cla-visit-next'],
        previous,
        calendar,
      );
    },
    events: visits,
    ...(placement.endedOn ? { endedOn: placement.endedOn } : {}),
    today,
  });
}

/**
 * Everything due for a looked-after child across all periods of care: reviews and health and education work per
 * period of care (reg. 33, reg. 7, PEP guidance), visits per placement (reg. 28). A new placement resets only the
 * visits; a new period of care resets reviews, the initial health assessment and the PEP as well. Each is owed only
 * within the child's life as `obligationSpan` bounds it: from birth (the PEP from the 3rd birthday) until the period
 * of care ends, the child dies or reaches 18; a placement with no end of its own ends with its period of care.
 * With `ahead`, the initial PEP owed from a 3rd birthday still to come is included (personalEducationPlanTimescales).
 */
export function lookedAfterTimescales(
  record: LookedAfterRecord,
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
  ahead = false,
): Obligation[] {
  return record.periodsOfCare.flatMap((period) => {
    const inPeriod = (dates: readonly Temporal.PlainDate[]) => datesWithin(dates, period);
    const care = obligationSpan('care-of-the-child', record, period.startedOn, period.endedOn);
    const education = obligationSpan('education-in-care', record, period.startedOn, period.endedOn);
    const visits = period.placements.flatMap((placement) =>
      placementVisits(
        {
          ...placement,
          ...obligationSpan(
            'care-of-the-child',
            record,
            placement.startedOn,
            placement.endedOn,
            period.endedOn,
          ),
        },
        inPeriod(record.visits),
        today,
        calendar,
      ),
    );
    return [
      ...lookedAfterReviews(care, inPeriod(record.reviews), today, calendar),
      ...visits,
      ...healthAssessmentTimescales(
        care,
        record.dateOfBirth,
        inPeriod(record.healthAssessments),
        today,
        calendar,
      ),
      ...personalEducationPlanTimescales(
        education,
        inPeriod(record.personalEducationPlans),
        record.schoolTerms ?? [],
        today,
        calendar,
        ahead,
      ),
    ];
  });
}

function datesWithin(
  dates: readonly Temporal.PlainDate[],
  period: { startedOn: Temporal.PlainDate; endedOn?: Temporal.PlainDate },
): Temporal.PlainDate[] {
  const { compare } = Temporal.PlainDate;
  return dates.filter(
    (date) => compare(date, period.startedOn) >= 0 && (!period.endedOn || compare(date, period.endedOn) <= 0),
  );
}
