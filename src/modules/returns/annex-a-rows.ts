import { addMonths, ageOn, writeUkDate, type IsoDate } from '../../domain/returns/dates.ts';
import type { AnnexARow } from '../../domain/returns/annex-a/lists.ts';
import type { ChildRecord } from '../record/service.ts';

/** The window of a list and the names the lists show: workers and their teams, by worker id. */
export interface AnnexAWindow {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly workers: ReadonlyMap<string, { readonly name: string; readonly team: string }>;
}

type Dated = { readonly [column: string]: unknown };

const uk = (date: IsoDate | null | undefined): string => (date ? writeUkDate(date) : '');
const yesNo = (value: boolean | null | undefined): string =>
  value === null || value === undefined ? '' : value ? 'Yes' : 'No';
const inWindow = (date: IsoDate | null, window: AnnexAWindow) =>
  date !== null && date >= window.from && date <= window.to;
const touches = (start: IsoDate, end: IsoDate | null, window: AnnexAWindow) =>
  start <= window.to && (end === null || end >= window.from);
const latest = (dates: readonly (IsoDate | null)[]): IsoDate | null =>
  dates
    .filter((date): date is IsoDate => date !== null)
    .sort()
    .at(-1) ?? null;
const yearBefore = (window: AnnexAWindow) => addMonths(window.to, -12);

const genders: Readonly<Record<string, string>> = { M: 'Male', F: 'Female' };
const categories: Readonly<Record<string, string>> = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  EMO: 'Emotional abuse',
  MUL: 'Multiple',
};
const eligibility: Readonly<Record<string, string>> = {
  eligible: 'Eligible child',
  relevant: 'Relevant child',
  'former-relevant': 'Former relevant child',
  qualifying: 'Qualifying care leaver',
};

/** The columns every list begins with: who the child is, and their age on the list's last day. */
export function childIdentity(record: ChildRecord, window: AnnexAWindow): AnnexARow {
  const { child } = record;
  return {
    'Child Unique ID': child.local_id,
    Gender: genders[child.sex ?? ''] ?? 'Not stated/recorded',
    Ethnicity: child.ethnicity ?? '',
    'Date of Birth': uk(child.date_of_birth),
    'Age of Child (Years)': child.date_of_birth ? ageOn(child.date_of_birth, window.to) : '',
    'Does the Child have a Disability': child.disabilities.length > 0 ? 'Yes' : 'No',
  };
}

/** The allocated worker on the list's last day, and their team. */
export function workerOn(record: ChildRecord, window: AnnexAWindow, role = 'allocated-worker'): AnnexARow {
  const allocation = record.allocations.find(
    (each) =>
      each.case_role === role &&
      each.from_date <= window.to &&
      (each.to_date === null || each.to_date >= window.to),
  );
  const worker = allocation ? window.workers.get(allocation.worker_id) : undefined;
  return { 'Allocated Team': worker?.team ?? '', 'Allocated Worker': worker?.name ?? '' };
}

function lastSeen(record: ChildRecord, window: AnnexAWindow, from?: IsoDate) {
  const visits = record.child_visits
    .filter((visit) => visit.seen && visit.visited_on <= window.to && (!from || visit.visited_on >= from))
    .sort((a, b) => (a.visited_on < b.visited_on ? -1 : 1));
  return visits.at(-1) ?? null;
}

/** List 1: each contact received in the window. */
export function contactRows(record: ChildRecord, window: AnnexAWindow): AnnexARow[] {
  return record.contacts
    .map((contact) => ({ contact, on: contact.received_at.toISOString().slice(0, 10) }))
    .filter(({ on }) => inWindow(on, window))
    .map(({ contact, on }) => ({
      ...childIdentity(record, window),
      'Date of Contact': uk(on),
      'Contact Source': contact.source,
    }));
}

