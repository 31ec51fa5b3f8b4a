import type { SsdChildFacts } from '../../domain/returns/ssd/facts.ts';
import { londonDate } from '../../platform/actor.ts';
import type { ChildRecord } from '../record/service.ts';
import { ssda903FactsOf } from '../returns/ssda903-export.ts';

/** The SSDA903 facts need no worker registrations here: the SSD's involvements are read from the allocations. */
const noRegistrations = new Map<string, { number: string | null; leftOn: string | null }>();

/** The day of a date column or an instant (a contact's, taken in England's time). */
const dayOf = (value: string | Date): string =>
  value instanceof Date ? londonDate(value) : value.slice(0, 10);

/** The child's referrals and what was done in each, with Hearth's ids (the SSD's keys). */
function childInNeedFactsOf(record: ChildRecord, factors: ReadonlyMap<string, readonly string[]>) {
  const enquiryReferral = new Map(
    record.section47_enquiries.map((enquiry) => [enquiry.id, enquiry.episode_id]),
  );
  const planOfConference = new Map(record.cp_plans.map((plan) => [plan.conference_id, plan.id]));
  return {
    contacts: record.contacts.map((contact) => ({
      id: contact.id,
      on: dayOf(contact.received_at),
      source: contact.source,
      decision: contact.decision,
    })),
    referrals: record.episodes.map((episode) => ({
      id: episode.id,
      date: episode.referral_date,
      source: episode.referral_source,
      primaryNeed: episode.primary_need,
      noFurtherAction: episode.no_further_action,
      closedOn: episode.closed_on,
      closureReason: episode.closure_reason,
    })),
    assessments: record.assessments.map((assessment) => ({
      id: assessment.id,
      referralId: assessment.episode_id,
      start: assessment.start_date,
      authorisedOn: assessment.authorised_on,
      outcome: assessment.outcome,
      factors: factors.get(assessment.id) ?? [],
    })),
    cinPlans: record.cin_plans.map((plan) => ({
      id: plan.id,
      referralId: plan.episode_id,
      start: plan.start_date,
      end: plan.end_date,
    })),
    enquiries: record.section47_enquiries.map((enquiry) => ({
      id: enquiry.id,
      referralId: enquiry.episode_id,
      start: enquiry.started_on,
      end: enquiry.ended_on,
      outcome: enquiry.outcome,
    })),
    conferences: record.initial_conferences.map((conference) => ({
      id: conference.id,
      enquiryId: conference.section47_id,
      referralId: enquiryReferral.get(conference.section47_id) ?? null,
      heldOn: conference.held_on,
      outcome: conference.outcome,
      planId: planOfConference.get(conference.id) ?? null,
    })),
    protectionPlans: record.cp_plans.map((plan) => ({
      id: plan.id,
      referralId: plan.episode_id,
      conferenceId: plan.conference_id,
      start: plan.start_date,
      end: plan.end_date,
      initialCategory: plan.initial_category,
      latestCategory: plan.latest_category,
      reviews: record.cp_review_conferences
        .filter((review) => review.cp_plan_id === plan.id)
        .map((review) => ({ id: review.id, heldOn: review.held_on })),
    })),
  };
}

/** The child's care facts with Hearth's ids, beside the SSDA903 exporter's facts of the same record. */
function careFactsOf(record: ChildRecord) {
  return {
    // In the order of the SSDA903 facts' periods, which are made from the same rows in the same order.
    carePeriods: record.care_periods.map((period) => ({ id: period.id, referralId: period.episode_id })),
    legalStatuses: record.legal_statuses.map((status) => ({
      id: status.id,
      code: status.code,
      from: status.from_date,
      to: status.to_date,
    })),
    placements: record.placements.map((placement) => ({
      id: placement.id,
      periodId: placement.care_period_id,
      from: placement.start_date,
      to: placement.end_date,
      place: placement.place,
      provider: placement.provider,
      urn: placement.urn,
      postcode: placement.postcode,
      distanceMiles: placement.distance_miles,
      changeReason: placement.change_reason,
    })),
    careReviews: record.cla_reviews.map((review) => ({
      id: review.id,
      periodId: review.care_period_id,
      heldOn: review.held_on,
      participation: review.participation,
    })),
    missing: record.missing_episodes.map((missing) => ({
      id: missing.id,
      kind: missing.kind,
      start: missing.started_on,
      end: missing.ended_on,
      interviewOffered: missing.return_interview_offered,
      interviewAccepted: missing.return_interview_accepted,
    })),
    healthChecks: record.health_assessments.map((check) => ({
      id: check.id,
      kind: check.kind,
      on: check.completed_on,
    })),
    careLeaverStatuses: record.care_leaver_statuses.map((status) => ({
      status: status.status,
      from: status.from_date,
      to: status.to_date,
      personalAdviserId: status.personal_adviser_id,
    })),
    pathwayPlanReviewedOn:
      record.pathway_plan_reviews
        .map((review) => review.held_on)
        .sort()
        .at(-1) ?? null,
  };
}

/** What the SSD needs of one child's record, in the exporter's words; the person id is the council's local id. */
export function ssdFactsOf(
  record: ChildRecord,
  factors: ReadonlyMap<string, readonly string[]>,
): SsdChildFacts {
  const { child } = record;
  return {
    personId: child.local_id,
    sex: child.sex,
    gender: child.gender,
    ethnicity: child.ethnicity,
    dateOfBirth: child.date_of_birth,
    expectedDateOfBirth: child.expected_date_of_birth,
    dateOfDeath: child.date_of_death,
    nhsNumber: child.nhs_number,
    upn: child.upn,
    immigrationStatus: child.immigration_status,
    uasc: child.uasc,
    disabilities: child.disabilities,
    addresses: record.child_addresses.map((address) => ({
      id: address.id,
      postcode: address.postcode,
      from: address.from_date,
      to: address.to_date,
    })),
    ...childInNeedFactsOf(record, factors),
    visits: record.child_visits.map((visit) => ({
      id: visit.id,
      on: visit.visited_on,
      seen: visit.seen,
      seenAlone: visit.seen_alone,
      bedroomSeen: visit.bedroom_seen,
    })),
    ...careFactsOf(record),
    allocations: record.allocations.map((allocation) => ({
      id: allocation.id,
      workerId: allocation.worker_id,
      role: allocation.case_role,
      from: allocation.from_date,
      to: allocation.to_date,
      changeReason: allocation.change_reason,
    })),
    care: ssda903FactsOf(record, noRegistrations),
  };
}
