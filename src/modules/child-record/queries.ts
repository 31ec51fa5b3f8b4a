import type { Insertable, Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

export function childIdentity(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('children')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('id', '=', childId)
    .executeTakeFirstOrThrow();
}

/** Addresses, the current one (no end date) first, then the history newest first. */
export function addressesOf(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('child_addresses')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .orderBy((eb) => eb.case().when('to_date', 'is', null).then(0).else(1).end())
    .orderBy('from_date', 'desc')
    .execute();
}

export function flagsOf(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('child_flags')
    .selectAll()
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .orderBy('review_date')
    .execute();
}

/** Ends the current address on the day the next one starts; the row stays as history. */
export function endCurrentAddresses(db: Db, councilId: string, childId: string, on: string) {
  return db
    .updateTable('child_addresses')
    .set({ to_date: on })
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .where('to_date', 'is', null)
    .where('from_date', '<=', on)
    .execute();
}

export function insertAddress(db: Db, address: Insertable<Tables['child_addresses']>) {
  return db.insertInto('child_addresses').values(address).execute();
}

export function insertFlag(db: Db, flag: Insertable<Tables['child_flags']>) {
  return db.insertInto('child_flags').values(flag).execute();
}