/** List 3: each referral in the window, with the child's referrals in the 12 months up to it. */
export function referralRows(record: ChildRecord, window: AnnexAWindow): AnnexARow[] {
  return record.episodes
    .filter((episode) => inWindow(episode.referral_date, window))
    .map((episode) => ({
      ...childIdentity(record, window),
      'Date of referral': uk(episode.referral_date),
      'Referral Source': episode.referral_source,
      'Referral NFA?': yesNo(episode.no_further_action),
      'Number of Referrals in Last 12 Months': record.episodes.filter(
        (other) =>
          other.referral_date <= episode.referral_date &&
          other.referral_date > addMonths(episode.referral_date, -12),
      ).length,
      ...workerOn(record, window),
    }));
}

/** List 4: each assessment open at some time in the window. */
export function assessmentRows(record: ChildRecord, window: AnnexAWindow): AnnexARow[] {
  return record.assessments
    .filter((assessment) => touches(assessment.start_date, assessment.authorised_on, window))
    .map((assessment) => {
      const seen = record.child_visits.some(
        (visit) =>
          visit.seen &&
          visit.visited_on >= assessment.start_date &&
          visit.visited_on <= (assessment.authorised_on ?? window.to),
      );
      const support =
        assessment.outcome === null
          ? null
          : !['no-further-action', 'early-help'].includes(assessment.outcome);
      return {
        ...childIdentity(record, window),
        'Continuous Assessment Start Date': uk(assessment.start_date),
        'Child Seen During Continuous Assessment': yesNo(seen),
        'Continuous Assessment Date of Authorisation': uk(assessment.authorised_on),
        "Was the child assessed as requiring LA children's social care support?": yesNo(support),
        ...workerOn(record, window),
      };
    });
}

/** List 5: each section 47 enquiry whose strategy discussion was in the window. */
export function section47Rows(record: ChildRecord, window: AnnexAWindow): AnnexARow[] {
  const discussions = new Map(record.strategy_discussions.map((each) => [each.id, each.held_on]));
  const conferences = new Map(record.initial_conferences.map((each) => [each.section47_id, each]));
  const sinceYear = (date: IsoDate | null) => date !== null && date > yearBefore(window) && date <= window.to;
  return record.section47_enquiries
    .map((enquiry) => ({
      enquiry,
      began: discussions.get(enquiry.strategy_discussion_id) ?? enquiry.started_on,
    }))
    .filter(({ began }) => inWindow(began, window))
    .map(({ enquiry, began }) => {
      const conference = conferences.get(enquiry.id);
      const unnecessary = conference
        ? false
        : enquiry.ended_on !== null
          ? enquiry.outcome !== 'conference'
          : null;
      return {
        ...childIdentity(record, window),
        'Strategy discussion initiating Section 47 Enquiry Start Date': uk(began),
        'Was an Initial Child Protection Conference deemed unnecessary?': yesNo(unnecessary),
        'Date of Initial Child Protection Conference': uk(conference?.held_on),
        'Did the Initial Child Protection Conference Result in a Child Protection Plan': conference
          ? yesNo(conference.outcome === 'child-protection-plan')
          : '',
        'Number of Section 47 Enquiries in the last 12 months': record.section47_enquiries.filter((each) =>
          sinceYear(each.started_on),
        ).length,
        'Number of ICPCs in the last 12 months': record.initial_conferences.filter((each) =>
          sinceYear(each.held_on),
        ).length,
        ...workerOn(record, window),
      };
    });
}

/** The child's status on the list's last day, in Ofsted's words for list 6. */
function caseStatus(record: ChildRecord, window: AnnexAWindow, closedOn: IsoDate | null): string {
  const openOn = (rows: readonly Dated[], start: string, end: string) =>
    rows.some(
      (row) =>
        (row[start] as IsoDate) <= window.to && (row[end] === null || (row[end] as IsoDate) >= window.to),
    );
  if (closedOn !== null && closedOn <= window.to) return 'Closed episode';
  if (openOn(record.care_periods, 'start_date', 'end_date')) return 'Looked after child';
  if (openOn(record.cp_plans, 'start_date', 'end_date')) return 'Child Protection plan';
  if (openOn(record.cin_plans, 'start_date', 'end_date')) return 'Child in need plan';
  return 'Open assessment';
}

