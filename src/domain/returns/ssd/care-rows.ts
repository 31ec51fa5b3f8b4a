import { ssda903EpisodesAsAt } from '../ssda903/episodes.ts';
import { placedForAdoption } from '../ssda903/rules/adoption-ad1.ts';
import type { IsoDate } from '../dates.ts';
import type { SsdChildFacts } from './facts.ts';
import { openIn, ssdRow, yesNo, type SsdWindow } from './rows.ts';

/** The id of the child's period of care open on `day`, if any. */
function periodOn(child: SsdChildFacts, day: IsoDate): string | undefined {
  const index = child.care.periods.findIndex(
    (period) => period.start <= day && (period.end === null || period.end >= day),
  );
  return index === -1 ? undefined : child.carePeriods[index]?.id;
}

/**
 * ssd_cla_episodes: the SSDA903 episodes of each period of care (a new one whenever legal status or placement
 * changes, with its reason), built by the return's own episode builder; the episode's id is the period's and its
 * place in the period.
 */
function episodeRows(child: SsdChildFacts, window: SsdWindow) {
  const numbered = new Map<string, number>();
  return ssda903EpisodesAsAt(child.care.periods, window.to).flatMap((episode) => {
    const index = child.care.periods.findIndex(
      (period) => period.start <= episode.DECOM && (period.end === null || period.end >= episode.DECOM),
    );
    const period = child.carePeriods[index];
    if (!period) return [];
    const number = (numbered.get(period.id) ?? 0) + 1;
    numbered.set(period.id, number);
    if (episode.DEC !== null && window.from !== null && episode.DEC < window.from) return [];
    const placement = child.placements
      .filter((p) => p.periodId === period.id && p.from <= episode.DECOM)
      .sort((a, b) => (a.from < b.from ? 1 : -1))[0];
    const lastReview = child.careReviews
      .filter((review) => review.periodId === period.id && review.heldOn <= (episode.DEC ?? window.to))
      .map((review) => review.heldOn)
      .sort()
      .at(-1);
    return [
      ssdRow('ssd_cla_episodes', {
        clae_cla_episode_id: `${period.id}-${number}`,
        clae_person_id: child.personId,
        clae_cla_episode_start_date: episode.DECOM,
        clae_cla_episode_start_reason: episode.RNE,
        clae_cla_primary_need_code: episode.CIN ?? '',
        clae_cla_episode_ceased_date: episode.DEC ?? '',
        clae_cla_episode_ceased_reason: episode.REC ?? '',
        clae_cla_id: period.id,
        clae_referral_id: period.referralId,
        clae_cla_placement_id: placement?.id ?? '',
        clae_entered_care_date: child.care.periods[index]!.start,
        clae_cla_last_iro_contact_date: lastReview ?? '',
      }),
    ];
  });
}

/** ssd_cla_episodes, ssd_cla_placement, ssd_cla_reviews, ssd_legal_status, ssd_cla_previous_permanence. */
export function lookedAfterRows(child: SsdChildFacts, window: SsdWindow) {
  const id = child.personId;
  return {
    ssd_cla_episodes: episodeRows(child, window),
    ssd_cla_placement: child.placements
      .filter((placement) => openIn(window, placement.from, placement.to))
      .map((placement) =>
        ssdRow('ssd_cla_placement', {
          clap_cla_placement_id: placement.id,
          clap_cla_placement_start_date: placement.from,
          clap_cla_placement_type: placement.place,
          clap_cla_placement_urn: placement.urn ?? '',
          clap_cla_placement_distance: placement.distanceMiles ?? '',
          clap_cla_id: placement.periodId,
          clap_cla_placement_provider: placement.provider ?? '',
          clap_cla_placement_postcode: placement.postcode ?? '',
          clap_cla_placement_end_date: placement.to ?? '',
          clap_cla_placement_change_reason: placement.changeReason ?? '',
          clap_person_id: id,
        }),
      ),
    ssd_cla_reviews: child.careReviews
      .filter((review) => openIn(window, review.heldOn, review.heldOn))
      .map((review) =>
        ssdRow('ssd_cla_reviews', {
          clar_cla_review_id: review.id,
          clar_cla_id: review.periodId,
          clar_cla_review_date: review.heldOn,
          clar_cla_review_cancelled: 'N',
          clar_cla_review_participation: review.participation,
        }),
      ),
    ssd_legal_status: child.legalStatuses
      .filter((status) => openIn(window, status.from, status.to))
      .map((status) =>
        ssdRow('ssd_legal_status', {
          lega_legal_status_id: status.id,
          lega_person_id: id,
          lega_legal_status: status.code,
          lega_legal_status_start_date: status.from,
          lega_legal_status_end_date: status.to ?? '',
        }),
      ),
    ssd_cla_previous_permanence: child.care.periods.flatMap((period, index) =>
      period.previousPermanence && openIn(window, period.start, period.end)
        ? [
            ssdRow('ssd_cla_previous_permanence', {
              lapp_table_id: child.carePeriods[index]!.id,
              lapp_person_id: id,
              lapp_previous_permanence_order_date: period.previousPermanence.date ?? '',
              lapp_previous_permanence_option: period.previousPermanence.code,
              lapp_previous_permanence_la: period.previousPermanence.council ?? '',
            }),
          ]
        : [],
    ),
  };
}

