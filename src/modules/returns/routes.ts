import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../platform/authentication.ts';
import { appendAuditNow } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { readUploadForm, unstorableFileName } from '../../platform/uploads.ts';
import { access } from '../../platform/route-table.ts';
import { auditSource } from '../../platform/transactions.ts';
import type { ReturnFile } from '../../domain/returns/text.ts';
import { importedPostcodeLookup } from '../postcodes/service.ts';
import { statutoryReturnRoutes } from './statutory-routes.ts';
import { findingsByRule, findingsCsv, findingsXlsx, validateUpload, type ReturnKind } from './service.ts';

const MAX_BYTES = 100 * 1024 * 1024;
const years = [2025];

/**
 * Check a return: upload the SSDA903 tables (CSV files or a zip) or the CIN census XML and see its findings by rule,
 * or download them as CSV or XLSX. The files are read in memory for the one request and never stored.
 */
export async function returnRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_BYTES, files: 30, fields: 10 } });
  await statutoryReturnRoutes(app);

  const page = (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    pageTitle: 'Check a statutory return',
    values,
    years,
    errors: {},
    ...extra,
  });

  app.get(
    '/returns/validate',
    { config: access('returns:validate', 'none'), schema: { hide: true } },
    async (_request, reply) =>
      reply.page('returns/views/validate.njk', page({ kind: 'ssda903', year: '2025' })),
  );

  app.post(
    '/returns/validate',
    { config: { ...access('returns:validate', 'return.validated'), upload: true }, schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) {
        return reply
          .code(400)
          .page(
            'returns/views/validate.njk',
            page({}, formErrors([{ path: 'files', message: 'Choose the return’s file or files' }])),
          );
      }
      const form = await readUploadForm(request);
      const fields = form.fields;
      const upload = (field: string) => form.files.filter((file) => file.field === field);
      const providers = upload('providers')[0];
      const previous: ReturnFile[] = upload('previous');
      const files: ReturnFile[] = form.files.filter(
        (file) => !['providers', 'previous'].includes(file.field),
      );
      const unstorable = unstorableFileName(form.files);
      if (unstorable) {
        return reply
          .code(400)
          .page(
            'returns/views/validate.njk',
            page(fields, formErrors([{ path: 'files', message: unstorable }])),
          );
      }
      const kind: ReturnKind = fields.kind === 'cin' ? 'cin' : 'ssda903';
      const year = years.includes(Number(fields.year)) ? Number(fields.year) : years[0]!;
      let result;
      try {
        result = await validateUpload(
          { kind, year, files, la: fields.la?.trim() || undefined, providers, previous },
          (wanted) => importedPostcodeLookup(app.hearth.db, wanted),
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(400).page('returns/views/validate.njk', page(fields, formErrors(error.fields)));
      }
      const { validation, unreadable } = result;
      await appendAuditNow(app.hearth.db, auditSource(actor), {
        action: 'return.validated',
        details: {
          kind,
          year,
          files: files.map((file) => file.name),
          previous: previous.map((file) => file.name),
          findings: validation.findings.length,
          unreadable,
        },
      });
      const stamp = `${kind}-${year}-findings`;
      if (fields.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${stamp}.csv"`)
          .send(findingsCsv(validation.findings));
      }
      if (fields.format === 'xlsx') {
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${stamp}.xlsx"`)
          .send(await findingsXlsx(validation.findings));
      }
      const groups = findingsByRule(validation.findings);
      return reply.page(
        'returns/views/validate.njk',
        page(fields, {
          report: {
            fileNames: files.map((file) => file.name),
            unreadable,
            errors: validation.findings.filter((finding) => finding.severity === 'error').length,
            queries: validation.findings.filter((finding) => finding.severity === 'query').length,
            rulesRan: validation.ran.length,
            skipped: validation.skipped,
            groups: groups.map((group) => ({ ...group, findings: group.findings.slice(0, 100) })),
          },
        }),
      );
    },
  );
}
