import type { ColumnType, Generated } from 'kysely';
import type { DateColumn } from './schema.ts';

/** Columns every recorded event carries. */
interface Recorded {
  council_id: string;
  id: string;
  recorded_by: string;
  created_at: Generated<Date>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

interface Versioned {
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

export interface StrategyDiscussionsTable extends Recorded {
  child_id: string;
  episode_id: string;
  held_on: DateColumn;
  attendees: string;
  outcome: 'section-47' | 'no-section-47';
  notes: string | null;
}

export interface Section47EnquiriesTable extends Recorded {
  child_id: string;
  episode_id: string;
  strategy_discussion_id: string;
  started_on: DateColumn;
  ended_on: DateColumn | null;
  outcome: 'conference' | 'no-further-action' | 'child-in-need' | null;
}

export interface InitialConferencesTable extends Recorded {
  child_id: string;
  section47_id: string;
  held_on: DateColumn;
  outcome: 'child-protection-plan' | 'no-plan';
  category: string | null;
}

export interface CpPlansTable extends Versioned {
  council_id: string;
  id: string;
  child_id: string;
  episode_id: string;
  conference_id: string;
  start_date: DateColumn;
  initial_category: string;
  latest_category: string;
  end_date: DateColumn | null;
  end_reason: string | null;
  created_at: Generated<Date>;
}

export interface PlanMeetingsTable extends Recorded {
  child_id: string;
  held_on: DateColumn;
}

export interface CpCoreGroupsTable extends PlanMeetingsTable {
  cp_plan_id: string;
}

export interface CpReviewConferencesTable extends PlanMeetingsTable {
  cp_plan_id: string;
}

export interface CinPlansTable extends Recorded, Versioned {
  child_id: string;
  episode_id: string;
  start_date: DateColumn;
  end_date: DateColumn | null;
}

export interface CinPlanReviewsTable extends PlanMeetingsTable {
  cin_plan_id: string;
}

export interface CarePeriodsTable extends Versioned {
  council_id: string;
  id: string;
  child_id: string;
  episode_id: string;
  start_date: DateColumn;
  end_date: DateColumn | null;
  reason_ceased: string | null;
  created_at: Generated<Date>;
  /** SSDA903 CIN, PREV_PERM, LA_PERM and DATE_PERM (as written, partly unknown allowed) (migration 0064). */
  category_of_need: ColumnType<string | null, string | null | undefined, string | null>;
  previous_permanence: ColumnType<string | null, string | null | undefined, string | null>;
  previous_permanence_council: ColumnType<string | null, string | null | undefined, string | null>;
  previous_permanence_date: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LegalStatusesTable extends Recorded {
  care_period_id: string;
  child_id: string;
  code: string;
  from_date: DateColumn;
  to_date: DateColumn | null;
  /** Why a full care order was followed by an interim one (migration 0056). */
  change_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PlacementsTable extends Recorded {
  care_period_id: string;
  child_id: string;
  start_date: DateColumn;
  end_date: DateColumn | null;
  place: string;
  provider: string;
  postcode: string | null;
  home_postcode: string | null;
  in_area: boolean | null;
  distance_miles: ColumnType<string | null, number | string | null, number | string | null>;
  urn: string | null;
  unregistered: Generated<boolean>;
  long_term_agreed: Generated<boolean>;
  change_reason: string | null;
  /** Who looks after the child there, as the council names the carers (migration 0064). */
  carer: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ClaReviewsTable extends Recorded {
  care_period_id: string;
  child_id: string;
  held_on: DateColumn;
  iro_worker_id: string | null;
  participation: string;
}

export interface ChildVisitsTable extends Recorded {
  child_id: string;
  visited_on: DateColumn;
  seen: boolean;
  seen_alone: boolean | null;
  bedroom_seen: boolean | null;
  wishes_and_feelings: string | null;
  /** The case note that tells what happened on the visit (migration 0054). */
  case_note_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface HealthAssessmentsTable extends Recorded {
  child_id: string;
  kind: 'initial' | 'review' | 'dental';
  completed_on: DateColumn;
}

export interface PersonalEducationPlansTable extends Recorded {
  child_id: string;
  kind: 'initial' | 'review';
  completed_on: DateColumn;
}

export interface MissingEpisodesTable extends Recorded {
  child_id: string;
  kind: 'M' | 'A';
  started_on: DateColumn;
  ended_on: DateColumn | null;
  return_interview_offered: boolean | null;
  return_interview_accepted: boolean | null;
}

/** SSDA903 OC2: a year's outcomes of a child looked after for 12 months (migration 0064). */
export interface CareOutcomesTable extends Recorded {
  child_id: string;
  year_ending: DateColumn;
  sdq_score: number | null;
  sdq_reason: string | null;
  convicted: boolean | null;
  immunisations_up_to_date: boolean | null;
  substance_misuse: boolean | null;
  intervention_received: boolean | null;
  intervention_offered: boolean | null;
}

/** SSDA903 PlacedAdoption and AD1: a decision to place for adoption, its reversal and the match (migration 0064). */
export interface AdoptionDecisionsTable extends Recorded {
  child_id: string;
  decided_on: DateColumn;
  reversed_on: DateColumn | null;
  reversal_reason: string | null;
  matched_on: DateColumn | null;
  adopters_count: number | null;
  adopters_sex: string | null;
  adopters_legal_status: string | null;
  by_foster_carers: boolean | null;
}

export interface CareLeaverStatusesTable extends Recorded {
  child_id: string;
  status: 'eligible' | 'relevant' | 'former-relevant' | 'qualifying';
  from_date: DateColumn;
  to_date: DateColumn | null;
  personal_adviser_id: string | null;
}

export interface PathwayPlansTable extends Recorded {
  child_id: string;
  started_on: DateColumn;
  ended_on: DateColumn | null;
}

export interface PathwayPlanReviewsTable extends PlanMeetingsTable {
  pathway_plan_id: string;
}

export interface CareLeaverContactsTable extends Recorded {
  child_id: string;
  contacted_on: DateColumn;
  in_touch: string;
  accommodation: string | null;
  activity: string | null;
}

/** The tables of child protection, child in need plans, care and leaving care (migrations 0020–0022). */
export interface ProtectionAndCareTables {
  strategy_discussions: StrategyDiscussionsTable;
  section47_enquiries: Section47EnquiriesTable;
  initial_conferences: InitialConferencesTable;
  cp_plans: CpPlansTable;
  cp_core_groups: CpCoreGroupsTable;
  cp_review_conferences: CpReviewConferencesTable;
  cin_plans: CinPlansTable;
  cin_plan_reviews: CinPlanReviewsTable;
  care_periods: CarePeriodsTable;
  legal_statuses: LegalStatusesTable;
  placements: PlacementsTable;
  care_outcomes: CareOutcomesTable;
  adoption_decisions: AdoptionDecisionsTable;
  cla_reviews: ClaReviewsTable;
  child_visits: ChildVisitsTable;
  health_assessments: HealthAssessmentsTable;
  personal_education_plans: PersonalEducationPlansTable;
  missing_episodes: MissingEpisodesTable;
  care_leaver_statuses: CareLeaverStatusesTable;
  pathway_plans: PathwayPlansTable;
  pathway_plan_reviews: PathwayPlanReviewsTable;
  care_leaver_contacts: CareLeaverContactsTable;
}
