import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { access } from '../../platform/route-table.ts';
import { viewChild } from '../children/service.ts';
import { chronologyKinds, viewChronology, type ChronologyKind } from './service.ts';
import { childHeader } from '../child-header/service.ts';

const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
const KindList = Type.Union([
  Type.String({ maxLength: 20 }),
  Type.Array(Type.String({ maxLength: 20 }), { maxItems: 20 }),
]);
const ChronologyQuery = Type.Object({
  kind: Type.Optional(KindList),
  print: Type.Optional(Type.String({ maxLength: 3 })),
});

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
};

function kindsOf(value: string | string[] | undefined): ChronologyKind[] {
  const wanted = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return chronologyKinds.filter((kind) => wanted.includes(kind));
}

/** The chronology: every dated event in the child's life that Hearth holds, filterable by kind and printable. */
export async function chronologyRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Params: Static<typeof ChildParams>; Querystring: Static<typeof ChronologyQuery> }>(
    '/children/:childId/chronology',
    {
      config: access('child:read', 'chronology.viewed'),
      schema: { params: ChildParams, querystring: ChronologyQuery, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { child } = await viewChild(db, actor, request.params.childId);
      const kinds = kindsOf(request.query.kind);
      const events = await viewChronology(db, actor, request.params.childId, kinds);
      const query = new URLSearchParams([...kinds.map((kind) => ['kind', kind]), ['print', 'yes']]);
      return reply.page('chronology/views/chronology.njk', {
        childHeader: await childHeader(db, actor, request.params.childId),
        pageTitle: `Chronology – ${child.given_name} ${child.family_name}`,
        child,
        events,
        kindNames,
        print: request.query.print === 'yes',
        printUrl: `/children/${child.id}/chronology?${query.toString()}`,
        filters: chronologyKinds.map((kind) => ({
          value: kind,
          text: kindNames[kind],
          checked: kinds.includes(kind),
        })),
      });
    },
  );

  app.get<{ Params: Static<typeof ChildParams>; Querystring: Static<typeof ChronologyQuery> }>(
    '/api/children/:childId/chronology',
    {
      config: access('child:read', 'chronology.viewed'),
      schema: {
        summary: `Every dated event about a child, newest first; \`kind\` filters (${chronologyKinds.join(', ')})`,
        params: ChildParams,
        querystring: Type.Object({ kind: Type.Optional(KindList) }),
        response: {
          200: Type.Array(
            Type.Object({
              on: Type.String(),
              kind: Type.String(),
              title: Type.String(),
              detail: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        },
      },
    },
    async (request) =>
      (await viewChronology(db, actorOf(request), request.params.childId, kindsOf(request.query.kind))).map(
        (event) => ({ on: event.happened_on, kind: event.kind, title: event.title, detail: event.detail }),
      ),
  );
}
