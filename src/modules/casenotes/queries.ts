import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import { allowedChildren, type ChildAction } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';

type Db = Kysely<Tables>;

/** The notes about a child, newest event first, each with its writer and the note it corrects, if any. */
export function notesAboutChild(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('case_note_children as l')
    .innerJoin('case_notes as n', (join) =>
      join.onRef('n.council_id', '=', 'l.council_id').onRef('n.id', '=', 'l.note_id'),
    )
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'n.council_id').onRef('w.id', '=', 'n.written_by'),
    )
    .selectAll('n')
    .select(['w.given_name as writer_given_name', 'w.family_name as writer_family_name'])
    .where('l.council_id', '=', councilId)
    .where('l.child_id', '=', childId)
    .orderBy('n.occurred_on', 'desc')
    .orderBy('n.written_at', 'desc')
    .execute();
}

/** Which children each note is about, limited to those the actor may read. */
export function noteChildrenVisibleTo(db: Db, actor: Actor, noteIds: string[]) {
  if (noteIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_note_children as l')
    .innerJoin('children as c', (join) =>
      join.onRef('c.council_id', '=', 'l.council_id').onRef('c.id', '=', 'l.child_id'),
    )
    .select(['l.note_id', 'c.id', 'c.given_name', 'c.family_name'])
    .where('l.council_id', '=', actor.councilId)
    .where('l.note_id', 'in', noteIds)
    .where(sql<SqlBool>`c.id in (${allowedChildren(actor)})`)
    .execute();
}

/** The children of a note, whoever may see them: to link a correction to the same children. */
export function childrenOfNote(db: Db, councilId: string, noteId: string) {
  return db
    .selectFrom('case_note_children')
    .select('child_id')
    .where('council_id', '=', councilId)
    .where('note_id', '=', noteId)
    .execute();
}

/** A child's id and names, for the heading of a page of their notes (the gatekeeper has been asked). */
export function childNamed(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('children')
    .select(['id', 'given_name', 'family_name'])
    .where('council_id', '=', councilId)
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
}

/** Children found by the council's own ids among those the actor may read or write. */
export function childrenByLocalIds(db: Db, actor: Actor, localIds: string[], action: ChildAction) {
  if (localIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('children')
    .select(['id', 'local_id'])
    .where('council_id', '=', actor.councilId)
    .where('local_id', 'in', localIds)
    .where(sql<SqlBool>`id in (${allowedChildren(actor, action)})`)
    .execute();
}

export function insertNote(db: Db, note: Insertable<Tables['case_notes']>) {
  return db.insertInto('case_notes').values(note).execute();
}

/**
 * Up to `limit` of a council's notes after the id `afterId`, each with the children it is about and the content
 * hashes its audit entries carry (a null for an entry written before entries carried them), for `hearth audit verify`.
 */
export function notesWithAuditedHashes(db: Db, councilId: string, afterId: string, limit: number) {
  let query = db
    .selectFrom('case_notes as n')
    .select([
      'n.id',
      'n.kind',
      'n.occurred_on',
      'n.title',
      'n.body',
      'n.written_by',
      'n.written_at',
      'n.corrects_note_id',
      'n.correction_reason',
      'n.significance',
    ])
    .select(
      sql<string[]>`array(select c.child_id::text from case_note_children c
        where c.council_id = n.council_id and c.note_id = n.id)`.as('children'),
    )
    .select(
      sql<(string | null)[]>`array(select l.details ->> 'contentHash' from audit_log l
        where l.council_id = n.council_id and l.details ? 'noteId' and l.details ->> 'noteId' = n.id::text
          and l.action in ('casenote.recorded', 'casenote.corrected'))`.as('audited_hashes'),
    )
    .where('n.council_id', '=', councilId);
  if (afterId) query = query.where('n.id', '>', afterId);
  return query.orderBy('n.id').limit(limit).execute();
}

export function linkNote(db: Db, councilId: string, noteId: string, childIds: string[]) {
  return db
    .insertInto('case_note_children')
    .values(childIds.map((childId) => ({ council_id: councilId, note_id: noteId, child_id: childId })))
    .execute();
}

export function draftOf(db: Db, actor: Actor, childId: string, correctsNoteId: string) {
  return db
    .selectFrom('case_note_drafts')
    .select(['fields', 'saved_at'])
    .where('council_id', '=', actor.councilId)
    .where('user_id', '=', actor.userId)
    .where('child_id', '=', childId)
    .where('corrects_note_id', '=', correctsNoteId)
    .executeTakeFirst();
}

/** Saves what is being typed, replacing the person's previous draft of the same note. */
export function saveDraft(
  db: Db,
  actor: Actor,
  childId: string,
  correctsNoteId: string,
  fields: Record<string, string>,
) {
  return db
    .insertInto('case_note_drafts')
    .values({
      council_id: actor.councilId,
      user_id: actor.userId,
      child_id: childId,
      corrects_note_id: correctsNoteId,
      fields: JSON.stringify(fields),
      saved_at: actor.now,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['council_id', 'user_id', 'child_id', 'corrects_note_id'])
        .doUpdateSet({ fields: JSON.stringify(fields), saved_at: actor.now }),
    )
    .execute();
}

export function removeDraft(db: Db, actor: Actor, childId: string, correctsNoteId: string) {
  return db
    .deleteFrom('case_note_drafts')
    .where('council_id', '=', actor.councilId)
    .where('user_id', '=', actor.userId)
    .where('child_id', '=', childId)
    .where('corrects_note_id', '=', correctsNoteId)
    .execute();
}
