import type { ChildRecord, RecordTable } from '../record/service.ts';
import { ukDate } from '../../platform/views.ts';

/** The kinds of event, in the order the filter lists them. */
export const chronologyKinds = [
  'contact',
  'referral',
  'assessment',
  'note',
  'allocation',
  'episode',
  'protection',
  'child-in-need-plan',
  'care',
  'visit',
  'leaving-care',
  'supervision',
] as const;
export type ChronologyKind = (typeof chronologyKinds)[number];

/**
 * One dated event that a version of a row of the child's record tells. `part` names which of the row's events it
 * is (a placement's beginning, an assessment's authorisation), so that two versions of a row can be compared
 * event by event. Title and detail may hold DfE codes written as {COLLECTION.FIELD:code} (see event-words.ts).
 */
export interface RecordEvent {
  on: string;
  kind: ChronologyKind;
  title: string;
  detail: string | null;
  /** A longer text the worker wrote (an assessment's summary). */
  text: string | null;
  part: string;
  /** The worker the row names as having recorded (or authorised) it, where the table keeps one. */
  recordedBy: string | null;
}

/** A row of a table, as read from the table or as a kept version (record_history holds the row as JSON). */
type Row = Record<string, unknown>;

const words = (value: unknown) => (typeof value === 'string' ? value.replaceAll('-', ' ') : null);
const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** The calendar day of a date ("2026-03-01"), or of an instant as England's calendar has it. */
function dayOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const instant = value instanceof Date ? value : /T/.test(String(value)) ? new Date(String(value)) : null;
  if (instant) return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(instant);
  return String(value).slice(0, 10);
}

type Describe = (row: Row, context: EventContext) => Array<Omit<RecordEvent, 'recordedBy'> | null>;

/** What an event of one row needs from the rest of the record: the workers' names, the other placements. */
export interface EventContext {
  workerNames: ReadonlyMap<string, string>;
  placements: readonly Row[];
}

function event(
  on: unknown,
  kind: ChronologyKind,
  part: string,
  title: string,
  detail: string | null = null,
  longText: string | null = null,
) {
  const day = dayOf(on);
  return day ? { on: day, kind, part, title, detail, text: longText } : null;
}