/** ssd_cla_health, ssd_cla_immunisations, ssd_cla_substance_misuse, ssd_cla_convictions, ssd_sdq_scores, ssd_missing. */
export function wellbeingRows(child: SsdChildFacts, window: SsdWindow) {
  const id = child.personId;
  const outcomes = child.care.outcomes.filter((outcome) =>
    openIn(window, outcome.yearEnding, outcome.yearEnding),
  );
  return {
    ssd_cla_health: child.healthChecks
      .filter((check) => openIn(window, check.on, check.on))
      .map((check) =>
        ssdRow('ssd_cla_health', {
          clah_health_check_id: check.id,
          clah_person_id: id,
          clah_health_check_type: check.kind,
          clah_health_check_date: check.on,
        }),
      ),
    ssd_cla_immunisations: outcomes
      .filter((outcome) => outcome.immunisationsUpToDate !== null)
      .map((outcome) =>
        ssdRow('ssd_cla_immunisations', {
          clai_person_id: id,
          clai_immunisations_status: yesNo(outcome.immunisationsUpToDate),
          clai_immunisations_status_date: outcome.yearEnding,
        }),
      ),
    ssd_cla_substance_misuse: outcomes
      .filter((outcome) => outcome.substanceMisuse !== null)
      .map((outcome) =>
        ssdRow('ssd_cla_substance_misuse', {
          clas_substance_misuse_id: `${id}-${outcome.yearEnding}`,
          clas_person_id: id,
          clas_substance_misuse_date: outcome.yearEnding,
          clas_substance_misused: yesNo(outcome.substanceMisuse),
          clas_intervention_received: yesNo(outcome.interventionReceived),
        }),
      ),
    // Hearth records whether the child was convicted in the year (OC2), not the offence or its day.
    ssd_cla_convictions: outcomes
      .filter((outcome) => outcome.convicted)
      .map((outcome) =>
        ssdRow('ssd_cla_convictions', {
          clac_cla_conviction_id: `${id}-${outcome.yearEnding}`,
          clac_person_id: id,
        }),
      ),
    ssd_sdq_scores: outcomes
      .filter((outcome) => outcome.sdqScore !== null || outcome.sdqReason !== null)
      .map((outcome) =>
        ssdRow('ssd_sdq_scores', {
          csdq_table_id: `${id}-${outcome.yearEnding}`,
          csdq_person_id: id,
          csdq_sdq_reason: outcome.sdqReason ?? '',
          csdq_sdq_score: outcome.sdqScore === null ? '' : String(outcome.sdqScore),
        }),
      ),
    ssd_missing: child.missing
      .filter((missing) => openIn(window, missing.start, missing.end))
      .map((missing) =>
        ssdRow('ssd_missing', {
          miss_table_id: missing.id,
          miss_person_id: id,
          miss_missing_episode_start_date: missing.start,
          miss_missing_episode_type: missing.kind,
          miss_missing_episode_end_date: missing.end ?? '',
          miss_missing_rhi_offered: yesNo(missing.interviewOffered),
          miss_missing_rhi_accepted: yesNo(missing.interviewAccepted),
        }),
      ),
  };
}

/** OC3's accommodation codes end in 1 when it is suitable and 2 when not; Z1 (not known) says neither. */
export const suitability = (code: string | null): string =>
  !code || code.startsWith('Z')
    ? ''
    : code.endsWith('1')
      ? 'Suitable'
      : code.endsWith('2')
        ? 'Unsuitable'
        : '';

