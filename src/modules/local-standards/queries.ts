import type { Insertable, Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;
type StandardKind = Tables['local_standards']['kind'];

/** Every standard the council has set, with who set it: by kind, the latest effective date first. */
export function standardsSet(db: Db, councilId: string) {
  return db
    .selectFrom('local_standards as s')
    .leftJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 's.council_id').onRef('w.id', '=', 's.set_by'),
    )
    .select(['s.kind', 's.amount', 's.unit', 's.effective_from', 's.source', 'w.given_name', 'w.family_name'])
    .where('s.council_id', '=', councilId)
    .orderBy('s.kind')
    .orderBy('s.effective_from', 'desc')
    .execute();
}

/** The council's own closure days (beyond the bank holidays), latest first. */
export function closureDays(db: Db, councilId: string) {
  return db
    .selectFrom('council_closure_days')
    .select(['day', 'name'])
    .where('council_id', '=', councilId)
    .orderBy('day', 'desc')
    .execute();
}

/** The standard of this kind taking effect on this date, if one is set. */
export function standardTakingEffect(db: Db, councilId: string, kind: StandardKind, effectiveFrom: string) {
  return db
    .selectFrom('local_standards')
    .select('id')
    .where('council_id', '=', councilId)
    .where('kind', '=', kind)
    .where('effective_from', '=', effectiveFrom)
    .executeTakeFirst();
}

export function insertLocalStandard(db: Db, standard: Insertable<Tables['local_standards']>) {
  return db.insertInto('local_standards').values(standard).execute();
}

export function closureDay(db: Db, councilId: string, day: string) {
  return db
    .selectFrom('council_closure_days')
    .select('day')
    .where('council_id', '=', councilId)
    .where('day', '=', day)
    .executeTakeFirst();
}

export function insertClosureDay(db: Db, closure: Insertable<Tables['council_closure_days']>) {
  return db.insertInto('council_closure_days').values(closure).execute();
}

/**
 * The children whose stored obligations a new standard of `kind` from `effectiveFrom` changes: those with a step of
 * that kind counted from that date or later. Steps counted from earlier keep the standard of their time.
 */
export async function childrenUnderStandard(db: Db, councilId: string, kind: string, effectiveFrom: string) {
  const rows = await db
    .selectFrom('child_obligations')
    .select('child_id')
    .distinct()
    .where('council_id', '=', councilId)
    .where('kind', '=', kind)
    .where('counted_from', '>=', effectiveFrom)
    .execute();
  return rows.map((row) => row.child_id);
}

/** The children with an obligation counted in working days whose span takes in `day`: a closure day moves it. */
export async function childrenCountingThrough(db: Db, councilId: string, day: string) {
  const rows = await db
    .selectFrom('child_obligations')
    .select('child_id')
    .distinct()
    .where('council_id', '=', councilId)
    .where('period', 'like', '%working day%')
    .where('counted_from', '<=', day)
    .where('due_by', '>=', day)
    .execute();
  return rows.map((row) => row.child_id);
}
