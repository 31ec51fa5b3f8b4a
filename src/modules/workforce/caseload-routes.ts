import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { caseKinds, caseKindWords } from '../../domain/workforce/weighted-caseload.ts';
import { actorOf } from '../../platform/authentication.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { setWeights, viewWeightedCaseloads, viewWeights } from './caseload-service.ts';
import { weightRows, weightedRows } from './views/caseload-rows.ts';

const CaseloadQuery = Type.Object({
  team: Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'uuid' })])),
});
const WeightsForm = Type.Object({
  ...Object.fromEntries(caseKinds.map((kind) => [kind, Type.Optional(Type.String({ maxLength: 10 }))])),
  _csrf: Type.Optional(Type.String()),
});

/** Weighted caseloads against each team's target (issue 21, part 2), and the council's weights. */
export async function caseloadWeightRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<{ Querystring: Static<typeof CaseloadQuery> }>(
    '/workforce/caseloads',
    {
      config: access('workforce:read', 'caseloads.viewed'),
      schema: { querystring: CaseloadQuery, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const team = request.query.team || undefined;
      const { teams, weights, choices } = await viewWeightedCaseloads(db, actor, team);
      return reply.page('workforce/views/caseloads.njk', {
        pageTitle: 'Weighted caseloads – Workforce',
        teams: teams.map((each) => ({
          name: each.team.name,
          target: each.team.caseload_target,
          managersHoldCases: each.team.managers_hold_cases,
          rows: weightedRows(each.workers, each.total),
        })),
        weightRows: weightRows(weights),
        administers: actor.role === 'administrator',
        teamItems:
          choices.length > 1
            ? [
                { value: '', text: 'Every team' },
                ...choices.map((each) => ({ value: each.id, text: each.name, selected: each.id === team })),
              ]
            : undefined,
      });
    },
  );

  const weightsPage = (values: Record<string, unknown>, errors: object = {}) => ({
    pageTitle: 'Caseload weights – Workforce',
    fields: caseKinds.map((kind) => ({ kind, label: caseKindWords[kind], value: values[kind] })),
    errors: {},
    ...errors,
  });

  app.get(
    '/workforce/caseloads/weights',
    { config: access('staff:manage', 'none'), schema: { hide: true } },
    async (request, reply) =>
      reply.page('workforce/views/weights.njk', weightsPage(await viewWeights(db, actorOf(request)))),
  );

  app.post<{ Body: Static<typeof WeightsForm> }>(
    '/workforce/caseloads/weights',
    { config: access('staff:manage', 'caseload-weights.changed'), schema: { body: WeightsForm, hide: true } },
    async (request, reply) => {
      const form = request.body as Record<string, string | undefined>;
      try {
        await setWeights(db, actorOf(request), form);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply
          .code(400)
          .page('workforce/views/weights.njk', weightsPage(form, formErrors(error.fields)));
      }
      return reply.redirect('/workforce/caseloads', 303);
    },
  );
}
