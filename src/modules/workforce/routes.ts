import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { absenceKinds, absenceOn, isAbsenceKind } from '../../domain/workforce/absences.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { dateFromParts } from '../../platform/dates.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { registerRecordings } from '../../platform/recording/routes.ts';
import { access } from '../../platform/route-table.ts';
import { ukDate } from '../../platform/views.ts';
import { caseloadWeightRoutes } from './caseload-routes.ts';
import { coverRoutes } from './cover-routes.ts';
import { measureRoutes } from './measure-routes.ts';
import { establishmentRecordings } from './establishment-recordings.ts';
import { peopleRecordings } from './people-recordings.ts';
import { peopleRoutes } from './people-routes.ts';
import { absenceRecording } from './recordings.ts';
import { recordReturn, viewAbsences } from './service.ts';

const WorkerParams = Type.Object({ workerId: Type.String({ maxLength: 64 }) });
const AbsenceParams = Type.Object({
  workerId: Type.String({ maxLength: 64 }),
  absenceId: Type.String({ maxLength: 64 }),
});
const ReturnForm = Type.Object({
  'to-day': Type.Optional(Type.String({ maxLength: 2 })),
  'to-month': Type.Optional(Type.String({ maxLength: 2 })),
  'to-year': Type.Optional(Type.String({ maxLength: 4 })),
  _csrf: Type.Optional(Type.String()),
});
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
  registerRecordings(app, [absenceRecording, ...peopleRecordings, ...establishmentRecordings]);
  await coverRoutes(app);
  await peopleRoutes(app);
  await caseloadWeightRoutes(app);
  await measureRoutes(app);

  const absencesPage = async (actor: Actor, workerId: string, values: object, extra: object) => {
    const { worker, absences } = await viewAbsences(db, actor, workerId);
    const current = absenceOn(
      absences.map((absence) => ({ kind: absence.kind, from: absence.from_date, to: absence.to_date })),
      actor.today,
    );
    // The absence whose return can be recorded: today's, or else the next one booked.
    const open = absences
      .filter((absence) => absence.to_date === null || absence.to_date >= actor.today)
      .sort((a, b) => a.from_date.localeCompare(b.from_date))[0];
    return {
      pageTitle: `Leave and sickness – ${worker.given_name} ${worker.family_name}`,
      worker,
      open: open && { id: open.id, from: open.from_date },
      values,
      errors: {},
      current: current && {
        kind: isAbsenceKind(current.kind) ? absenceKinds[current.kind] : current.kind,
        until: current.to ? `until ${ukDate(current.to)}` : 'with no return date yet',
      },
      rows: absences.map((absence) => [
        { text: isAbsenceKind(absence.kind) ? absenceKinds[absence.kind] : absence.kind },
        { text: ukDate(absence.from_date) },
        { text: absence.to_date ? ukDate(absence.to_date) : 'Not known yet' },
      ]),
      ...extra,
    };
  };

  app.get<Worker>(
    '/workers/:workerId/absences',
    { config: access('child:allocate', 'none'), schema: { params: WorkerParams, hide: true } },
    async (request, reply) =>
      reply.page(
        'workforce/views/absences.njk',
        await absencesPage(actorOf(request), request.params.workerId, {}, {}),
      ),
  );

  app.post<{ Params: Static<typeof AbsenceParams>; Body: Static<typeof ReturnForm> }>(
    '/workers/:workerId/absences/:absenceId/return',
    {
      config: access('child:allocate', 'worker.absence-ended'),
      schema: { params: AbsenceParams, body: ReturnForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { workerId, absenceId } = request.params;
      const form = request.body;
      try {
        await recordReturn(
          db,
          actor,
          workerId,
          absenceId,
          dateFromParts('The last day away', form['to-day'], form['to-month'], form['to-year']),
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const page = await absencesPage(actor, workerId, form, formErrors(error.fields));
        return reply.code(400).page('workforce/views/absences.njk', page);
      }
      return reply.redirect(`/workers/${workerId}/absences`, 303);
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
