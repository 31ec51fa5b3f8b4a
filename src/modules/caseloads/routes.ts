import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { dateFromParts } from '../../platform/dates.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { ListQuery, listHref, pageView, sortField, sortableHead } from '../../platform/lists.ts';
import { access } from '../../platform/route-table.ts';
import { viewChild } from '../children/service.ts';
import { JourneyStatusSchema, statusAsJson } from '../journey/status-json.ts';
import { allocateChild, caseRoles, viewAllocations, viewMyCaseload, viewTeamCaseloads } from './service.ts';
import { obligationWords } from '../timescales/views/timescale-view-models.ts';
import { myCaseloadRows, teamCaseloadTables } from './views/caseload-rows.ts';

const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
const AllocationForm = Type.Object({
  workerId: Type.Optional(Type.String({ maxLength: 36 })),
  caseRole: Type.Optional(Type.String({ maxLength: 40 })),
  'from-day': Type.Optional(Type.String({ maxLength: 2 })),
  'from-month': Type.Optional(Type.String({ maxLength: 2 })),
  'from-year': Type.Optional(Type.String({ maxLength: 4 })),
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
  _csrf: Type.Optional(Type.String()),
});
const AllocationBody = Type.Object(
  {
    workerId: Type.String({ format: 'uuid' }),
    caseRole: Type.String({
      maxLength: 40,
      description: 'allocated-worker, personal-adviser, independent-reviewing-officer, co-worker or cover',
    }),
    from: Type.String({ format: 'date' }),
    reason: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
);
type Child = { Params: Static<typeof ChildParams> };
const CaseloadQuery = Type.Object({ sort: sortField(['name', 'next-due'] as const), ...ListQuery });
const TeamCaseloadQuery = Type.Object({
  team: Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'uuid' })])),
});

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
      const choices = new Map(workers.map((worker) => [worker.team_id, worker.team_name]));
      return reply.page('caseloads/views/team-caseloads.njk', {
        pageTitle: 'Team caseloads',
        teams,
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

  const render = async (
    actor: Actor,
    childId: string,
    values: Record<string, unknown>,
    extra: Record<string, unknown>,
  ) => {
    const { child } = await viewChild(db, actor, childId);
    const { history, workers } = await viewAllocations(db, actor, childId);
    return {
      pageTitle: 'Allocate a worker',
      child,
      history,
      caseRoles,
      values,
      errors: {},
      workers: [
        { value: '', text: 'Choose a worker' },
        ...workers.map((worker) => ({
          value: worker.id,
          text: `${worker.given_name} ${worker.family_name} (${worker.role.replaceAll('-', ' ')})`,
          selected: worker.id === values.workerId,
        })),
      ],
      roles: Object.entries(caseRoles).map(([value, text]) => ({
        value,
        text,
        checked: value === (values.caseRole ?? 'allocated-worker'),
      })),
      ...extra,
    };
  };

  app.get<Child>(
    '/children/:childId/allocation',
    { config: access('child:allocate', 'allocations.viewed'), schema: { params: ChildParams, hide: true } },
    async (request, reply) =>
      reply.page(
        'caseloads/views/allocate.njk',
        await render(actorOf(request), request.params.childId, {}, {}),
      ),
  );

  app.post<Child & { Body: Static<typeof AllocationForm> }>(
    '/children/:childId/allocation',
    {
      config: access('child:allocate', 'child.allocated'),
      schema: { params: ChildParams, body: AllocationForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const form = request.body;
      try {
        await allocateChild(db, actor, request.params.childId, {
          workerId: form.workerId ?? '',
          caseRole: form.caseRole ?? '',
          from: dateFromParts(
            'The date the allocation starts',
            form['from-day'],
            form['from-month'],
            form['from-year'],
          ),
          reason: form.reason ?? '',
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply
          .code(400)
          .page(
            'caseloads/views/allocate.njk',
            await render(actor, request.params.childId, form, formErrors(error.fields)),
          );
      }
      return reply.redirect(`/children/${request.params.childId}/allocation`, 303);
    },
  );

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

  app.post<Child & { Body: Static<typeof AllocationBody> }>(
    '/api/children/:childId/allocations',
    {
      config: access('child:allocate', 'child.allocated'),
      schema: {
        summary:
          'Allocate or reallocate a child, with a reason; the previous allocation in the same case role ends the day before',
        params: ChildParams,
        body: AllocationBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const id = await allocateChild(db, actorOf(request), request.params.childId, {
        ...request.body,
        from: { date: request.body.from },
      });
      return reply.code(201).send({ id });
    },
  );
}
