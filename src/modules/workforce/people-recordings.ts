import {
  inductionSteps,
  TRAINING_NOTICE_DAYS,
  trainingEndReasons,
} from '../../domain/workforce/people-records.ts';
import { leavingReasons } from '../../domain/workforce/staff-rows.ts';
import type { FieldSpec } from '../../platform/recording/fields.ts';
import type { Recording } from '../../platform/recording/routes.ts';
import {
  finishTraining,
  leavingAsItIs,
  markInductionStep,
  recordAppraisal,
  recordLeaving,
  recordTraining,
  reviseTraining,
  trainingAsItIs,
  workerCaption,
} from './people-record-service.ts';
import { leavingReasonWords } from './views/people-rows.ts';

/**
 * What a manager records on a worker's page (issue 21, part 1), each declared once as a form, its handling and a
 * JSON API endpoint: training (added, changed, ended), induction steps, an appraisal, and leaving. Team managers
 * for the workers of their teams; service managers and administrators for the whole council.
 */

const STAFF = '/workforce/staff/:workerId';
const common = {
  permission: 'workforce:record',
  formAudit: 'none',
  context: async (db, actor, params) => ({ caption: await workerCaption(db, actor, params.workerId!) }),
  returnTo: (params) => `/workforce/staff/${params.workerId}`,
} satisfies Partial<Recording>;
const choices = (words: Readonly<Record<string, string>>) => () =>
  Object.entries(words).map(([value, text]) => ({ value, text }));

const trainingFields: readonly FieldSpec[] = [
  {
    name: 'course',
    label: 'Course',
    kind: 'text',
    required: true,
    maxLength: 200,
    hint: 'As the worker’s certificate names it, for example Safeguarding children level 3',
  },
  { name: 'completed', label: 'Date the course was completed', kind: 'date', required: true },
  {
    name: 'expires',
    label: 'Expiry date',
    kind: 'date',
    notFuture: false,
    hint: `Leave blank if it does not expire. The worker’s page warns ${TRAINING_NOTICE_DAYS} days before it does.`,
  },
];

export const trainingRecording: Recording = {
  ...common,
  path: `${STAFF}/training`,
  title: 'Add a training record',
  audit: 'worker.training-recorded',
  fields: trainingFields,
  record: (db, actor, params, values) => recordTraining(db, actor, params.workerId!, values),
};

export const trainingChangeRecording: Recording = {
  ...common,
  path: `${STAFF}/training/:trainingId`,
  formPath: `${STAFF}/training/:trainingId/change`,
  apiMethod: 'put',
  title: 'Change a training record',
  guidance:
    'Correct the course or its dates. A renewal is a new training record, so the earlier one is kept.',
  audit: 'worker.training-changed',
  fields: trainingFields,
  initial: (db, actor, params) => trainingAsItIs(db, actor, params.workerId!, params.trainingId!),
  record: (db, actor, params, values) =>
    reviseTraining(db, actor, params.workerId!, params.trainingId!, values),
};

export const trainingEndRecording: Recording = {
  ...common,
  path: `${STAFF}/training/:trainingId/end`,
  formPath: `${STAFF}/training/:trainingId/end`,
  title: 'End a training record',
  guidance:
    'An ended record stays on the worker’s page but no longer counts towards expiry warnings. To record a renewal, add a new training record instead.',
  audit: 'worker.training-ended',
  fields: [
    { name: 'ended', label: 'Date it ended', kind: 'date', required: true },
    {
      name: 'reason',
      label: 'Why it ended',
      kind: 'choice',
      required: true,
      options: choices(trainingEndReasons),
    },
  ],
  record: (db, actor, params, values) =>
    finishTraining(db, actor, params.workerId!, params.trainingId!, values),
};

export const inductionStepRecording: Recording = {
  ...common,
  path: `${STAFF}/induction-steps`,
  title: 'Mark an induction step done',
  guidance:
    'For international recruits. The first step starts the induction; it is complete when every step is done.',
  audit: 'worker.induction-step-done',
  fields: [
    { name: 'step', label: 'Step', kind: 'choice', required: true, options: choices(inductionSteps) },
    { name: 'done', label: 'Date the step was done', kind: 'date', required: true },
  ],
  record: (db, actor, params, values) => markInductionStep(db, actor, params.workerId!, values),
};

export const appraisalRecording: Recording = {
  ...common,
  path: `${STAFF}/appraisals`,
  title: 'Record an appraisal',
  guidance: 'Training needs agreed at the appraisal are added as training records once the course is done.',
  audit: 'worker.appraisal-recorded',
  fields: [
    { name: 'held', label: 'Date of the appraisal', kind: 'date', required: true },
    {
      name: 'due',
      label: 'Next appraisal due',
      kind: 'date',
      notFuture: false,
      hint: 'Leave blank for a year after this one',
    },
  ],
  record: (db, actor, params, values) => recordAppraisal(db, actor, params.workerId!, values),
};

export const leavingRecording: Recording = {
  ...common,
  path: `${STAFF}/leaving`,
  title: 'Record leaving',
  guidance:
    'The workforce census counts them as a leaver from this day. Saving also ends their team memberships on this day, leaves their post vacant from the day after, and stops their sign-in from the start of this day (at once, if that day has come). Their children need allocating to someone else.',
  audit: 'worker.leaving-recorded',
  fields: [
    {
      name: 'left',
      label: 'Leaving date',
      kind: 'date',
      required: true,
      notFuture: false,
      hint: 'A date in the future is fine for a worker serving their notice',
    },
    {
      name: 'reason',
      label: 'Reason for leaving',
      kind: 'choice',
      required: true,
      options: () => leavingReasons.map((value) => ({ value, text: leavingReasonWords[value]! })),
    },
  ],
  initial: (db, actor, params) => leavingAsItIs(db, actor, params.workerId!),
  record: (db, actor, params, values) => recordLeaving(db, actor, params.workerId!, values),
};

export const peopleRecordings = [
  trainingRecording,
  trainingChangeRecording,
  trainingEndRecording,
  inductionStepRecording,
  appraisalRecording,
  leavingRecording,
];
