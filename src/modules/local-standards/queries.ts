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