/** ssd_care_leavers (one row a young person: the latest status and contact) and ssd_permanence. */
export function leavingCareRows(child: SsdChildFacts, window: SsdWindow, names: ReadonlyMap<string, string>) {
  const id = child.personId;
  const statuses = child.careLeaverStatuses
    .filter((status) => openIn(window, status.from, status.to))
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  const latest = statuses.at(-1);
  const contact = [...(child.care.careLeaver?.contacts ?? [])].sort((a, b) => (a.on < b.on ? -1 : 1)).at(-1);
  const adviser = latest?.personalAdviserId ?? null;
  return {
    ssd_care_leavers: latest
      ? [
          ssdRow('ssd_care_leavers', {
            clea_table_id: id,
            clea_person_id: id,
            clea_care_leaver_eligibility: latest.status,
            clea_care_leaver_in_touch: contact?.inTouch ?? '',
            clea_care_leaver_latest_contact: contact?.on ?? '',
            clea_care_leaver_accommodation: contact?.accommodation ?? '',
            clea_care_leaver_accom_suitable: suitability(contact?.accommodation ?? null),
            clea_care_leaver_activity: contact?.activity ?? '',
            clea_pathway_plan_review_date: child.pathwayPlanReviewedOn ?? '',
            clea_care_leaver_personal_advisor: adviser ? (names.get(adviser) ?? '') : '',
            clea_care_leaver_worker_id: adviser ?? '',
          }),
        ]
      : [],
    ssd_permanence: child.care.adoptionDecisions
      .filter((decision) => openIn(window, decision.decidedOn, decision.reversedOn))
      .map((decision) => {
        const after = <T extends { from: IsoDate }>(facts: readonly T[]) =>
          facts
            .filter((fact) => fact.from >= decision.decidedOn)
            .sort((a, b) => (a.from < b.from ? -1 : 1))[0];
        const adopted = child.care.periods.find(
          (period) =>
            period.end !== null &&
            period.end >= decision.decidedOn &&
            (period.reasonCeased === 'E11' || period.reasonCeased === 'E12'),
        );
        return ssdRow('ssd_permanence', {
          perm_table_id: `${id}-${decision.decidedOn}`,
          perm_person_id: id,
          perm_cla_id: periodOn(child, decision.decidedOn) ?? '',
          perm_adm_decision_date: decision.decidedOn,
          perm_placement_order_date: after(child.legalStatuses.filter((s) => s.code === 'E1'))?.from ?? '',
          perm_placed_for_adoption_date:
            after(child.placements.filter((p) => placedForAdoption.has(p.place)))?.from ?? '',
          perm_matched_date: decision.matchedOn ?? '',
          perm_adopted_by_carer_flag: yesNo(decision.adopters.fosterCarers),
          perm_decision_reversed_date: decision.reversedOn ?? '',
          perm_decision_reversed_reason: decision.reversalReason ?? '',
          perm_permanence_order_date: adopted?.end ?? '',
          perm_permanence_order_type: adopted ? 'Adoption' : '',
          perm_adopter_sex: decision.adopters.sex ?? '',
          perm_adopter_legal_status: decision.adopters.legalStatus ?? '',
          perm_number_of_adopters: decision.adopters.count === null ? '' : String(decision.adopters.count),
        });
      }),
  };
}

/**
 * The statutory visits, each in the table of what the child was on its day: looked after (ssd_cla_visits), else on
 * a child protection plan (ssd_cp_visits), else in need (ssd_cin_visits). And the allocations (ssd_involvements).
 */
export function visitAndWorkerRows(child: SsdChildFacts, window: SsdWindow) {
  const id = child.personId;
  const rows = { ssd_cla_visits: [], ssd_cp_visits: [], ssd_cin_visits: [] } as {
    ssd_cla_visits: ReturnType<typeof ssdRow<'ssd_cla_visits'>>[];
    ssd_cp_visits: ReturnType<typeof ssdRow<'ssd_cp_visits'>>[];
    ssd_cin_visits: ReturnType<typeof ssdRow<'ssd_cin_visits'>>[];
  };
  for (const visit of child.visits.filter((v) => openIn(window, v.on, v.on))) {
    const [seen, alone] = [yesNo(visit.seen), yesNo(visit.seenAlone)];
    const period = periodOn(child, visit.on);
    const plan = child.protectionPlans.find(
      (p) => p.start <= visit.on && (p.end === null || p.end >= visit.on),
    );
    if (period) {
      rows.ssd_cla_visits.push(
        ssdRow('ssd_cla_visits', {
          clav_cla_visit_id: visit.id,
          clav_cla_id: period,
          clav_person_id: id,
          clav_cla_visit_date: visit.on,
          clav_cla_visit_seen: seen,
          clav_cla_visit_seen_alone: alone,
        }),
      );
    } else if (plan) {
      rows.ssd_cp_visits.push(
        ssdRow('ssd_cp_visits', {
          cppv_cp_visit_id: visit.id,
          cppv_person_id: id,
          cppv_cp_plan_id: plan.id,
          cppv_cp_visit_date: visit.on,
          cppv_cp_visit_seen: seen,
          cppv_cp_visit_seen_alone: alone,
          cppv_cp_visit_bedroom: yesNo(visit.bedroomSeen),
        }),
      );
    } else {
      rows.ssd_cin_visits.push(
        ssdRow('ssd_cin_visits', {
          cinv_cin_visit_id: visit.id,
          cinv_person_id: id,
          cinv_cin_visit_date: visit.on,
          cinv_cin_visit_seen: seen,
          cinv_cin_visit_seen_alone: alone,
          cinv_cin_visit_bedroom: yesNo(visit.bedroomSeen),
        }),
      );
    }
  }
  return {
    ...rows,
    ssd_involvements: child.allocations
      .filter((allocation) => openIn(window, allocation.from, allocation.to))
      .map((allocation) =>
        ssdRow('ssd_involvements', {
          invo_involvements_id: allocation.id,
          invo_professional_id: allocation.workerId,
          invo_professional_role_id: allocation.role,
          invo_involvement_start_date: allocation.from,
          invo_involvement_end_date: allocation.to ?? '',
          invo_worker_change_reason: allocation.changeReason ?? '',
          invo_person_id: id,
        }),
      ),
  };
}
