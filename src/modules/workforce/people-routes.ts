import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { appendAuditNow } from '../../platform/audit.ts';
import { roleCan } from '../../platform/permissions.ts';
import { readUploadForm, unstorableFileName } from '../../platform/uploads.ts';
import { access } from '../../platform/route-table.ts';
import { auditSource } from '../../platform/transactions.ts';
import { ukDate } from '../../platform/views.ts';
import { staffCsv, staffWorkbook } from '../staff/staff-file.ts';
import { importStaffList, staffList } from '../staff/staff-list.ts';
import { shapesEstablishment } from './establishment-service.ts';
import { seesWholeWorkforce, viewStaff, viewTeam, viewWorker, viewWorkforce } from './people-service.ts';
import {
  inductionStepWords,
  postRows,
  staffRows,
  teamRows,
  trainingRows,
  trainingWarnings,
  workerSummary,
} from './views/people-rows.ts';

const MAX_BYTES = 10 * 1024 * 1024;
const TeamParams = Type.Object({ teamId: Type.String({ maxLength: 64 }) });
const WorkerParams = Type.Object({ workerId: Type.String({ maxLength: 64 }) });

/**
 * The Workforce section (issue 21, part 1): teams with their targets, managers and established posts; each
 * team's posts and workers; the staff list and each worker's record; and, for administrators, the staff list
 * uploaded (CSV or XLSX, every bad row reported) and downloaded, through the same code as `hearth import staff`.
 */
export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get(
    '/workforce',
    { config: access('workforce:read', 'none'), schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { teams, posts } = await viewWorkforce(db, actor);
      return reply.page('workforce/views/workforce.njk', {
        pageTitle: 'Workforce',
        rows: teamRows(teams, posts),
        wholeCouncil: seesWholeWorkforce(actor),
        administers: actor.role === 'administrator',
        shapes: shapesEstablishment(actor),
      });
    },
  );

  app.get<{ Params: { teamId: string } }>(
    '/workforce/teams/:teamId',
    { config: access('workforce:read', 'none'), schema: { params: TeamParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { team, posts, workers } = await viewTeam(db, actor, request.params.teamId);
      const shapes = shapesEstablishment(actor);
      return reply.page('workforce/views/team.njk', {
        pageTitle: `${team.name} – Workforce`,
        team,
        shapes,
        postRows: postRows(posts, shapes ? `/workforce/teams/${team.id}/posts` : null),
        staffRows: staffRows(workers, actor.today),
      });
    },
  );

  app.get(
    '/workforce/staff',
    { config: access('workforce:read', 'none'), schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const workers = await viewStaff(db, actor);
      return reply.page('workforce/views/staff.njk', {
        pageTitle: 'Staff – Workforce',
        rows: staffRows(workers, actor.today),
        wholeCouncil: seesWholeWorkforce(actor),
        administers: actor.role === 'administrator',
      });
    },
  );

  app.get<{ Params: { workerId: string } }>(
    '/workforce/staff/:workerId',
    { config: access('workforce:read', 'none'), schema: { params: WorkerParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { worker, training, induction } = await viewWorker(db, actor, request.params.workerId);
      const base = `/workforce/staff/${worker.id}`;
      const records = roleCan(actor.role, 'workforce:record') && actor.workerId !== worker.id;
      return reply.page('workforce/views/worker.njk', {
        pageTitle: `${worker.given_name} ${worker.family_name} – Workforce`,
        worker,
        base,
        records,
        summary: workerSummary(worker, actor.today, induction.length, records ? base : null),
        trainingWarnings: trainingWarnings(training, actor.today),
        trainingRows: trainingRows(
          training,
          actor.today,
          records ? (record) => `${base}/training/${record.id}` : null,
        ),
        inductionRows: induction.map((step) => [
          { text: inductionStepWords[step.step] ?? step.step },
          { text: ukDate(step.completed_on) },
        ]),
      });
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/workforce/staff-list.${format}`,
      { config: access('staff:manage', 'staff.exported'), schema: { hide: true } },
      async (request, reply) => {
        const actor = actorOf(request);
        const rows = await staffList(db, actor.councilId);
        await appendAuditNow(db, auditSource(actor), {
          action: 'staff.exported',
          details: { format, workers: rows.length },
        });
        const name = `staff-list-${actor.today}.${format}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        return format === 'csv'
          ? reply.type('text/csv; charset=utf-8').send(staffCsv(rows))
          : reply
              .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
              .send(await staffWorkbook(rows));
      },
    );
  }

  await app.register(async (uploads) => {
    await uploads.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 1, fields: 5 } });
    const uploadPage = (reply: FastifyReply, extra: Record<string, unknown> = {}) =>
      reply.page('workforce/views/staff-upload.njk', {
        pageTitle: 'Upload the staff list – Workforce',
        errors: {},
        ...extra,
      });

    uploads.get(
      '/workforce/upload',
      { config: access('staff:manage', 'none'), schema: { hide: true } },
      (_request, reply) => uploadPage(reply),
    );

    uploads.post(
      '/workforce/upload',
      { config: { ...access('staff:manage', 'staff.imported'), upload: true }, schema: { hide: true } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { fields, files } = await readUploadForm(request);
        const file = files.at(-1);
        const goodRowsOnly = fields.goodRows === 'yes';
        const problem = !file
          ? 'Choose the staff list to upload'
          : /\.(csv|xlsx)$/i.test(file.name)
            ? null
            : 'The staff list must be a CSV or XLSX file';
        const nameProblem = unstorableFileName(files);
        if (problem || nameProblem || !file) {
          const text = problem ?? nameProblem;
          return uploadPage(reply.code(400), {
            errors: { file: { text } },
            errorSummary: [{ text, href: '#file' }],
          });
        }
        const result = await importStaffList(db, actor.councilId, file.content, file.name, { goodRowsOnly });
        if (result.applied) {
          await appendAuditNow(db, auditSource(actor), {
            action: 'staff.imported',
            details: {
              file: file.name,
              added: result.added,
              updated: result.updated,
              rowsLeftOut: new Set(result.problems.map((each) => each.line)).size,
            },
          });
        }
        return uploadPage(reply.code(result.applied ? 200 : 400), {
          fileName: file.name,
          result,
          goodRowsOnly,
          problemRows: result.problems.map((each) => [
            { text: String(each.line), format: 'numeric' },
            { text: each.column },
            { text: each.message },
          ]),
        });
      },
    );
  });
}
