import { Temporal } from 'temporal-polyfill';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import {
  appraisalDates,
  inductionAfterStep,
  leavingProblems,
  trainingEndProblems,
  trainingProblems,
} from '../../domain/workforce/people-records.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import {
  changeTraining,
  disableSignInFrom,
  endPostHoldings,
  endSessionsOfWorker,
  endTeamMemberships,
  endTraining,
  inductionStepsDone,
  insertInductionStep,
  insertTraining,
  setWorkerDates,
  trainingRecord,
  workerDates,
} from './people-record-queries.ts';
import { visibleWorker } from './people-service.ts';

/**
 * What a manager records on a worker's page (issue 21, part 1): training with its expiry (added, changed,
 * ended), induction steps, appraisals and leaving. Each is one transaction: the worker checked as the Workforce
 * pages check them, their row locked so two managers recording at once are checked in turn, the rule from
 * `domain/workforce/people-records.ts`, the write and its audit entry.
 */

const text = (values: RecordValues, name: string) => String(values[name] ?? '');
const optional = (values: RecordValues, name: string) =>
  typeof values[name] === 'string' ? (values[name] as string) : null;

/**
 * The worker, locked, once the actor is known to see them. Nobody records on their own page: their training,
 * appraisal and leaving are recorded by their manager (`path` names the form's first field for the message).
 */
async function lockedWorker(db: Database, actor: Actor, workerId: string, path: string) {
  if (actor.workerId === workerId)
    throw new ValidationError([{ path, message: 'Your own workforce record is kept by your manager' }]);
  const worker = await visibleWorker(db, actor, workerId);
  const dates = await workerDates(db, actor.councilId, workerId);
  if (!dates) throw new NotFound('There is no such worker in the teams you can see');
  return { name: `${worker.given_name} ${worker.family_name}`, ...dates };
}

/** The worker's name, for a form's caption, once the actor is known to see them. */
export async function workerCaption(db: Database, actor: Actor, workerId: string) {
  const worker = await visibleWorker(db, actor, workerId);
  return `${worker.given_name} ${worker.family_name}`;
}

/** A training record as it stands, for the change form. */
export async function trainingAsItIs(db: Database, actor: Actor, workerId: string, trainingId: string) {
  return withTransaction(db, actor, async (trx) => {
    await visibleWorker(trx, actor, workerId);
    const record = await findTraining(trx, actor, workerId, trainingId);
    return { course: record.course, completed: record.completed_on, expires: record.expires_on };
  });
}

async function findTraining(db: Database, actor: Actor, workerId: string, trainingId: string) {
  const record = /^[0-9a-f-]{36}$/i.test(trainingId)
    ? await trainingRecord(db, actor.councilId, workerId, trainingId)
    : undefined;
  if (!record) throw new NotFound('There is no such training record');
  return record;
}

/** Adds a course the worker completed, with its expiry where it has one. */
export async function recordTraining(db: Database, actor: Actor, workerId: string, values: RecordValues) {
  return withTransaction(db, actor, async (trx) => {
    await lockedWorker(trx, actor, workerId, 'course');
    const record = {
      course: text(values, 'course'),
      completedOn: text(values, 'completed'),
      expiresOn: optional(values, 'expires'),
    };
    const problems = trainingProblems(record, actor.today);
    if (problems.length) throw new ValidationError(problems);
    const id = uuidv7();
    await insertTraining(trx, {
      council_id: actor.councilId,
      id,
      worker_id: workerId,
      course: record.course,
      completed_on: record.completedOn,
      expires_on: record.expiresOn,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'worker.training-recorded',
      details: { workerId, trainingId: id, ...record },
    });
    return id;
  });
}

/** Corrects a training record (its course, dates or expiry); an ended record is kept as it ended. */
export async function reviseTraining(
  db: Database,
  actor: Actor,
  workerId: string,
  trainingId: string,
  values: RecordValues,
) {
  return withTransaction(db, actor, async (trx) => {
    await lockedWorker(trx, actor, workerId, 'course');
    const was = await findTraining(trx, actor, workerId, trainingId);
    if (was.ended_on !== null)
      throw new ValidationError([{ path: 'course', message: 'An ended training record cannot be changed' }]);
    const record = {
      course: text(values, 'course'),
      completedOn: text(values, 'completed'),
      expiresOn: optional(values, 'expires'),
    };
    const problems = trainingProblems(record, actor.today);
    if (problems.length) throw new ValidationError(problems);
    await changeTraining(trx, actor.councilId, trainingId, {
      course: record.course,
      completed_on: record.completedOn,
      expires_on: record.expiresOn,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'worker.training-changed',
      details: {
        workerId,
        trainingId,
        was: { course: was.course, completedOn: was.completed_on, expiresOn: was.expires_on },
        now: record,
      },
    });
    return trainingId;
  });
}

/** Ends a training record (no longer needed, withdrawn, or recorded in error): kept, but no longer counted. */
export async function finishTraining(
  db: Database,
  actor: Actor,
  workerId: string,
  trainingId: string,
  values: RecordValues,
) {
  return withTransaction(db, actor, async (trx) => {
    await lockedWorker(trx, actor, workerId, 'ended');
    const record = await findTraining(trx, actor, workerId, trainingId);
    const endedOn = text(values, 'ended');
    const problems = trainingEndProblems(
      { completedOn: record.completed_on, endedOn: record.ended_on },
      endedOn,
      actor.today,
    );
    if (problems.length) throw new ValidationError(problems);
    await endTraining(trx, actor.councilId, trainingId, endedOn, text(values, 'reason'));
    await appendAudit(trx, auditSource(actor), {
      action: 'worker.training-ended',
      details: { workerId, trainingId, endedOn, reason: text(values, 'reason') },
    });
    return trainingId;
  });
}

