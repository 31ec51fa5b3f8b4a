import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../actor.ts';
import { actorOf } from '../authentication.ts';
import { Conflict, ValidationError } from '../errors.ts';
import { formErrors } from '../forms.ts';
import { access, type AuditAction, type Permission } from '../route-table.ts';
import { apiSchema, checkFields, parseFormFields, type FieldSpec, type RecordValues } from './fields.ts';

export type RouteParams = Record<string, string>;

/**
 * One thing that can be recorded on a child's record, declared once: its form page, the form's handling and a
 * JSON API endpoint are registered from it. `path` is the collection (`/children/:childId/strategy-discussions`);
 * the form is at `path/new` and the API at `/api` + `path`.
 */
export interface Recording {
  path: string;
  title: string;
  /** Shown under the heading: what the record is for and the rule it serves. */
  guidance?: string;
  permission: Permission;
  audit: AuditAction;
  /** What showing the form reads: a child's record by default. */
  formAudit?: AuditAction;
  fields: readonly FieldSpec[];
  /** Checks access and gives the page its caption (the child's name); throws NotFound or NotPermitted. */
  context(db: Database, actor: Actor, params: RouteParams): Promise<{ caption: string }>;
  /** Records it in one transaction with its audit entry; throws ValidationError with field paths. */
  record(db: Database, actor: Actor, params: RouteParams, values: RecordValues): Promise<string>;
  /** Where the person goes afterwards. */
  returnTo(params: RouteParams): string;
  /** The form's own path, when it is not `path/new` (a change form at `path/change`). */
  formPath?: string;
  /** `put` for a change of something that exists: the API answers 200 rather than 201. */
  apiMethod?: 'post' | 'put';
  /** What the form shows first, for a change: the values as they are now (dates as YYYY-MM-DD). */
  initial?(db: Database, actor: Actor, params: RouteParams): Promise<RecordValues>;
  /**
   * The fields on a request, when a choice is among the council's own records (a team's manager among its
   * workers): the form, its checking and the API's use them; `fields` still gives the API's schema.
   */
  fieldsFor?(db: Database, actor: Actor, params: RouteParams): Promise<readonly FieldSpec[]>;
}

/** Stored values as a GOV.UK form shows them: a date in its three boxes, yes or no. */
function formValues(fields: readonly FieldSpec[], values: RecordValues): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === null || value === undefined) continue;
    if (field.kind === 'date' && typeof value === 'string') {
      shown[`${field.name}-day`] = String(Number(value.slice(8, 10)));
      shown[`${field.name}-month`] = String(Number(value.slice(5, 7)));
      shown[`${field.name}-year`] = value.slice(0, 4);
    } else if (typeof value === 'boolean') shown[field.name] = value ? 'yes' : 'no';
    else shown[field.name] = String(value);
  }
  return shown;
}

/** A use case that records on one child, as most recordings are. */
export type ChildUseCase = (
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) => Promise<string>;

/** Adapts a use case on one child to a recording whose path names `:childId`. */
export function forChild(use: ChildUseCase): Recording['record'] {
  return (db, actor, params, values) => use(db, actor, params.childId!, values);
}

function paramsSchema(path: string) {
  const names = [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  return Type.Object(Object.fromEntries(names.map((name) => [name, Type.String({ maxLength: 64 })])));
}

/** Registers the form page, its submission and the API endpoint of each recording. */
export function registerRecordings(app: FastifyInstance, recordings: readonly Recording[]): void {
  const { db } = app.hearth;
  for (const recording of recordings) {
    const params = paramsSchema(recording.path);
    const formPath = recording.formPath ?? `${recording.path}/new`;
    const fieldsOf = (actor: Actor, routeParams: RouteParams) =>
      recording.fieldsFor ? recording.fieldsFor(db, actor, routeParams) : Promise.resolve(recording.fields);

    const render = async (
      actor: Actor,
      routeParams: RouteParams,
      values: Record<string, unknown>,
      status = 200,
      problems: ValidationError['fields'] = [],
    ) => {
      const { caption } = await recording.context(db, actor, routeParams);
      const fields = await fieldsOf(actor, routeParams);
      return {
        status,
        view: {
          pageTitle: recording.title,
          caption,
          guidance: recording.guidance,
          fields: fields.map((field) => ({
            ...field,
            options: field.kind === 'choice' ? field.options(actor.today) : undefined,
          })),
          values,
          cancel: recording.returnTo(routeParams),
          ...formErrors(problems),
        },
      };
    };

    app.get<{ Params: RouteParams }>(
      formPath,
      {
        config: access(recording.permission, recording.formAudit ?? 'child.viewed'),
        schema: { params, hide: true },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const initial = recording.initial
          ? formValues(
              await fieldsOf(actor, request.params),
              await recording.initial(db, actor, request.params),
            )
          : {};
        const page = await render(actor, request.params, initial);
        return reply.page('recording/record-form.njk', page.view);
      },
    );

    app.post<{ Params: RouteParams; Body: Record<string, unknown> }>(
      formPath,
      { config: access(recording.permission, recording.audit), schema: { params, hide: true } },
      async (request, reply) => {
        const actor = actorOf(request);
        const fields = await fieldsOf(actor, request.params);
        const parsed = parseFormFields(fields, request.body ?? {}, actor.today);
        try {
          if (parsed.problems.length) throw new ValidationError(parsed.problems);
          await recording.record(db, actor, request.params, parsed.values);
        } catch (error) {
          if (!(error instanceof ValidationError || error instanceof Conflict)) throw error;
          const problems =
            error instanceof ValidationError
              ? error.fields
              : [{ path: fields[0]!.name, message: error.message }];
          const page = await render(actor, request.params, request.body ?? {}, error.status, problems);
          return reply.code(page.status).page('recording/record-form.njk', page.view);
        }
        return reply.redirect(recording.returnTo(request.params), 303);
      },
    );

    const changes = recording.apiMethod === 'put';
    app.route<{ Params: RouteParams; Body: Record<string, unknown> }>({
      method: changes ? 'PUT' : 'POST',
      url: `/api${recording.path}`,
      config: access(recording.permission, recording.audit),
      schema: {
        summary: recording.title,
        params,
        body: apiSchema(recording.fields),
        response: { [changes ? 200 : 201]: Type.Object({ id: Type.String() }) },
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const checked = checkFields(await fieldsOf(actor, request.params), request.body, actor.today);
        if (checked.problems.length) throw new ValidationError(checked.problems);
        const id = await recording.record(db, actor, request.params, checked.values);
        return reply.code(changes ? 200 : 201).send({ id });
      },
    });
  }
}
