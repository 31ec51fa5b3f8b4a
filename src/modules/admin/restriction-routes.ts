import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { escapeHtml } from '../../platform/views.ts';
import type { Actor } from '../../platform/actor.ts';
import {
  allowPerson,
  liftRestriction,
  listRestrictedChildren,
  removePerson,
  restrictChild,
  restriction,
} from './restrictions.ts';
import { changeRows } from './restriction-rows.ts';
import { AllowPersonForm, ChildParams, PersonParams, ReasonForm, RestrictForm } from './schemas.ts';
import { roleInWords } from './user-rows.ts';

/** The administrator's pages for restricted children: restrict, manage the list, lift. */
export async function restrictionRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get(
    '/admin/restricted-children',
    { config: access('child:restrict', 'none'), schema: { hide: true } },
    async (request, reply) => {
      const children = await listRestrictedChildren(db, actorOf(request));
      return reply.page('admin/views/restricted-children.njk', {
        pageTitle: 'Restricted children',
        rows: children.map((child) => [
          {
            html: `<a class="govuk-link" href="/admin/restricted-children/${child.id}">${escapeHtml(
              `${child.given_name} ${child.family_name}`,
            )}</a>`,
          },
          { text: child.local_id },
          // A list of nobody hides the child from everyone, their own worker too: say so, not just "0".
          Number(child.people) === 0
            ? {
                html: '0 <strong class="govuk-tag govuk-tag--orange">Nobody can see this child</strong>',
                format: 'numeric',
              }
            : { text: String(child.people), format: 'numeric' },
        ]),
      });
    },
  );

  app.get(
    '/admin/restricted-children/new',
    { config: access('child:restrict', 'none'), schema: { hide: true } },
    async (_request, reply) =>
      reply.page('admin/views/restrict-child.njk', { pageTitle: 'Restrict a child', values: {}, errors: {} }),
  );

  app.post<{ Body: Static<typeof RestrictForm> }>(
    '/admin/restricted-children/new',
    { config: access('child:restrict', 'child.restricted'), schema: { body: RestrictForm, hide: true } },
    async (request, reply) => {
      try {
        const childId = await restrictChild(db, actorOf(request), {
          localId: request.body.localId ?? '',
          reason: request.body.reason ?? '',
        });
        return reply.redirect(`/admin/restricted-children/${childId}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(400).page('admin/views/restrict-child.njk', {
          pageTitle: 'Restrict a child',
          values: request.body,
          ...formErrors(error.fields),
        });
      }
    },
  );

  /** The page about one restricted child, with the add-a-person form's values and errors when it failed. */
  async function restrictionPage(
    reply: FastifyReply,
    actor: Actor,
    childId: string,
    form: { values?: object; problems?: ValidationError['fields'] } = {},
  ) {
    const { child, people, changes } = await restriction(db, actor, childId);
    const name = `${child.given_name} ${child.family_name}`;
    return reply.code(form.problems?.length ? 400 : 200).page('admin/views/restricted-child.njk', {
      pageTitle: `Who may see ${name}`,
      child: { ...child, name },
      people: people.map((person) => ({
        ...person,
        name: `${person.given_name} ${person.family_name}`,
        role: roleInWords(person.role),
      })),
      changes: changeRows(changes),
      values: form.values ?? {},
      ...formErrors(form.problems ?? []),
    });
  }

  app.get<{ Params: Static<typeof ChildParams> }>(
    '/admin/restricted-children/:childId',
    { config: access('child:restrict', 'none'), schema: { params: ChildParams, hide: true } },
    async (request, reply) => restrictionPage(reply, actorOf(request), request.params.childId),
  );

  app.post<{ Params: Static<typeof ChildParams>; Body: Static<typeof AllowPersonForm> }>(
    '/admin/restricted-children/:childId/people',
    {
      config: access('child:restrict', 'child.access-list.added'),
      schema: { params: ChildParams, body: AllowPersonForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { childId } = request.params;
      try {
        await allowPerson(db, actor, childId, {
          email: request.body.email ?? '',
          reason: request.body.reason ?? '',
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return restrictionPage(reply, actor, childId, { values: request.body, problems: error.fields });
      }
      return reply.redirect(`/admin/restricted-children/${childId}`, 303);
    },
  );

  const removePage = async (actor: Actor, params: Static<typeof PersonParams>) => {
    const { child, people } = await restriction(db, actor, params.childId);
    const person = people.find((listed) => listed.worker_id === params.workerId);
    const name = person ? `${person.given_name} ${person.family_name}` : undefined;
    return {
      pageTitle: name ? `Remove ${name} from the list` : 'This person is not on the list',
      child: { ...child, name: `${child.given_name} ${child.family_name}` },
      person: name ? { name } : undefined,
    };
  };

  app.get<{ Params: Static<typeof PersonParams> }>(
    '/admin/restricted-children/:childId/people/:workerId/remove',
    { config: access('child:restrict', 'none'), schema: { params: PersonParams, hide: true } },
    async (request, reply) => {
      const page = await removePage(actorOf(request), request.params);
      return reply.page('admin/views/remove-person.njk', { ...page, values: {}, errors: {} });
    },
  );

  app.post<{ Params: Static<typeof PersonParams>; Body: Static<typeof ReasonForm> }>(
    '/admin/restricted-children/:childId/people/:workerId/remove',
    {
      config: access('child:restrict', 'child.access-list.removed'),
      schema: { params: PersonParams, body: ReasonForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { childId, workerId } = request.params;
      try {
        await removePerson(db, actor, childId, workerId, request.body.reason ?? '');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const page = await removePage(actor, request.params);
        return reply.code(400).page('admin/views/remove-person.njk', {
          ...page,
          values: request.body,
          ...formErrors(error.fields),
        });
      }
      return reply.redirect(`/admin/restricted-children/${childId}`, 303);
    },
  );

  app.post<{ Params: Static<typeof ChildParams>; Body: Static<typeof ReasonForm> }>(
    '/admin/restricted-children/:childId/lift',
    {
      config: access('child:restrict', 'child.restriction-lifted'),
      schema: { params: ChildParams, body: ReasonForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { childId } = request.params;
      try {
        await liftRestriction(db, actor, childId, request.body.reason ?? '');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const problems = error.fields.map((field) => ({ ...field, path: 'liftReason' }));
        return restrictionPage(reply, actor, childId, { values: { liftReason: '' }, problems });
      }
      return reply.redirect('/admin/restricted-children', 303);
    },
  );
}
