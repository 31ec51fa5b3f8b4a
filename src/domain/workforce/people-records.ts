import { Temporal } from 'temporal-polyfill';
import type { Problem as FieldProblem } from '../journey/rules.ts';

/**
 * What a manager records on a worker (issue 21, part 1): training with its expiry, an international recruit's
 * induction steps, appraisals, and leaving. Pure rules of dates and `today`; the service reads and writes.
 */

/** Why a training record stops counting before (or without) its expiry. */
export const trainingEndReasons = {
  'no-longer-needed': 'No longer needed for their job',
  withdrawn: 'Certificate withdrawn by the provider',
  'recorded-in-error': 'Recorded in error',
} as const;
export type TrainingEndReason = keyof typeof trainingEndReasons;

/** The steps of an international recruit's induction, in the order they are usually done. */
export const inductionSteps = {
  'swe-registration': 'Registered with Social Work England',
  'right-to-work': 'Right to work checked',
  'corporate-induction': 'Council induction',
  'practice-induction': 'Practice induction (law and local procedures)',
  shadowing: 'Shadowing an experienced worker',
  'first-cases': 'First cases allocated',
  'probation-review': 'Probation review',
} as const;
export type InductionStep = keyof typeof inductionSteps;

/** How soon an expiry is worth a manager's notice: two months, time to book a refresher course. */
export const TRAINING_NOTICE_DAYS = 60;

export interface TrainingRecord {
  course: string;
  completedOn: string;
  expiresOn: string | null;
  endedOn: string | null;
}

export interface TrainingDue {
  course: string;
  expiresOn: string;
  /** Days from today to the expiry: 0 or less when it has passed. */
  days: number;
}

const daysBetween = (from: string, to: string) =>
  Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;

/**
 * The courses whose latest record, not ended, has expired or expires within 60 days of today, soonest first. An
 * older record of a course renewed since does not count; nor does a record that was ended (withdrawn, no longer
 * needed, in error).
 */
export function trainingDue(records: readonly TrainingRecord[], today: string): TrainingDue[] {
  const latest = new Map<string, TrainingRecord>();
  for (const record of records) {
    if (record.endedOn !== null) continue;
    const key = record.course.trim().toLowerCase();
    const seen = latest.get(key);
    if (!seen || seen.completedOn < record.completedOn) latest.set(key, record);
  }
  return [...latest.values()]
    .filter((record) => record.expiresOn !== null)
    .map((record) => ({
      course: record.course,
      expiresOn: record.expiresOn!,
      days: daysBetween(today, record.expiresOn!),
    }))
    .filter((due) => due.days <= TRAINING_NOTICE_DAYS)
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));
}

/** A training record's dates: completed by today, an expiry after completion, an end between them and today. */
export function trainingProblems(
  record: { completedOn: string; expiresOn: string | null },
  today: string,
): FieldProblem[] {
  if (record.completedOn > today)
    return [{ path: 'completed', message: 'The date the course was completed must be today or in the past' }];
  if (record.expiresOn !== null && record.expiresOn <= record.completedOn)
    return [{ path: 'expires', message: 'The expiry date must be after the date the course was completed' }];
  return [];
}

/** Ending a training record: on or after it was completed, by today, and only once. */
export function trainingEndProblems(
  record: { completedOn: string; endedOn: string | null },
  endedOn: string,
  today: string,
): FieldProblem[] {
  if (record.endedOn !== null) return [{ path: 'ended', message: 'This training record has already ended' }];
  if (endedOn > today) return [{ path: 'ended', message: 'The date it ended must be today or in the past' }];
  if (endedOn < record.completedOn)
    return [
      { path: 'ended', message: 'The date it ended must be on or after the date the course was completed' },
    ];
  return [];
}

export interface InductionState {
  startedOn: string | null;
  completedOn: string | null;
  done: ReadonlyArray<{ step: string; completedOn: string }>;
}

/**
 * A step of an international recruit's induction marked done: refused if already done, in the future or before
 * the worker started. The induction starts with its first step; it is complete when every step is done, on the
 * day of the last one.
 */
export function inductionAfterStep(
  state: InductionState,
  step: { step: string; completedOn: string },
  worker: { startedOn: string | null },
  today: string,
): { problems: FieldProblem[]; startedOn: string; completedOn: string | null } {
  const problem = (path: string, message: string) => ({
    problems: [{ path, message }],
    startedOn: state.startedOn ?? step.completedOn,
    completedOn: state.completedOn,
  });
  const earlier = state.done.find((each) => each.step === step.step);
  if (earlier) return problem('step', 'This step is already marked done');
  if (step.completedOn > today)
    return problem('done', 'The date the step was done must be today or in the past');
  // A recruit's registration and right to work are checked before they start, so only a start well before counts.
  const earliest = worker.startedOn
    ? Temporal.PlainDate.from(worker.startedOn).subtract({ months: 6 }).toString()
    : null;
  if (earliest && step.completedOn < earliest)
    return problem(
      'done',
      'The date the step was done must be no more than 6 months before the worker started',
    );
  const done = [...state.done, step];
  const startedOn = [state.startedOn ?? step.completedOn, step.completedOn].sort()[0]!;
  const all = Object.keys(inductionSteps).every((key) => done.some((each) => each.step === key));
  const completedOn = all
    ? done
        .map((each) => each.completedOn)
        .sort()
        .at(-1)!
    : null;
  return { problems: [], startedOn, completedOn };
}

/** An appraisal held by today, and the next one due after it: a year later unless the manager says otherwise. */
export function appraisalDates(
  appraisal: { heldOn: string; nextDueOn: string | null },
  worker: { startedOn: string | null },
  today: string,
): { problems: FieldProblem[]; nextDueOn: string } {
  const nextDueOn =
    appraisal.nextDueOn ?? Temporal.PlainDate.from(appraisal.heldOn).add({ years: 1 }).toString();
  const problems: FieldProblem[] = [];
  if (appraisal.heldOn > today)
    problems.push({ path: 'held', message: 'The date of the appraisal must be today or in the past' });
  else if (worker.startedOn && appraisal.heldOn < worker.startedOn)
    problems.push({
      path: 'held',
      message: 'The date of the appraisal must be on or after the day they started',
    });
  if (nextDueOn <= appraisal.heldOn)
    problems.push({ path: 'due', message: 'The next appraisal must be due after this one' });
  return { problems, nextDueOn };
}

/**
 * The day a worker leaves: after they started, and no more than a year ahead (notice is given weeks or months
 * before). Leaving dates in the future are allowed, as for a worker serving notice.
 */
export function leavingProblems(
  leftOn: string,
  worker: { startedOn: string | null },
  today: string,
): FieldProblem[] {
  if (worker.startedOn && leftOn <= worker.startedOn)
    return [{ path: 'left', message: 'The leaving date must be after the day they started' }];
  if (leftOn > Temporal.PlainDate.from(today).add({ years: 1 }).toString())
    return [{ path: 'left', message: 'The leaving date must be within a year from today' }];
  return [];
}
