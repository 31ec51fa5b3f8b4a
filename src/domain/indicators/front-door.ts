import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { IsoDate } from '../returns/dates.ts';
import { dueBy } from './deadlines.ts';
import type { ChildFacts, CouncilFacts } from './facts.ts';
import {
  childrenOf,
  countIndicator,
  countOf,
  countWithRate,
  proportionOf,
  type IndicatorDefinition,
} from './indicator.ts';
import { inPeriod, twelveMonthsBefore, type ReportingPeriod } from './periods.ts';

const CIN_RELEASE = "DfE, 'Children in need' statistics (CIN census)";
const englishDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** England's day of each hour already seen: clocks change on the hour, and formatting a date is slow. */
const daysOfHours = new Map<number, IsoDate>();

/** The day a contact came in: an instant is taken in England's time, as the record's reader takes it. */
function dayReceived(receivedAt: Date | IsoDate): IsoDate {
  if (!(receivedAt instanceof Date)) return receivedAt.slice(0, 10);
  const hour = Math.floor(receivedAt.getTime() / 3_600_000);
  let day = daysOfHours.get(hour);
  if (day === undefined) daysOfHours.set(hour, (day = englishDay.format(receivedAt)));
  return day;
}

function contactsIn(facts: CouncilFacts, period: ReportingPeriod) {
  return facts.children.flatMap((child) =>
    child.contacts
      .filter((contact) => inPeriod(dayReceived(contact.received_at), period))
      .map((contact) => ({ child: child.child.id, contact })),
  );
}

function referralsIn(facts: CouncilFacts, period: ReportingPeriod) {
  return facts.children.flatMap((child) =>
    child.episodes
      .filter((episode) => inPeriod(episode.referral_date, period))
      .map((episode) => ({ facts: child, child: child.child.id, episode })),
  );
}

/** Whether the child had another referral starting in the 12 months before `referralDate`. */
function referredInTheYearBefore(child: ChildFacts, referralDate: IsoDate): boolean {
  const yearBefore = twelveMonthsBefore(referralDate);
  return child.episodes.some((episode) => inPeriod(episode.referral_date, yearBefore));
}

/**
 * "Within 45 working days of D", D being day 0: authorised on or before the 45th working day after it, counted
 * on Hearth's calendar by the assessment timescale's own rule (Working Together to Safeguard Children 2023).
 */
function within45WorkingDays(calendar: WorkingDayCalendar, from: IsoDate, authorised: IsoDate): boolean {
  return authorised <= dueBy(calendar, 'assessment', from);
}

/** The assessments authorised in the period, each with the day its clock counts from. */
function assessmentsAuthorisedIn(facts: CouncilFacts, period: ReportingPeriod, from: 'start' | 'referral') {
  return facts.children.flatMap((child) =>
    child.assessments.flatMap((assessment) => {
      if (!inPeriod(assessment.authorised_on, period)) return [];
      const referral = child.episodes.find((episode) => episode.id === assessment.episode_id)?.referral_date;
      const counted = from === 'start' ? assessment.start_date : (referral ?? assessment.start_date);
      return [{ child: child.child.id, from: counted, authorised: assessment.authorised_on! }];
    }),
  );
}

/** The front door: contacts, referrals and assessments (DfE Children in need statistics; Working Together 2023). */
export const frontDoorIndicators: readonly IndicatorDefinition[] = [
  countIndicator({
    id: 'contacts',
    title: 'Contacts',
    theme: 'front door',
    counts: 'Contacts received in the period.',
    numerator: 'contacts received in the period',
    reading: 'during',
    source: 'Ofsted ILACS Annex A, list 1 (contacts)',
    compute: (facts, period) => countOf(childrenOf(contactsIn(facts, period))),
  }),
  {
    id: 'contacts-to-referral',
    title: 'Contacts leading to a referral',
    theme: 'front door',
    counts:
      'Of the contacts received in the period, those whose decision was a referral to children’s social care.',
    numerator: 'contacts in the period whose decision was a referral',
    denominator: 'contacts received in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: null,
    source: 'Ofsted ILACS Annex A, list 1 (contacts)',
    compute: (facts, period) =>
      proportionOf(
        contactsIn(facts, period).map(({ child, contact }) => ({
          child,
          counted: contact.decision === 'referral',
        })),
      ),
  },
  countIndicator({
    id: 'referrals',
    title: 'Referrals',
    theme: 'front door',
    counts: 'Referrals starting in the period; each referral opens an episode of need.',
    numerator: 'referrals starting in the period',
    reading: 'during',
    source: `${CIN_RELEASE}: referrals`,
    ratePer10000: true,
    compute: (facts, period) => countWithRate(childrenOf(referralsIn(facts, period)), facts),
  }),
  {
    id: 're-referrals-12m',
    title: 'Re-referrals within 12 months',
    theme: 'front door',
    counts:
      'Of the referrals in the period, those for a child who had another referral starting in the 12 months before this one (from the same date a year earlier up to the day before).',
    numerator: 'referrals in the period with another referral of the child in the 12 months before',
    denominator: 'referrals starting in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: false,
    source: `${CIN_RELEASE}: re-referrals within 12 months of a previous referral`,
    compute: (facts, period) =>
      proportionOf(
        referralsIn(facts, period).map(({ facts: child, episode }) => ({
          child: child.child.id,
          counted: referredInTheYearBefore(child, episode.referral_date),
        })),
      ),
  },
  {
    id: 'referrals-nfa',
    title: 'Referrals ending in no further action',
    theme: 'front door',
    counts: 'Of the referrals in the period, those recorded as no further action.',
    numerator: 'referrals in the period with no further action',
    denominator: 'referrals starting in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: false,
    source: `${CIN_RELEASE}: referrals resulting in no further action (ReferralNFA)`,
    compute: (facts, period) =>
      proportionOf(
        referralsIn(facts, period).map(({ child, episode }) => ({
          child,
          counted: episode.no_further_action,
        })),
      ),
  },
  {
    id: 'assessments-45wd',
    title: 'Assessments completed within 45 working days',
    theme: 'front door',
    counts:
      'Of the assessments authorised in the period, those authorised within 45 working days of the assessment’s start (the start is day 0).',
    numerator: 'assessments authorised in the period within 45 working days of their start',
    denominator: 'assessments authorised in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: true,
    source: `${CIN_RELEASE}: assessment duration, from the assessment's start to its authorisation`,
    compute: (facts, period, calendar) =>
      proportionOf(
        assessmentsAuthorisedIn(facts, period, 'start').map(({ child, from, authorised }) => ({
          child,
          counted: within45WorkingDays(calendar, from, authorised),
        })),
      ),
  },
  {
    id: 'assessments-45wd-from-referral',
    title: 'Assessments completed within 45 working days of the referral',
    theme: 'front door',
    counts:
      'Of the assessments authorised in the period, those authorised within 45 working days of the referral that opened the episode (the referral is day 0).',
    numerator: 'assessments authorised in the period within 45 working days of the referral',
    denominator: 'assessments authorised in the period',
    kind: 'percentage',
    reading: 'during',
    higherIsBetter: true,
    source: 'Working Together to Safeguard Children 2023: 45 working days from the point of referral',
    compute: (facts, period, calendar) =>
      proportionOf(
        assessmentsAuthorisedIn(facts, period, 'referral').map(({ child, from, authorised }) => ({
          child,
          counted: within45WorkingDays(calendar, from, authorised),
        })),
      ),
  },
];
