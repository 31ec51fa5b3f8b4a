import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { absenceProblems, type Absence } from '../../domain/workforce/absences.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { absencesOf, endAbsence, endCoverOf, insertAbsence, lockWorker, managedWorker } from './queries.ts';

async function requireManagedWorker(db: Database, actor: Actor, workerId: string) {
  const worker = /^[0-9a-f-]{36}$/i.test(workerId) ? await managedWorker(db, actor, workerId) : undefined;
  if (!worker) throw new NotFound('There is no such worker in the teams you manage');
  return worker;
}

/** A worker's leave and sickness, for a manager of one of their teams. */
export async function viewAbsences(db: Database, actor: Actor, workerId: string) {
  return withTransaction(db, actor, async (trx) => {
    const worker = await requireManagedWorker(trx, actor, workerId);
    return { worker, absences: await absencesOf(trx, actor.councilId, workerId) };
  });
}

/** The worker's name, for the form's caption. */
export async function managedWorkerName(db: Database, actor: Actor, workerId: string) {
  const worker = await requireManagedWorker(db, actor, workerId);
  return `${worker.given_name} ${worker.family_name}`;
}

/**
 * Records leave or sickness for a worker in a team the actor manages, refusing days that overlap another absence.
 * The worker's row is locked first so that two managers recording at once cannot both pass the overlap check.
 */
export async function recordAbsence(db: Database, actor: Actor, workerId: string, values: RecordValues) {
  return withTransaction(db, actor, async (trx) => {
    await requireManagedWorker(trx, actor, workerId);
    await lockWorker(trx, actor.councilId, workerId);
    const absence: Absence = {
      kind: String(values.kind ?? ''),
      from: String(values.from ?? ''),
      to: typeof values.to === 'string' ? values.to : null,
    };
    const others = (await absencesOf(trx, actor.councilId, workerId)).map((other) => ({
      kind: other.kind,
      from: other.from_date,
      to: other.to_date,
    }));
    const problems = absenceProblems(absence, others, actor.today);
    if (problems.length) throw new ValidationError(problems);
    const id = uuidv7();
    await insertAbsence(trx, {
      council_id: actor.councilId,
      id,
      worker_id: workerId,
      kind: absence.kind,
      from_date: absence.from,
      to_date: absence.to,
      recorded_by: actor.workerId,
    });
    // The audit names the kind and days only: a worker's sickness is their own health data.
    await appendAudit(trx, auditSource(actor), {
      action: 'worker.absence-recorded',
      details: { absenceId: id, workerId, kind: absence.kind, from: absence.from, to: absence.to },
    });
    return id;
  });
}

/**
 * Records the last day of an absence (the return, once known, or an earlier or later one than booked), checked as
 * a new absence is; the cover arranged for it ends on the same day (issue 17, part 4: cover ends with the absence).
 */
export async function recordReturn(
  db: Database,
  actor: Actor,
  workerId: string,
  absenceId: string,
  lastDay: { date: string | null } | { problem: string },
) {
  return withTransaction(db, actor, async (trx) => {
    await requireManagedWorker(trx, actor, workerId);
    await lockWorker(trx, actor.councilId, workerId);
    const all = await absencesOf(trx, actor.councilId, workerId);
    const absence = all.find((one) => one.id === absenceId);
    if (!absence) throw new NotFound('There is no such absence');
    if ('problem' in lastDay) throw new ValidationError([{ path: 'to', message: lastDay.problem }]);
    if (lastDay.date === null)
      throw new ValidationError([{ path: 'to', message: 'Enter the last day away' }]);
    const others = all
      .filter((other) => other.id !== absenceId)
      .map((other) => ({ kind: other.kind, from: other.from_date, to: other.to_date }));
    const problems = absenceProblems(
      { kind: absence.kind, from: absence.from_date, to: lastDay.date },
      others,
      actor.today,
    ).map((problem) => ({ ...problem, path: 'to' }));
    if (problems.length) throw new ValidationError(problems);
    await endAbsence(trx, actor.councilId, absenceId, lastDay.date);
    await endCoverOf(trx, actor.councilId, absenceId, lastDay.date);
    await appendAudit(trx, auditSource(actor), {
      action: 'worker.absence-ended',
      details: { absenceId, workerId, to: lastDay.date },
    });
  });
}
