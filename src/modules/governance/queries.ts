import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import { childrenOverseen } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';

/** The council's retention policy for the records of children never looked after. */
export async function retentionPolicyOf(db: Kysely<Tables>, councilId: string) {
  const council = await db
    .selectFrom('councils')
    .select('retention_others_until_birthday')
    .where('id', '=', councilId)
    .executeTakeFirstOrThrow();
  return { othersUntilBirthday: council.retention_others_until_birthday };
}

export async function setRetentionPolicy(db: Kysely<Tables>, councilId: string, othersUntilBirthday: number) {
  await db
    .updateTable('councils')
    .set({ retention_others_until_birthday: othersUntilBirthday })
    .where('id', '=', councilId)
    .execute();
}

/**
 * What retention turns on, for every child of the council (or those the actor oversees: restricted children stay
 * hidden from anyone their list does not name). A care period that ended with REC E11 or E12 ended with an
 * adoption order, on its end date.
 */
export function retentionFacts(db: Kysely<Tables>, councilId: string, actor?: Actor) {
  return db
    .selectFrom('children as c')
    .select((eb) => [
      'c.id',
      'c.local_id',
      'c.given_name',
      'c.family_name',
      sql<string | null>`c.date_of_birth::text`.as('date_of_birth'),
      sql<string | null>`c.date_of_death::text`.as('date_of_death'),
      eb
        .exists(
          eb
            .selectFrom('care_periods as p')
            .select('p.id')
            .whereRef('p.council_id', '=', 'c.council_id')
            .whereRef('p.child_id', '=', 'c.id'),
        )
        .as('ever_looked_after'),
      eb
        .selectFrom('care_periods as p')
        .select(sql<string | null>`max(p.end_date)::text`.as('adopted_on'))
        .whereRef('p.council_id', '=', 'c.council_id')
        .whereRef('p.child_id', '=', 'c.id')
        .where('p.reason_ceased', 'in', ['E11', 'E12'])
        .as('adoption_order_date'),
      eb
        .selectFrom('episodes as e')
        .select(sql<string | null>`max(e.closed_on)::text`.as('closed_on'))
        .whereRef('e.council_id', '=', 'c.council_id')
        .whereRef('e.child_id', '=', 'c.id')
        .as('involvement_ended_on'),
      eb
        .exists(
          eb
            .selectFrom('episodes as e')
            .select('e.id')
            .whereRef('e.council_id', '=', 'c.council_id')
            .whereRef('e.child_id', '=', 'c.id')
            .where('e.closed_on', 'is', null),
        )
        .as('open'),
    ])
    .where('c.council_id', '=', councilId)
    .$if(actor !== undefined, (query) => query.where(sql<SqlBool>`c.id in (${childrenOverseen(actor!)})`))
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .execute();
}

/**
 * The child a subject access request is about, found by the council's own id (or Hearth's) among the children the
 * officer oversees: every child of the council but the restricted ones whose list does not name them. Without an
 * actor (the command line, run by those who hold the database), any child of the council.
 */
export async function childForSubjectAccess(
  db: Kysely<Tables>,
  councilId: string,
  idOrLocalId: string,
  actor?: Actor,
) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrLocalId);
  return db
    .selectFrom('children as c')
    .select(['c.id', 'c.local_id'])
    .where('c.council_id', '=', councilId)
    .where(uuid ? 'c.id' : 'c.local_id', '=', idOrLocalId)
    .where(actor ? sql<SqlBool>`c.id in (${childrenOverseen(actor)})` : sql<SqlBool>`true`)
    .executeTakeFirst();
}

/** The people of a child's family and network, by id: names, organisation, telephone. */
export function peopleByIds(db: Kysely<Tables>, councilId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'organisation', 'phone'])
    .where('council_id', '=', councilId)
    .where('id', 'in', [...personIds])
    .execute();
}

/** The other children named on the notes about a child: third parties in the child's own record. */
export function otherChildrenOnNotes(
  db: Kysely<Tables>,
  councilId: string,
  childId: string,
  noteIds: string[],
) {
  if (noteIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_note_children as l')
    .innerJoin('children as c', (join) =>
      join.onRef('c.council_id', '=', 'l.council_id').onRef('c.id', '=', 'l.child_id'),
    )
    .select(['l.note_id', 'c.id', 'c.given_name', 'c.family_name'])
    .where('l.council_id', '=', councilId)
    .where('l.note_id', 'in', noteIds)
    .where('l.child_id', '<>', childId)
    .execute();
}

export function councilName(db: Kysely<Tables>, councilId: string) {
  return db.selectFrom('councils').select('name').where('id', '=', councilId).executeTakeFirstOrThrow();
}
