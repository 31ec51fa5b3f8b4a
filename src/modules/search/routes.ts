import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { access } from '../../platform/route-table.ts';
import { JourneyStatusSchema, statusAsJson } from '../journey/status-json.ts';
import { ChildListQuery } from './schemas.ts';
import { findChildren } from './service.ts';
import { childListView } from './views/child-list.ts';

const SearchResult = Type.Object({
  id: Type.String(),
  localId: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  dateOfBirth: Type.Union([Type.String(), Type.Null()]),
  postcode: Type.Union([Type.String(), Type.Null()]),
  status: JourneyStatusSchema,
});

/** Finding a child: by names tolerant of misspelling, date of birth, child ID, UPN, NHS number or postcode. */
export async function searchRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Querystring: Static<typeof ChildListQuery> }>(
    '/search',
    {
      config: access('child:read', 'children.searched'),
      schema: { querystring: ChildListQuery, hide: true },
    },
    async (request, reply) => {
      const found = await findChildren(db, actorOf(request), request.query);
      return reply.page('search/views/search.njk', {
        pageTitle: 'Find a child',
        q: request.query.q ?? '',
        searched: found.terms.kind !== 'empty',
        list: childListView('/search', request.query, found),
      });
    },
  );

  app.get<{ Querystring: Static<typeof ChildListQuery> }>(
    '/api/search',
    {
      config: access('child:read', 'children.searched'),
      schema: {
        summary:
          'Find children you may see, by name (tolerant of misspelling and accents) or identifier: 50 a page, ' +
          'the number found in all in the X-Total-Count header',
        querystring: ChildListQuery,
        response: { 200: Type.Array(SearchResult) },
      },
    },
    async (request, reply) => {
      const found = await findChildren(db, actorOf(request), request.query);
      reply.header('X-Total-Count', String(found.window?.total ?? 0));
      return found.children.map((child) => ({
        id: child.id,
        localId: child.local_id,
        givenName: child.given_name,
        familyName: child.family_name,
        dateOfBirth: child.date_of_birth,
        postcode: child.postcode,
        status: statusAsJson(child.status),
      }));
    },
  );
}
