import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { access } from '../../platform/route-table.ts';
import { escapeHtml, ukDate } from '../../platform/views.ts';
import { JourneyStatusSchema, statusAsJson } from '../journey/status-json.ts';
import { search } from './service.ts';

const SearchQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Names, date of birth, child ID, UPN, NHS number or postcode',
    }),
  ),
});

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

  app.get<{ Querystring: Static<typeof SearchQuery> }>(
    '/search',
    { config: access('child:read', 'children.searched'), schema: { querystring: SearchQuery, hide: true } },
    async (request, reply) => {
      const q = request.query.q ?? '';
      const { terms, children } = await search(db, actorOf(request), q);
      return reply.page('search/views/search.njk', {
        pageTitle: 'Find a child',
        q,
        searched: terms.kind !== 'empty',
        rows: children.map((child) => [
          {
            html: `<a class="govuk-link" href="/children/${child.id}">${escapeHtml(child.given_name)} ${escapeHtml(child.family_name)}</a>`,
          },
          { text: child.local_id },
          { text: ukDate(child.date_of_birth) },
          { text: child.postcode ?? '' },
        ]),
      });
    },
  );

  app.get<{ Querystring: Static<typeof SearchQuery> }>(
    '/api/search',
    {
      config: access('child:read', 'children.searched'),
      schema: {
        summary: 'Find children you may see, by name (tolerant of misspelling) or identifier',
        querystring: SearchQuery,
        response: { 200: Type.Array(SearchResult) },
      },
    },
    async (request) =>
      (await search(db, actorOf(request), request.query.q ?? '')).children.map((child) => ({
        id: child.id,
        localId: child.local_id,
        givenName: child.given_name,
        familyName: child.family_name,
        dateOfBirth: child.date_of_birth,
        postcode: child.postcode,
        status: statusAsJson(child.status),
      })),
  );
}