/** Marks a step of an international recruit's induction done; the first starts the induction, the last ends it. */
export async function markInductionStep(db: Database, actor: Actor, workerId: string, values: RecordValues) {
  return withTransaction(db, actor, async (trx) => {
    const worker = await lockedWorker(trx, actor, workerId, 'step');
    const done = await inductionStepsDone(trx, actor.councilId, workerId);
    const step = { step: text(values, 'step'), completedOn: text(values, 'done') };
    const after = inductionAfterStep(
      {
        startedOn: worker.induction_started_on,
        completedOn: worker.induction_completed_on,
        done: done.map((each) => ({ step: each.step, completedOn: each.completed_on })),
      },
      step,
      { startedOn: worker.started_on },
      actor.today,
    );
    if (after.problems.length) throw new ValidationError(after.problems);
    const id = uuidv7();
    await insertInductionStep(trx, {
      council_id: actor.councilId,
      id,
      worker_id: workerId,
      step: step.step,
      completed_on: step.completedOn,
    });
    await setWorkerDates(trx, actor.councilId, workerId, {
      induction_started_on: after.startedOn,
      induction_completed_on: after.completedOn,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'worker.induction-step-done',
      details: { workerId, ...step, inductionCompletedOn: after.completedOn },
    });
    return id;
  });
}

/** Records an appraisal held, and when the next is due (a year later unless the manager sets another day). */
export async function recordAppraisal(db: Database, actor: Actor, workerId: string, values: RecordValues) {
  return withTransaction(db, actor, async (trx) => {
    const worker = await lockedWorker(trx, actor, workerId, 'held');
    const heldOn = text(values, 'held');
    const { problems, nextDueOn } = appraisalDates(
      { heldOn, nextDueOn: optional(values, 'due') },
      { startedOn: worker.started_on },
      actor.today,
    );
    if (problems.length) throw new ValidationError(problems);
    await setWorkerDates(trx, actor.councilId, workerId, {
      appraised_on: heldOn,
      appraisal_due_on: nextDueOn,
    });
    // The last appraisal and the next due are kept on the worker; the audit keeps every earlier one.
    await appendAudit(trx, auditSource(actor), {
      action: 'worker.appraisal-recorded',
      details: {
        workerId,
        heldOn,
        nextDueOn,
        was: { heldOn: worker.appraised_on, nextDueOn: worker.appraisal_due_on },
      },
    });
    return workerId;
  });
}

/** The first instant of a day in England: a leaver's sign-in is disabled from the start of their leaving day. */
const startOfLondonDay = (day: string) =>
  new Date(Temporal.PlainDate.from(day).toZonedDateTime('Europe/London').epochMilliseconds);

/**
 * Records the day a worker leaves (or left) and why; the census counts them as a leaver from that day. In the
 * same transaction their team memberships and post holdings end on that day (each post is vacant from the next),
 * and their sign-in is disabled from its start, their sessions ended at once when that has come. A correction
 * moves what the earlier leaving ended.
 */
export async function recordLeaving(db: Database, actor: Actor, workerId: string, values: RecordValues) {
  return withTransaction(db, actor, async (trx) => {
    const worker = await lockedWorker(trx, actor, workerId, 'left');
    const leftOn = text(values, 'left');
    const problems = leavingProblems(leftOn, { startedOn: worker.started_on }, actor.today);
    if (problems.length) throw new ValidationError(problems);
    const reason = text(values, 'reason');
    await setWorkerDates(trx, actor.councilId, workerId, { left_on: leftOn, leaving_reason: reason });
    const leaving = { leftOn, wasLeftOn: worker.left_on };
    const teams = await endTeamMemberships(trx, actor.councilId, workerId, leaving);
    const posts = await endPostHoldings(trx, actor.councilId, workerId, leaving);
    const disabledAt = startOfLondonDay(leftOn);
    const signIns = await disableSignInFrom(trx, actor.councilId, workerId, {
      disabledAt,
      wasDisabledAt: worker.left_on ? startOfLondonDay(worker.left_on) : null,
    });
    const sessionsEnded =
      signIns.length && disabledAt.getTime() <= actor.now.getTime()
        ? await endSessionsOfWorker(trx, actor.councilId, workerId, actor.now)
        : 0;
    await appendAudit(trx, auditSource(actor), {
      action: 'worker.leaving-recorded',
      details: {
        workerId,
        leftOn,
        reason,
        was: { leftOn: worker.left_on, reason: worker.leaving_reason },
        ended: {
          teamIds: teams.map((each) => each.team_id),
          postIds: posts.map((each) => each.post_id),
          signInDisabledFrom: signIns.length ? disabledAt.toISOString() : null,
          sessionsEnded,
        },
      },
    });
    return workerId;
  });
}

/** A worker's leaving as recorded, for the form when it is corrected. */
export async function leavingAsItIs(db: Database, actor: Actor, workerId: string): Promise<RecordValues> {
  return withTransaction(db, actor, async (trx) => {
    const worker = await visibleWorker(trx, actor, workerId);
    return { left: worker.left_on, reason: worker.leaving_reason };
  });
}
