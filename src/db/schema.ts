import type { ColumnType, Generated } from 'kysely';
import type { ProtectionAndCareTables } from './schema-protection-and-care.ts';
import type { PerformanceTables } from './schema-performance.ts';
import type { TimescaleTables } from './schema-timescales.ts';
import type { WorkforceTables } from './schema-workforce.ts';
import type { ImportTables } from './schema-imports.ts';
import type { DfeApiTables } from './schema-dfe-api.ts';

/** A `date` column: the text YYYY-MM-DD on both engines (see `openDatabase`). */
export type DateColumn = string;
/** A `timestamptz` column, read as a Date and written as a Date or an ISO string. */
export type Instant = ColumnType<Date, Date | string, Date | string>;

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface CouncilsTable {
  id: string;
  name: string;
  dfe_code: string | null;
  gss_code: string | null;
  created_at: Generated<Date>;
  /** The birthday until which the records of children never looked after are kept (migration 0067). */
  retention_others_until_birthday: Generated<number>;
}

export interface TeamsTable {
  council_id: string;
  id: string;
  name: string;
  kind: string;
  caseload_target: number | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  /** Whether the team's managers may hold cases (migration 0069). */
  managers_hold_cases: Generated<boolean>;
}

export interface WorkersTable {
  council_id: string;
  id: string;
  given_name: string;
  family_name: string;
  role: string;
  contract: Generated<string>;
  fte: ColumnType<string, string | number | undefined, string | number>;
  started_on: DateColumn | null;
  left_on: DateColumn | null;
  /** The job, for the workforce census (migration 0066); `role` is what the person may do in Hearth. */
  job: ColumnType<string | null, string | null | undefined, string | null>;
  swe_expires_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  leaving_reason: ColumnType<string | null, string | null | undefined, string | null>;
  asye_started_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  asye_completed_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  version: Generated<number>;
  created_at: Generated<Date>;
  /** SSDA903 SW_ID: the Social Work England registration number (migration 0064). */
  social_work_england_number: ColumnType<string | null, string | null | undefined, string | null>;
  /** What a manager knows of the worker beyond the census (migration 0069). */
  lead_areas: ColumnType<string[], string[] | undefined, string[]>;
  recruited_from: ColumnType<string | null, string | null | undefined, string | null>;
  induction_started_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  induction_completed_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  appraised_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  appraisal_due_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  practice_educator_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Leave or sickness: only its kind and days, never a medical reason (migration 0040). */
export interface WorkerAbsencesTable {
  council_id: string;
  id: string;
  worker_id: string;
  kind: string;
  from_date: DateColumn;
  to_date: DateColumn | null;
  recorded_by: string | null;
  created_at: Generated<Date>;
}

export interface TeamMembershipsTable {
  council_id: string;
  id: string;
  team_id: string;
  worker_id: string;
  manages: Generated<boolean>;
  from_date: DateColumn;
  to_date: DateColumn | null;
}

export interface UsersTable {
  council_id: string;
  id: string;
  worker_id: string;
  email: string;
  /** None for a person who signs in only through the council's identity provider. */
  password_hash: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: Instant | null;
  disabled_at: Instant | null;
  created_at: Generated<Date>;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  /** Sealed with `platform/sealing.ts`; never shown after enrolment. */
  totp_secret: string | null;
  totp_enrolled_at: Instant | null;
  totp_last_step: number | null;
}

export interface SessionsTable {
  council_id: string;
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Instant;
  last_seen_at: Instant;
  ended_at: Instant | null;
}

export interface ApiTokensTable {
  council_id: string;
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Generated<Date>;
  last_used_at: Instant | null;
  revoked_at: Instant | null;
}

export interface ChildrenTable {
  council_id: string;
  id: string;
  local_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: DateColumn | null;
  restricted: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  other_names: ColumnType<string | null, string | null | undefined, string | null>;
  expected_date_of_birth: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  sex: ColumnType<string | null, string | null | undefined, string | null>;
  gender: ColumnType<string | null, string | null | undefined, string | null>;
  ethnicity: ColumnType<string | null, string | null | undefined, string | null>;
  first_language: ColumnType<string | null, string | null | undefined, string | null>;
  religion: ColumnType<string | null, string | null | undefined, string | null>;
  disabilities: Generated<string[]>;
  immigration_status: ColumnType<string | null, string | null | undefined, string | null>;
  uasc: Generated<boolean>;
  education_setting: ColumnType<string | null, string | null | undefined, string | null>;
  upn: ColumnType<string | null, string | null | undefined, string | null>;
  nhs_number: ColumnType<string | null, string | null | undefined, string | null>;
  /** The day the child died, recorded once (migration 0056). */
  date_of_death: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  /** SSDA903 MC_DOB and UASC DUC (migration 0064). */
  first_child_born_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  uasc_ceased_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

export interface ChildAddressesTable {
  council_id: string;
  id: string;
  child_id: string;
  line1: string;
  line2: string | null;
  town: string | null;
  postcode: string | null;
  from_date: DateColumn;
  to_date: DateColumn | null;
  created_at: Generated<Date>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

export interface PeopleTable {
  council_id: string;
  id: string;
  given_name: string;
  family_name: string;
  date_of_birth: DateColumn | null;
  organisation: string | null;
  phone: string | null;
  created_at: Generated<Date>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

export interface ChildRelationshipsTable {
  council_id: string;
  id: string;
  child_id: string;
  person_id: string;
  relationship: string;
  parental_responsibility: Generated<boolean>;
  from_date: DateColumn | null;
  to_date: DateColumn | null;
  created_at: Generated<Date>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

export interface ChildFlagsTable {
  council_id: string;
  id: string;
  child_id: string;
  kind: string;
  description: string;
  from_date: DateColumn;
  review_date: DateColumn;
  ended_on: DateColumn | null;
  created_at: Generated<Date>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

export interface ContactsTable {
  council_id: string;
  id: string;
  child_id: string;
  received_at: Instant;
  source: string;
  reason: string;
  mash_partners: ColumnType<string[], string[] | undefined, string[]>;
  decision: string;
  decided_on: DateColumn;
  recorded_by: string;
  /** The open episode of need the contact was added to, when the child had one (migration 0053). */
  episode_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Generated<Date>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

export interface EpisodesTable {
  council_id: string;
  id: string;
  child_id: string;
  contact_id: string | null;
  referral_date: DateColumn;
  referral_source: string;
  primary_need: string;
  re_referral: boolean;
  no_further_action: Generated<boolean>;
  closed_on: DateColumn | null;
  closure_reason: string | null;
  recorded_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

export interface AssessmentsTable {
  council_id: string;
  id: string;
  episode_id: string;
  child_id: string;
  start_date: DateColumn;
  outcome: string | null;
  summary: string | null;
  recorded_by: string;
  authorised_on: DateColumn | null;
  authorised_by: string | null;
  /** What the worker made of what they found (migration 0056). */
  analysis: ColumnType<string | null, string | null | undefined, string | null>;
  /** The child's wishes and feelings, in their words where possible (migration 0056). */
  childs_voice: ColumnType<string | null, string | null | undefined, string | null>;
  /** The manager's oversight note on the assessment (migration 0056). */
  oversight_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** When a manager returned it to the worker, by whom and why; cleared when the worker sends it again. */
  returned_on: ColumnType<DateColumn | null, DateColumn | null | undefined, DateColumn | null>;
  returned_by: ColumnType<string | null, string | null | undefined, string | null>;
  return_reasons: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

export interface AssessmentFactorsTable {
  council_id: string;
  assessment_id: string;
  code: string;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
}

export interface CaseNotesTable {
  council_id: string;
  id: string;
  kind: string;
  occurred_on: DateColumn;
  title: string;
  body: string;
  written_by: string;
  written_at: Instant;
  corrects_note_id: string | null;
  correction_reason: string | null;
  /** Why it matters for the child, for the chronology (migration 0059); optional. */
  significance: ColumnType<string | null, string | null | undefined, never>;
}

export interface CaseNoteChildrenTable {
  council_id: string;
  note_id: string;
  child_id: string;
}

export interface CaseNoteDraftsTable {
  council_id: string;
  user_id: string;
  child_id: string;
  corrects_note_id: Generated<string>;
  fields: ColumnType<Record<string, string>, string, string>;
  saved_at: Instant;
}

export interface ChildAccessListsTable {
  council_id: string;
  child_id: string;
  worker_id: string;
  added_at: Generated<Date>;
}

export interface AllocationsTable {
  council_id: string;
  id: string;
  child_id: string;
  worker_id: string;
  case_role: string;
  from_date: DateColumn;
  to_date: DateColumn | null;
  reason: string | null;
  created_at: Generated<Date>;
  /** When Hearth learned this version of the row (migration 0050; earlier versions are in record_history). */
  recorded_at: Generated<Date>;
  /** The manager who made the allocation (migration 0055). */
  allocated_by: string | null;
  /** For cover: the absence it covers, ending with it (migration 0055). */
  absence_id: string | null;
  /** SSDA903 SW_REASON: why the child's social worker changed (migration 0064). */
  change_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditSamplesTable {
  council_id: string;
  id: string;
  auditor_id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface AuditSampleChildrenTable {
  council_id: string;
  sample_id: string;
  child_id: string;
}

export interface BreakGlassGrantsTable {
  council_id: string;
  id: string;
  session_id: string;
  user_id: string;
  child_id: string;
  reason: string;
  granted_at: Instant;
  reviewed_by: string | null;
  reviewed_at: Instant | null;
}

export interface AuditLogTable {
  council_id: string;
  seq: number;
  id: string;
  at: Instant;
  user_id: string | null;
  worker_id: string | null;
  action: string;
  outcome: 'allowed' | 'refused';
  child_id: string | null;
  route: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
  /** The facts the change wrote, "table key hash" a line, on its first entry (migration 0086, ADR 17). */
  facts: string | null;
  previous_hash: string;
  hash: string;
}

/** A council's chain head at an instant, signed under HEARTH_AUDIT_KEY (migration 0071). */
export interface AuditCheckpointsTable {
  council_id: string;
  seq: number;
  hash: string;
  at: Instant;
  signature: string;
}

/** A read's audit entry waiting to be sealed into its council's chain (migration 0071, ADR 13). */
export interface AuditPendingTable {
  council_id: string;
  id: string;
  entry: ColumnType<Record<string, unknown>, string, string>;
}

export interface FormStashesTable {
  council_id: string;
  id: string;
  user_id: string;
  return_to: string;
  fields: ColumnType<Record<string, unknown>, string, string>;
  created_at: Instant;
}

/** Every version of a row of a child's record that a later change replaced (migration 0050). */
export interface RecordHistoryTable {
  council_id: string;
  table_name: string;
  record_id: string | null;
  child_id: string | null;
  version_row: ColumnType<Record<string, unknown>, string, never>;
  recorded_at: Instant;
  superseded_at: Instant;
  superseded_by: string | null;
  reason: string | null;
}

/** The ONS Postcode Directory: shared reference data, without council_id (migration 0031). */
export interface PostcodesTable {
  postcode: string;
  gss_code: string;
  easting: number | null;
  northing: number | null;
}

/** The council's children aged 0 to 17 by ONS mid-year estimate, for rates per 10,000 (migration 0065). */
export interface CouncilPopulationTable {
  council_id: string;
  mid_year: number;
  area_code: string;
  children_0_to_17: number;
  source: string;
  loaded_at: Generated<Date>;
}

/** A possible duplicate at the front door for a service manager to review (migration 0068). */
export interface DuplicateReviewsTable {
  council_id: string;
  id: string;
  child_id: string;
  raised_by: string;
  raised_at: Instant;
  enquiry: ColumnType<Record<string, unknown>, string, string>;
  fingerprint: string;
  reasons: ColumnType<string[], string, string>;
  decision: 'same-child' | 'different-child' | null;
  decided_by: string | null;
  decided_at: Instant | null;
}

/** Every table Hearth's queries may name, with its columns. */
export interface Tables
  extends
    ProtectionAndCareTables,
    TimescaleTables,
    WorkforceTables,
    PerformanceTables,
    ImportTables,
    DfeApiTables {
  schema_migrations: SchemaMigrationsTable;
  councils: CouncilsTable;
  teams: TeamsTable;
  workers: WorkersTable;
  worker_absences: WorkerAbsencesTable;
  team_memberships: TeamMembershipsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  children: ChildrenTable;
  child_access_lists: ChildAccessListsTable;
  allocations: AllocationsTable;
  audit_samples: AuditSamplesTable;
  audit_sample_children: AuditSampleChildrenTable;
  break_glass_grants: BreakGlassGrantsTable;
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
  audit_pending: AuditPendingTable;
  form_stashes: FormStashesTable;
  record_history: RecordHistoryTable;
  postcodes: PostcodesTable;
  council_population: CouncilPopulationTable;
  duplicate_reviews: DuplicateReviewsTable;
  child_addresses: ChildAddressesTable;
  people: PeopleTable;
  child_relationships: ChildRelationshipsTable;
  child_flags: ChildFlagsTable;
  contacts: ContactsTable;
  episodes: EpisodesTable;
  assessments: AssessmentsTable;
  assessment_factors: AssessmentFactorsTable;
  case_notes: CaseNotesTable;
  case_note_children: CaseNoteChildrenTable;
  case_note_drafts: CaseNoteDraftsTable;
}
