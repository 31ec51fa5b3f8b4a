import { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { DEADLINE_RULES, deadlineFor, type DeadlineRule } from './deadline-rules.ts';
import { birthday, firstDeadline, spanLasts, type ObligationSpan } from './lifetimes.ts';
import {
  eventsBetween,
  obligationStatus,
  recurringObligations,
  singleObligation,
  type Obligation,
} from './obligation.ts';

const HEALTH_REVIEW_SOURCE =
  'Care Planning, Placement and Case Review (England) Regulations 2010, reg. 7 and Schedule 1 para. 1';

const HEALTH_REVIEW_UNDER_FIVE: DeadlineRule = {
  period: { amount: 6, unit: 'months' },
  rule: 'Review the health of a child under 5 at least every 6 months',
  countsFrom: 'previous health assessment',
  source: HEALTH_REVIEW_SOURCE,
};

const HEALTH_REVIEW_FROM_FIVE: DeadlineRule = {
  period: { amount: 12, unit: 'months' },
  rule: 'Review the health of a child aged 5 or over at least every 12 months',
  countsFrom: 'previous health assessment',
  source: HEALTH_REVIEW_SOURCE,
};

/**
 * Care Planning Regulations 2010, reg. 7 and statutory guidance "Promoting the health and wellbeing of looked-after
 * children" (2015): an initial health assessment within 20 working days of becoming looked after, then reviews at
 * least every 6 months before the fifth birthday and every 12 months from it. The interval after an assessment is
 * set by the child's age on the day of that assessment, the stricter reading where a review straddles the birthday.
 * `period` is the period of care as bounded by the child's life (see `obligationSpan`).
 */
export function healthAssessmentTimescales(
  period: ObligationSpan,
  dateOfBirth: Temporal.PlainDate,
  assessments: readonly Temporal.PlainDate[],
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Obligation[] {
  const initial = singleObligation(
    'initial-health-assessment',
    firstDeadline(DEADLINE_RULES['health-assessment-initial'], period, calendar),
    assessments,
    period.endedOn,
    today,
  );
  const initialOn = initial.metOn;
  if (!initialOn) return [initial];
  const fifthBirthday = birthday(dateOfBirth, 5);
  const reviews = recurringObligations({
    kind: 'health-assessment-review',
    first: nextHealthReview(initialOn, fifthBirthday, calendar),
    next: (previous) => nextHealthReview(previous, fifthBirthday, calendar),
    events: assessments.filter((assessment) => Temporal.PlainDate.compare(assessment, initialOn) > 0),
    ...(period.endedOn ? { endedOn: period.endedOn } : {}),
    today,
  });
  return [initial, ...reviews];
}

function nextHealthReview(
  previous: Temporal.PlainDate,
  fifthBirthday: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
) {
  const underFive = Temporal.PlainDate.compare(previous, fifthBirthday) < 0;
  return deadlineFor(underFive ? HEALTH_REVIEW_UNDER_FIVE : HEALTH_REVIEW_FROM_FIVE, previous, calendar);
}

/** A school term of the child's school, as the school or the council publishes it. */
export interface SchoolTerm {
  name: string;
  startsOn: Temporal.PlainDate;
  endsOn: Temporal.PlainDate;
}

/**
 * Statutory guidance "Promoting the education of looked-after and previously looked-after children" (DfE 2018):
 * the personal education plan is started within 10 working days of becoming looked after and reviewed every school
 * term. Each term that begins after the plan was started needs a review dated within it, due by the term's end.
 * `period` is the span of care in which a PEP is owed, from the 3rd birthday to the 18th (see `obligationSpan`):
 * nothing is owed before it starts, or at all when it never opens. With `ahead`, a span still to come (a child in
 * care who turns 3 later) gives its initial PEP now, counted from the span's first day, so that it can be stored
 * ahead and be owed on that birthday without waiting for a rebuild (the stored rows' readers leave out an
 * obligation until its `counted_from`).
 */
export function personalEducationPlanTimescales(
  period: ObligationSpan,
  planMeetings: readonly Temporal.PlainDate[],
  terms: readonly SchoolTerm[],
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
  ahead = false,
): Obligation[] {
  const { compare } = Temporal.PlainDate;
  if (!spanLasts(period) || (!ahead && compare(period.startedOn, today) > 0)) return [];
  const initial = singleObligation(
    'personal-education-plan',
    firstDeadline(DEADLINE_RULES['pep-initial'], period, calendar),
    planMeetings,
    period.endedOn,
    today,
  );
  const startedOn = initial.metOn ?? initial.dueBy;
  const termly = terms
    .filter((term) => compare(term.startsOn, startedOn) > 0)
    .filter((term) => !period.endedOn || compare(term.startsOn, period.endedOn) <= 0)
    .sort((a, b) => compare(a.startsOn, b.startsOn))
    .map((term): Obligation => {
      const [metOn] = eventsBetween(planMeetings, term.startsOn, term.endsOn);
      return {
        kind: 'personal-education-plan-review',
        dueBy: term.endsOn,
        ...(metOn ? { metOn } : {}),
        status: obligationStatus(term.endsOn, metOn, period.endedOn, today, term.endsOn),
        explanation: {
          rule: `Review the personal education plan during the ${term.name} term`,
          source: DEADLINE_RULES['pep-initial'].source,
          period: { amount: term.startsOn.until(term.endsOn).days, unit: 'days' },
          countedFrom: term.startsOn,
          countedFromEvent: `start of the ${term.name} term`,
          skipped: [],
        },
      };
    });
  return [initial, ...termly];
}
