import type { IsoDate } from '../dates.ts';
import type { SsdChildFacts } from './facts.ts';
import { SSD_TABLES, type SsdRow, type SsdTable } from './tables.ts';

/** The period asked: facts open at some time from `from` (or ever, without it) to `to`. */
export interface SsdWindow {
  readonly from: IsoDate | null;
  readonly to: IsoDate;
}

/** A row with every field of its table, blank unless given: a field Hearth cannot fill stays empty. */
export function ssdRow<T extends SsdTable>(table: T, cells: Partial<SsdRow<T>>): SsdRow<T> {
  const fields = SSD_TABLES[table] as readonly (keyof SsdRow<T>)[];
  return Object.fromEntries(fields.map((field) => [field, cells[field] ?? ''])) as SsdRow<T>;
}

/** The SSD's flags: Y or N, blank when not recorded. */
export const yesNo = (value: boolean | null | undefined): string =>
  value === null || value === undefined ? '' : value ? 'Y' : 'N';

/** Whether a fact from `start` to `end` (open: null) was open at some time in the window. */
export function openIn(window: SsdWindow, start: IsoDate, end: IsoDate | null): boolean {
  return start <= window.to && (end === null || window.from === null || end >= window.from);
}

/** A JSON text cell (the SSD's `_json` fields): Hearth's own words, as JSON. */
const json = (value: unknown): string => JSON.stringify(value);

/** The SSD's sex: F, M or U (unknown). */
const sexOf = (sex: string | null): string => (sex === 'F' || sex === 'M' ? sex : 'U');

/** Whether the child had any involvement with children's social care in the window (the children written). */
export function involvedIn(child: SsdChildFacts, window: SsdWindow): boolean {
  return (
    child.contacts.some((contact) => openIn(window, contact.on, contact.on)) ||
    child.referrals.some((referral) => openIn(window, referral.date, referral.closedOn)) ||
    child.care.periods.some((period) => openIn(window, period.start, period.end)) ||
    child.careLeaverStatuses.some((status) => openIn(window, status.from, status.to))
  );
}

/** ssd_person, ssd_disability, ssd_immigration_status, ssd_mother, ssd_linked_identifiers, ssd_send, ssd_address. */
export function personRows(child: SsdChildFacts, window: SsdWindow) {
  const id = child.personId;
  const firstChild = child.care.firstChildBornOn;
  const identifiers = [
    ['Unique Pupil Number', child.upn],
    ['NHS Number', child.nhsNumber],
  ].filter((pair): pair is [string, string] => pair[1] !== null && pair[1] !== '');
  return {
    ssd_person: [
      ssdRow('ssd_person', {
        pers_person_id: id,
        pers_sex: sexOf(child.sex),
        pers_gender: child.gender ?? '',
        pers_ethnicity: child.ethnicity ?? '',
        pers_dob: child.dateOfBirth ?? '',
        pers_common_child_id: child.nhsNumber ?? '',
        pers_expected_dob: child.expectedDateOfBirth ?? '',
        pers_death_date: child.dateOfDeath ?? '',
        pers_is_mother: child.sex === 'M' ? 'N' : yesNo(firstChild !== null),
      }),
    ],
    ssd_disability: child.disabilities.map((code) =>
      ssdRow('ssd_disability', {
        disa_person_id: id,
        disa_table_id: `${id}-${code}`,
        disa_disability_code: code,
      }),
    ),
    ssd_immigration_status:
      child.immigrationStatus || child.uasc
        ? [
            ssdRow('ssd_immigration_status', {
              immi_person_id: id,
              immi_immigration_status_id: id,
              immi_immigration_status: child.immigrationStatus ?? 'UASC',
              immi_immigration_status_end_date: child.care.uascCeasedOn ?? '',
            }),
          ]
        : [],
    ssd_mother: firstChild
      ? [ssdRow('ssd_mother', { moth_table_id: id, moth_person_id: id, moth_childs_dob: firstChild })]
      : [],
    ssd_linked_identifiers: identifiers.map(([type, value]) =>
      ssdRow('ssd_linked_identifiers', {
        link_table_id: `${id}-${type === 'NHS Number' ? 'nhs' : 'upn'}`,
        link_person_id: id,
        link_identifier_type: type,
        link_identifier_value: value,
      }),
    ),
    ssd_send: child.upn
      ? [ssdRow('ssd_send', { send_table_id: id, send_upn: child.upn, send_person_id: id })]
      : [],
    ssd_address: child.addresses
      .filter((address) => openIn(window, address.from, address.to))
      .map((address) =>
        ssdRow('ssd_address', {
          addr_table_id: address.id,
          addr_address_json: json({ postcode: address.postcode }),
          addr_person_id: id,
          addr_address_start_date: address.from,
          addr_address_end_date: address.to ?? '',
          addr_address_postcode: address.postcode ?? '',
        }),
      ),
  };
}

