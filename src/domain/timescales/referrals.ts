import type { Temporal } from 'temporal-polyfill';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { DEADLINE_RULES, deadlineFor } from './deadline-rules.ts';
import { earliest } from './lifetimes.ts';
import { optional, singleObligation, type Obligation } from './obligation.ts';

export interface ContactFacts {
  receivedOn: Temporal.PlainDate;
  /** When the decision was made: no further action, signpost, early help or referral. */
  decidedOn?: Temporal.PlainDate;
  /** When the obligation lapses for a reason outside this record: the child's death (see `obligationsEndOn`). */
  lapsesOn?: Temporal.PlainDate;
}

/** Working Together to Safeguard Children 2023: a decision on the response within 1 working day of the contact. */
export function contactDecision(
  contact: ContactFacts,
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Obligation {
  const deadline = deadlineFor(DEADLINE_RULES['contact-decision'], contact.receivedOn, calendar);
  return singleObligation('contact-decision', deadline, optional(contact.decidedOn), contact.lapsesOn, today);
}

export interface ReferralFacts {
  referralOn: Temporal.PlainDate;
  assessmentAuthorisedOn?: Temporal.PlainDate;
  /** When the referral closed without an assessment (no further action). */
  closedWithoutAssessmentOn?: Temporal.PlainDate;
  /**
   * When the obligation lapses for a reason outside this record: the child's death or 18th birthday (see
   * `obligationsEndOn`).
   */
  lapsesOn?: Temporal.PlainDate;
}

/**
 * Working Together to Safeguard Children 2023: the assessment is completed within 45 working days of the
 * referral, completion being the manager's authorisation (DfE Children in Need census guide).
 */
export function assessmentTimescale(
  referral: ReferralFacts,
  today: Temporal.PlainDate,
  calendar: WorkingDayCalendar,
): Obligation {
  const deadline = deadlineFor(DEADLINE_RULES.assessment, referral.referralOn, calendar);
  return singleObligation(
    'assessment',
    deadline,
    optional(referral.assessmentAuthorisedOn),
    earliest(referral.closedWithoutAssessmentOn, referral.lapsesOn),
    today,
  );
}