/** The events each table of the record tells, as the chronology of issue 17 lists them. */
const DESCRIBE: Partial<Record<RecordTable, Describe>> = {
  contacts: (row) => [
    event(
      row.received_at,
      'contact',
      'received',
      `Contact received from {CIN.ReferralSource:${row.source}}`,
      row.decision ? `Decision: ${words(row.decision)}` : null,
      text(row.reason),
    ),
  ],
  episodes: (row) => [
    event(
      row.referral_date,
      'referral',
      'referral',
      `${row.re_referral ? 'Re-referral' : 'Referral'} from {CIN.ReferralSource:${row.referral_source}}, primary need {CIN.PrimaryNeedCode:${row.primary_need}}`,
      row.no_further_action ? 'No further action' : null,
    ),
    row.no_further_action
      ? null
      : event(
          row.closed_on,
          'episode',
          'closed',
          row.closure_reason
            ? `Episode of need closed: {CIN.ReasonForClosure:${row.closure_reason}}`
            : 'Episode of need closed',
        ),
  ],
  assessments: (row) => [
    event(row.start_date, 'assessment', 'started', 'Assessment started'),
    event(
      row.authorised_on,
      'assessment',
      'authorised',
      'Assessment authorised',
      words(row.outcome),
      text(row.summary),
    ),
  ],
  allocations: (row, { workerNames }) => {
    const name = workerNames.get(String(row.worker_id)) ?? 'a worker no longer listed';
    return [
      event(
        row.from_date,
        'allocation',
        'from',
        `Allocated to ${name}`,
        `${words(row.case_role)}${row.reason ? `: ${row.reason}` : ''}`,
      ),
      event(row.to_date, 'allocation', 'to', `Allocation to ${name} ended`),
    ];
  },
  strategy_discussions: (row) => [
    event(
      row.held_on,
      'protection',
      'held',
      'Strategy discussion',
      row.outcome === 'section-47' ? 'Section 47 enquiry started' : 'No section 47 enquiry',
    ),
  ],
  section47_enquiries: (row) => [
    row.outcome && row.outcome !== 'conference'
      ? event(row.ended_on, 'protection', 'ended', 'Section 47 enquiry ended', words(row.outcome))
      : null,
  ],
  initial_conferences: (row) => [
    event(
      row.held_on,
      'protection',
      'held',
      'Initial child protection conference',
      row.outcome === 'child-protection-plan'
        ? `Child protection plan: {CIN.InitialCategoryOfAbuse:${row.category}}`
        : 'No plan',
    ),
  ],
  cp_plans: (row) => [
    event(row.end_date, 'protection', 'ended', 'Child protection plan ended', words(row.end_reason)),
  ],
  cp_core_groups: (row) => [event(row.held_on, 'protection', 'held', 'Core group meeting')],
  cp_review_conferences: (row) => [
    event(row.held_on, 'protection', 'held', 'Child protection review conference'),
  ],
  cin_plans: (row) => [
    event(row.start_date, 'child-in-need-plan', 'started', 'Child in need plan started'),
    event(row.end_date, 'child-in-need-plan', 'ended', 'Child in need plan ended'),
  ],
  cin_plan_reviews: (row) => [event(row.held_on, 'child-in-need-plan', 'held', 'Child in need plan review')],
  care_periods: (row) => [
    event(row.start_date, 'care', 'started', 'Became looked after'),
    event(
      row.end_date,
      'care',
      'ended',
      'Stopped being looked after',
      row.reason_ceased ? `Reason: {SSDA903.REC:${row.reason_ceased}}` : null,
    ),
  ],
  legal_statuses: (row) => [event(row.from_date, 'care', 'from', `Legal status: {SSDA903.LS:${row.code}}`)],
  placements: (row, { placements }) => {
    const previous = placements.find(
      (other) =>
        other.care_period_id === row.care_period_id &&
        other.id !== row.id &&
        other.end_date === row.start_date,
    );
    return [
      event(
        row.start_date,
        'care',
        'started',
        `Placement began: {SSDA903.PLACE:${row.place}}`,
        previous?.change_reason
          ? `The previous placement ended: {SSDA903.REASON_PLACE_CHANGE:${previous.change_reason}}`
          : null,
      ),
    ];
  },
  cla_reviews: (row) => [
    event(
      row.held_on,
      'care',
      'held',
      'Looked after review',
      `Participation: {SSDA903.REVIEW_CODE:${row.participation}}`,
    ),
  ],
  health_assessments: (row) => [
    event(row.completed_on, 'care', 'completed', `Health assessment (${row.kind})`),
  ],
  personal_education_plans: (row) => [
    event(row.completed_on, 'care', 'completed', `Personal education plan (${row.kind})`),
  ],
  missing_episodes: (row) => [
    event(
      row.started_on,
      'care',
      'started',
      row.kind === 'M' ? 'Went missing' : 'Away without authorisation',
      row.ended_on ? `returned ${ukDate(String(row.ended_on))}` : 'not yet returned',
    ),
  ],
  child_visits: (row) => [
    event(
      row.visited_on,
      'visit',
      'visited',
      row.seen ? `Visit: child seen${row.seen_alone ? ' alone' : ''}` : 'Visit: child not seen',
    ),
  ],
  care_leaver_statuses: (row) => [
    event(row.from_date, 'leaving-care', 'from', `Care leaver status: ${words(row.status)}`),
  ],
  pathway_plans: (row) => [event(row.started_on, 'leaving-care', 'started', 'Pathway plan started')],
  pathway_plan_reviews: (row) => [event(row.held_on, 'leaving-care', 'held', 'Pathway plan review')],
  care_leaver_contacts: (row) => [
    event(
      row.contacted_on,
      'leaving-care',
      'contacted',
      `Keeping in touch: {SSDA903.IN_TOUCH:${row.in_touch}}`,
    ),
  ],
  // The child's part of a supervision: the discussion and decisions, never the worker's own (issue 21, part 4).
  supervision_discussions: (row) => [
    event(
      row.discussed_on,
      'supervision',
      'discussed',
      'Discussed in supervision',
      row.decisions ? `Decisions: ${row.decisions}` : null,
      text(row.discussion),
    ),
  ],
};

/** The tables whose rows the chronology tells. */
export const TABLES_IN_CHRONOLOGY = Object.keys(DESCRIBE) as RecordTable[];

/** The dated events one version of a row tells. */
export function eventsOfRow(table: RecordTable, row: Row, context: EventContext): RecordEvent[] {
  const describe = DESCRIBE[table];
  if (!describe) return [];
  return describe(row, context)
    .filter((found) => found !== null)
    .map((found) => ({
      ...found,
      recordedBy: text(found.part === 'authorised' ? row.authorised_by : row.recorded_by),
    }));
}

/** The context the current record gives every row's events. */
export function contextOf(record: ChildRecord, workerNames: ReadonlyMap<string, string>): EventContext {
  return { workerNames, placements: record.placements as unknown as Row[] };
}
