import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { ListQuery, listHref, pageView, sortField, sortableHead } from '../../platform/lists.ts';
import { roleCan } from '../../platform/permissions.ts';
import { access } from '../../platform/route-table.ts';
import { supervisionOfListedChildren } from '../supervision/service.ts';
import { escapeHtml, ukDate } from '../../platform/views.ts';
import {
  childTimescales,
  childTimescalesPage,
  timescaleChildren,
  timescaleFigures,
  viewChildInNeedTracker,
} from './service.ts';
import {
  figureHead,
  figureRows,
  measureHeadings,
  measureWords,
  obligationCard,
  obligationWords,
  trackerRows,
} from './views/timescale-view-models.ts';
import { childHeader } from '../child-header/service.ts';
import { filterChoices } from '../search/service.ts';
import { filterItems } from '../search/views/child-list.ts';
import { behindSorts, trackerSorts } from './queries.ts';

const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
const TeamParams = Type.Object({ teamId: Type.String({ format: 'uuid' }) });
const DrillQuery = Type.Object({
  measure: Type.Union([
    Type.Literal('due-this-week'),
    Type.Literal('overdue'),
    Type.Literal('met-on-time'),
    Type.Literal('due-this-year'),
  ]),
  teamId: Type.Optional(Type.String({ format: 'uuid' })),
  workerId: Type.Optional(Type.String({ format: 'uuid' })),
  unallocated: Type.Optional(Type.Literal('yes')),
  sort: sortField(behindSorts),
  ...ListQuery,
});
const anId = Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'uuid' })]));
const TrackerQuery = Type.Object({ team: anId, worker: anId, sort: sortField(trackerSorts), ...ListQuery });

const ObligationSchema = Type.Object({
  kind: Type.String(),
  dueBy: Type.String(),
  metOn: Type.Optional(Type.String()),
  status: Type.String(),
  rule: Type.String(),
  source: Type.String(),
  countedFrom: Type.String(),
  countedFromEvent: Type.String(),
  skipped: Type.Array(Type.Object({ date: Type.String(), name: Type.String() })),
});

