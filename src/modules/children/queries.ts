import type { Insertable, Kysely } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';

export function childById(db: Kysely<Tables>, councilId: string, childId: string) {
  return db
    .selectFrom('children')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
}

export function currentAllocations(db: Kysely<Tables>, councilId: string, childId: string, today: string) {
  return db
    .selectFrom('allocations as a')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'a.council_id').onRef('w.id', '=', 'a.worker_id'),
    )
    .select(['a.id', 'a.case_role', 'a.from_date', 'w.given_name', 'w.family_name'])
    .where('a.council_id', '=', councilId)
    .where('a.child_id', '=', childId)
    .where(currentOn('a', today))
    .orderBy('a.from_date')
    .execute();
}

/** A child found by the council's own id, whether or not the actor may see it: only for breaking glass. */
export function unrestrictedChildByLocalId(db: Kysely<Tables>, councilId: string, localId: string) {
  return db
    .selectFrom('children')
    .select(['id'])
    .where('council_id', '=', councilId)
    .where('local_id', '=', localId)
    .where('restricted', '=', false)
    .executeTakeFirst();
}

/** Read access to one child for the rest of one session, kept for a manager's review. */
export function insertBreakGlassGrant(db: Kysely<Tables>, grant: Insertable<Tables['break_glass_grants']>) {
  return db.insertInto('break_glass_grants').values(grant).execute();
}
