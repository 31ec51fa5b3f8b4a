import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, ValidationError, type FieldProblem } from '../../platform/errors.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { writeNote } from '../casenotes/service.ts';
import { journeyStatusOf } from '../journey/journey-record.ts';
import { onChild, type OpenJourney } from '../journey/service.ts';
import { readRecord } from '../record/service.ts';
import { insertChildVisit, insertKeepingInTouch, latestEpisodeClosing, noteAboutChild } from './queries.ts';

/**
 * Visits recorded once (issue 17, part 5): one visit, at any stage of the child's journey, records the statutory
 * facts (seen, seen alone, the bedroom of a looked after child, wishes and feelings: Care Planning Regulations 2010
 * reg. 28 and Working Together 2023), writes or names the case note that tells what happened, and, in the same
 * transaction, works the child's obligations out again, so My caseload and the home page clear at once.
 */
export interface VisitInput {
  values: RecordValues;
  /** A case note of type Visit that this visit is the account of; otherwise a note is written. */
  fromNoteId?: string | null;
  /** The form asks for the note's words; the API writes them from the facts when none are given. */
  noteRequired: boolean;
}

/** What the visit form needs: the child's name, whether they are looked after, and the note it starts from. */
export async function visitForm(db: Database, actor: Actor, childId: string, fromNoteId?: string) {
  return withTransaction(db, actor, async (trx) => {
    const record = (await readRecord(trx, actor, [childId])).get(childId)!;
    const status = journeyStatusOf(record, actor.today);
    const note = fromNoteId ? await noteAboutChild(trx, actor.councilId, childId, fromNoteId) : undefined;
    if (fromNoteId && (!note || note.kind !== 'visit')) throw new NotFound();
    await appendAudit(trx, auditSource(actor), { action: 'child.viewed', childId });
    return {
      caption: `${record.child.given_name} ${record.child.family_name}`,
      lookedAfter: status.stage === 'looked-after',
      note: note ?? null,
    };
  });
}

/**
 * Which of the child's case notes to offer as a statutory visit: a note of type Visit, not a correction, that no
 * visit names and on whose day no visit is recorded (visits recorded before notes were linked to them, as the
 * demo's are, are not offered twice). The visits are read through the record's reader, as known today; it is called
 * after the page's own service has let the reader see the notes.
 */
export async function notesToOfferAsVisits(
  db: Database,
  actor: Actor,
  childId: string,
  notes: readonly { id: string; kind: string; occurred_on: string; corrects_note_id: string | null }[],
): Promise<Set<string>> {
  const record = (await readRecord(db, actor, [childId], { asAt: actor.today }, ['child_visits'])).get(
    childId,
  )!;
  const visits = record.child_visits;
  const named = new Set(visits.map((visit) => visit.case_note_id));
  const days = new Set(visits.map((visit) => visit.visited_on));
  return new Set(
    notes
      .filter((note) => note.kind === 'visit' && !note.corrects_note_id)
      .filter((note) => !named.has(note.id) && !days.has(note.occurred_on))
      .map((note) => note.id),
  );
}

const yesNo = (value: unknown) => (value === true ? 'yes' : value === false ? 'no' : 'not recorded');

/** The note Hearth writes for a visit sent through the API without its own words: the facts, in words. */
function noteFromFacts(values: RecordValues, lookedAfter: boolean): string {
  const facts = [`Seen: ${yesNo(values.seen)}`, `seen alone: ${yesNo(values.seenAlone)}`];
  if (lookedAfter) facts.push(`bedroom seen: ${yesNo(values.bedroomSeen)}`);
  const wishes = values.wishesAndFeelings ? `\nWishes and feelings: ${String(values.wishesAndFeelings)}` : '';
  return `${facts.join('; ')}.${wishes}`;
}

/** The rules a visit must meet, each problem naming its field; a visit belongs to open work. */
async function visitProblems(
  trx: Transaction<Tables>,
  actor: Actor,
  childId: string,
  journey: OpenJourney,
  input: VisitInput,
): Promise<FieldProblem[]> {
  const { values } = input;
  const visitedOn = values.visitedOn as string;
  const problems: FieldProblem[] = [];
  // Dates before birth or after death are refused by `onChild` for every recording.
  if (!journey.episode && !journey.careLeaver) {
    const last = await latestEpisodeClosing(trx, actor.councilId, childId);
    if (!last?.closed_on || visitedOn > last.closed_on)
      problems.push({
        path: 'visitedOn',
        message: 'The child has no open episode on that date: a visit cannot be after the episode closed',
      });
  }
  if (values.seen === false && (values.seenAlone === true || values.bedroomSeen === true))
    problems.push({
      path: 'seen',
      message: 'A child who was not seen cannot have been seen alone or had their bedroom seen',
    });
  if (!journey.carePeriod && values.bedroomSeen !== null && values.bedroomSeen !== undefined)
    problems.push({
      path: 'bedroomSeen',
      message: 'The bedroom is asked about only for a looked after child',
    });
  if (!input.fromNoteId && input.noteRequired && !String(values.note ?? '').trim())
    problems.push({ path: 'note', message: 'Enter what happened on the visit' });
  return problems;
}

/**
 * Records a visit: refused before the child's birth, in the future (by the field's own check), and after their
 * last episode closed when none is open. Writes the visit, its case note (or links the note it came from), and
 * for a care leaver who was seen, the personal adviser's keeping in touch; the child's obligations are then
 * worked out again in the same transaction (`onChild`).
 */
export async function recordVisit(db: Database, actor: Actor, childId: string, input: VisitInput) {
  return onChild(db, actor, childId, input.values, async (trx, journey) => {
    const { values } = input;
    const problems = await visitProblems(trx, actor, childId, journey, input);
    const fromNote = input.fromNoteId
      ? await noteAboutChild(trx, actor.councilId, childId, input.fromNoteId)
      : undefined;
    if (input.fromNoteId && (!fromNote || fromNote.kind !== 'visit')) throw new NotFound();
    if (fromNote?.visit_id)
      problems.push({ path: 'visitedOn', message: 'This case note is already recorded as a visit' });
    if (problems.length) throw new ValidationError(problems);
    const visitedOn = values.visitedOn as string;
    const noteId =
      fromNote?.id ??
      (await writeNote(trx, actor, childId, {
        kind: 'visit',
        occurredOn: { date: visitedOn },
        title: String(values.noteTitle ?? '').trim() || 'Visit',
        body: String(values.note ?? '').trim() || noteFromFacts(values, Boolean(journey.carePeriod)),
        alsoAbout: [],
      }));
    const id = uuidv7();
    await insertChildVisit(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      visited_on: visitedOn,
      seen: values.seen as boolean,
      seen_alone: (values.seenAlone as boolean | null) ?? null,
      bedroom_seen: (values.bedroomSeen as boolean | null) ?? null,
      wishes_and_feelings: (values.wishesAndFeelings as string | null) || null,
      recorded_by: actor.workerId,
      case_note_id: noteId,
    });
    if (journey.careLeaver && values.seen === true) {
      await insertKeepingInTouch(trx, {
        council_id: actor.councilId,
        id: uuidv7(),
        child_id: childId,
        contacted_on: visitedOn,
        // SSDA903 IN_TOUCH: YES, the council is in touch with the young person.
        in_touch: 'YES',
        recorded_by: actor.workerId,
      });
    }
    await appendAudit(trx, auditSource(actor), {
      action: 'visit.recorded',
      childId,
      details: { id, noteId },
    });
    return id;
  });
}
