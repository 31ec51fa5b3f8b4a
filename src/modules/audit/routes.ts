import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { access } from '../../platform/route-table.ts';
import { londonDate } from '../../platform/actor.ts';
import { roleCan } from '../../platform/permissions.ts';
import { ListQuery, listHref, pageView, sortField, sortableHead, type Order } from '../../platform/lists.ts';
import { escapeHtml, ukDate } from '../../platform/views.ts';
import { actionChoices, actionInWords } from './action-words.ts';
import { accessToReview, childAccessLog, reviewGrant, searchAudit } from './service.ts';

const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
const GrantParams = Type.Object({ grantId: Type.String({ format: 'uuid' }) });
const isoDate = Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'date' })]));
const ByWhen = Type.Object({ sort: sortField(['when'] as const), ...ListQuery });
const AuditQuery = Type.Object({
  email: Type.Optional(Type.String({ maxLength: 320 })),
  childLocalId: Type.Optional(Type.String({ maxLength: 50 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  from: isoDate,
  to: isoDate,
  team: Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'uuid' })])),
  ...ByWhen.properties,
});
const PageQuery = Type.Object(ListQuery);

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as people in England read it: "25 November 2026 11:03". */
function when(instant: Date): string {
  return `${ukDate(londonDate(instant))} ${londonTime.format(instant)}`;
}

/** The heading row of an entry list, sorted by when (newest first unless asked otherwise). */
function entriesHead(
  path: string,
  query: Record<string, string | number | undefined>,
  order: Order,
  others: string[],
) {
  return sortableHead(
    [{ label: 'When', sort: 'when' }, ...others.map((label) => ({ label }))],
    { sort: 'when', order },
    (sort, next) => listHref(path, query, { sort, order: next, page: undefined }),
  );
}

/**
 * An entry's action in words, with its code (and the route or job that did it) in a GOV.UK details beneath, for
 * the auditor who searches by code or compares with the raw log.
 */
function actionCell(entry: { action: string; outcome: string; route?: string | null }) {
  const code = [entry.action, entry.route].filter(Boolean).map((part) => escapeHtml(String(part)));
  return {
    html:
      `${escapeHtml(actionInWords(entry.action, entry.outcome))}` +
      `<details class="govuk-details govuk-!-margin-top-1 govuk-!-margin-bottom-0 hearth-audit-code">` +
      `<summary class="govuk-details__summary govuk-!-font-size-16"><span class="govuk-details__summary-text">Code</span></summary>` +
      `<div class="govuk-details__text govuk-!-font-size-16 hearth-break-anywhere">${code.join('<br>')}</div></details>`,
  };
}

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Params: Static<typeof ChildParams>; Querystring: Static<typeof ByWhen> }>(
    '/children/:childId/access-log',
    {
      config: access('audit:child-access', 'child.access-log.viewed'),
      schema: { params: ChildParams, querystring: ByWhen, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const order = request.query.order ?? 'descending';
      const { childName, localId, entries } = await childAccessLog(db, actor, request.params.childId, {
        page: request.query.page,
        order,
      });
      // Those who oversee access go back to the audit trail; a team manager goes back to the record.
      const back = roleCan(actor.role, 'audit:search')
        ? { text: 'Back to the audit trail', href: `/audit?childLocalId=${encodeURIComponent(localId)}` }
        : { text: 'Back to the record', href: `/children/${request.params.childId}` };
      const path = `/children/${request.params.childId}/access-log`;
      return reply.page('audit/views/access-log.njk', {
        pageTitle: `Who has seen this record – ${childName}`,
        childName,
        childId: request.params.childId,
        back,
        head: entriesHead(path, request.query, order, ['Who', 'What', 'From address']),
        listPage: pageView(entries.window, (page) => listHref(path, request.query, { page })),
        rows: entries.rows.map((entry) => [
          { text: when(entry.at) },
          { text: entry.given_name ? `${entry.given_name} ${entry.family_name}` : 'System' },
          actionCell(entry),
          { text: entry.ip ?? '' },
        ]),
      });
    },
  );

  app.get<{ Querystring: Static<typeof AuditQuery> }>(
    '/audit',
    { config: access('audit:search', 'audit.searched'), schema: { querystring: AuditQuery, hide: true } },
    async (request, reply) => {
      const { page, order = 'descending', sort: _sort, team, ...searched } = request.query;
      const filter = Object.fromEntries(Object.entries(searched).filter(([, value]) => value));
      const { entries, teams } = await searchAudit(
        db,
        actorOf(request),
        { ...filter, ...(team ? { teamId: team } : {}) },
        { page, order },
      );
      return reply.page('audit/views/audit-search.njk', {
        pageTitle: 'Audit trail',
        values: request.query,
        teamItems: [
          { value: '', text: 'Any team' },
          ...teams.map((one) => ({ value: one.id, text: one.name, selected: one.id === team })),
        ],
        actionItems: [
          { value: '', text: 'Any action' },
          ...actionChoices.map((choice) => ({ ...choice, selected: choice.value === request.query.action })),
        ],
        head: entriesHead('/audit', request.query, order, ['User', 'Action', 'Child ID']),
        listPage: pageView(entries.window, (next) => listHref('/audit', request.query, { page: next })),
        rows: entries.rows.map((entry) => [
          { text: when(entry.at) },
          // Emails and routes are long words: they break where they must rather than widen the page.
          { text: entry.email ?? 'System', classes: 'hearth-break-anywhere' },
          actionCell(entry),
          entry.local_id && entry.child_id
            ? {
                html: `<a class="govuk-link" href="/children/${entry.child_id}/access-log">${escapeHtml(entry.local_id)}<span class="govuk-visually-hidden">: who has seen this record</span></a>`,
              }
            : { text: '' },
        ]),
      });
    },
  );

  app.get<{ Querystring: Static<typeof PageQuery> }>(
    '/access-review',
    { config: access('access:review', 'none'), schema: { querystring: PageQuery, hide: true } },
    async (request, reply) => {
      const grants = await accessToReview(db, actorOf(request), request.query.page);
      return reply.page('audit/views/access-review.njk', {
        pageTitle: 'Access to review',
        grants: grants.rows,
        listPage: pageView(grants.window, (page) => listHref('/access-review', {}, { page })),
        when,
      });
    },
  );

  app.post<{ Params: Static<typeof GrantParams> }>(
    '/access-review/:grantId',
    { config: access('access:review', 'access.reviewed'), schema: { params: GrantParams, hide: true } },
    async (request, reply) => {
      await reviewGrant(db, actorOf(request), request.params.grantId);
      return reply.redirect('/access-review', 303);
    },
  );
}
