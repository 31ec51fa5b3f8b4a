import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { access } from '../../platform/route-table.ts';
import { childSupervision, recordSupervision, viewSupervision } from './service.ts';

const Id = Type.String({ maxLength: 64 });
const Text = Type.String({ maxLength: 20000 });
const OptionalText = Type.Optional(Type.Union([Text, Type.Null()]));
const Day = Type.String({ format: 'date' });
const ActionBody = Type.Object(
  { description: Type.String({ maxLength: 2000 }), ownerId: Id, dueOn: Day },
  { additionalProperties: false },
);
const SupervisionBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('one-to-one'), Type.Literal('group')]),
    heldOn: Day,
    minutes: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    superviseeId: Type.Optional(Type.Union([Id, Type.Null()])),
    wellbeing: OptionalText,
    workload: OptionalText,
    learning: OptionalText,
    attendeeIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    partners: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ maxLength: 200 }),
            organisation: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
            role: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    actions: Type.Optional(Type.Array(ActionBody, { maxItems: 50 })),
    children: Type.Array(
      Type.Object(
        {
          childId: Id,
          discussion: Text,
          graces: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
          reflectiveModel: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
          reflection: OptionalText,
          decisions: OptionalText,
          actions: Type.Optional(Type.Array(ActionBody, { maxItems: 50 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);

const ActionOut = Type.Object({
  id: Type.String(),
  description: Type.String(),
  childId: Type.Union([Type.String(), Type.Null()]),
  ownerId: Type.String(),
  dueOn: Type.String(),
  status: Type.String(),
});
const DiscussionOut = Type.Object({
  childId: Type.String(),
  discussedOn: Type.String(),
  discussion: Type.String(),
  graces: Type.Array(Type.String()),
  reflectiveModel: Type.Union([Type.String(), Type.Null()]),
  reflection: Type.Union([Type.String(), Type.Null()]),
  decisions: Type.Union([Type.String(), Type.Null()]),
});
const SupervisionOut = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  heldOn: Type.String(),
  supervisor: Type.String(),
  supervisee: Type.Union([Type.String(), Type.Null()]),
  /** Null unless the reader is the supervisor, the supervisee or a line manager of the supervisee. */
  personal: Type.Union([
    Type.Object({
      wellbeing: Type.Union([Type.String(), Type.Null()]),
      workload: Type.Union([Type.String(), Type.Null()]),
      learning: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  children: Type.Array(DiscussionOut),
  actions: Type.Array(ActionOut),
});

const discussionOut = (row: {
  child_id: string;
  discussed_on: string;
  discussion: string;
  graces: string[];
  reflective_model: string | null;
  reflection: string | null;
  decisions: string | null;
}) => ({
  childId: row.child_id,
  discussedOn: row.discussed_on,
  discussion: row.discussion,
  graces: row.graces,
  reflectiveModel: row.reflective_model,
  reflection: row.reflection,
  decisions: row.decisions,
});
const actionOut = (row: {
  id: string;
  description: string;
  child_id: string | null;
  owner_id: string;
  due_on: string;
  status: string;
}) => ({
  id: row.id,
  description: row.description,
  childId: row.child_id,
  ownerId: row.owner_id,
  dueOn: row.due_on,
  status: row.status,
});

/** The JSON API of supervision: the same rules as the pages, the personal part only for those it belongs to. */
export async function supervisionApiRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.post<{ Body: Static<typeof SupervisionBody> }>(
    '/api/supervision',
    {
      config: access('child:write', 'supervision.recorded'),
      schema: {
        summary:
          'Record a one-to-one or group case supervision, with the children discussed and the actions agreed',
        body: SupervisionBody,
        response: { 201: Type.Object({ id: Type.String() }), 400: Type.Any(), 404: Type.Any() },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const id = await recordSupervision(db, actorOf(request), {
        kind: body.kind,
        heldOn: body.heldOn,
        minutes: body.minutes ?? null,
        superviseeId: body.superviseeId ?? null,
        wellbeing: body.wellbeing ?? null,
        workload: body.workload ?? null,
        learning: body.learning ?? null,
        attendeeIds: body.attendeeIds ?? [],
        partners: (body.partners ?? []).map((partner) => ({
          name: partner.name,
          organisation: partner.organisation ?? null,
          role: partner.role ?? null,
        })),
        actions: body.actions ?? [],
        children: body.children.map((child) => ({
          childId: child.childId,
          discussion: child.discussion,
          graces: child.graces ?? [],
          reflectiveModel: child.reflectiveModel ?? null,
          reflection: child.reflection ?? null,
          decisions: child.decisions ?? null,
          actions: child.actions ?? [],
        })),
      });
      return reply.code(201).send({ id });
    },
  );

  app.get<{ Params: { supervisionId: string } }>(
    '/api/supervision/:supervisionId',
    {
      config: access('signed-in', 'supervision.viewed'),
      schema: {
        summary:
          'A supervision; its personal part only for the supervisor, supervisee and their line managers',
        params: Type.Object({ supervisionId: Id }),
        response: { 200: SupervisionOut },
      },
    },
    async (request) => {
      const view = await viewSupervision(db, actorOf(request), request.params.supervisionId);
      return {
        id: view.supervision.id,
        kind: view.supervision.kind,
        heldOn: view.supervision.held_on,
        supervisor: view.supervision.supervisor_name,
        supervisee: view.supervision.supervisee_name,
        personal: view.personal,
        children: view.discussions.map(discussionOut),
        actions: view.actions.map(actionOut),
      };
    },
  );

  app.get<{ Params: { childId: string } }>(
    '/api/children/:childId/supervision',
    {
      config: access('child:read', 'child.supervision-viewed'),
      schema: {
        summary: 'What supervision said about a child, latest first, and the child’s actions',
        params: Type.Object({ childId: Id }),
        response: {
          200: Type.Object({
            lastDiscussed: Type.Union([Type.String(), Type.Null()]),
            discussions: Type.Array(DiscussionOut),
            actions: Type.Array(ActionOut),
          }),
        },
      },
    },
    async (request) => {
      const view = await childSupervision(db, actorOf(request), request.params.childId);
      return {
        lastDiscussed: view.lastDiscussed,
        discussions: view.discussions.map(discussionOut),
        actions: view.actions.map(actionOut),
      };
    },
  );
}
