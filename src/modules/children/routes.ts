import type { FastifyInstance } from 'fastify';
import { codeListYears, collectionYearOf } from '../../domain/codes/code-lists.ts';
import { returnProblemsOf } from '../returns/return-problems.ts';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { dateFromParts } from '../../platform/dates.ts';
import { Conflict, ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import type { JourneyStatus } from '../../domain/journey/status.ts';
import { statusAsJson } from '../journey/status-json.ts';
import { takeFormStash } from '../sign-in/service.ts';
import { ChildListQuery } from '../search/schemas.ts';
import { findChildren } from '../search/service.ts';
import { childListView } from '../search/views/child-list.ts';
import { BreakGlassForm, ChildEditForm, ChildParams, ChildSummary, ChildUpdate } from './schemas.ts';
import { breakGlass, updateChild, viewChild } from './service.ts';
import { editFormValues } from './views/child-view-models.ts';
import { childHeader } from '../child-header/service.ts';

type Params = { Params: Static<typeof ChildParams> };

function summaryOf(child: {
  id: string;
  local_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  version: number;
  status: JourneyStatus;
}) {
  return {
    id: child.id,
    localId: child.local_id,
    givenName: child.given_name,
    familyName: child.family_name,
    dateOfBirth: child.date_of_birth,
    version: child.version,
    status: statusAsJson(child.status),
  };
}

export async function childrenRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Querystring: Static<typeof ChildListQuery> }>(
    '/children',
    { config: access('child:read', 'children.listed'), schema: { querystring: ChildListQuery, hide: true } },
    async (request, reply) => {
      const found = await findChildren(db, actorOf(request), request.query, { everyoneWhenEmpty: true });
      return reply.page('children/views/children.njk', {
        pageTitle: 'Children',
        q: request.query.q ?? '',
        list: childListView('/children', request.query, found),
      });
    },
  );

  app.get<Params>(
    '/children/:childId',
    { config: access('child:read', 'child.viewed'), schema: { params: ChildParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const record = await viewChild(db, actor, request.params.childId);
      return reply.page('children/views/child.njk', {
        childHeader: await childHeader(db, actor, request.params.childId, record.record),
        childHeaderIsHeading: true,
        pageTitle: `${record.child.given_name} ${record.child.family_name}`,
        child: record.child,
        allocations: record.allocations,
        history: record.history,
        returnProblems: await returnProblemsOf(db, actor, request.params.childId, record.record),
        returnYear: Math.min(collectionYearOf(actor.today), codeListYears().at(-1)!),
        mayEdit: actor.role !== 'director' && actor.role !== 'auditor',
      });
    },
  );

  const editPage = '/children/:childId/edit';
  app.get<Params & { Querystring: { restore?: string } }>(
    editPage,
    {
      config: access('child:write', 'child.viewed'),
      schema: {
        params: ChildParams,
        querystring: Type.Object({ restore: Type.Optional(Type.String({ maxLength: 100 })) }),
        hide: true,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { child } = await viewChild(db, actor, request.params.childId);
      const restored = request.query.restore
        ? await takeFormStash(db, actor, request.query.restore)
        : undefined;
      return reply.page('children/views/edit-child.njk', {
        pageTitle: 'Change the child’s details',
        child,
        values: restored ? restored.fields : editFormValues(child),
        restored: Boolean(restored),
        errors: {},
      });
    },
  );

  app.post<Params & { Body: Static<typeof ChildEditForm> }>(
    editPage,
    {
      config: access('child:write', 'child.updated'),
      schema: { params: ChildParams, body: ChildEditForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const form = request.body;
      const dateOfBirth = dateFromParts(
        'Date of birth',
        form['dateOfBirth-day'],
        form['dateOfBirth-month'],
        form['dateOfBirth-year'],
      );
      const rerender = async (status: number, extra: Record<string, unknown>) => {
        const { child } = await viewChild(db, actor, request.params.childId);
        return reply.code(status).page('children/views/edit-child.njk', {
          pageTitle: 'Change the child’s details',
          child,
          values: form,
          ...extra,
        });
      };
      try {
        if ('problem' in dateOfBirth)
          throw new ValidationError([{ path: 'dateOfBirth', message: dateOfBirth.problem }]);
        await updateChild(db, actor, request.params.childId, {
          version: Number(form.version),
          givenName: form.givenName,
          familyName: form.familyName,
          dateOfBirth: dateOfBirth.date,
          reason: form.reason,
        });
      } catch (error) {
        if (error instanceof ValidationError) return rerender(400, formErrors(error.fields));
        if (error instanceof Conflict) return rerender(409, { conflict: error, errors: {} });
        throw error;
      }
      return reply.redirect(`/children/${request.params.childId}`, 303);
    },
  );

  app.get(
    '/break-glass',
    { config: access('child:break-glass', 'none'), schema: { hide: true } },
    async (_request, reply) =>
      reply.page('children/views/break-glass.njk', {
        pageTitle: 'Open a record outside your access',
        values: {},
        errors: {},
      }),
  );

  app.post<{ Body: Static<typeof BreakGlassForm> }>(
    '/break-glass',
    {
      config: access('child:break-glass', 'child.break-glass'),
      schema: { body: BreakGlassForm, hide: true },
    },
    async (request, reply) => {
      try {
        const childId = await breakGlass(db, actorOf(request), request.body);
        return reply.redirect(`/children/${childId}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(400).page('children/views/break-glass.njk', {
          pageTitle: 'Open a record outside your access',
          values: request.body,
          ...formErrors(error.fields),
        });
      }
    },
  );

  app.get<{ Querystring: Static<typeof ChildListQuery> }>(
    '/api/children',
    {
      config: access('child:read', 'children.listed'),
      schema: {
        summary:
          'The children you may see, found as Find a child finds them: 50 a page, the number in all in the ' +
          'X-Total-Count header',
        querystring: ChildListQuery,
        response: { 200: Type.Array(ChildSummary) },
      },
    },
    async (request, reply) => {
      const found = await findChildren(db, actorOf(request), request.query, { everyoneWhenEmpty: true });
      reply.header('X-Total-Count', String(found.window?.total ?? 0));
      return found.children.map(summaryOf);
    },
  );

  app.get<Params>(
    '/api/children/:childId',
    {
      config: access('child:read', 'child.viewed'),
      schema: { summary: 'One child', params: ChildParams, response: { 200: ChildSummary } },
    },
    async (request) => summaryOf((await viewChild(db, actorOf(request), request.params.childId)).child),
  );

  app.patch<Params & { Body: Static<typeof ChildUpdate> }>(
    '/api/children/:childId',
    {
      config: access('child:write', 'child.updated'),
      schema: {
        summary: 'Change a child’s names or date of birth; refused with 409 if `version` is stale',
        params: ChildParams,
        body: ChildUpdate,
        response: { 200: ChildSummary },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return summaryOf(await updateChild(db, actor, request.params.childId, request.body));
    },
  );
}
