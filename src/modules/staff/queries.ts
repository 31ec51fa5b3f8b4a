import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { currentOn } from '../../db/current-on.ts';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

export function insertTeam(db: Db, team: Insertable<Tables['teams']>) {
  return db.insertInto('teams').values(team).execute();
}

export function insertWorker(db: Db, worker: Insertable<Tables['workers']>) {
  return db.insertInto('workers').values(worker).execute();
}

/** A sign-in: the account of a worker. */
export function insertUser(db: Db, user: Insertable<Tables['users']>) {
  return db.insertInto('users').values(user).execute();
}

export function insertTeamMembership(db: Db, membership: Insertable<Tables['team_memberships']>) {
  return db.insertInto('team_memberships').values(membership).execute();
}

/** The account with this email (trimmed and lower-cased by the caller), enabled or not. */
export function userByEmail(db: Db, email: string) {
  return db.selectFrom('users').select(['council_id', 'id']).where('email', '=', email).executeTakeFirst();
}

/** Every account with its worker's name and role, of one council or of all, by role then email. */
export function usersWithWorkers(db: Db, councilId?: string) {
  let query = db
    .selectFrom('users as u')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
    )
    .select([
      'u.council_id',
      'u.id as user_id',
      'u.email',
      'w.id as worker_id',
      'w.given_name',
      'w.family_name',
      'w.role',
      'u.locked_until',
      'u.disabled_at',
    ])
    .orderBy('w.role')
    .orderBy('u.email');
  if (councilId) query = query.where('u.council_id', '=', councilId);
  return query.execute();
}

/** Every team membership current on `today`, in every council, with the team's name. */
export function teamMembershipsOn(db: Db, today: string) {
  return db
    .selectFrom('team_memberships as m')
    .innerJoin('teams as t', (join) =>
      join.onRef('t.council_id', '=', 'm.council_id').onRef('t.id', '=', 'm.team_id'),
    )
    .select(['m.council_id', 'm.worker_id', 't.name'])
    .where(currentOn('m', today))
    .execute();
}

/** An API token: only the hash of the token is stored. */
export function insertApiToken(db: Db, token: Insertable<Tables['api_tokens']>) {
  return db.insertInto('api_tokens').values(token).execute();
}

/** Revokes a user's live tokens of this name; returns the ids revoked. */
export function revokeApiTokensNamed(
  db: Db,
  user: { councilId: string; userId: string },
  name: string,
  now: Date,
) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('council_id', '=', user.councilId)
    .where('user_id', '=', user.userId)
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
}

/** Every council in the database, for commands that act on one. */
export function councils(db: Db) {
  return db.selectFrom('councils').select(['id', 'name']).execute();
}

export function teamByName(db: Db, councilId: string, name: string) {
  return db
    .selectFrom('teams')
    .select('id')
    .where('council_id', '=', councilId)
    .where('name', '=', name)
    .executeTakeFirst();
}

/** A worker of the council by their id, or by the email they sign in with (lower-cased by the caller). */
export function workerByIdOrEmail(db: Db, councilId: string, worker: { id: string } | { email: string }) {
  return db
    .selectFrom('workers as w')
    .leftJoin('users as u', (join) =>
      join.onRef('u.council_id', '=', 'w.council_id').onRef('u.worker_id', '=', 'w.id'),
    )
    .select(['w.id', 'w.given_name', 'w.family_name'])
    .where('w.council_id', '=', councilId)
    .where((eb) => ('email' in worker ? eb('u.email', '=', worker.email) : eb('w.id', '=', worker.id)))
    .executeTakeFirst();
}

