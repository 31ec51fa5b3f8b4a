import type {
  AdoptionFacts,
  CareLeaverContactFacts,
  DfeChildFacts,
  EpisodeFacts,
  PlacementFacts,
} from '../../domain/returns/dfe-api/facts.ts';
import type { ChildRecord, RecordTable } from '../record/service.ts';

/** The parts of the record the DfE's document is made from. */
export const DFE_API_TABLES = [
  'child_addresses',
  'allocations',
  'episodes',
  'assessments',
  'section47_enquiries',
  'initial_conferences',
  'cin_plans',
  'cp_plans',
  'care_periods',
  'placements',
  'adoption_decisions',
  'care_leaver_contacts',
  'care_outcomes',
] as const satisfies readonly RecordTable[];

/** The placement types (SSDA903 PLACE) of a child placed for adoption: the adoption's "placed" date. */
const PLACED_FOR_ADOPTION = new Set(['A3', 'A4', 'A5', 'A6']);

/** The episode a fact of `on` belongs to: the one open on that day, or else the latest before it, or the first. */
function episodeOn(episodes: readonly EpisodeFacts[], on: string): EpisodeFacts | undefined {
  const before = episodes.filter((episode) => episode.referralDate <= on);
  return (
    before.find((episode) => episode.closedOn === null || episode.closedOn >= on) ??
    before.at(-1) ??
    episodes[0]
  );
}

function placementsOf(record: ChildRecord): PlacementFacts[] {
  const facts: PlacementFacts[] = [];
  for (const period of record.care_periods) {
    const placements = record.placements
      .filter((placement) => placement.care_period_id === period.id)
      .sort((a, b) => a.start_date.localeCompare(b.start_date));
    placements.forEach((placement, index) => {
      const last = index === placements.length - 1;
      facts.push({
        id: placement.id,
        episodeId: period.episode_id,
        startDate: placement.start_date,
        endDate: placement.end_date,
        startReason: index === 0 ? 'S' : 'P',
        placementType: placement.place,
        postcode: placement.postcode,
        endReason: placement.end_date === null ? null : last ? period.reason_ceased : 'X1',
        changeReason: placement.change_reason,
      });
    });
  }
  return facts;
}

function adoptionOf(record: ChildRecord, episodes: readonly EpisodeFacts[]): AdoptionFacts | null {
  const decision = record.adoption_decisions
    .filter((adoption) => adoption.reversed_on === null)
    .sort((a, b) => b.decided_on.localeCompare(a.decided_on))[0];
  const episode = decision && episodeOn(episodes, decision.decided_on);
  if (!decision || !episode) return null;
  const placed = record.placements
    .filter(
      (placement) => PLACED_FOR_ADOPTION.has(placement.place) && placement.start_date >= decision.decided_on,
    )
    .sort((a, b) => a.start_date.localeCompare(b.start_date))[0];
  return {
    episodeId: episode.id,
    decidedOn: decision.decided_on,
    matchedOn: decision.matched_on,
    placedOn: placed?.start_date ?? null,
  };
}

function careLeaverContactOf(
  record: ChildRecord,
  episodes: readonly EpisodeFacts[],
): CareLeaverContactFacts | null {
  const contact = [...record.care_leaver_contacts].sort((a, b) =>
    b.contacted_on.localeCompare(a.contacted_on),
  )[0];
  const episode = contact && episodeOn(episodes, contact.contacted_on);
  if (!contact || !episode) return null;
  return {
    episodeId: episode.id,
    contactedOn: contact.contacted_on,
    activity: contact.activity,
    accommodation: contact.accommodation,
  };
}

/**
 * What the DfE's document needs of one child's record, in the domain's words. `factors` are the assessments'
 * factors by assessment id; `registrations` the workers' Social Work England numbers (a worker without one is
 * sent by Hearth's id for them).
 */
export function dfeFactsOf(
  record: ChildRecord,
  factors: ReadonlyMap<string, readonly string[]>,
  registrations: ReadonlyMap<string, string>,
): DfeChildFacts {
  const { child } = record;
  const episodes: EpisodeFacts[] = record.episodes
    .map((episode) => ({
      id: episode.id,
      referralDate: episode.referral_date,
      referralSource: episode.referral_source,
      noFurtherAction: episode.no_further_action,
      closedOn: episode.closed_on,
      closureReason: episode.closure_reason,
    }))
    .sort((a, b) => a.referralDate.localeCompare(b.referralDate));
  const address = record.child_addresses
    .filter((row) => row.to_date === null)
    .sort((a, b) => b.from_date.localeCompare(a.from_date))[0];
  return {
    id: child.id,
    localId: child.local_id,
    upn: child.upn,
    givenName: child.given_name,
    familyName: child.family_name,
    dateOfBirth: child.date_of_birth,
    expectedDateOfBirth: child.expected_date_of_birth,
    sex: child.sex,
    ethnicity: child.ethnicity,
    disabilities: child.disabilities,
    postcode: address?.postcode ?? null,
    uasc: child.uasc,
    uascCeasedOn: child.uasc_ceased_on,
    sdqScores: record.care_outcomes.flatMap((outcome) =>
      outcome.sdq_score === null ? [] : [{ on: outcome.year_ending, score: outcome.sdq_score }],
    ),
    episodes,
    workers: record.allocations
      .filter((allocation) => allocation.case_role === 'allocated-worker')
      .map((allocation) => ({
        workerId: registrations.get(allocation.worker_id) ?? allocation.worker_id,
        from: allocation.from_date,
        to: allocation.to_date,
      })),
    assessments: record.assessments.map((assessment) => ({
      id: assessment.id,
      episodeId: assessment.episode_id,
      startDate: assessment.start_date,
      authorisedOn: assessment.authorised_on,
      factors: factors.get(assessment.id) ?? [],
    })),
    cinPlans: record.cin_plans.map((plan) => ({
      id: plan.id,
      episodeId: plan.episode_id,
      startDate: plan.start_date,
      endDate: plan.end_date,
    })),
    section47s: record.section47_enquiries.map((enquiry) => ({
      id: enquiry.id,
      episodeId: enquiry.episode_id,
      startDate: enquiry.started_on,
      endDate: enquiry.ended_on,
      conferenceRequired: enquiry.outcome === 'conference',
      conferenceOn:
        record.initial_conferences.find((conference) => conference.section47_id === enquiry.id)?.held_on ??
        null,
    })),
    cpPlans: record.cp_plans.map((plan) => ({
      id: plan.id,
      episodeId: plan.episode_id,
      startDate: plan.start_date,
      endDate: plan.end_date,
    })),
    placements: placementsOf(record),
    adoption: adoptionOf(record, episodes),
    careLeaverContact: careLeaverContactOf(record, episodes),
  };
}
