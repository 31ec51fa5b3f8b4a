import type { FastifyInstance } from 'fastify';
import { retentionReasonWords } from '../../domain/governance/retention.ts';
import { actorOf } from '../../platform/authentication.ts';
import { access } from '../../platform/route-table.ts';
import { escapeHtml, ukDate } from '../../platform/views.ts';
import { retentionReportFor, type RecordDueForReview } from './service.ts';

function rowsOf(records: RecordDueForReview[]) {
  return records.map((record) => [
    {
      html: `<a class="govuk-link" href="/children/${record.childId}/access-log">${escapeHtml(record.name)}</a>`,
    },
    { text: record.localId },
    { text: ukDate(record.retention.reviewOn) },
    { text: retentionReasonWords[record.retention.reason] },
  ]);
}

/** The information governance officer's page: records due for review under the retention schedule. */
export async function governanceRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;
  app.get(
    '/governance/retention',
    { config: access('records:retention', 'retention.report.viewed'), schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const report = await retentionReportFor(db, actor);
      const head = [{ text: 'Child' }, { text: 'Council ID' }, { text: 'Review on' }, { text: 'Why' }];
      return reply.page('governance/views/retention.njk', {
        pageTitle: 'Records due for review',
        report,
        head,
        dueRows: rowsOf(report.due),
        comingUpRows: rowsOf(report.comingUp),
        todayInWords: ukDate(report.today),
        lookAheadInWords: ukDate(report.lookAheadTo),
      });
    },
  );
}
