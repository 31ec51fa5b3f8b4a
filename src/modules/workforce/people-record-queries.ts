import type { Insertable, Kysely } from 'kysely';
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
