import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { absenceKinds, absenceOn, isAbsenceKind } from '../../domain/workforce/absences.ts';
import { actorOf } from '../../platform/authentication.ts';
import { registerRecordings } from '../../platform/recording/routes.ts';
import { access } from '../../platform/route-table.ts';
import { ukDate } from '../../platform/views.ts';
import { coverRoutes } from './cover-routes.ts';
import { absenceRecording } from './recordings.ts';
import { viewAbsences } from './service.ts';

const WorkerParams = Type.Object({ workerId: Type.String({ maxLength: 64 }) });
type Worker = { Params: { workerId: string } };

const AbsenceList = Type.Array(
  Type.Object({
    id: Type.String(),
    kind: Type.String(),
    from: Type.String({ format: 'date' }),
    to: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  }),
);

/** Leave and sickness: each worker's absences, recorded by a manager of the worker's team. */
export async function workforceRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;
  registerRecordings(app, [absenceRecording]);
  await coverRoutes(app);

  app.get<Worker>(
    '/workers/:workerId/absences',
    { config: access('child:allocate', 'none'), schema: { params: WorkerParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { worker, absences } = await viewAbsences(db, actor, request.params.workerId);
      const current = absenceOn(
        absences.map((absence) => ({ kind: absence.kind, from: absence.from_date, to: absence.to_date })),
        actor.today,
      );
      return reply.page('workforce/views/absences.njk', {
        pageTitle: `Leave and sickness – ${worker.given_name} ${worker.family_name}`,
        worker,
        current: current && {
          kind: isAbsenceKind(current.kind) ? absenceKinds[current.kind] : current.kind,
          until: current.to ? `until ${ukDate(current.to)}` : 'with no return date yet',
        },
        rows: absences.map((absence) => [
          { text: isAbsenceKind(absence.kind) ? absenceKinds[absence.kind] : absence.kind },
          { text: ukDate(absence.from_date) },
          { text: absence.to_date ? ukDate(absence.to_date) : 'Not known yet' },
        ]),
      });
    },
  );

  app.get<Worker>(
    '/api/workers/:workerId/absences',
    {
      config: access('child:allocate', 'none'),
      schema: {
        summary: 'A worker’s leave and sickness, latest first (kind and days only)',
        params: WorkerParams,
        response: { 200: AbsenceList },
      },
    },
    async (request) => {
      const { absences } = await viewAbsences(db, actorOf(request), request.params.workerId);
      return absences.map((absence) => ({
        id: absence.id,
        kind: absence.kind,
        from: absence.from_date,
        to: absence.to_date,
      }));
    },
  );
}
