import { sql, type Insertable, type Kysely } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/**
 * The council's establishment (issue 21, part 1): its teams (name, kind, caseload target, who manages them) and
 * the posts in each team. The service checks who may change them and writes the audit entry in the same
 * transaction; a change of manager is dated, so who managed a team on a past day can still be read.
 */

/** One team, locked for a change. */
export function lockedTeam(db: Db, councilId: string, teamId: string) {
  return db
    .selectFrom('teams')
    .select(['id', 'name', 'kind', 'caseload_target', 'managers_hold_cases'])
    .where('council_id', '=', councilId)
    .where('id', '=', teamId)
    .forUpdate()
    .executeTakeFirst();
}

/** Another team of the council with this name (names are the council's own, compared as typed but for case). */
export function teamNamed(db: Db, councilId: string, name: string, otherThan: string | null) {
  return db
    .selectFrom('teams')
    .select('id')
    .where('council_id', '=', councilId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .$if(otherThan !== null, (query) => query.where('id', '<>', otherThan!))
    .executeTakeFirst();
}

export function insertTeam(db: Db, team: Insertable<Tables['teams']>) {
  return db.insertInto('teams').values(team).execute();
}

export function changeTeam(
  db: Db,
  councilId: string,
  teamId: string,
  change: { name: string; caseload_target: number | null; managers_hold_cases: boolean },
) {
  return db
    .updateTable('teams')
    .set((eb) => ({ ...change, version: eb('version', '+', 1) }))
    .where('council_id', '=', councilId)
    .where('id', '=', teamId)
    .execute();
}

/** The people who may manage a team: team and service managers in post on the day. */
export function managerCandidates(db: Db, councilId: string, day: string) {
  return db
    .selectFrom('workers')
    .select(['id', 'given_name', 'family_name'])
    .where('council_id', '=', councilId)
    .where('role', 'in', ['team-manager', 'service-manager'])
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', day)]))
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
}

/** The team's memberships open on the day, managing or not, locked for a change of manager. */
export function openMemberships(db: Db, councilId: string, teamId: string, day: string) {
  return db
    .selectFrom('team_memberships as m')
    .select(['m.id', 'm.worker_id', 'm.manages', 'm.from_date'])
    .where('m.council_id', '=', councilId)
    .where('m.team_id', '=', teamId)
    .where(currentOn('m', day))
    .forUpdate()
    .execute();
}

/** Ends a membership on a day (the day before a new one starts). */
export function endMembership(db: Db, councilId: string, membershipId: string, lastDay: string) {
  return db
    .updateTable('team_memberships')
    .set({ to_date: lastDay })
    .where('council_id', '=', councilId)
    .where('id', '=', membershipId)
    .execute();
}

/** A membership that began today changes in place: there is no earlier day to keep. */
export function setManages(db: Db, councilId: string, membershipId: string, manages: boolean) {
  return db
    .updateTable('team_memberships')
    .set({ manages })
    .where('council_id', '=', councilId)
    .where('id', '=', membershipId)
    .execute();
}

export function insertMembership(db: Db, membership: Insertable<Tables['team_memberships']>) {
  return db.insertInto('team_memberships').values(membership).execute();
}

/** One post of a team, locked for a change or its end. */
export function lockedPost(db: Db, councilId: string, teamId: string, postId: string) {
  return db
    .selectFrom('posts')
    .select(['id', 'title', 'job', 'fte', 'from_date', 'to_date'])
    .where('council_id', '=', councilId)
    .where('team_id', '=', teamId)
    .where('id', '=', postId)
    .forUpdate()
    .executeTakeFirst();
}

export function insertPost(db: Db, post: Insertable<Tables['posts']>) {
  return db.insertInto('posts').values(post).execute();
}

export function changePost(
  db: Db,
  councilId: string,
  postId: string,
  change: { title: string; job: string; fte: string },
) {
  return db
    .updateTable('posts')
    .set(change)
    .where('council_id', '=', councilId)
    .where('id', '=', postId)
    .execute();
}

/** Disestablishes a post after its last day, and ends anyone's holding of it then; returns the holdings ended. */
export async function endPost(db: Db, councilId: string, postId: string, lastDay: string) {
  await db
    .updateTable('posts')
    .set({ to_date: lastDay })
    .where('council_id', '=', councilId)
    .where('id', '=', postId)
    .execute();
  return db
    .updateTable('post_holders')
    .set({ to_date: sql<string>`greatest(from_date, ${lastDay}::date)` })
    .where('council_id', '=', councilId)
    .where('post_id', '=', postId)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>', lastDay)]))
    .returning(['worker_id'])
    .execute();
}
