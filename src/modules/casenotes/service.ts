import { createHash } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import { pastDate, type DateEntry, type Problem } from '../../domain/journey/rules.ts';
import { requireChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit, canonicalJson } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { auditSource, withAuditedRead, withTransaction } from '../../platform/transactions.ts';
import {
  childNamed,
  childrenByLocalIds,
  childrenOfNote,
  draftOf,
  insertNote,
  linkNote,
  noteChildrenVisibleTo,
  notesWithAuditedHashes,
  notesAboutChild,
  removeDraft,
  saveDraft,
} from './queries.ts';

export const noteKinds = {
  visit: 'Visit',
  'phone-call': 'Phone call',
  meeting: 'Meeting',
  'management-oversight': 'Management oversight',
  email: 'Email or letter',
  'direct-work': 'Direct work with the child',
  other: 'Other',
} as const;

export interface NewNote {
  kind: string;
  occurredOn: DateEntry;
  title: string;
  body: string;
  /** The council's ids of other children the note is also about, such as siblings. */
  alsoAbout: string[];
  /** For a correction: the note it corrects, and why. */
  correctsNoteId?: string | null;
  correctionReason?: string;
  /** Why it matters for the child, for the chronology; optional. */
  significance?: string;
}

/**
 * The notes about a child, each marked with the corrections that followed it and the note it corrects, and with
 * the other children it is about as far as the reader may see them; with the child's name for the page. Reads
 * within the caller's audited read, after asking the gatekeeper with `need`.
 */
async function readNotes(
  trx: Transaction<Tables>,
  actor: Actor,
  childId: string,
  need: 'read' | 'write' = 'read',
) {
  await requireChildren(trx, actor, need, [childId]);
  const child = await childNamed(trx, actor.councilId, childId);
  const notes = await notesAboutChild(trx, actor.councilId, childId);
  const about = await noteChildrenVisibleTo(
    trx,
    actor,
    notes.map((note) => note.id),
  );
  return {
    child,
    notes: notes.map((note) => ({
      ...note,
      correctedBy: notes
        .filter((later) => later.corrects_note_id === note.id)
        .sort((a, b) => Number(a.written_at) - Number(b.written_at)),
      otherChildren: about.filter((child) => child.note_id === note.id && child.id !== childId),
    })),
  };
}

/** The notes about a child (see `readNotes`), audited as the list's one entry. */
export async function listNotes(db: Database, actor: Actor, childId: string) {
  return withAuditedRead(db, actor, async (trx, audit) => {
    const read = await readNotes(trx, actor, childId);
    audit({ action: 'casenotes.listed', childId });
    return read;
  });
}

/** One note about a child, with the note it corrects, audited as one note read (`casenote.viewed`). */
export async function viewNote(db: Database, actor: Actor, childId: string, noteId: string) {
  return withAuditedRead(db, actor, async (trx, audit) => {
    const { child, notes } = await readNotes(trx, actor, childId);
    const note = notes.find((candidate) => candidate.id === noteId);
    if (!note) throw new NotFound();
    audit({ action: 'casenote.viewed', childId, details: { noteId } });
    const corrects = notes.find((candidate) => candidate.id === note.corrects_note_id) ?? null;
    return { child, note, corrects };
  });
}

/**
 * What the form to write (or correct) a note shows: the child, the note being corrected and the writer's own
 * draft, audited as the draft's opening (`casenote.draft-opened`), the one entry of the form's page.
 */
export async function openNoteForm(db: Database, actor: Actor, childId: string, correctsNoteId: string) {
  return withAuditedRead(db, actor, async (trx, audit) => {
    const { child, notes } = await readNotes(trx, actor, childId, 'write');
    const corrects = correctsNoteId ? notes.find((note) => note.id === correctsNoteId) : null;
    if (corrects === undefined) throw new NotFound();
    const draft = await draftOf(trx, actor, childId, correctsNoteId);
    audit({ action: 'casenote.draft-opened', childId, details: { correctsNoteId: corrects?.id ?? null } });
    return { child, corrects, draft };
  });
}

/**
 * The notes about a child, corrections among them, for a use case that reads them within its own transaction
 * after asking the gatekeeper and writes its own audit entry (the chronology).
 */
export function notesWithin(trx: Database, councilId: string, childId: string) {
  return notesAboutChild(trx, councilId, childId);
}

/**
 * Records a case note, or a correction of one. Notes are never changed afterwards (the database refuses it), so
 * a correction is a new note naming the note it corrects and why, linked to the same children. The writer's draft
 * is removed once the note is saved.
 */
export async function recordNote(db: Database, actor: Actor, childId: string, input: NewNote) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    return writeNote(trx, actor, childId, input);
  });
}

/**
 * Writes a case note (or a correction) about a child in the caller's transaction, once the gatekeeper has allowed
 * the write: a visit writes its note this way, in the same transaction as the visit (issue 17).
 */
