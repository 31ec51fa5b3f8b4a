import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { ListQuery, listHref, pageView, pageWindow, sortField, sortableHead } from '../../platform/lists.ts';
import { access } from '../../platform/route-table.ts';
import { JourneyStatusSchema, statusAsJson } from '../journey/status-json.ts';
import { allocationRoutes } from './allocation-routes.ts';
import { viewMyCaseload, viewTeamCaseloads } from './service.ts';
import { obligationWords } from '../timescales/views/timescale-view-models.ts';
import { myCaseloadRows, teamCaseloadTables } from './views/caseload-rows.ts';

const CaseloadQuery = Type.Object({ sort: sortField(['name', 'next-due'] as const), ...ListQuery });
const TeamCaseloadQuery = Type.Object({
  team: Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'uuid' })])),
  page: ListQuery.page,
});

/** Teams on one page of team caseloads: a county's service manager sees every team, and reads a few at a time. */
const teamsPerPage = 10;

/** My caseload, team caseloads, and allocating a child with a reason and history. */
export async function caseloadRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Querystring: Static<typeof CaseloadQuery> }>(
    '/caseload',
    { config: access('child:write', 'caseload.viewed'), schema: { querystring: CaseloadQuery, hide: true } },
    async (request, reply) => {
      const { page, sort = 'next-due', order = 'ascending' } = request.query;
      const caseload = await viewMyCaseload(db, actorOf(request), { page, sort, order });
      return reply.page('caseloads/views/my-caseload.njk', {
        pageTitle: 'My caseload',
        head: sortableHead(
          [
            { label: 'Name', sort: 'name' },
            { label: 'Next due', sort: 'next-due' },
            { label: 'Status' },
            { label: 'Last visit or contact' },
            { label: 'Team' },
            { label: 'Child ID' },
          ],
          { sort, order },
          (column, next) =>
            listHref('/caseload', request.query, { sort: column, order: next, page: undefined }),
        ),
        rows: myCaseloadRows(caseload.children, obligationWords),
        listPage: pageView(caseload.window, (next) => listHref('/caseload', request.query, { page: next })),
      });
    },
  );

  app.get<{ Querystring: Static<typeof TeamCaseloadQuery> }>(
    '/team-caseloads',
    {
      config: access('child:allocate', 'caseloads.viewed'),
      schema: { querystring: TeamCaseloadQuery, hide: true },
    },
    async (request, reply) => {
      const workers = await viewTeamCaseloads(db, actorOf(request));
      const team = request.query.team || undefined;
      const teams = teamCaseloadTables(team ? workers.filter((worker) => worker.team_id === team) : workers);
      const window = pageWindow(teams.length, request.query.page, teamsPerPage);
      const choices = new Map(workers.map((worker) => [worker.team_id, worker.team_name]));
      return reply.page('caseloads/views/team-caseloads.njk', {
        pageTitle: 'Team caseloads',
        teams: teams.slice(window.offset, window.offset + window.limit),
        listPage: pageView(window, (page) => listHref('/team-caseloads', request.query, { page })),
        teamItems:
          choices.size > 1
            ? [
                { value: '', text: 'Every team' },
                ...[...choices].map(([id, name]) => ({ value: id, text: name, selected: id === team })),
              ]
            : undefined,
      });
    },
  );

  await allocationRoutes(app);

  app.get<{ Querystring: Static<typeof CaseloadQuery> }>(
    '/api/caseload',
    {
      config: access('child:write', 'caseload.viewed'),
      schema: {
        summary:
          'The children allocated to you today, the next due first: 50 a page, the number in all in the ' +
          'X-Total-Count header',
        querystring: CaseloadQuery,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              localId: Type.String(),
              givenName: Type.String(),
              familyName: Type.String(),
              caseRole: Type.String(),
              team: Type.Union([Type.String(), Type.Null()]),
              lastVisitOrContact: Type.Union([Type.String(), Type.Null()]),
              nextDue: Type.Union([
                Type.Object({ kind: Type.String(), dueBy: Type.String(), overdue: Type.Boolean() }),
                Type.Null(),
              ]),
              status: JourneyStatusSchema,
            }),
          ),
        },
      },
    },
    async (request, reply) => {
      const { page, sort = 'next-due', order = 'ascending' } = request.query;
      const caseload = await viewMyCaseload(db, actorOf(request), { page, sort, order });
      reply.header('X-Total-Count', String(caseload.window.total));
      return caseload.children.map((child) => ({
        id: child.id,
        localId: child.local_id,
        givenName: child.given_name,
        familyName: child.family_name,
        caseRole: child.case_role,
        team: child.team_name,
        lastVisitOrContact: child.last_contact,
        nextDue: child.next_due,
        status: statusAsJson(child.status),
      }));
    },
  );
}
