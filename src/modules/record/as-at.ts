import type { RecordTable } from './queries.ts';

/**
 * When each kind of fact was true in the child's life, in the table's own words: the column it starts from, the
 * column it ends on, and the columns that only mean something once it has ended (a closure reason, a reason
 * ceased). These are the dates the social worker records: the record's valid time (ADR 0008).
 */
interface ValidTime {
  from: string;
  to?: string;
  /** Columns told only at the end, with what they hold before it (not yet known, or not so). */
  toldAtEnd?: Readonly<Record<string, null | false>>;
}

const VALID_TIME: Record<RecordTable, ValidTime> = {
  child_addresses: { from: 'from_date', to: 'to_date' },
  child_relationships: { from: 'from_date', to: 'to_date' },
  child_flags: { from: 'from_date', to: 'ended_on' },
  allocations: { from: 'from_date', to: 'to_date' },
  contacts: { from: 'received_at', to: 'decided_on', toldAtEnd: { decision: null } },
  episodes: {
    from: 'referral_date',
    to: 'closed_on',
    toldAtEnd: { closure_reason: null, no_further_action: false },
  },
  assessments: { from: 'start_date', to: 'authorised_on', toldAtEnd: { authorised_by: null, outcome: null } },
  strategy_discussions: { from: 'held_on' },
  section47_enquiries: { from: 'started_on', to: 'ended_on', toldAtEnd: { outcome: null } },
  initial_conferences: { from: 'held_on' },
  cp_plans: { from: 'start_date', to: 'end_date', toldAtEnd: { end_reason: null } },
  cp_core_groups: { from: 'held_on' },
  cp_review_conferences: { from: 'held_on' },
  cin_plans: { from: 'start_date', to: 'end_date' },
  cin_plan_reviews: { from: 'held_on' },
  care_periods: { from: 'start_date', to: 'end_date', toldAtEnd: { reason_ceased: null } },
  legal_statuses: { from: 'from_date', to: 'to_date' },
  placements: { from: 'start_date', to: 'end_date', toldAtEnd: { change_reason: null } },
  cla_reviews: { from: 'held_on' },
  child_visits: { from: 'visited_on' },
  health_assessments: { from: 'completed_on' },
  personal_education_plans: { from: 'completed_on' },
  missing_episodes: {
    from: 'started_on',
    to: 'ended_on',
    toldAtEnd: { return_interview_offered: null, return_interview_accepted: null },
  },
  care_leaver_statuses: { from: 'from_date', to: 'to_date' },
  pathway_plans: { from: 'started_on', to: 'ended_on' },
  pathway_plan_reviews: { from: 'held_on' },
  care_leaver_contacts: { from: 'contacted_on' },
};

/** The calendar day of a `date` (YYYY-MM-DD text) or `timestamptz` (a Date, taken in England's time) value. */
function dayOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(value);
  }
  return String(value).slice(0, 10);
}

/** The days a row's fact was true in the child's life: from its first day, to the day it ended (none while open). */
export function validDaysOf(
  table: RecordTable,
  row: object,
): { from: string | undefined; to: string | undefined } {
  const { from, to } = VALID_TIME[table];
  const fields = row as Record<string, unknown>;
  return { from: dayOf(fields[from]), to: to ? dayOf(fields[to]) : undefined };
}

/**
 * The rows of one table as the record stood at the end of `asAt`: facts that began after it are left out, and a
 * fact that ended after it is still open then, with what is told only at its end not yet known. A fact that
 * ended on `asAt` itself had ended.
 */
export function rowsAsAt<Row>(table: RecordTable, rows: readonly Row[], asAt: string): Row[] {
  const { from, to, toldAtEnd = {} } = VALID_TIME[table];
  const kept: Row[] = [];
  for (const row of rows) {
    const fields = row as Record<string, unknown>;
    const began = dayOf(fields[from]);
    if (began !== undefined && began > asAt) continue;
    const ended = to ? dayOf(fields[to]) : undefined;
    if (to && ended !== undefined && ended > asAt) {
      kept.push({ ...fields, [to]: null, ...toldAtEnd } as Row);
    } else kept.push(row);
  }
  return kept;
}