export async function writeNote(trx: Transaction<Tables>, actor: Actor, childId: string, input: NewNote) {
  const problems: Problem[] = [];
  if (!(input.kind in noteKinds)) problems.push({ path: 'kind', message: 'Select the type of note' });
  const occurredOn = pastDate(problems, 'occurredOn', input.occurredOn, actor.today, {
    missing: 'Enter the date it happened',
    future: 'The date it happened must be today or in the past',
  });
  if (!input.title.trim()) problems.push({ path: 'title', message: 'Enter a title for the note' });
  if (!input.body.trim()) problems.push({ path: 'body', message: 'Enter the note' });
  let childIds = [childId];
  if (input.correctsNoteId) {
    const original = await childrenOfNote(trx, actor.councilId, input.correctsNoteId);
    if (!original.some((link) => link.child_id === childId)) throw new NotFound();
    childIds = original.map((link) => link.child_id);
    if (!input.correctionReason?.trim())
      problems.push({ path: 'correctionReason', message: 'Explain what the correction changes and why' });
  }
  const wanted = [...new Set(input.alsoAbout.map((id) => id.trim()).filter(Boolean))];
  const found = await childrenByLocalIds(trx, actor, wanted, 'write');
  const missing = wanted.filter((localId) => !found.some((child) => child.local_id === localId));
  if (missing.length)
    problems.push({
      path: 'alsoAbout',
      message: `No child you can write to has the ID ${missing.join(', ')}: check the IDs`,
    });
  if (problems.length) throw new ValidationError(problems);
  if (input.correctsNoteId) await requireChildren(trx, actor, 'write', childIds);
  childIds = [...new Set([...childIds, ...found.map((child) => child.id)])];
  const id = uuidv7();
  const note = {
    council_id: actor.councilId,
    id,
    kind: input.kind,
    occurred_on: occurredOn!,
    title: input.title.trim(),
    body: input.body.trim(),
    written_by: actor.workerId,
    written_at: actor.now,
    corrects_note_id: input.correctsNoteId ?? null,
    correction_reason: input.correctsNoteId ? input.correctionReason!.trim() : null,
    significance: input.significance?.trim() || null,
  };
  await insertNote(trx, note);
  await linkNote(trx, actor.councilId, id, childIds);
  const contentHash = noteContentHash({ ...note, children: childIds });
  await removeDraft(trx, actor, childId, input.correctsNoteId ?? '');
  await appendAudit(
    trx,
    auditSource(actor),
    childIds.map((about) => ({
      action: input.correctsNoteId ? 'casenote.corrected' : 'casenote.recorded',
      childId: about,
      details: { noteId: id, correctsNoteId: input.correctsNoteId ?? null, contentHash },
    })),
  );
  return id;
}

type WrittenNote = Omit<Selectable<Tables['case_notes']>, 'council_id' | 'significance'> & {
  significance?: string | null;
  children: string[];
};

/**
 * The SHA-256 of what a note says and whom it is about, which its audit entries carry (issue 22 part 2), so that
 * `hearth audit verify` finds a note rewritten in the database behind the append-only triggers' back.
 */
export function noteContentHash(note: WrittenNote): string {
  // Ids as the database gives them back: an id typed in capitals is stored in small letters.
  const content = {
    id: note.id.toLowerCase(),
    kind: note.kind,
    occurredOn: note.occurred_on,
    title: note.title,
    body: note.body,
    writtenBy: note.written_by.toLowerCase(),
    writtenAt: new Date(note.written_at).toISOString(),
    correctsNoteId: note.corrects_note_id?.toLowerCase() ?? null,
    correctionReason: note.correction_reason,
    significance: note.significance ?? null,
    children: note.children.map((child) => child.toLowerCase()).sort(),
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * Checks every note of a council against the content hash its audit entries carry: the notes that differ, and how
 * many were checked. A note written before entries carried hashes (or loaded by the demo) has none to check.
 */
export async function notesUnlikeTheirAudit(db: Database, councilId: string) {
  const differing: { noteId: string; writtenAt: string }[] = [];
  let checked = 0;
  let unhashed = 0;
  for (let after = ''; ;) {
    const batch = await notesWithAuditedHashes(db, councilId, after, 1000);
    if (batch.length === 0) break;
    for (const note of batch) {
      const hashes = note.audited_hashes.filter((hash): hash is string => typeof hash === 'string');
      if (hashes.length === 0) unhashed += 1;
      else if (hashes.some((hash) => hash !== noteContentHash(note)))
        differing.push({ noteId: note.id, writtenAt: new Date(note.written_at).toISOString() });
      else checked += 1;
    }
    after = batch.at(-1)!.id;
  }
  return { checked, unhashed, differing };
}

/** Saves what the person is typing so that a timeout or a closed tab loses nothing. */
export async function saveNoteDraft(
  db: Database,
  actor: Actor,
  childId: string,
  correctsNoteId: string,
  fields: Record<string, string>,
) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    await saveDraft(trx, actor, childId, correctsNoteId, fields);
    await appendAudit(trx, auditSource(actor), {
      action: 'casenote.draft-saved',
      childId,
      details: { correctsNoteId: correctsNoteId || null },
    });
  });
}
