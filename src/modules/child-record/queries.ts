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

/** The child's family and network: each person with their dated relationship to the child. */
export function relationshipsOf(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('child_relationships as r')
    .innerJoin('people as p', (join) =>
      join.onRef('p.council_id', '=', 'r.council_id').onRef('p.id', '=', 'r.person_id'),
    )
    .select([
      'r.id',
      'r.relationship',
      'r.parental_responsibility',
      'r.from_date',
      'r.to_date',
      'p.given_name',
      'p.family_name',
      'p.date_of_birth',
      'p.organisation',
      'p.phone',
    ])
    .where('r.council_id', '=', councilId)
    .where('r.child_id', '=', childId)
    .orderBy('r.to_date', 'desc')
    .orderBy('p.family_name')
    .execute();
}

export function insertPerson(db: Db, person: Insertable<Tables['people']>) {
  return db.insertInto('people').values(person).execute();
}

export function insertRelationship(db: Db, relationship: Insertable<Tables['child_relationships']>) {
  return db.insertInto('child_relationships').values(relationship).execute();
}
