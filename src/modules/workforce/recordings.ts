import { absenceKinds } from '../../domain/workforce/absences.ts';
import type { Recording } from '../../platform/recording/routes.ts';
import { managedWorkerName, recordAbsence } from './service.ts';

/** Leave and sickness, recorded by a manager of one of the worker's teams (who also arranges cover). */
export const absenceRecording: Recording = {
  path: '/workers/:workerId/absences',
  title: 'Record leave or sickness',
  guidance:
    'Record only the kind of absence and the days: never a medical reason. Next you will see a proposed cover worker for each of the worker’s children.',
  permission: 'child:allocate',
  audit: 'worker.absence-recorded',
  formAudit: 'none',
  fields: [
    {
      name: 'kind',
      label: 'Kind of absence',
      kind: 'choice',
      required: true,
      options: () => Object.entries(absenceKinds).map(([value, text]) => ({ value, text })),
    },
    { name: 'from', label: 'First day away', kind: 'date', required: true, notFuture: false },
    {
      name: 'to',
      label: 'Last day away',
      kind: 'date',
      notFuture: false,
      hint: 'Leave blank if the return date is not known yet',
    },
  ],
  context: async (db, actor, params) => ({ caption: await managedWorkerName(db, actor, params.workerId!) }),
  record: (db, actor, params, values) => recordAbsence(db, actor, params.workerId!, values),
  returnTo: (params) => `/workers/${params.workerId}/cover`,
};
