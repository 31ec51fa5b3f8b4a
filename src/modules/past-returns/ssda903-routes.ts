import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { actorOf } from '../../platform/authentication.ts';
import { formErrors } from '../../platform/forms.ts';
import { readUploadForm, unstorableFileName } from '../../platform/uploads.ts';
import { access } from '../../platform/route-table.ts';
import { openZip, ZipRefused } from '../../platform/zip.ts';
import type { ReturnFile } from '../../domain/returns/text.ts';
import { importFixesCsv, importProblemsCsv, type ImportReport } from './import-report.ts';
import { ImportRefused, importSsda903, type ReturnFolder } from './ssda903-import.ts';

const MAX_BYTES = 200 * 1024 * 1024;
const VIEW = 'past-returns/views/ssda903-import.njk';

/** An import under way or done, for the person who started it to follow and download its report. */
interface ImportJob {
  councilId: string;
  userId: string;
  stage: string;
  done: number;
  total: number;
  report?: ImportReport;
  refusal?: string;
  finishedAt?: number;
}

/** Imports started from the page, kept an hour after they finish (the report itself is kept in record_imports). */
const jobs = new Map<string, ImportJob>();
const HOUR = 3_600_000;

/** The uploaded files as years: a zip's folders (one a year), or the CSV files given as one year. */
function foldersOf(files: readonly ReturnFile[]): ReturnFolder[] {
  const byFolder = new Map<string, ReturnFile[]>();
  for (const file of files) {
    const opened = file.name.toLowerCase().endsWith('.zip')
      ? openZip(file.content as Uint8Array)
      : [{ ...file, folder: '' }];
    for (const each of opened) {
      if (!each.name.toLowerCase().endsWith('.csv')) continue;
      const folder = each.folder || file.name.replace(/\.zip$/i, '');
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), { name: each.name, content: each.content }]);
    }
  }
  return [...byFolder].map(([name, folderFiles]) => ({ name, files: folderFiles }));
}

/**
 * Import a past SSDA903 return from the page (issue 19, parts 3 and 5): a zip of its CSV tables, a folder a
 * year, uploaded by an administrator or performance analyst; the import runs while the page shows how far it
 * has gone, then its report (problems and fixes, each downloadable as CSV).
 */
export async function ssda903ImportRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 20, fields: 10 } });
  const page = (extra: Record<string, unknown> = {}) => ({
    pageTitle: 'Import a past SSDA903 return',
    values: {},
    errors: {},
    ...extra,
  });
  const jobOf = (request: Parameters<typeof actorOf>[0], id: string) => {
    const actor = actorOf(request);
    const job = jobs.get(id);
    return job && job.councilId === actor.councilId && job.userId === actor.userId ? job : undefined;
  };

  app.get(
    '/past-returns/ssda903',
    { config: access('returns:import', 'none'), schema: { hide: true } },
    async (_request, reply) => reply.page(VIEW, page()),
  );

  app.post(
    '/past-returns/ssda903',
    { config: { ...access('returns:import', 'return.imported'), upload: true }, schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { fields, files } = await readUploadForm(request);
      const refuse = (message: string) =>
        reply.code(400).page(VIEW, page({ values: fields, ...formErrors([{ path: 'files', message }]) }));
      if (files.length === 0) return refuse('Choose the return’s zip file, or its CSV files');
      const unstorable = unstorableFileName(files);
      if (unstorable) return refuse(unstorable);
      let folders: ReturnFolder[];
      try {
        folders = foldersOf(files);
      } catch (error) {
        if (!(error instanceof ZipRefused)) return refuse('The file is not a zip file that can be opened');
        return refuse(`The zip cannot be opened here because ${error.message}`);
      }
      if (folders.length === 0) return refuse('The upload holds no CSV files');
      const id = uuidv7();
      const job: ImportJob = {
        councilId: actor.councilId,
        userId: actor.userId,
        stage: 'starting',
        done: 0,
        total: 1,
      };
      jobs.set(id, job);
      for (const [key, old] of jobs)
        if (old.finishedAt && Date.now() - old.finishedAt > HOUR) jobs.delete(key);
      void importSsda903(app.hearth.db, actor.councilId, folders, {
        skipBadRows: fields.skipBadRows === 'yes',
        allowOtherCouncil: fields.allowOtherCouncil === 'yes',
        actor,
        onProgress: (stage, done, total) => Object.assign(job, { stage, done, total }),
      })
        .then((report) => (job.report = report))
        .catch((error: unknown) => {
          job.refusal =
            error instanceof ImportRefused
              ? error.message
              : 'The import failed: nothing was imported. Try again, or ask for help.';
          if (!(error instanceof ImportRefused)) request.log.error(error);
        })
        .finally(() => (job.finishedAt = Date.now()));
      return reply.redirect(`/past-returns/ssda903/imports/${id}`, 303);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/past-returns/ssda903/imports/:id',
    {
      config: access('returns:import', 'none'),
      schema: {
        hide: true,
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] },
      },
    },
    async (request, reply) => {
      const job = jobOf(request, request.params.id);
      if (!job) return reply.code(404).page(VIEW, page({ gone: true }));
      return reply.page(
        VIEW,
        page({ job, id: request.params.id, percent: Math.round((100 * job.done) / Math.max(job.total, 1)) }),
      );
    },
  );

  for (const what of ['problems', 'fixes'] as const)
    app.get<{ Params: { id: string } }>(
      `/past-returns/ssda903/imports/:id/${what}.csv`,
      {
        config: access('returns:import', 'none'),
        schema: {
          hide: true,
          params: {
            type: 'object',
            properties: { id: { type: 'string', format: 'uuid' } },
            required: ['id'],
          },
        },
      },
      async (request, reply) => {
        const report = jobOf(request, request.params.id)?.report;
        if (!report) return reply.code(404).send('There is no such import.');
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="ssda903-import-${what}.csv"`)
          .send(what === 'problems' ? importProblemsCsv(report.problems) : importFixesCsv(report.fixes));
      },
    );
}
