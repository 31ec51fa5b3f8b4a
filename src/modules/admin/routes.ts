import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { auditSource } from '../../platform/transactions.ts';
import {
  addUser,
  changeUser,
  councilTeams,
  disableUser,
  enableUser,
  listUsers,
  setRegistration,
  userToChange,
} from '../staff/service.ts';
import { restrictionRoutes } from './restriction-routes.ts';
import { ChangeUserForm, EmptyForm, NewUserForm, RegistrationForm, UserParams } from './schemas.ts';
import { roleChoices, roleInWords, teamChoices, userRows } from './user-rows.ts';

/**
 * The administrator's pages (issue 17 part 10): the people who can sign in, their roles and teams, and restricted
 * children. Only the administrator's role carries `staff:manage` and `child:restrict`; `hearth user` on the
 * command line does the same for the first administrator and for scripts.
 */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get(
    '/admin/users',
    { config: access('staff:manage', 'none'), schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const users = await listUsers(db, { councilId: actor.councilId, today: actor.today, now: actor.now });
      return reply.page('admin/views/users.njk', { pageTitle: 'Users', rows: userRows(users) });
    },
  );

  const newUserPage = async (
    councilId: string,
    values: Static<typeof NewUserForm>,
    problems: FieldProblem[] = [],
  ) => ({
    pageTitle: 'Add a user',
    values,
    roles: roleChoices(values.role ?? ''),
    teams: teamChoices(await councilTeams(db, councilId), values.teamId ?? ''),
    ...formErrors(problems),
  });

  app.get(
    '/admin/users/new',
    { config: access('staff:manage', 'none'), schema: { hide: true } },
    async (request, reply) =>
      reply.page('admin/views/new-user.njk', await newUserPage(actorOf(request).councilId, {})),
  );

  app.post<{ Body: Static<typeof NewUserForm> }>(
    '/admin/users/new',
    { config: access('staff:manage', 'user.created'), schema: { body: NewUserForm, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      try {
        await addUser(db, {
          councilId: actor.councilId,
          email: body.email ?? '',
          password: body.password ?? '',
          givenName: body.givenName ?? '',
          familyName: body.familyName ?? '',
          role: body.role ?? '',
          ...(body.teamId ? { teamId: await knownTeam(actor.councilId, body.teamId) } : {}),
          manages: body.manages === 'yes',
          today: actor.today,
          now: actor.now,
          source: auditSource(actor),
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        // The password is never sent back into the page.
        const page = await newUserPage(actor.councilId, { ...body, password: '' }, error.fields);
        return reply.code(400).page('admin/views/new-user.njk', page);
      }
      return reply.redirect('/admin/users', 303);
    },
  );

  /** The team chosen, checked to be one of the council's, so a forged id is a message rather than a 500. */
  async function knownTeam(councilId: string, teamId: string): Promise<string> {
    const teams = await councilTeams(db, councilId);
    if (!teams.some((team) => team.id === teamId)) {
      throw new ValidationError([{ path: 'teamId', message: 'Choose one of the council’s teams' }]);
    }
    return teamId;
  }

  const changePage = async (
    councilId: string,
    user: Awaited<ReturnType<typeof userToChange>>,
    values: { role: string; teamId: string; manages: boolean },
    problems: FieldProblem[] = [],
  ) => ({
    pageTitle: user.name,
    user: { ...user, roleInWords: roleInWords(user.role) },
    values,
    roles: roleChoices(values.role),
    teams: teamChoices(await councilTeams(db, councilId), values.teamId),
    ...formErrors(problems),
  });

  app.get<{ Params: Static<typeof UserParams> }>(
    '/admin/users/:userId',
    { config: access('staff:manage', 'none'), schema: { params: UserParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await userToChange(db, actor.councilId, request.params.userId, actor.today);
      return reply.page('admin/views/change-user.njk', await changePage(actor.councilId, user, user));
    },
  );

  app.post<{ Params: Static<typeof UserParams>; Body: Static<typeof ChangeUserForm> }>(
    '/admin/users/:userId',
    {
      config: access('staff:manage', 'user.changed'),
      schema: { params: UserParams, body: ChangeUserForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const change = {
        role: request.body.role ?? '',
        teamId: request.body.teamId ?? '',
        manages: request.body.manages === 'yes',
      };
      try {
        await changeUser(db, actor, request.params.userId, change);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const user = await userToChange(db, actor.councilId, request.params.userId, actor.today);
        const page = await changePage(actor.councilId, user, change, error.fields);
        return reply.code(400).page('admin/views/change-user.njk', page);
      }
      return reply.redirect('/admin/users', 303);
    },
  );

  app.post<{ Params: Static<typeof UserParams>; Body: Static<typeof RegistrationForm> }>(
    '/admin/users/:userId/registration',
    {
      config: access('staff:manage', 'worker.registration-changed'),
      schema: { params: UserParams, body: RegistrationForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      try {
        await setRegistration(db, actor, request.params.userId, request.body.registration ?? '');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const user = await userToChange(db, actor.councilId, request.params.userId, actor.today);
        const page = await changePage(actor.councilId, user, user, error.fields);
        return reply.code(400).page('admin/views/change-user.njk', {
          ...page,
          user: { ...page.user, registration: request.body.registration ?? '' },
        });
      }
      return reply.redirect(`/admin/users/${request.params.userId}`, 303);
    },
  );

  app.post<{ Params: Static<typeof UserParams> }>(
    '/admin/users/:userId/disable',
    {
      config: access('staff:manage', 'user.disabled'),
      schema: { params: UserParams, body: EmptyForm, hide: true },
    },
    async (request, reply) => {
      await disableUser(db, actorOf(request), request.params.userId);
      return reply.redirect(`/admin/users/${request.params.userId}`, 303);
    },
  );

  app.post<{ Params: Static<typeof UserParams> }>(
    '/admin/users/:userId/enable',
    {
      config: access('staff:manage', 'user.enabled'),
      schema: { params: UserParams, body: EmptyForm, hide: true },
    },
    async (request, reply) => {
      await enableUser(db, actorOf(request), request.params.userId);
      return reply.redirect(`/admin/users/${request.params.userId}`, 303);
    },
  );

  await restrictionRoutes(app);
}
