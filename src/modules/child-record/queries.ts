import type { Insertable, Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

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

/** The people of the child's family and network named on their relationships: who they are, not the record. */
export function peopleOf(db: Db, councilId: string, personIds: readonly string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'date_of_birth', 'organisation', 'phone'])
    .where('council_id', '=', councilId)
    .where('id', 'in', personIds)
    .execute();
}

export function insertPerson(db: Db, person: Insertable<Tables['people']>) {
  return db.insertInto('people').values(person).execute();
}

export function insertRelationship(db: Db, relationship: Insertable<Tables['child_relationships']>) {
  return db.insertInto('child_relationships').values(relationship).execute();
}
