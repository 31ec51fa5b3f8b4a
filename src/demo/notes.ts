import { addRow } from './context.ts';
import { dayOf, instantOf, type Day } from './days.ts';
import type { Story } from './story.ts';

/**
 * Case notes for the recent past (the last six months of visits, the last year of management oversight), so a
 * child's record and chronology read as they would in a council: invented, plain, and never about real people.
 * Now and then a note is corrected by a later one, as case notes are (append-only, DESIGN.md).
 */
const visitNotes = [
  [
    'Home visit',
    'Visited at home. Spoke with the child alone about school and friends; they said things at home are calmer. Parent engaged well and agreed the actions from the last review.',
  ],
  [
    'Home visit',
    'Child seen with their carer. Bedroom seen, warm and well kept. Talked through the plan and what the child would like to change; views recorded for the next review.',
  ],
  [
    'Visit after school',
    'Met the child after school. They were quiet at first, then talked about football and their new teacher. No new concerns raised; next visit booked.',
  ],
  [
    'Unannounced visit',
    'Unannounced visit. Home conditions have improved since the last visit. Discussed routines and school attendance with the parent, who accepted support from the family hub.',
  ],
  [
    'Statutory visit',
    'Statutory visit at the placement. The child said they feel settled and would like more contact with their brother. Carer reports good progress with reading.',
  ],
] as const;

function note(
  story: Story,
  day: Day,
  kind: string,
  title: string,
  body: string,
  writer: string,
  corrects?: { id: string; reason: string },
) {
  const id = story.id(day);
  addRow(story.rows, 'case_notes', {
    council_id: story.council.id,
    id,
    kind,
    occurred_on: instantOf(day).slice(0, 10),
    title,
    body,
    written_by: writer,
    written_at: instantOf(Math.min(day + (corrects ? 3 : 0), story.asAt), 480),
    corrects_note_id: corrects?.id ?? null,
    correction_reason: corrects?.reason ?? null,
  });
  addRow(story.rows, 'case_note_children', {
    council_id: story.council.id,
    note_id: id,
    child_id: story.childId,
  });
  return id;
}

export function caseNotes(story: Story): void {
  const random = story.random;
  for (const visit of story.rows.child_visits ?? []) {
    const day = dayOf(visit.visited_on as string);
    if (day < story.asAt - 182) continue;
    const [title, body] = random.pick(visitNotes);
    const id = note(
      story,
      day,
      'visit',
      title,
      visit.seen
        ? body
        : 'Visited but the child was not seen: no one answered. Card left and a further visit arranged within the week.',
      visit.recorded_by as string,
    );
    if (random.chance(0.02))
      note(
        story,
        day,
        'visit',
        title,
        `${body} (The visit was on the date above, not the day before as first written.)`,
        visit.recorded_by as string,
        { id, reason: 'Wrong date in the first note' },
      );
  }
  for (const assessment of story.rows.assessments ?? []) {
    if (!assessment.authorised_on) continue;
    const day = dayOf(assessment.authorised_on as string);
    if (day < story.asAt - 365) continue;
    note(
      story,
      day,
      'management-oversight',
      'Assessment authorised',
      `Assessment read and authorised. Outcome: ${String(assessment.outcome).replaceAll('-', ' ')}. Reasons and next steps agreed with the social worker.`,
      assessment.authorised_by as string,
    );
  }
}
