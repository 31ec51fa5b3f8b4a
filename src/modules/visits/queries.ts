import type { Insertable, Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/**
 * The closing date of the child's most recent episode (`closed_on` sorts nulls first, as PostgreSQL does): a visit
 * may not be after it when none is open.
 */
export function latestEpisodeClosing(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('episodes')
    .select('closed_on')
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .orderBy('closed_on', 'desc')
    .executeTakeFirst();
}

export function insertChildVisit(db: Db, visit: Insertable<Tables['child_visits']>) {
  return db.insertInto('child_visits').values(visit).execute();
}

/** A personal adviser's visit to a care leaver is also their keeping in touch (Care Leavers Regulations reg. 8). */
export function insertKeepingInTouch(db: Db, contact: Insertable<Tables['care_leaver_contacts']>) {
  return db.insertInto('care_leaver_contacts').values(contact).execute();
}

/**
 * A case note about the child, with the visit already recorded from it if there is one: for offering a note of
 * type Visit as a statutory visit.
 */
export function noteAboutChild(db: Db, councilId: string, childId: string, noteId: string) {
  return db
    .selectFrom('case_notes as n')
    .innerJoin('case_note_children as l', (join) =>
      join.onRef('l.council_id', '=', 'n.council_id').onRef('l.note_id', '=', 'n.id'),
    )
    .leftJoin('child_visits as v', (join) =>
      join.onRef('v.council_id', '=', 'n.council_id').onRef('v.case_note_id', '=', 'n.id'),
    )
    .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.occurred_on', 'v.id as visit_id'])
    .where('n.council_id', '=', councilId)
    .where('n.id', '=', noteId)
    .where('l.child_id', '=', childId)
    .executeTakeFirst();
}
