import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { access } from '../../platform/route-table.ts';
import { JourneyStatusSchema, statusAsJson } from '../journey/status-json.ts';
import { allocationRoutes } from './allocation-routes.ts';
import { viewMyCaseload, viewTeamCaseloads } from './service.ts';
import { obligationWords } from '../timescales/views/timescale-view-models.ts';
import { myCaseloadRows, teamCaseloadTables } from './views/caseload-rows.ts';

/** My caseload, team caseloads, and allocating a child with a reason and history. */
export async function caseloadRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get(
    '/caseload',
    { config: access('child:write', 'caseload.viewed'), schema: { hide: true } },
    async (request, reply) => {
      const children = await viewMyCaseload(db, actorOf(request));
      return reply.page('caseloads/views/my-caseload.njk', {
        pageTitle: 'My caseload',
        rows: myCaseloadRows(children, obligationWords),
      });
    },
  );

  app.get(
    '/team-caseloads',
    { config: access('child:allocate', 'caseloads.viewed'), schema: { hide: true } },
    async (request, reply) => {
      const teams = teamCaseloadTables(await viewTeamCaseloads(db, actorOf(request)));
      return reply.page('caseloads/views/team-caseloads.njk', { pageTitle: 'Team caseloads', teams });
    },
  );

  await allocationRoutes(app);

  app.get(
    '/api/caseload',
    {
      config: access('child:write', 'caseload.viewed'),
      schema: {
        summary: 'The children allocated to you today',
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
    async (request) =>
      (await viewMyCaseload(db, actorOf(request))).map((child) => ({
        id: child.id,
        localId: child.local_id,
        givenName: child.given_name,
        familyName: child.family_name,
        caseRole: child.case_role,
        team: child.team_name,
        lastVisitOrContact: child.last_contact,
        nextDue: child.next_due,
        status: statusAsJson(child.status),
      })),
  );
}
