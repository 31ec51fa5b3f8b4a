import type { IsoDate } from '../dates.ts';
import type { DfeChildFacts, EpisodeFacts } from './facts.ts';

/**
 * One child's document for the DfE's children's social care API, in the payload structure the DfE published
 * (specification v0.7, as Data to Insight's `dfe-csc-api-data-flows` documents it): the child's details, their
 * health and wellbeing, and their social care episodes, each with its workers, assessments, plans, enquiries,
 * placements, adoption and care leaver contact. Every block carries a `purge` flag: true asks the DfE to delete it.
 * Values are JSON (a document is hashed, stored and diffed as such).
 */
export type DfeDocument = { [key: string]: DfeValue };
export type DfeValue = string | number | boolean | null | DfeValue[] | DfeDocument;

/** The blocks whose items are matched by their id when two documents are compared (delta.ts). */
export const LIST_IDS: Readonly<Record<string, string>> = {
  social_care_episodes: 'social_care_episode_id',
  child_and_family_assessments: 'child_and_family_assessment_id',
  child_in_need_plans: 'child_in_need_plan_id',
  section_47_assessments: 'section_47_assessment_id',
  child_protection_plans: 'child_protection_plan_id',
  child_looked_after_placements: 'child_looked_after_placement_id',
  care_worker_details: 'worker_id',
  sdq_assessments: 'date',
};

/** The fields that name the child, sent with every document, partial or purge. */
export const CHILD_IDENTIFIERS = ['la_child_id', 'mis_child_id'] as const;

/** Oldest first, then by id, so that the same record always makes the same document (and the same hash). */
function byStart<Row>(rows: readonly Row[], start: (row: Row) => string, id: (row: Row) => string): Row[] {
  return [...rows].sort((a, b) => start(a).localeCompare(start(b)) || id(a).localeCompare(id(b)));
}

/** Whether a period from `from` to `to` (open when null) overlaps the episode. */
function duringEpisode(episode: EpisodeFacts, from: IsoDate, to: IsoDate | null): boolean {
  return from <= (episode.closedOn ?? '9999-12-31') && (to === null || to >= episode.referralDate);
}

function childDetails(facts: DfeChildFacts): DfeDocument {
  return {
    unique_pupil_number: facts.upn,
    // Hearth keeps no former UPN; a missing UPN's reason is not recorded either (the census's UN codes).
    former_unique_pupil_number: null,
    unique_pupil_number_unknown_reason: null,
    first_name: facts.givenName,
    surname: facts.familyName,
    date_of_birth: facts.dateOfBirth,
    expected_date_of_birth: facts.expectedDateOfBirth,
    sex: facts.sex,
    ethnicity: facts.ethnicity,
    disabilities: [...facts.disabilities].sort(),
    postcode: facts.postcode,
    uasc_flag: facts.uasc,
    uasc_end_date: facts.uascCeasedOn,
    purge: false,
  };
}

function episodeBlock(facts: DfeChildFacts, episode: EpisodeFacts): DfeDocument {
  const mine = <Row extends { episodeId: string }>(rows: readonly Row[]) =>
    rows.filter((row) => row.episodeId === episode.id);
  const workers = facts.workers.filter((worker) => duringEpisode(episode, worker.from, worker.to));
  const { adoption, careLeaverContact: contact } = facts;
  return {
    social_care_episode_id: episode.id,
    referral_date: episode.referralDate,
    referral_source: episode.referralSource,
    referral_no_further_action_flag: episode.noFurtherAction,
    closure_date: episode.closedOn,
    closure_reason: episode.closureReason,
    care_worker_details: byStart(
      workers,
      (w) => w.from,
      (w) => w.workerId,
    ).map((worker) => ({
      worker_id: worker.workerId,
      start_date: worker.from,
      end_date: worker.to,
    })),
    child_and_family_assessments: byStart(
      mine(facts.assessments),
      (a) => a.startDate,
      (a) => a.id,
    ).map((assessment) => ({
      child_and_family_assessment_id: assessment.id,
      start_date: assessment.startDate,
      authorisation_date: assessment.authorisedOn,
      factors: [...assessment.factors].sort(),
      purge: false,
    })),
    child_in_need_plans: byStart(
      mine(facts.cinPlans),
      (p) => p.startDate,
      (p) => p.id,
    ).map((plan) => ({
      child_in_need_plan_id: plan.id,
      start_date: plan.startDate,
      end_date: plan.endDate,
      purge: false,
    })),
    section_47_assessments: byStart(
      mine(facts.section47s),
      (s) => s.startDate,
      (s) => s.id,
    ).map((enquiry) => ({
      section_47_assessment_id: enquiry.id,
      start_date: enquiry.startDate,
      icpc_required_flag: enquiry.conferenceRequired,
      icpc_date: enquiry.conferenceOn,
      end_date: enquiry.endDate,
      purge: false,
    })),
    child_protection_plans: byStart(
      mine(facts.cpPlans),
      (p) => p.startDate,
      (p) => p.id,
    ).map((plan) => ({
      child_protection_plan_id: plan.id,
      start_date: plan.startDate,
      end_date: plan.endDate,
      purge: false,
    })),
    child_looked_after_placements: byStart(
      mine(facts.placements),
      (p) => p.startDate,
      (p) => p.id,
    ).map((placement) => ({
      child_looked_after_placement_id: placement.id,
      start_date: placement.startDate,
      start_reason: placement.startReason,
      placement_type: placement.placementType,
      postcode: placement.postcode,
      end_date: placement.endDate,
      end_reason: placement.endReason,
      change_reason: placement.changeReason,
      purge: false,
    })),
    ...(adoption?.episodeId === episode.id
      ? {
          adoption: {
            initial_decision_date: adoption.decidedOn,
            matched_date: adoption.matchedOn,
            placed_date: adoption.placedOn,
            purge: false,
          },
        }
      : {}),
    ...(contact?.episodeId === episode.id
      ? {
          care_leavers: {
            contact_date: contact.contactedOn,
            activity: contact.activity,
            accommodation: contact.accommodation,
            purge: false,
          },
        }
      : {}),
    purge: false,
  };
}

/** The child's full document: every block, none purged. */
export function childDocument(facts: DfeChildFacts): DfeDocument {
  return {
    la_child_id: facts.localId,
    mis_child_id: facts.id,
    purge: false,
    child_details: childDetails(facts),
    health_and_wellbeing: {
      sdq_assessments: byStart(
        facts.sdqScores,
        (s) => s.on,
        (s) => String(s.score),
      ).map((sdq) => ({
        date: sdq.on,
        score: sdq.score,
      })),
      purge: false,
    },
    social_care_episodes: byStart(
      facts.episodes,
      (e) => e.referralDate,
      (e) => e.id,
    ).map((episode) => episodeBlock(facts, episode)),
  };
}
