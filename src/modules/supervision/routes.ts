import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { ValidationError, type FieldProblem } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { roleCan } from '../../platform/permissions.ts';
import { access } from '../../platform/route-table.ts';
import { supervisionApiRoutes } from './api.ts';
import { ACTIONS_PER_CHILD, formRows, supervisionFromForm, type PostedForm } from './form.ts';
import {
  childSupervision,
  closeOwnAction,
  viewActionList,
  myOpenActions,
  recentSupervisions,
  recordSupervision,
  standardWordsOn,
  standingsFor,
  supervisionChoices,
  viewSupervision,
} from './service.ts';
import {
  actionListRows,
  actionRows,
  discussionRows,
  formLists,
  kindWords,
  partnerWords,
  standingRows,
} from './views/supervision-view-models.ts';

const KindQuery = Type.Object({ kind: Type.Union([Type.Literal('one-to-one'), Type.Literal('group')]) });
const SupervisionParams = Type.Object({ supervisionId: Type.String({ maxLength: 64 }) });
const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
const ActionParams = Type.Object({ actionId: Type.String({ maxLength: 64 }) });
const CloseForm = Type.Object({
  status: Type.Union([Type.Literal('done'), Type.Literal('dropped')]),
  /** The page to go back to: the actions list, or else the supervision page. */
  back: Type.Optional(Type.Literal('actions')),
  _csrf: Type.Optional(Type.String()),
});
const ActionListQuery = Type.Object({ show: Type.Optional(Type.Literal('all')) });
type Kind = Static<typeof KindQuery>['kind'];

const guidance: Record<Kind, string> = {
  'one-to-one':
    'A one-to-one supervision: the worker’s wellbeing, workload and learning, and the children you discussed.',
  group:
    'A group case supervision, with the colleagues and partners who attended and the children discussed.',
};

