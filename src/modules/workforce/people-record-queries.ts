import { sql, type Insertable, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema.ts';

type Db = Kysely<Tables>;

/**
 * What managers write on a worker (issue 21, part 1): training records, induction steps, the last appraisal and
 * the next one due, and leaving. The service checks who may, and writes the audit entry in the same transaction.
 */

/** The dates the rules check a worker's records against. */
export function workerDates(db: Db, councilId: string, workerId: string) {
  return db
    .selectFrom('workers')
    .select([
      'id',
      'started_on',
      'left_on',
      'leaving_reason',
      'appraised_on',
      'appraisal_due_on',
      'induction_started_on',
      'induction_completed_on',
    ])
    .where('council_id', '=', councilId)
    .where('id', '=', workerId)
    .forUpdate()
    .executeTakeFirst();
}

/** One training record of the worker, locked for a change or its end. */
export function trainingRecord(db: Db, councilId: string, workerId: string, trainingId: string) {
  return db
    .selectFrom('training_records')
    .select(['id', 'course', 'completed_on', 'expires_on', 'ended_on', 'end_reason'])
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .where('id', '=', trainingId)
    .forUpdate()
    .executeTakeFirst();
}

export function insertTraining(db: Db, record: Insertable<Tables['training_records']>) {
  return db.insertInto('training_records').values(record).execute();
}

export function changeTraining(
  db: Db,
  councilId: string,
  trainingId: string,
  change: { course: string; completed_on: string; expires_on: string | null },
) {
  return db
    .updateTable('training_records')
    .set(change)
    .where('council_id', '=', councilId)
    .where('id', '=', trainingId)
    .execute();
}

export function endTraining(db: Db, councilId: string, trainingId: string, endedOn: string, reason: string) {
  return db
    .updateTable('training_records')
    .set({ ended_on: endedOn, end_reason: reason })
    .where('council_id', '=', councilId)
    .where('id', '=', trainingId)
    .execute();
}

export function inductionStepsDone(db: Db, councilId: string, workerId: string) {
  return db
    .selectFrom('induction_steps')
    .select(['step', 'completed_on'])
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .execute();
}

export function insertInductionStep(db: Db, step: Insertable<Tables['induction_steps']>) {
  return db.insertInto('induction_steps').values(step).execute();
}

/** A worker's own dates: induction, appraisal or leaving, as the service worked them out. */
export function setWorkerDates(
  db: Db,
  councilId: string,
  workerId: string,
  dates: Partial<{
    induction_started_on: string;
    induction_completed_on: string | null;
    appraised_on: string;
    appraisal_due_on: string;
    left_on: string;
    leaving_reason: string;
  }>,
) {
  return db
    .updateTable('workers')
    .set(dates)
    .where('council_id', '=', councilId)
    .where('id', '=', workerId)
    .execute();
}

/**
 * Ends the worker's team memberships on their leaving day; returns the teams. What ends: rows still open, running
 * past the day, or ended on the leaving day this one corrects. A row starting after the day keeps its first day,
 * since a dated row cannot end before it starts.
 */
export function endTeamMemberships(
  db: Db,
  councilId: string,
  workerId: string,
  leaving: { leftOn: string; wasLeftOn: string | null },
) {
  return db
    .updateTable('team_memberships')
    .set({ to_date: sql<string>`greatest(from_date, ${leaving.leftOn}::date)` })
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .where((eb) =>
      eb.or([
        eb('to_date', 'is', null),
        eb('to_date', '>', leaving.leftOn),
        ...(leaving.wasLeftOn ? [eb('to_date', '=', leaving.wasLeftOn)] : []),
      ]),
    )
    .returning(['team_id'])
    .execute();
}

/** Ends the worker's holding of their posts on their leaving day: each post is vacant from the day after. */
export function endPostHoldings(
  db: Db,
  councilId: string,
  workerId: string,
  leaving: { leftOn: string; wasLeftOn: string | null },
) {
  return db
    .updateTable('post_holders')
    .set({ to_date: sql<string>`greatest(from_date, ${leaving.leftOn}::date)` })
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .where((eb) =>
      eb.or([
        eb('to_date', 'is', null),
        eb('to_date', '>', leaving.leftOn),
        ...(leaving.wasLeftOn ? [eb('to_date', '=', leaving.wasLeftOn)] : []),
      ]),
    )
    .returning(['post_id'])
    .execute();
}

/**
 * Disables the worker's sign-in from an instant (their leaving day's start), unless it was disabled earlier by
 * other means; a disabling set by the leaving this one corrects moves with it.
 */
export function disableSignInFrom(
  db: Db,
  councilId: string,
  workerId: string,
  from: { disabledAt: Date; wasDisabledAt: Date | null },
) {
  return db
    .updateTable('users')
    .set({ disabled_at: from.disabledAt })
    .where('council_id', '=', councilId)
    .where('worker_id', '=', workerId)
    .where((eb) =>
      eb.or([
        eb('disabled_at', 'is', null),
        eb('disabled_at', '>', from.disabledAt),
        ...(from.wasDisabledAt ? [eb('disabled_at', '=', from.wasDisabledAt)] : []),
      ]),
    )
    .returning(['id'])
    .execute();
}

/** Ends the open sessions of the worker's sign-in; returns how many. */
export async function endSessionsOfWorker(db: Db, councilId: string, workerId: string, now: Date) {
  const ended = await db
    .updateTable('sessions')
    .set({ ended_at: now })
    .where('council_id', '=', councilId)
    .where('ended_at', 'is', null)
    .where('user_id', 'in', (eb) =>
      eb
        .selectFrom('users')
        .select('id')
        .where('council_id', '=', councilId)
        .where('worker_id', '=', workerId),
    )
    .executeTakeFirst();
  return Number(ended.numUpdatedRows);
}