/** One account of the council with its worker, enabled or not: for the administrator's change page. */
export function userWithWorker(db: Db, councilId: string, userId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'u.council_id').onRef('w.id', '=', 'u.worker_id'),
    )
    .select([
      'u.id as user_id',
      'u.email',
      'u.disabled_at',
      'u.locked_until',
      'w.id as worker_id',
      'w.given_name',
      'w.family_name',
      'w.role',
      'w.social_work_england_number',
    ])
    .where('u.council_id', '=', councilId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/** The council's teams by name, for choosing a person's team. */
export function teamsOf(db: Db, councilId: string) {
  return db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('council_id', '=', councilId)
    .orderBy('name')
    .execute();
}

/** A worker's team memberships current on `today`. */
export function currentMemberships(db: Db, councilId: string, workerId: string, today: string) {
  return db
    .selectFrom('team_memberships as m')
    .select(['m.id', 'm.team_id', 'm.manages', 'm.from_date'])
    .where('m.council_id', '=', councilId)
    .where('m.worker_id', '=', workerId)
    .where(currentOn('m', today))
    .execute();
}

/** Ends a membership on `lastDay` (inclusive), keeping it as history. */
export function endMembership(db: Db, councilId: string, membershipId: string, lastDay: string) {
  return db
    .updateTable('team_memberships')
    .set({ to_date: lastDay })
    .where('council_id', '=', councilId)
    .where('id', '=', membershipId)
    .execute();
}

/** A membership begun today and changed the same day: it never held a day on its own, so it goes. */
export function removeMembership(db: Db, councilId: string, membershipId: string) {
  return db
    .deleteFrom('team_memberships')
    .where('council_id', '=', councilId)
    .where('id', '=', membershipId)
    .execute();
}

/** A worker's Social Work England registration number, or none (SSDA903 SW_ID; migration 0064). */
export function setWorkerRegistration(db: Db, councilId: string, workerId: string, number: string | null) {
  return db
    .updateTable('workers')
    .set((eb) => ({ social_work_england_number: number, version: eb('version', '+', 1) }))
    .where('council_id', '=', councilId)
    .where('id', '=', workerId)
    .execute();
}

/** Another worker of the council with this registration number, if any. */
export function workerWithRegistration(db: Db, councilId: string, number: string, exceptWorkerId: string) {
  return db
    .selectFrom('workers')
    .select('id')
    .where('council_id', '=', councilId)
    .where('social_work_england_number', '=', number)
    .where('id', '!=', exceptWorkerId)
    .executeTakeFirst();
}

export function setWorkerRole(db: Db, councilId: string, workerId: string, role: string) {
  return db
    .updateTable('workers')
    .set((eb) => ({ role, version: eb('version', '+', 1) }))
    .where('council_id', '=', councilId)
    .where('id', '=', workerId)
    .execute();
}

/** Disables (with an instant) or enables again (null) a sign-in. */
export function setUserDisabled(db: Db, councilId: string, userId: string, disabledAt: Date | null) {
  return db
    .updateTable('users')
    .set({ disabled_at: disabledAt, failed_sign_ins: 0, locked_until: null })
    .where('council_id', '=', councilId)
    .where('id', '=', userId)
    .execute();
}

/** Ends every open session of a user; returns how many were ended. */
export async function endSessionsOf(db: Db, councilId: string, userId: string, now: Date) {
  const ended = await db
    .updateTable('sessions')
    .set({ ended_at: now })
    .where('council_id', '=', councilId)
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .returning('id')
    .execute();
  return ended.length;
}

/** The staff list: every worker of the council with their census fields and sign-in email, if any. */
export async function staffListOf(db: Kysely<Tables>, councilId: string) {
  const { rows } = await sql<Record<string, string | null>>`
    select w.id, u.email, w.given_name, w.family_name, w.job, w.contract, w.fte::text as fte,
      w.started_on::text as started_on, w.left_on::text as left_on, w.leaving_reason,
      w.social_work_england_number as swe_number,
      w.swe_expires_on::text as swe_expires_on, w.asye_started_on::text as asye_started_on,
      w.asye_completed_on::text as asye_completed_on, w.appraised_on::text as appraised_on,
      w.appraisal_due_on::text as appraisal_due_on, array_to_string(w.lead_areas, '; ') as lead_areas,
      w.recruited_from
    from workers w left join users u on u.council_id = w.council_id and u.worker_id = w.id
    where w.council_id = ${councilId}
    order by w.family_name, w.given_name`.execute(db);
  return rows;
}

/** The worker a staff row names: by sign-in email, or else by Social Work England number. */
export async function workerNamedBy(
  db: Kysely<Tables>,
  councilId: string,
  row: { email: string | null; sweNumber: string | null },
) {
  const { rows } = await sql<{ id: string }>`
    select w.id from workers w left join users u on u.council_id = w.council_id and u.worker_id = w.id
    where w.council_id = ${councilId}
      and ((${row.email}::text is not null and u.email = ${row.email}::text)
        or (${row.sweNumber}::text is not null and w.social_work_england_number = ${row.sweNumber}::text))
    limit 1`.execute(db);
  return rows[0]?.id;
}

export function updateStaffWorker(
  db: Kysely<Tables>,
  councilId: string,
  workerId: string,
  change: Updateable<Tables['workers']>,
) {
  return db
    .updateTable('workers')
    .set(change)
    .where('council_id', '=', councilId)
    .where('id', '=', workerId)
    .execute();
}

/** The council's training records that still count (not ended), for the staff list's training cells. */
export function currentTrainingOfCouncil(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('training_records')
    .select(['id', 'worker_id', 'course', 'completed_on', 'expires_on'])
    .where('council_id', '=', councilId)
    .where('ended_on', 'is', null)
    .execute();
}

/** The council's induction steps done, for the staff list's induction cells. */
export function inductionStepsOfCouncil(db: Kysely<Tables>, councilId: string) {
  return db
    .selectFrom('induction_steps')
    .select(['id', 'worker_id', 'step', 'completed_on'])
    .where('council_id', '=', councilId)
    .execute();
}

export function insertTrainingRecord(db: Kysely<Tables>, record: Insertable<Tables['training_records']>) {
  return db.insertInto('training_records').values(record).execute();
}

/** A training record's expiry, as a staff list corrects it. */
export function setTrainingExpiry(
  db: Kysely<Tables>,
  councilId: string,
  id: string,
  expiresOn: string | null,
) {
  return db
    .updateTable('training_records')
    .set({ expires_on: expiresOn })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}

export function insertInductionStepDone(db: Kysely<Tables>, step: Insertable<Tables['induction_steps']>) {
  return db.insertInto('induction_steps').values(step).execute();
}

/** The day an induction step was done, as a staff list corrects it. */
export function setInductionStepDay(db: Kysely<Tables>, councilId: string, id: string, completedOn: string) {
  return db
    .updateTable('induction_steps')
    .set({ completed_on: completedOn })
    .where('council_id', '=', councilId)
    .where('id', '=', id)
    .execute();
}
