import { Temporal } from 'temporal-polyfill';
import { journeyStatus, type JourneyRecord, type JourneyStatus } from '../../domain/journey/status.ts';
import { journeyStateOf, type JourneyState } from '../../domain/journey/transitions.ts';
import { londonDate } from '../../platform/actor.ts';
import type { ChildRecord, RecordTable } from '../record/service.ts';

/** The tables of the record a child's journey status is worked out from: a list of children reads only these. */
export const JOURNEY_TABLES = [
  'contacts',
  'episodes',
  'assessments',
  'section47_enquiries',
  'cp_plans',
  'cin_plans',
  'care_periods',
  'legal_statuses',
  'placements',
  'care_leaver_statuses',
] as const satisfies readonly RecordTable[];

const day = (text: string) => Temporal.PlainDate.from(text);
const maybe = (text: string | null) => (text ? day(text) : null);

/** The child's contacts, episodes of need with their assessments, enquiries and plans. */
function needRecordOf(record: ChildRecord) {
  return {
    contacts: record.contacts.map((contact) => ({
      id: contact.id,
      receivedOn: day(londonDate(contact.received_at)),
      decision: contact.decision,
      decidedOn: maybe(contact.decided_on),
    })),
    episodes: record.episodes.map((episode) => ({
      id: episode.id,
      contactId: episode.contact_id,
      referralDate: day(episode.referral_date),
      noFurtherAction: episode.no_further_action,
      closedOn: maybe(episode.closed_on),
      closureReason: episode.closure_reason,
      assessments: record.assessments
        .filter((assessment) => assessment.episode_id === episode.id)
        .map((assessment) => ({
          startDate: day(assessment.start_date),
          authorisedOn: maybe(assessment.authorised_on),
          outcome: assessment.outcome,
        })),
    })),
    section47Enquiries: record.section47_enquiries.map((enquiry) => ({
      episodeId: enquiry.episode_id,
      startedOn: day(enquiry.started_on),
      endedOn: maybe(enquiry.ended_on),
    })),
    childProtectionPlans: record.cp_plans.map((plan) => ({
      episodeId: plan.episode_id,
      startDate: day(plan.start_date),
      endDate: maybe(plan.end_date),
      initialCategory: plan.initial_category,
      latestCategory: plan.latest_category,
    })),
    childInNeedPlans: record.cin_plans.map((plan) => ({
      episodeId: plan.episode_id,
      startDate: day(plan.start_date),
      endDate: maybe(plan.end_date),
    })),
  };
}

/** The child's periods of care with their legal statuses and placements, and their care leaver statuses. */
function careRecordOf(record: ChildRecord) {
  return {
    periodsOfCare: record.care_periods.map((period) => ({
      episodeId: period.episode_id,
      startDate: day(period.start_date),
      endDate: maybe(period.end_date),
      reasonCeased: period.reason_ceased,
      legalStatuses: record.legal_statuses
        .filter((status) => status.care_period_id === period.id)
        .map((status) => ({
          code: status.code,
          fromDate: day(status.from_date),
          toDate: maybe(status.to_date),
        })),
      placements: record.placements
        .filter((placement) => placement.care_period_id === period.id)
        .map((placement) => ({
          place: placement.place,
          startDate: day(placement.start_date),
          endDate: maybe(placement.end_date),
        })),
    })),
    careLeaverStatuses: record.care_leaver_statuses.map((status) => ({
      status: status.status,
      fromDate: day(status.from_date),
      toDate: maybe(status.to_date),
    })),
  };
}

/** The facts `journeyStatus` works from, taken from the child's record as `readRecords` read it. */
export function journeyRecordOf(record: ChildRecord): JourneyRecord {
  return {
    dateOfBirth: maybe(record.child.date_of_birth),
    dateOfDeath: maybe(record.child.date_of_death),
    ...needRecordOf(record),
    ...careRecordOf(record),
  };
}

/**
 * The child's state in the journey's transition table from their record as at a day (as `readRecord` read it,
 * which leaves out what began later and shows open what ended later): what is open then.
 */
export function journeyStateOfRecord(record: ChildRecord): JourneyState {
  const open = <Row>(rows: Row[], end: (row: Row) => string | null) =>
    rows.filter((row) => end(row) === null);
  const episode = open(record.episodes, (row) => row.closed_on)[0];
  return journeyStateOf({
    openEpisode: episode !== undefined,
    assessmentAuthorised: record.assessments.some(
      (assessment) => assessment.episode_id === episode?.id && assessment.authorised_on !== null,
    ),
    openSection47: open(record.section47_enquiries, (row) => row.ended_on).length > 0,
    openChildProtectionPlan: open(record.cp_plans, (row) => row.end_date).length > 0,
    openPeriodOfCare: open(record.care_periods, (row) => row.end_date).length > 0,
    careLeaver: open(record.care_leaver_statuses, (row) => row.to_date).length > 0,
  });
}

/** A child's journey status on `today` from their whole record, as every page and list of children shows it. */
export function journeyStatusOf(record: ChildRecord, today: string): JourneyStatus {
  return journeyStatus(journeyRecordOf(record), Temporal.PlainDate.from(today));
}
