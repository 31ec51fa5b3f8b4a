import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { apiSchema, checkFields, parseFormFields } from '../../platform/recording/fields.ts';
import { access } from '../../platform/route-table.ts';
import { ChildParams, VisitQuery, visitFields } from './schemas.ts';
import { recordVisit, visitForm } from './service.ts';

type Child = { Params: Static<typeof ChildParams>; Querystring: Static<typeof VisitQuery> };

/** Where a visit goes back to: the child's case notes, where its note now is. */
const notesOf = (childId: string) => `/children/${childId}/notes`;

/** One "Record a visit" for every child, at every stage of the journey (issue 17, part 5), and its API. */
export async function visitRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  const render = async (
    actor: Actor,
    childId: string,
    fromNote: string | undefined,
    values: Record<string, unknown>,
    problems: ValidationError['fields'] = [],
  ) => {
    const form = await visitForm(db, actor, childId, fromNote);
    const noteValues = form.note ? dateBoxes(form.note.occurred_on) : {};
    return {
      pageTitle: 'Record a visit',
      caption: form.caption,
      guidance: form.note
        ? `Records the case note “${form.note.title}” as a statutory visit. The note stays as it was written.`
        : 'Records the facts the statutory guidance asks for and writes the case note. The visit due is met at once.',
      fields: visitFields({ lookedAfter: form.lookedAfter, note: form.note ? 'none' : 'required' }),
      values: { ...noteValues, ...values },
      cancel: form.note ? `${notesOf(childId)}/${form.note.id}` : `/children/${childId}`,
      ...formErrors(problems),
    };
  };

  app.get<Child>(
    '/children/:childId/visits/new',
    {
      config: access('child:write', 'child.viewed'),
      schema: { params: ChildParams, querystring: VisitQuery, hide: true },
    },
    async (request, reply) => {
      const { childId } = request.params;
      const view = await render(actorOf(request), childId, request.query.fromNote, {});
      return reply.page('recording/record-form.njk', view);
    },
  );

  app.post<Child & { Body: Record<string, unknown> }>(
    '/children/:childId/visits/new',
    {
      config: access('child:write', 'visit.recorded'),
      schema: { params: ChildParams, querystring: VisitQuery, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { childId } = request.params;
      const { fromNote } = request.query;
      const body = request.body ?? {};
      // Every question the form can ask: the service refuses a bedroom answered for a child not looked after.
      const parsed = parseFormFields(
        visitFields({ lookedAfter: true, note: fromNote ? 'none' : 'required' }),
        body,
        actor.today,
      );
      try {
        if (parsed.problems.length) throw new ValidationError(parsed.problems);
        await recordVisit(db, actor, childId, {
          values: parsed.values,
          fromNoteId: fromNote ?? null,
          noteRequired: true,
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = await render(actor, childId, fromNote, body, error.fields);
        return reply.code(400).page('recording/record-form.njk', view);
      }
      return reply.redirect(notesOf(childId), 303);
    },
  );

  app.post<{ Params: Static<typeof ChildParams>; Body: Record<string, unknown> }>(
    '/api/children/:childId/visits',
    {
      config: access('child:write', 'visit.recorded'),
      schema: {
        summary:
          'Record a visit to the child, with its case note (written from the facts when no note is given)',
        params: ChildParams,
        body: apiSchema(visitFields({ lookedAfter: true, note: 'optional' })),
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const fields = visitFields({ lookedAfter: true, note: 'optional' });
      const checked = checkFields(fields, request.body, actor.today);
      if (checked.problems.length) throw new ValidationError(checked.problems);
      const id = await recordVisit(db, actor, request.params.childId, {
        values: checked.values,
        noteRequired: false,
      });
      return reply.code(201).send({ id });
    },
  );
}

function dateBoxes(date: string): Record<string, string> {
  const [year, month, day] = date.split('-') as [string, string, string];
  return {
    'visitedOn-day': String(Number(day)),
    'visitedOn-month': String(Number(month)),
    'visitedOn-year': year,
  };
}
