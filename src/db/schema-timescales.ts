import type { ColumnType, Generated } from 'kysely';
import type { DateColumn, Instant } from './schema.ts';

type Json<T> = ColumnType<T, string, string>;

export interface LocalStandardsTable {
  council_id: string;
  id: string;
  kind:
    | 'child-in-need-visit'
    | 'child-protection-visit'
    | 'child-in-need-plan-review'
    | 'supervision'
    | 'care-leaver-contact';
  amount: number;
  unit: 'working days' | 'days' | 'weeks' | 'months';
  effective_from: DateColumn;
  source: string;
  set_by: string;
  set_at: Instant;
}

export interface CouncilClosureDaysTable {
  council_id: string;
  day: DateColumn;
  name: string;
}

export interface ChildObligationsTable {
  council_id: string;
  child_id: string;
  position: number;
  kind: string;
  due_by: DateColumn;
  met_on: DateColumn | null;
  lapsed: boolean;
  /** Unmet and no longer possible: its reason ended after its date, or its window closed (migration 0051). */
  missed: Generated<boolean>;
  rule: string;
  source: string;
  counted_from: DateColumn;
  counted_from_event: string;
  period: string;
  skipped: Json<Array<{ date: string; name: string }>>;
  refreshed_at: Instant;
}

export interface ReminderEntry {
  childId: string;
  childName: string;
  kind: string;
  dueBy: string;
}

export interface ReminderListsTable {
  council_id: string;
  worker_id: string;
  built_on: DateColumn;
  due_soon: Json<ReminderEntry[]>;
  overdue: Json<ReminderEntry[]>;
  built_at: Instant;
}

/** The day a council's obligations were last counted for the timescale views (migration 0076). */
export interface ObligationCountDaysTable {
  council_id: string;
  counted_on: DateColumn;
}

/** A child's counts for the timescale views on the council's counted day (migration 0076). */
export interface ChildObligationCountsTable {
  council_id: string;
  child_id: string;
  due_this_week: number;
  overdue: number;
  met_on_time: number;
  due_this_year: number;
}

/** The tables of statutory timescales (migration 0030). */
export interface TimescaleTables {
  local_standards: LocalStandardsTable;
  council_closure_days: CouncilClosureDaysTable;
  child_obligations: ChildObligationsTable;
  reminder_lists: ReminderListsTable;
  obligation_count_days: ObligationCountDaysTable;
  child_obligation_counts: ChildObligationCountsTable;
}