/** List 6: each child in need at some time in the window, from their latest episode. */
export function childInNeedRows(record: ChildRecord, window: AnnexAWindow): AnnexARow[] {
  const episode = record.episodes
    .filter((each) => touches(each.referral_date, each.closed_on, window))
    .sort((a, b) => (a.referral_date < b.referral_date ? -1 : 1))
    .at(-1);
  if (!episode) return [];
  return [
    {
      ...childIdentity(record, window),
      'CIN Start Date': uk(episode.referral_date),
      'Primary Need Code': episode.primary_need,
      'Date Child Was Last Seen': uk(lastSeen(record, window)?.visited_on),
      'CIN Closure Date': uk(episode.closed_on),
      'Reason for Closure': episode.closure_reason ?? '',
      'Case Status': caseStatus(record, window, episode.closed_on),
      ...workerOn(record, window),
    },
  ];
}

/** List 7: each child protection plan open at some time in the window. */
export function protectionRows(record: ChildRecord, window: AnnexAWindow): AnnexARow[] {
  const sixMonths = addMonths(window.to, -6);
  const protectedByOrder = record.legal_statuses.some(
    (status) => ['L1', 'L2'].includes(status.code) && (status.to_date === null || status.to_date > sixMonths),
  );
  return record.cp_plans
    .filter((plan) => touches(plan.start_date, plan.end_date, window))
    .map((plan) => {
      const visit = lastSeen(record, window, plan.start_date);
      return {
        ...childIdentity(record, window),
        'Child Protection Plan Start Date': uk(plan.start_date),
        'Initial Category of Abuse': categories[plan.initial_category] ?? plan.initial_category,
        'Latest Category of Abuse': categories[plan.latest_category] ?? plan.latest_category,
        'Date of the Last Statutory Visit': uk(visit?.visited_on),
        'Was the Child Seen Alone?': yesNo(visit?.seen_alone),
        'Date of latest review conference': uk(
          latest(
            record.cp_review_conferences
              .filter((review) => review.cp_plan_id === plan.id)
              .map((review) => review.held_on),
          ),
        ),
        'Child Protection Plan End Date': uk(plan.end_date),
        'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)':
          protectedByOrder ? 'Y' : 'N',
        'Number of Previous Child Protection Plans': record.cp_plans.filter(
          (other) => other.start_date < plan.start_date,
        ).length,
        ...workerOn(record, window),
      };
    });
}

/** List 9: each care leaver (relevant, former relevant or qualifying) at some time in the window. */
export function careLeaverRows(record: ChildRecord, window: AnnexAWindow): AnnexARow[] {
  const status = record.care_leaver_statuses
    .filter((each) => each.status !== 'eligible' && touches(each.from_date, each.to_date, window))
    .sort((a, b) => (a.from_date < b.from_date ? -1 : 1))
    .at(-1);
  if (!status) return [];
  const contact = [...record.care_leaver_contacts]
    .filter((each) => each.contacted_on <= window.to)
    .sort((a, b) => (a.contacted_on < b.contacted_on ? -1 : 1))
    .at(-1);
  const adviser = status.personal_adviser_id
    ? window.workers.get(status.personal_adviser_id)?.name
    : undefined;
  return [
    {
      ...childIdentity(record, window),
      'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)': record.child.uasc
        ? 'Y'
        : 'N',
      ...workerOn(record, window),
      'Allocated Personal Advisor': adviser ?? '',
      'Eligibility Category': eligibility[status.status] ?? status.status,
      'Latest Pathway Plan Review Date': uk(
        latest(record.pathway_plan_reviews.map((review) => review.held_on)),
      ),
      'LA in Touch': contact?.in_touch ?? '',
      'Latest Date of Contact': uk(contact?.contacted_on),
      'Type of Accommodation': contact?.accommodation ?? '',
      'Suitability of Accommodation': '',
      'Activity Status': contact?.activity ?? '',
    },
  ];
}