/** Statutory timescales: each child's obligations, the team and service figures, and the child in need tracker. */
export async function timescaleRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Params: Static<typeof ChildParams> }>(
    '/children/:childId/timescales',
    { config: access('child:read', 'timescales.viewed'), schema: { params: ChildParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { childName, obligations } = await childTimescalesPage(db, actor, request.params.childId);
      const cards = obligations.map(obligationCard);
      return reply.page('timescales/views/child-timescales.njk', {
        childHeader: await childHeader(db, actor, request.params.childId),
        pageTitle: `What is due – ${childName}`,
        childName,
        childId: request.params.childId,
        open: cards.filter((card) => card.open),
        done: cards.filter((card) => !card.open),
      });
    },
  );

  app.get<{ Params: Static<typeof ChildParams> }>(
    '/api/children/:childId/obligations',
    {
      config: access('child:read', 'timescales.viewed'),
      schema: {
        summary: 'What is due for a child, and why each date is what it is',
        params: ChildParams,
        response: { 200: Type.Array(ObligationSchema) },
      },
    },
    async (request) =>
      (await childTimescales(db, actorOf(request), request.params.childId)).map((obligation) => ({
        kind: obligation.kind,
        dueBy: obligation.dueBy,
        ...(obligation.metOn ? { metOn: obligation.metOn } : {}),
        status: obligation.status,
        rule: obligation.explanation.rule,
        source: obligation.explanation.source,
        countedFrom: obligation.explanation.countedFrom,
        countedFromEvent: obligation.explanation.countedFromEvent,
        skipped: obligation.explanation.skipped,
      })),
  );

  app.get(
    '/timescales',
    { config: access('figures:read', 'none'), schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const figures = await timescaleFigures(db, actor);
      return reply.page('timescales/views/figures.njk', {
        pageTitle: 'Timescales across the service',
        head: figureHead('team'),
        rows: figureRows(figures.rows, { drillDown: roleCan(actor.role, 'child:read'), by: 'team' }),
      });
    },
  );

  app.get<{ Params: Static<typeof TeamParams> }>(
    '/timescales/teams/:teamId',
    { config: access('figures:read', 'none'), schema: { params: TeamParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const figures = await timescaleFigures(db, actor, request.params.teamId);
      return reply.page('timescales/views/figures.njk', {
        pageTitle: `Timescales: ${figures.team!.name}`,
        backLink: '/timescales',
        head: figureHead('worker'),
        rows: figureRows(figures.rows, { drillDown: roleCan(actor.role, 'child:read'), by: 'worker' }),
      });
    },
  );

  app.get<{ Querystring: Static<typeof DrillQuery> }>(
    '/timescales/children',
    { config: access('child:read', 'children.listed'), schema: { querystring: DrillQuery, hide: true } },
    async (request, reply) => {
      const {
        measure,
        teamId,
        workerId,
        unallocated,
        page,
        sort = 'due-by',
        order = 'ascending',
      } = request.query;
      const behind = await timescaleChildren(
        db,
        actorOf(request),
        { measure, teamId, workerId, unallocated: unallocated === 'yes' },
        { page, sort, order },
      );
      const path = '/timescales/children';
      return reply.page('timescales/views/children.njk', {
        pageTitle: `${measureHeadings[measure]}: ${behind.whose.name}`,
        caption: `Children with work ${measureWords[measure]}`,
        backLink: behind.whose.figuresHref,
        counted: behind.counted,
        notShown: behind.notShown,
        head: sortableHead(
          [
            { label: 'Child', sort: 'child' },
            { label: 'What' },
            { label: 'Due by', sort: 'due-by' },
            { label: 'Done on' },
            { label: 'Worker', sort: 'worker' },
          ],
          { sort, order },
          (column, next) => listHref(path, request.query, { sort: column, order: next, page: undefined }),
        ),
        listPage: pageView(behind.window, (next) => listHref(path, request.query, { page: next })),
        rows: behind.rows.map((row) => [
          {
            html: `<a class="govuk-link" href="/children/${row.child_id}/timescales">${escapeHtml(`${row.given_name} ${row.family_name}`)}</a>`,
          },
          { text: obligationWords[row.kind] ?? row.kind },
          { text: ukDate(row.due_by) },
          { text: row.met_on ? ukDate(row.met_on) : '' },
          { text: row.worker_name ?? 'Unallocated' },
        ]),
      });
    },
  );

  app.get<{ Querystring: Static<typeof TrackerQuery> }>(
    '/cin-tracker',
    { config: access('child:read', 'children.listed'), schema: { querystring: TrackerQuery, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { team, worker, page, sort = 'next-due', order = 'ascending' } = request.query;
      const tracked = await viewChildInNeedTracker(
        db,
        actor,
        { teamId: team || undefined, workerId: worker || undefined },
        { page, sort, order },
      );
      const path = '/cin-tracker';
      return reply.page('timescales/views/cin-tracker.njk', {
        pageTitle: 'Child in need tracker',
        head: sortableHead(
          [
            { label: 'Child', sort: 'child' },
            { label: 'Plan since', sort: 'plan-since' },
            { label: 'Last review' },
            { label: 'Last visit' },
            { label: 'Next due', sort: 'next-due' },
            { label: 'Worker', sort: 'worker' },
            { label: 'Last supervision' },
            { label: 'Open actions' },
          ],
          { sort, order },
          (column, next) => listHref(path, request.query, { sort: column, order: next, page: undefined }),
        ),
        rows: trackerRows(
          tracked.rows,
          actor.today,
          await supervisionOfListedChildren(
            db,
            actor,
            tracked.rows.map((row) => row.child_id),
          ),
        ),
        list: filterItems(await filterChoices(db, actor, team || undefined), { team, worker }),
        listPage: pageView(tracked.window, (next) => listHref(path, request.query, { page: next })),
      });
    },
  );
}
