import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { parseFormFields, type FieldSpec, type RecordValues } from '../../platform/recording/fields.ts';
import { access, type AuditAction } from '../../platform/route-table.ts';
import { reworkUnderWay, startRework } from './rework.ts';
import { addClosureDay, localStandards, setLocalStandard, standardKinds } from './service.ts';

const standardFields: FieldSpec[] = [
  {
    name: 'kind',
    label: 'Standard',
    kind: 'choice',
    required: true,
    options: () => Object.entries(standardKinds).map(([value, text]) => ({ value, text })),
  },
  {
    name: 'amount',
    label: 'How often: every',
    kind: 'number',
    required: true,
    min: 1,
    max: 366,
    hint: 'A number, with the unit below',
  },
  {
    name: 'unit',
    label: 'Unit',
    kind: 'choice',
    required: true,
    options: () => ['working days', 'days', 'weeks', 'months'].map((unit) => ({ value: unit, text: unit })),
  },
  {
    name: 'effectiveFrom',
    label: 'Takes effect from',
    kind: 'date',
    required: true,
    notFuture: false,
    hint: 'Today or later: work already done keeps the standard of its time',
  },
  {
    name: 'source',
    label: 'Where the council sets it down',
    kind: 'text',
    required: true,
    hint: 'For example, Practice standards 2026, section 3',
    maxLength: 200,
  },
];

const closureFields: FieldSpec[] = [
  {
    name: 'day',
    label: 'Day the service is closed',
    kind: 'date',
    required: true,
    notFuture: false,
    hint: 'A weekday that is not a bank holiday: those are never working days',
  },
  {
    name: 'name',
    label: 'Reason',
    kind: 'text',
    required: true,
    hint: 'For example, Council closure between Christmas and New Year',
    maxLength: 200,
  },
];

/**
 * Local standards and closure days, set by an administrator. A change is saved at once; the timescales it changes
 * are reworked after the page has answered, and the page says how far that has gone.
 */
export async function localStandardRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get(
    '/local-standards',
    {
      config: access('staff:manage', 'none'),
      schema: {
        querystring: Type.Object({ saved: Type.Optional(Type.String({ maxLength: 20 })) }),
        hide: true,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await localStandards(db, actor);
      const saved = (request.query as { saved?: string }).saved;
      return reply.page('local-standards/views/standards.njk', {
        pageTitle: 'Local standards',
        ...view,
        saved: saved === 'standard' || saved === 'closure-day' ? saved : undefined,
        rework: reworkUnderWay(actor.councilId),
      });
    },
  );

  const form = (
    path: string,
    title: string,
    fields: FieldSpec[],
    audit: AuditAction,
    saved: string,
    save: (db: Database, actor: Actor, values: RecordValues) => Promise<string[]>,
  ) => {
    const render = (
      actor: Actor,
      values: Record<string, unknown>,
      problems: ValidationError['fields'] = [],
    ) => ({
      pageTitle: title,
      caption: 'Local standards',
      fields: fields.map((field) => ({
        ...field,
        options: field.kind === 'choice' ? field.options(actor.today) : undefined,
      })),
      values,
      cancel: '/local-standards',
      ...formErrors(problems),
    });
    app.get(
      path,
      { config: access('staff:manage', 'none'), schema: { hide: true } },
      async (request, reply) => reply.page('recording/record-form.njk', render(actorOf(request), {})),
    );
    app.post<{ Body: Record<string, unknown> }>(
      path,
      { config: access('staff:manage', audit), schema: { hide: true } },
      async (request, reply) => {
        const actor = actorOf(request);
        const parsed = parseFormFields(fields, request.body ?? {}, actor.today);
        let changed: string[];
        try {
          if (parsed.problems.length) throw new ValidationError(parsed.problems);
          changed = await save(db, actor, parsed.values);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return reply
            .code(400)
            .page('recording/record-form.njk', render(actor, request.body ?? {}, error.fields));
        }
        // The children whose timescales change are reworked after the page is answered.
        startRework(db, actor.councilId, changed, actor, request.log);
        return reply.redirect(`/local-standards?saved=${saved}`, 303);
      },
    );
  };
  form(
    '/local-standards/new',
    'Set a local standard',
    standardFields,
    'local-standard.set',
    'standard',
    setLocalStandard,
  );
  form(
    '/local-standards/closure-days/new',
    'Add a closure day',
    closureFields,
    'closure-day.added',
    'closure-day',
    addClosureDay,
  );
}