/** Supervision linked to the children discussed, and the one list of actions (issue 21, parts 4 and 5). */
export async function supervisionRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;
  await supervisionApiRoutes(app);

  const formPage = async (actor: Actor, kind: Kind, values: PostedForm, problems: FieldProblem[] = []) => {
    const { colleagues, children } = await supervisionChoices(db, actor);
    const owners = [{ id: actor.workerId, name: `${actor.name} (you)` }, ...colleagues];
    return {
      pageTitle: kindWords[kind],
      kind,
      guidance: guidance[kind],
      rows: formRows(values, kind),
      actionsPerChild: ACTIONS_PER_CHILD,
      colleagues,
      owners,
      children: children.map((child) => ({ id: child.id, name: `${child.name} (${child.local_id})` })),
      values,
      ...formLists,
      ...formErrors(problems),
    };
  };

  app.get(
    '/supervision',
    { config: access('signed-in', 'none'), schema: { hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const [standings, actions, recent, standardWords] = await Promise.all([
        standingsFor(db, actor),
        myOpenActions(db, actor),
        recentSupervisions(db, actor),
        standardWordsOn(db, actor.councilId, actor.today),
      ]);
      return reply.page('supervision/views/supervision-index.njk', {
        pageTitle: 'Supervision',
        mayRecord: roleCan(actor.role, 'child:write'),
        standingsHeading: actor.role === 'team-manager' ? 'Your team’s supervision' : 'Your supervision',
        standardWords,
        standings: standingRows(standings),
        actions: actionRows([...actions.overdue, ...actions.open], actor.today),
        recent,
        kindWords,
      });
    },
  );

  app.get<{ Querystring: Static<typeof KindQuery> }>(
    '/supervision/new',
    { config: access('child:write', 'none'), schema: { querystring: KindQuery, hide: true } },
    async (request, reply) =>
      reply.page(
        'supervision/views/supervision-form.njk',
        await formPage(actorOf(request), request.query.kind, {}),
      ),
  );

  app.post<{ Querystring: Static<typeof KindQuery>; Body: PostedForm }>(
    '/supervision/new',
    {
      config: access('child:write', 'supervision.recorded'),
      schema: {
        querystring: KindQuery,
        body: Type.Record(Type.String(), Type.Any(), { maxProperties: 400 }),
        hide: true,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { kind } = request.query;
      const form = request.body;
      // "Add another child" or "partner" shows the form again with one more row, keeping what was typed.
      if (form.add === 'child' || form.add === 'partner') {
        const rows = formRows(form, kind);
        const values = { ...form, childCount: String(rows.children), partnerCount: String(rows.partners) };
        return reply.page('supervision/views/supervision-form.njk', await formPage(actor, kind, values));
      }
      const { input, problems } = supervisionFromForm(form, kind);
      try {
        if (problems.length) throw new ValidationError(problems);
        const id = await recordSupervision(db, actor, input);
        return reply.redirect(`/supervision/${id}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const page = await formPage(actor, kind, form, error.fields);
        return reply.code(400).page('supervision/views/supervision-form.njk', page);
      }
    },
  );

  app.get<{ Params: Static<typeof SupervisionParams> }>(
    '/supervision/:supervisionId',
    { config: access('signed-in', 'supervision.viewed'), schema: { params: SupervisionParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await viewSupervision(db, actor, request.params.supervisionId);
      const { supervision } = view;
      const attendees = view.attendees.map((one) => one.worker_name ?? partnerWords(one));
      return reply.page('supervision/views/supervision.njk', {
        pageTitle: kindWords[supervision.kind],
        supervision,
        personal: view.personal,
        summary: [
          {
            key: { text: supervision.kind === 'group' ? 'Facilitator' : 'Supervisor' },
            value: { text: supervision.supervisor_name },
          },
          ...(supervision.supervisee_name
            ? [{ key: { text: 'Supervisee' }, value: { text: supervision.supervisee_name } }]
            : []),
          ...(attendees.length
            ? [{ key: { text: 'Attendees' }, value: { text: attendees.join('; ') } }]
            : []),
          {
            key: { text: 'Length' },
            value: { text: supervision.minutes ? `${supervision.minutes} minutes` : 'Not recorded' },
          },
        ],
        discussions: view.discussions.map((discussion) => ({
          ...discussion,
          rows: discussionRows(discussion),
        })),
        actions: actionRows(view.actions, actor.today),
      });
    },
  );

  app.get<{ Params: Static<typeof ChildParams> }>(
    '/children/:childId/supervision',
    { config: access('child:read', 'child.supervision-viewed'), schema: { params: ChildParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await childSupervision(db, actor, request.params.childId);
      return reply.page('supervision/views/child-supervision.njk', {
        pageTitle: `Supervision – ${view.child.given_name} ${view.child.family_name}`,
        child: view.child,
        lastDiscussed: view.lastDiscussed,
        discussions: view.discussions.map((discussion) => ({
          ...discussion,
          rows: discussionRows(discussion),
        })),
        actions: actionRows(view.actions, actor.today),
      });
    },
  );

  app.get<{ Querystring: Static<typeof ActionListQuery> }>(
    '/actions',
    { config: access('signed-in', 'none'), schema: { querystring: ActionListQuery, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const openOnly = request.query.show !== 'all';
      const actions = await viewActionList(db, actor, openOnly);
      return reply.page('supervision/views/actions.njk', {
        pageTitle: 'Actions',
        openOnly,
        overdue: actions.filter((action) => action.status === 'open' && action.due_on < actor.today).length,
        rows: actionListRows(actions, actor.today, request.csrfToken),
      });
    },
  );

  app.post<{ Params: Static<typeof ActionParams>; Body: Static<typeof CloseForm> }>(
    '/actions/:actionId/close',
    {
      config: access('signed-in', 'action.closed'),
      schema: { params: ActionParams, body: CloseForm, hide: true },
    },
    async (request, reply) => {
      await closeOwnAction(db, actorOf(request), request.params.actionId, request.body.status);
      return reply.redirect(request.body.back === 'actions' ? '/actions' : '/supervision', 303);
    },
  );
}
