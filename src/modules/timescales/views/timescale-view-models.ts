import type { Obligation } from '../../../domain/timescales/obligation.ts';
import { escapeHtml, ukDate } from '../../../platform/views.ts';
import type { SummaryRow } from '../count-queries.ts';
import type { Measure, TrackedPlan } from '../queries.ts';
import type { StoredObligation } from '../service.ts';

/** Obligation kinds in words for the pages. */
export const obligationWords: Record<string, string> = {
  'contact-decision': 'Decision on the contact',
  assessment: 'Assessment authorised',
  'initial-child-protection-conference': 'Initial child protection conference',
  'first-core-group': 'First core group',
  'child-protection-review': 'Child protection review conference',
  'child-protection-visit': 'Visit (child protection plan)',
  'child-in-need-visit': 'Visit (child in need plan)',
  'child-in-need-plan-review': 'Child in need plan review',
  'looked-after-review': 'Looked after review',
  'looked-after-visit': 'Statutory visit',
  'initial-health-assessment': 'Initial health assessment',
  'health-assessment-review': 'Health assessment review',
  'personal-education-plan': 'Personal education plan',
  'personal-education-plan-review': 'Personal education plan review',
  'pathway-plan-review': 'Pathway plan review',
  'care-leaver-contact': 'Keeping in touch (personal adviser)',
};

const statusTags: Record<Obligation['status'], { text: string; classes: string }> = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  due: { text: 'Due', classes: 'govuk-tag--blue' },
  missed: { text: 'Missed', classes: 'govuk-tag--pink' },
  'met-late': { text: 'Done late', classes: 'govuk-tag--orange' },
  met: { text: 'Done on time', classes: 'govuk-tag--green' },
  'not-applicable': { text: 'No longer needed', classes: 'govuk-tag--grey' },
};

/** One obligation for the child's page: what, when, its status, and why the date is what it is. */
export function obligationCard(obligation: StoredObligation) {
  const { explanation } = obligation;
  return {
    what: obligationWords[obligation.kind] ?? obligation.kind,
    dueBy: ukDate(obligation.dueBy),
    metOn: obligation.metOn ? ukDate(obligation.metOn) : '',
    tag: statusTags[obligation.status],
    open: obligation.status === 'due' || obligation.status === 'overdue',
    why: [
      `${explanation.rule}.`,
      `Counted from the ${explanation.countedFromEvent} on ${ukDate(explanation.countedFrom)}: ${explanation.period}.`,
      explanation.skipped.length
        ? `Not counted as working days: ${explanation.skipped.map((skipped) => `${skipped.name} (${ukDate(skipped.date)})`).join(', ')}.`
        : '',
      `Source: ${explanation.source}.`,
    ].filter(Boolean),
  };
}

const measures: Array<{ measure: Measure; heading: string; key: keyof SummaryRow }> = [
  { measure: 'due-this-week', heading: 'Due in the next 7 days', key: 'due_this_week' },
  { measure: 'overdue', heading: 'Overdue', key: 'overdue' },
  { measure: 'met-on-time', heading: 'Done on time this year', key: 'met_on_time' },
];

/** The figures table: one row per team or worker, each figure linking to its children when the reader may see them. */
export function figureRows(
  rows: SummaryRow[],
  options: { drillDown: boolean; by: 'team' | 'worker'; teamId?: string },
) {
  return rows.map((row) => {
    const name = row.group_name ?? (options.by === 'team' ? 'No team (unallocated)' : 'Unallocated');
    const nameCell =
      options.by === 'team' && row.group_id
        ? { html: `<a class="govuk-link" href="/timescales/teams/${row.group_id}">${escapeHtml(name)}</a>` }
        : { text: name };
    const filter = row.group_id
      ? `&${options.by === 'team' ? 'teamId' : 'workerId'}=${row.group_id}`
      : '&unallocated=yes';
    const cells = measures.map(({ measure, key }) => {
      const count = Number(row[key]);
      const text =
        measure === 'met-on-time'
          ? `${count} of ${row.due_this_year}${row.due_this_year ? ` (${Math.round((100 * count) / Number(row.due_this_year))}%)` : ''}`
          : String(count);
      // A bare number says nothing out of its table: the hidden words say what it counts and for whom.
      return options.drillDown && count > 0
        ? {
            html: `<a class="govuk-link" href="/timescales/children?measure=${measure}${filter}">${text}<span class="govuk-visually-hidden"> ${measureWords[measure]}, ${escapeHtml(name)}</span></a>`,
            format: 'numeric',
          }
        : { text, format: 'numeric' };
    });
    return [nameCell, ...cells];
  });
}

export const figureHead = (by: 'team' | 'worker') => [
  { text: by === 'team' ? 'Team' : 'Worker' },
  ...measures.map(({ heading }) => ({ text: heading, format: 'numeric' })),
];

/** A figure's name as a drill-down's heading begins with it: "Overdue: Children in care team". */
export const measureHeadings: Record<Measure, string> = {
  ...(Object.fromEntries(measures.map(({ measure, heading }) => [measure, heading])) as Record<
    Measure,
    string
  >),
  'due-this-year': 'Due this year',
};

export const measureWords: Record<Measure, string> = {
  'due-this-week': 'due in the next 7 days',
  overdue: 'overdue',
  'met-on-time': 'done on time this year',
  'due-this-year': 'due this year',
};

/** What supervision says of a child on the tracker (src/modules/supervision): last discussed, open actions. */
export interface TrackedSupervision {
  last_discussed: string | null;
  open_actions: number;
  overdue_from: string | null;
}

/**
 * Rows of the child in need tracker: the child linking to their timescales, dates in words, overdue tagged, and
 * the child's supervision ("a child in need tracker which links to supervision notes") from supervision records.
 */
export function trackerRows(
  rows: TrackedPlan[],
  today: string,
  supervision: ReadonlyMap<string, TrackedSupervision> = new Map(),
) {
  return rows.map((row) => [
    {
      html: `<a class="govuk-link" href="/children/${row.child_id}/timescales">${escapeHtml(`${row.given_name} ${row.family_name}`)}</a>`,
    },
    { text: ukDate(row.plan_started) },
    { text: row.last_review ? ukDate(row.last_review) : 'None yet' },
    { text: row.last_visit ? ukDate(row.last_visit) : 'None yet' },
    row.next_due
      ? {
          html: `${ukDate(row.next_due)}${row.next_due < today ? ' <strong class="govuk-tag govuk-tag--red">Overdue</strong>' : ''}`,
        }
      : { text: 'Nothing due' },
    { text: row.worker_name ?? 'Unallocated' },
    ...supervisionCells(row.child_id, supervision.get(row.child_id), today),
  ]);
}

function supervisionCells(childId: string, supervision: TrackedSupervision | undefined, today: string) {
  const link = (text: string) =>
    `<a class="govuk-link" href="/children/${childId}/supervision">${escapeHtml(text)}</a>`;
  const actions = supervision?.open_actions ?? 0;
  return [
    supervision?.last_discussed ? { html: link(ukDate(supervision.last_discussed)) } : { text: 'Not yet' },
    actions
      ? {
          html: `${link(String(actions))}${supervision?.overdue_from && supervision.overdue_from < today ? ' <strong class="govuk-tag govuk-tag--red">Overdue</strong>' : ''}`,
        }
      : { text: 'None' },
  ];
}
