import type { ColumnType, Generated } from 'kysely';
import type { DateColumn } from './schema.ts';

/** A column that may be left out of an insert. */
type Optional<T> = ColumnType<T, T | undefined, T>;

/** A one-to-one or group case supervision (migration 0066). */
export interface SupervisionsTable {
  council_id: string;
  id: string;
  kind: 'one-to-one' | 'group';
  held_on: DateColumn;
  minutes: number | null;
  supervisor_id: string;
  supervisee_id: string | null;
  wellbeing: string | null;
  workload: string | null;
  learning: string | null;
  recorded_by: string;
  created_at: Generated<Date>;
}

export interface SupervisionAttendeesTable {
  council_id: string;
  id: string;
  supervision_id: string;
  worker_id: string | null;
  partner_name: string | null;
  partner_organisation: string | null;
  partner_role: string | null;
}

/** The child's part of a supervision: part of the child's record, with its history (migration 0066). */
export interface SupervisionDiscussionsTable {
  council_id: string;
  id: string;
  supervision_id: string;
  child_id: string;
  discussed_on: DateColumn;
  discussion: string;
  graces: Optional<string[]>;
  reflective_model: string | null;
  reflection: string | null;
  decisions: string | null;
  recorded_by: string;
  created_at: Generated<Date>;
  recorded_at: Generated<Date>;
}

/** One list of actions, from supervision now and audits and plans later (migration 0066). */
export interface ActionsTable {
  council_id: string;
  id: string;
  source: 'supervision';
  supervision_id: string | null;
  child_id: string | null;
  description: string;
  owner_id: string;
  due_on: DateColumn;
  status: Generated<'open' | 'done' | 'dropped'>;
  closed_on: DateColumn | null;
  closed_by: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

/** An established post in a team (migration 0066). */
export interface PostsTable {
  council_id: string;
  id: string;
  team_id: string;
  title: string;
  job: string;
  fte: ColumnType<string, string | number | undefined, string | number>;
  from_date: DateColumn;
  to_date: DateColumn | null;
  created_at: Generated<Date>;
}

export interface PostHoldersTable {
  council_id: string;
  id: string;
  post_id: string;
  worker_id: string;
  from_date: DateColumn;
  to_date: DateColumn | null;
}

/** A step of an international recruit's induction, done on a day (migration 0069). */
export interface InductionStepsTable {
  council_id: string;
  id: string;
  worker_id: string;
  step: string;
  completed_on: DateColumn;
}

/** Training a worker has done, with its expiry where it has one (migration 0069), and its end (0083). */
export interface TrainingRecordsTable {
  council_id: string;
  id: string;
  worker_id: string;
  course: string;
  completed_on: DateColumn;
  expires_on: DateColumn | null;
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
  end_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The council's weight for a kind of case (migration 0069). */
export interface CaseloadWeightsTable {
  council_id: string;
  kind: string;
  weight: ColumnType<string, string | number, string | number>;
}

/** Each council's generation of the records the workforce measures are worked out from (migration 0085). */
export interface WorkforceMeasureInputsTable {
  council_id: string;
  generation: ColumnType<string, number | undefined, number>;
}

/** The workforce measures of a day, kept with the generation they were worked out at (migration 0085). */
export interface WorkforceMeasureDaysTable {
  council_id: string;
  day: DateColumn;
  generation: ColumnType<string, number | string, number | string>;
  measures: unknown;
  kept_at: Date;
}

export interface WorkforceTables {
  workforce_measure_inputs: WorkforceMeasureInputsTable;
  workforce_measure_days: WorkforceMeasureDaysTable;
  induction_steps: InductionStepsTable;
  training_records: TrainingRecordsTable;
  caseload_weights: CaseloadWeightsTable;
  supervisions: SupervisionsTable;
  supervision_attendees: SupervisionAttendeesTable;
  supervision_discussions: SupervisionDiscussionsTable;
  actions: ActionsTable;
  posts: PostsTable;
  post_holders: PostHoldersTable;
}
