import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { ListQuery, pageView, pageWindow } from '../../platform/lists.ts';
import { access } from '../../platform/route-table.ts';
import { chronologyKinds, printedBy, viewChronology, type ChronologyKind } from './service.ts';
import { childHeader } from '../child-header/service.ts';

const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
const KindList = Type.Union([
  Type.String({ maxLength: 20 }),
  Type.Array(Type.String({ maxLength: 20 }), { maxItems: 20 }),
]);
const Order = Type.Union([Type.Literal('newest'), Type.Literal('oldest')], {
  description: 'newest first (the default) or oldest first',
});
const ChronologyQuery = Type.Object({ kind: Type.Optional(KindList), order: Type.Optional(Order) });
type Query = Static<typeof ChronologyQuery>;
const ChronologyPageQuery = Type.Object({
  kind: Type.Optional(KindList),
  order: Type.Optional(Order),
  page: ListQuery.page,
});

/**
 * Events on one page of a child's chronology (issue 23, part 6): a child in care for years has hundreds, and the
 * page is read a screenful at a time. The printable version and the API give them all.
 */
const eventsPerPage = 100;

const kindNames: Record<ChronologyKind, string> = {
  contact: 'Contacts',
  referral: 'Referrals',
  assessment: 'Assessments',
  note: 'Case notes',
  allocation: 'Allocations',
  episode: 'Episodes closed',
  protection: 'Child protection',
  'child-in-need-plan': 'Child in need plans',
  care: 'Care',
  visit: 'Visits',
  'leaving-care': 'Leaving care',
  supervision: 'Supervision',
};

/** The kinds asked for, and the order, as the query names them (none ticked: all kinds). */
function requestOf(query: Query) {
  const wanted = query.kind === undefined ? [] : Array.isArray(query.kind) ? query.kind : [query.kind];
  return { kinds: chronologyKinds.filter((kind) => wanted.includes(kind)), order: query.order ?? 'newest' };
}

/** The chronology: every dated event in the child's life that Hearth holds, filterable, in either order, printable. */
export async function chronologyRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Params: Static<typeof ChildParams>; Querystring: Static<typeof ChronologyPageQuery> }>(
    '/children/:childId/chronology',
    {
      config: access('child:read', 'chronology.viewed'),
      schema: { params: ChildParams, querystring: ChronologyPageQuery, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const wanted = requestOf(request.query);
      const { child, entries, record } = await viewChronology(db, actor, request.params.childId, wanted);
      const query = new URLSearchParams([
        ...wanted.kinds.map((kind) => ['kind', kind]),
        ['order', wanted.order],
      ]);
      const window = pageWindow(entries.length, request.query.page, eventsPerPage);
      const path = `/children/${child.id}/chronology`;
      return reply.page('chronology/views/chronology.njk', {
        childHeader: await childHeader(db, actor, request.params.childId, record),
        pageTitle: `Chronology – ${child.given_name} ${child.family_name}`,
        child,
        entries: entries.slice(window.offset, window.offset + window.limit),
        listPage: pageView(window, (page) => `${path}?${query.toString()}&page=${page}`),
        kindNames,
        order: wanted.order,
        printUrl: `/children/${child.id}/chronology/print?${query.toString()}`,
        filters: chronologyKinds.map((kind) => ({
          value: kind,
          text: kindNames[kind],
          checked: wanted.kinds.includes(kind),
        })),
      });
    },
  );

  app.get<{ Params: Static<typeof ChildParams>; Querystring: Query }>(
    '/children/:childId/chronology/print',
    {
      config: access('child:read', 'chronology.printed'),
      schema: { params: ChildParams, querystring: ChronologyQuery, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const wanted = requestOf(request.query);
      const { child, entries } = await viewChronology(db, actor, request.params.childId, {
        ...wanted,
        print: true,
      });
      return reply.page('chronology/views/print.njk', {
        pageTitle: `Chronology of ${child.given_name} ${child.family_name}`,
        child,
        entries,
        kindNames,
        order: wanted.order,
        kindsShown: wanted.kinds.map((kind) => kindNames[kind]),
        printedBy: printedBy(actor),
      });
    },
  );

  app.get<{ Params: Static<typeof ChildParams>; Querystring: Query }>(
    '/api/children/:childId/chronology',
    {
      config: access('child:read', 'chronology.viewed'),
      schema: {
        summary: `Every dated event about a child, newest first unless \`order=oldest\`; \`kind\` filters (${chronologyKinds.join(', ')}); a corrected entry says so in \`corrected\`, its correction in \`correction\``,
        params: ChildParams,
        querystring: ChronologyQuery,
        response: {
          200: Type.Array(
            Type.Object({
              on: Type.String(),
              kind: Type.String(),
              title: Type.String(),
              detail: Type.Union([Type.String(), Type.Null()]),
              text: Type.Union([Type.String(), Type.Null()]),
              author: Type.Union([Type.String(), Type.Null()]),
              significance: Type.Union([Type.String(), Type.Null()]),
              corrected: Type.Union([Type.String(), Type.Null()]),
              correction: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        },
      },
    },
    async (request) => {
      const { entries } = await viewChronology(
        db,
        actorOf(request),
        request.params.childId,
        requestOf(request.query),
      );
      return entries.map(({ noteId: _noteId, ...entry }) => entry);
    },
  );
}