/** ssd_contacts, ssd_cin_episodes, ssd_cin_assessments, ssd_assessment_factors, ssd_cin_plans. */
export function childInNeedRows(child: SsdChildFacts, window: SsdWindow) {
  const id = child.personId;
  const assessments = child.assessments.filter((a) => openIn(window, a.start, a.authorisedOn));
  return {
    ssd_contacts: child.contacts
      .filter((contact) => openIn(window, contact.on, contact.on))
      .map((contact) =>
        ssdRow('ssd_contacts', {
          cont_contact_id: contact.id,
          cont_person_id: id,
          cont_contact_date: contact.on,
          cont_contact_source_code: contact.source,
          cont_contact_outcome_json: json({ decision: contact.decision }),
        }),
      ),
    ssd_cin_episodes: child.referrals
      .filter((referral) => openIn(window, referral.date, referral.closedOn))
      .map((referral) =>
        ssdRow('ssd_cin_episodes', {
          cine_referral_id: referral.id,
          cine_person_id: id,
          cine_referral_date: referral.date,
          cine_cin_primary_need_code: referral.primaryNeed,
          cine_referral_source_code: referral.source,
          cine_referral_nfa: yesNo(referral.noFurtherAction),
          cine_close_reason: referral.closureReason ?? '',
          cine_close_date: referral.closedOn ?? '',
        }),
      ),
    ssd_cin_assessments: assessments.map((assessment) =>
      ssdRow('ssd_cin_assessments', {
        cina_assessment_id: assessment.id,
        cina_person_id: id,
        cina_referral_id: assessment.referralId,
        cina_assessment_start_date: assessment.start,
        cina_assessment_auth_date: assessment.authorisedOn ?? '',
        cina_assessment_outcome_json: assessment.outcome ? json({ outcome: assessment.outcome }) : '',
        cina_assessment_outcome_nfa: assessment.outcome
          ? yesNo(assessment.outcome === 'no-further-action')
          : '',
      }),
    ),
    ssd_assessment_factors: assessments
      .filter((assessment) => assessment.factors.length > 0)
      .map((assessment) =>
        ssdRow('ssd_assessment_factors', {
          cinf_table_id: assessment.id,
          cinf_assessment_id: assessment.id,
          cinf_assessment_factors_json: json([...assessment.factors].sort()),
        }),
      ),
    ssd_cin_plans: child.cinPlans
      .filter((plan) => openIn(window, plan.start, plan.end))
      .map((plan) =>
        ssdRow('ssd_cin_plans', {
          cinp_cin_plan_id: plan.id,
          cinp_referral_id: plan.referralId,
          cinp_person_id: id,
          cinp_cin_plan_start_date: plan.start,
          cinp_cin_plan_end_date: plan.end ?? '',
        }),
      ),
  };
}

/** ssd_s47_enquiry, ssd_initial_cp_conference, ssd_cp_plans, ssd_cp_reviews. */
export function protectionRows(child: SsdChildFacts, window: SsdWindow) {
  const id = child.personId;
  const plans = child.protectionPlans.filter((plan) => openIn(window, plan.start, plan.end));
  return {
    ssd_s47_enquiry: child.enquiries
      .filter((enquiry) => openIn(window, enquiry.start, enquiry.end))
      .map((enquiry) =>
        ssdRow('ssd_s47_enquiry', {
          s47e_s47_enquiry_id: enquiry.id,
          s47e_referral_id: enquiry.referralId,
          s47e_person_id: id,
          s47e_s47_start_date: enquiry.start,
          s47e_s47_end_date: enquiry.end ?? '',
          s47e_s47_nfa: enquiry.outcome ? yesNo(enquiry.outcome === 'no-further-action') : '',
          s47e_s47_outcome_json: enquiry.outcome ? json({ outcome: enquiry.outcome }) : '',
        }),
      ),
    ssd_initial_cp_conference: child.conferences
      .filter((conference) => openIn(window, conference.heldOn, conference.heldOn))
      .map((conference) =>
        ssdRow('ssd_initial_cp_conference', {
          icpc_icpc_id: conference.id,
          icpc_s47_enquiry_id: conference.enquiryId,
          icpc_person_id: id,
          icpc_cp_plan_id: conference.planId ?? '',
          icpc_referral_id: conference.referralId ?? '',
          icpc_icpc_transfer_in: 'N',
          icpc_icpc_date: conference.heldOn,
          icpc_icpc_outcome_cp_flag: yesNo(conference.outcome === 'child-protection-plan'),
          icpc_icpc_outcome_json: json({ outcome: conference.outcome }),
        }),
      ),
    ssd_cp_plans: plans.map((plan) =>
      ssdRow('ssd_cp_plans', {
        cppl_cp_plan_id: plan.id,
        cppl_referral_id: plan.referralId,
        cppl_icpc_id: plan.conferenceId,
        cppl_person_id: id,
        cppl_cp_plan_start_date: plan.start,
        cppl_cp_plan_end_date: plan.end ?? '',
        cppl_cp_plan_initial_category: plan.initialCategory,
        cppl_cp_plan_latest_category: plan.latestCategory,
      }),
    ),
    ssd_cp_reviews: plans.flatMap((plan) =>
      plan.reviews
        .filter((review) => openIn(window, review.heldOn, review.heldOn))
        .map((review) =>
          ssdRow('ssd_cp_reviews', {
            cppr_cp_review_id: review.id,
            cppr_person_id: id,
            cppr_cp_plan_id: plan.id,
            cppr_cp_review_date: review.heldOn,
            // The plan went on after the review unless it ended that day.
            cppr_cp_review_outcome_continue_cp: yesNo(plan.end !== review.heldOn),
          }),
        ),
    ),
  };
}
