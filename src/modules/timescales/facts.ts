import { Temporal } from 'temporal-polyfill';
import type { ChildTimescaleFacts } from '../../domain/timescales/child-obligations.ts';
import { birthday } from '../../domain/timescales/lifetimes.ts';
import type { PeriodOfCare } from '../../domain/timescales/looked-after.ts';
import { londonDate } from '../../platform/actor.ts';
import type { ChildRecord } from '../record/service.ts';

type Day = Temporal.PlainDate;
/**
 * Each date once: a council's records hold a few thousand distinct dates, read for 100,000 children, and reading
 * a date with Temporal is costly. A PlainDate never changes, so the same one serves every child; being the same
 * object, it also finds the periods already counted from it (deadline-rules.ts).
 */
const knownDays = new Map<string, Day>();
const day = (text: string) => {
  let known = knownDays.get(text);
  if (!known) knownDays.set(text, (known = Temporal.PlainDate.from(text)));
  return known;
};
const byDate = (a: Day, b: Day) => Temporal.PlainDate.compare(a, b);
/** `{ [key]: day }` when the date was recorded, else nothing: the domain's optional facts. */
const when = <K extends string>(key: K, text: string | null | undefined) =>
  (text ? { [key]: day(text) } : {}) as { [P in K]?: Day };

/**
 * Whether the council is still supporting a care leaver after their 21st birthday (so to 25: Children and Social
 * Work Act 2017, s. 3): the record as at `asAt` shows a care leaver status current on or after that birthday, or a
 * contact or pathway plan review held on or after it.
 */
function supportedPast21(record: ChildRecord, asAt: string): boolean {
  if (!record.child.date_of_birth) return false;
  const twentyFirst = birthday(day(record.child.date_of_birth), 21).toString();
  if (asAt < twentyFirst) return false;
  return (
    record.care_leaver_statuses.some((status) => !status.to_date || status.to_date >= twentyFirst) ||
    record.care_leaver_contacts.some((contact) => contact.contacted_on >= twentyFirst) ||
    record.pathway_plan_reviews.some((review) => review.held_on >= twentyFirst)
  );
}

/**
 * Everything a timescale runs from, as the domain's ChildTimescaleFacts, from one child's record as read by
 * `readRecords` for the day `asAt` (and as known at the instant it was read for). Only visits at which the child
 * was seen count as visits (Care Planning Regulations 2010, reg. 28(3); Working Together 2023).
 */
export function timescaleFactsOf(record: ChildRecord, asAt: string): ChildTimescaleFacts {
  const episodeClosed = new Map(record.episodes.map((episode) => [episode.id, episode.closed_on]));
  const firstAuthorised = (episodeId: string) =>
    record.assessments
      .filter((assessment) => assessment.episode_id === episodeId && assessment.authorised_on)
      .map((assessment) => assessment.authorised_on!)
      .sort()[0];
  const discussions = new Map(record.strategy_discussions.map((discussion) => [discussion.id, discussion]));
  const periodsOfCare: PeriodOfCare[] = record.care_periods.map((period) => ({
    startedOn: day(period.start_date),
    ...when('endedOn', period.end_date),
    placements: record.placements
      .filter((placement) => placement.care_period_id === period.id)
      .map((placement) => ({
        startedOn: day(placement.start_date),
        ...when('endedOn', placement.end_date),
        ...(placement.long_term_agreed ? { agreedLongTermOn: day(placement.start_date) } : {}),
      })),
  }));
  const leaverStatuses = [...record.care_leaver_statuses].sort((a, b) =>
    a.from_date.localeCompare(b.from_date),
  );
  const datesOf = <Row>(rows: readonly Row[], column: keyof Row) =>
    rows.map((row) => day(row[column] as string)).sort(byDate);
  return {
    ...when('dateOfBirth', record.child.date_of_birth),
    // Death ends every obligation from that day (lifetimes.ts); it is recorded once, on the child (issue 17).
    ...when('diedOn', record.child.date_of_death),
    contacts: record.contacts.map((contact) => ({
      receivedOn: day(londonDate(contact.received_at)),
      ...when('decidedOn', contact.decided_on),
    })),
    episodes: record.episodes.map((episode) => {
      const authorised = firstAuthorised(episode.id);
      return {
        referralOn: day(episode.referral_date),
        ...when('assessmentAuthorisedOn', authorised),
        ...(authorised ? {} : when('closedWithoutAssessmentOn', episode.closed_on)),
      };
    }),
    enquiries: record.section47_enquiries.map((enquiry) => {
      const started = discussions.get(enquiry.strategy_discussion_id);
      const conference = record.initial_conferences.find(
        (candidate) => candidate.section47_id === enquiry.id,
      );
      return {
        strategyDiscussions: started ? [{ heldOn: day(started.held_on), startedSection47Enquiry: true }] : [],
        ...when('initialConferenceOn', conference?.held_on),
        ...(enquiry.outcome !== 'conference' ? when('concludedWithoutConferenceOn', enquiry.ended_on) : {}),
      };
    }),
    childProtectionPlans: record.cp_plans.map((plan) => ({
      conferenceOn: day(plan.start_date),
      coreGroups: datesOf(
        record.cp_core_groups.filter((meeting) => meeting.cp_plan_id === plan.id),
        'held_on',
      ),
      reviews: datesOf(
        record.cp_review_conferences.filter((meeting) => meeting.cp_plan_id === plan.id),
        'held_on',
      ),
      ...when('endedOn', plan.end_date),
      ...when('episodeClosedOn', episodeClosed.get(plan.episode_id)),
    })),
    childInNeedPlans: record.cin_plans.map((plan) => ({
      startedOn: day(plan.start_date),
      ...when('endedOn', plan.end_date),
      ...when('episodeClosedOn', episodeClosed.get(plan.episode_id)),
      reviews: datesOf(
        record.cin_plan_reviews.filter((review) => review.cin_plan_id === plan.id),
        'held_on',
      ),
    })),
    visits: datesOf(
      record.child_visits.filter((visit) => visit.seen),
      'visited_on',
    ),
    periodsOfCare,
    careReviews: datesOf(record.cla_reviews, 'held_on'),
    healthAssessments: datesOf(
      record.health_assessments.filter((check) => check.kind !== 'dental'),
      'completed_on',
    ),
    personalEducationPlans: datesOf(record.personal_education_plans, 'completed_on'),
    pathwayPlans: record.pathway_plans.map((plan) => ({
      agreedOn: day(plan.started_on),
      reviews: datesOf(
        record.pathway_plan_reviews.filter((review) => review.pathway_plan_id === plan.id),
        'held_on',
      ),
      ...when('endedOn', plan.ended_on),
    })),
    ...(leaverStatuses[0]
      ? {
          careLeaver: {
            from: day(leaverStatuses[0].from_date),
            contacts: datesOf(record.care_leaver_contacts, 'contacted_on'),
            ...(supportedPast21(record, asAt) ? { supportUntil25: true } : {}),
            ...when('endedOn', leaverStatuses.at(-1)?.to_date),
          },
        }
      : {}),
  };
}
