import type { FastifyInstance } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { dateFromParts } from '../../platform/dates.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access, type AuditAction } from '../../platform/route-table.ts';
import { ChildParams } from './schemas.ts';
import {
  flagKinds,
  recordAddress,
  recordFlag,
  recordRelationship,
  relationshipKinds,
  viewRecord,
} from './service.ts';

type Form = Record<string, string | undefined>;
const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const dateBoxes = (name: string) => ({
  [`${name}-day`]: text(2),
  [`${name}-month`]: text(2),
  [`${name}-year`]: text(4),
});
const csrf = { _csrf: Type.Optional(Type.String()) };
const dateOf = (form: Form, name: string, label: string) =>
  dateFromParts(label, form[`${name}-day`], form[`${name}-month`], form[`${name}-year`]);
const items = (values: string[], selected: unknown) =>
  values.map((value) => ({
    value,
    text: value.replaceAll('-', ' ').replace(/^./, (c) => c.toUpperCase()),
    checked: value === selected,
  }));

/** Pages for the parts of the record kept as lists: a new address, a warning, a person in the family and network. */
export async function childRecordFormRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  function form(spec: {
    url: string;
    audit: AuditAction;
    body: TSchema;
    template: string;
    title: string;
    submit: (actor: Actor, childId: string, form: Form) => Promise<unknown>;
  }) {
    const render = async (actor: Actor, childId: string, values: Form, extra: Record<string, unknown>) => {
      const { child } = await viewRecord(db, actor, childId);
      return {
        pageTitle: spec.title,
        child,
        values,
        errors: {},
        flagKinds: items(flagKinds, values.kind),
        relationshipKinds: items(relationshipKinds, values.relationship),
        ...extra,
      };
    };
    app.get<{ Params: Static<typeof ChildParams> }>(
      spec.url,
      { config: access('child:write', 'child.record-viewed'), schema: { params: ChildParams, hide: true } },
      async (request, reply) =>
        reply.page(spec.template, await render(actorOf(request), request.params.childId, {}, {})),
    );
    app.post<{ Params: Static<typeof ChildParams>; Body: Form }>(
      spec.url,
      {
        config: access('child:write', spec.audit),
        schema: { params: ChildParams, body: spec.body, hide: true },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        try {
          await spec.submit(actor, request.params.childId, request.body);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return reply
            .code(400)
            .page(
              spec.template,
              await render(actor, request.params.childId, request.body, formErrors(error.fields)),
            );
        }
        return reply.redirect(`/children/${request.params.childId}/record`, 303);
      },
    );
  }

  form({
    url: '/children/:childId/addresses/new',
    audit: 'child.address-recorded',
    body: Type.Object({
      line1: text(200),
      line2: text(200),
      town: text(100),
      postcode: text(10),
      ...dateBoxes('from'),
      ...csrf,
    }),
    template: 'child-record/views/address.njk',
    title: 'Record a new address',
    submit: (actor, childId, values) =>
      recordAddress(db, actor, childId, {
        line1: values.line1 ?? '',
        line2: values.line2 ?? '',
        town: values.town ?? '',
        postcode: values.postcode ?? '',
        from: dateOf(values, 'from', 'The date the child started living here'),
      }),
  });

  form({
    url: '/children/:childId/flags/new',
    audit: 'child.flag-recorded',
    body: Type.Object({
      kind: text(40),
      description: text(2000),
      ...dateBoxes('from'),
      ...dateBoxes('reviewBy'),
      ...csrf,
    }),
    template: 'child-record/views/flag.njk',
    title: 'Add a warning',
    submit: (actor, childId, values) =>
      recordFlag(db, actor, childId, {
        kind: values.kind ?? '',
        description: values.description ?? '',
        from: dateOf(values, 'from', 'The date the warning applies from'),
        reviewBy: dateOf(values, 'reviewBy', 'The review date'),
      }),
  });

  form({
    url: '/children/:childId/relationships/new',
    audit: 'child.relationship-recorded',
    body: Type.Object({
      givenName: text(100),
      familyName: text(100),
      ...dateBoxes('dateOfBirth'),
      organisation: text(200),
      phone: text(40),
      relationship: text(40),
      parentalResponsibility: text(3),
      ...dateBoxes('from'),
      ...csrf,
    }),
    template: 'child-record/views/relationship.njk',
    title: 'Add a person to the family and network',
    submit: (actor, childId, values) =>
      recordRelationship(db, actor, childId, {
        givenName: values.givenName ?? '',
        familyName: values.familyName ?? '',
        dateOfBirth: dateOf(values, 'dateOfBirth', 'The person’s date of birth'),
        organisation: values.organisation ?? '',
        phone: values.phone ?? '',
        relationship: values.relationship ?? '',
        parentalResponsibility: values.parentalResponsibility === 'yes',
        from: dateOf(values, 'from', 'The date the relationship began'),
      }),
  });
}
