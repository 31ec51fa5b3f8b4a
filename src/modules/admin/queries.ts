import { sql, type Kysely, type SqlBool } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/**
 * What an administrator needs to restrict a child: enough to be sure it is the right child (ID, name, date of
 * birth), never the record itself. These queries do not pass through the gatekeeper, because the administrator
 * manages the list that the gatekeeper reads; the routes allow only the administrator's role.
 */
export function childToRestrict(db: Db, councilId: string, child: { id: string } | { localId: string }) {
  return db
    .selectFrom('children')
    .select(['id', 'local_id', 'given_name', 'family_name', 'date_of_birth', 'restricted'])
    .where('council_id', '=', councilId)
    .where((eb) => ('id' in child ? eb('id', '=', child.id) : eb('local_id', '=', child.localId)))
    .executeTakeFirst();
}

/** The council's restricted children with how many people are on each one's list. */
export function restrictedChildren(db: Db, councilId: string) {
  return db
    .selectFrom('children as c')
    .select([
      'c.id',
      'c.local_id',
      'c.given_name',
      'c.family_name',
      (eb) =>
        eb
          .selectFrom('child_access_lists as l')
          .select(eb.fn.countAll<string>().as('people'))
          .whereRef('l.council_id', '=', 'c.council_id')
          .whereRef('l.child_id', '=', 'c.id')
          .as('people'),
    ])
    .where('c.council_id', '=', councilId)
    .where('c.restricted', '=', true)
    .orderBy('c.family_name')
    .orderBy('c.given_name')
    .execute();
}

/** The people who may see a restricted child, with their role and sign-in. */
export function accessList(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('child_access_lists as l')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'l.council_id').onRef('w.id', '=', 'l.worker_id'),
    )
    .leftJoin('users as u', (join) =>
      join.onRef('u.council_id', '=', 'w.council_id').onRef('u.worker_id', '=', 'w.id'),
    )
    .select(['w.id as worker_id', 'w.given_name', 'w.family_name', 'w.role', 'u.email', 'l.added_at'])
    .where('l.council_id', '=', councilId)
    .where('l.child_id', '=', childId)
    .orderBy('w.family_name')
    .orderBy('w.given_name')
    .execute();
}

/** The workers allocated to a child on `today`: they stay on the list when the child is restricted. */
export function allocatedWorkerIds(db: Db, councilId: string, childId: string, today: string) {
  return db
    .selectFrom('allocations as a')
    .select('a.worker_id')
    .distinct()
    .where('a.council_id', '=', councilId)
    .where('a.child_id', '=', childId)
    .where(currentOn('a', today))
    .execute();
}

/** A worker of the council by the email they sign in with (lower-cased by the caller). */
export function workerByEmail(db: Db, councilId: string, email: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
    )
    .select(['w.id', 'w.given_name', 'w.family_name'])
    .where('u.council_id', '=', councilId)
    .where('u.email', '=', email)
    .executeTakeFirst();
}

export function setChildRestricted(db: Db, councilId: string, childId: string, restricted: boolean) {
  return db
    .updateTable('children')
    .set({ restricted })
    .where('council_id', '=', councilId)
    .where('id', '=', childId)
    .execute();
}

/** Puts workers on a child's list; those already on it stay as they were. */
export function addToAccessList(db: Db, councilId: string, childId: string, workerIds: string[], now: Date) {
  if (workerIds.length === 0) return Promise.resolve([]);
  return db
    .insertInto('child_access_lists')
    .values(
      workerIds.map((workerId) => ({
        council_id: councilId,
        child_id: childId,
        worker_id: workerId,
        added_at: now,
      })),
    )
    .onConflict((conflict) => conflict.doNothing())
    .returning('worker_id')
    .execute();
}

export function removeFromAccessList(db: Db, councilId: string, childId: string, workerId: string) {
  return db
    .deleteFrom('child_access_lists')
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .where('worker_id', '=', workerId)
    .returning('worker_id')
    .executeTakeFirst();
}

/** Every change to a child's restriction, newest first, from the audit log (where the reasons are kept). */
export function restrictionChanges(db: Db, councilId: string, childId: string) {
  return db
    .selectFrom('audit_log as l')
    .leftJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'l.council_id').onRef('w.id', '=', 'l.worker_id'),
    )
    .select(['l.at', 'l.action', 'l.details', 'w.given_name', 'w.family_name'])
    .where('l.council_id', '=', councilId)
    .where('l.child_id', '=', childId)
    .where(
      sql<SqlBool>`l.action in ('child.restricted', 'child.restriction-lifted',
      'child.access-list.added', 'child.access-list.removed')`,
    )
    .orderBy('l.seq', 'desc')
    .limit(100)
    .execute();
}

/** Empties a child's list when the restriction is lifted; who was on it stays in the audit log. */
export function clearAccessList(db: Db, councilId: string, childId: string) {
  return db
    .deleteFrom('child_access_lists')
    .where('council_id', '=', councilId)
    .where('child_id', '=', childId)
    .returning('worker_id')
    .execute();
}
