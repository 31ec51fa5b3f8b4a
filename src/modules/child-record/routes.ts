import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { cinCodes } from '../../domain/journey/rules.ts';
import { describe } from '../../domain/journey/status.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { dateFromParts } from '../../platform/dates.ts';
import { Conflict, ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import {
  AddressBody,
  ChildParams,
  FlagBody,
  IdentityBody,
  IdentityForm,
  RelationshipBody,
} from './schemas.ts';
import { recordAddress, recordFlag, recordRelationship, updateIdentity, viewRecord } from './service.ts';
import { identityFormValues, identityRows } from './views/record-view-models.ts';
import { childHeader } from '../child-header/service.ts';

type Child = { Params: Static<typeof ChildParams> };
type Form = Static<typeof IdentityForm>;

const listOf = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The child's full record: identity (with UPN and NHS number checked), addresses and warnings. */
export async function childRecordRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  app.get<Child>(
    '/children/:childId/record',
    { config: access('child:read', 'child.record-viewed'), schema: { params: ChildParams, hide: true } },
    async (request, reply) => {
      const actor = actorOf(request);
      const record = await viewRecord(db, actor, request.params.childId);
      return reply.page('child-record/views/record.njk', {
        childHeader: await childHeader(db, actor, request.params.childId, record.record),
        pageTitle: `Full record – ${record.child.given_name} ${record.child.family_name}`,
        ...record,
        status: describe(record.status),
        rows: identityRows(record.child, actor.today),
      });
    },
  );

  const render = async (
    actor: Actor,
    childId: string,
    values: Record<string, unknown> | null,
    extra: Record<string, unknown>,
  ) => {
    const { child } = await viewRecord(db, actor, childId);
    const merged = values ?? identityFormValues(child);
    const chosen = new Set(listOf(merged.disabilities as string | string[] | undefined));
    const options = (field: string, selected: unknown) => [
      { value: '', text: 'Not recorded' },
      ...[...cinCodes(field, actor.today).meanings].map(([value, meaning]) => ({
        value,
        text: `${meaning} (${value})`,
        selected: value === selected,
      })),
    ];
    return {
      pageTitle: 'Change the child’s identity details',
      child,
      values: merged,
      errors: {},
      sexes: options('Sex', merged.sex),
      ethnicities: options('Ethnicity', merged.ethnicity),
      disabilities: [...cinCodes('Disability', actor.today).meanings].map(([value, meaning]) => ({
        value,
        text: meaning,
        checked: chosen.has(value),
      })),
      ...extra,
    };
  };

  app.get<Child>(
    '/children/:childId/identity',
    { config: access('child:write', 'child.record-viewed'), schema: { params: ChildParams, hide: true } },
    async (request, reply) =>
      reply.page(
        'child-record/views/identity.njk',
        await render(actorOf(request), request.params.childId, null, {}),
      ),
  );

  app.post<Child & { Body: Form }>(
    '/children/:childId/identity',
    {
      config: access('child:write', 'child.updated'),
      schema: { params: ChildParams, body: IdentityForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const form = request.body;
      try {
        await updateIdentity(db, actor, request.params.childId, {
          version: Number(form.version),
          otherNames: form.otherNames ?? '',
          expectedDateOfBirth: dateFromParts(
            'Expected date of birth',
            form['expectedDateOfBirth-day'],
            form['expectedDateOfBirth-month'],
            form['expectedDateOfBirth-year'],
          ),
          sex: form.sex ?? '',
          gender: form.gender ?? '',
          ethnicity: form.ethnicity ?? '',
          firstLanguage: form.firstLanguage ?? '',
          religion: form.religion ?? '',
          disabilities: listOf(form.disabilities),
          immigrationStatus: form.immigrationStatus ?? '',
          uasc: form.uasc === 'yes',
          educationSetting: form.educationSetting ?? '',
          upn: form.upn ?? '',
          nhsNumber: form.nhsNumber ?? '',
          reason: form.reason,
        });
      } catch (error) {
        if (error instanceof ValidationError)
          return reply
            .code(400)
            .page(
              'child-record/views/identity.njk',
              await render(actor, request.params.childId, form, formErrors(error.fields)),
            );
        if (error instanceof Conflict)
          return reply
            .code(409)
            .page(
              'child-record/views/identity.njk',
              await render(
                actor,
                request.params.childId,
                { ...form, version: String(error.currentVersion) },
                { conflict: error },
              ),
            );
        throw error;
      }
      return reply.redirect(`/children/${request.params.childId}/record`, 303);
    },
  );

  app.patch<Child & { Body: Static<typeof IdentityBody> }>(
    '/api/children/:childId/identity',
    {
      config: access('child:write', 'child.updated'),
      schema: {
        summary:
          'Change a child’s identity details; 400 for a wrong UPN or NHS check character or unknown code, 409 if `version` is stale',
        params: ChildParams,
        body: IdentityBody,
        response: { 200: Type.Object({ version: Type.Integer() }) },
      },
    },
    async (request) => {
      const body = request.body;
      const version = await updateIdentity(db, actorOf(request), request.params.childId, {
        version: body.version,
        otherNames: body.otherNames ?? '',
        expectedDateOfBirth: { date: body.expectedDateOfBirth ?? null },
        sex: body.sex ?? '',
        gender: body.gender ?? '',
        ethnicity: body.ethnicity ?? '',
        firstLanguage: body.firstLanguage ?? '',
        religion: body.religion ?? '',
        disabilities: body.disabilities ?? [],
        immigrationStatus: body.immigrationStatus ?? '',
        uasc: body.uasc ?? false,
        educationSetting: body.educationSetting ?? '',
        upn: body.upn ?? '',
        nhsNumber: body.nhsNumber ?? '',
        reason: body.reason,
      });
      return { version };
    },
  );

  app.post<Child & { Body: Static<typeof AddressBody> }>(
    '/api/children/:childId/addresses',
    {
      config: access('child:write', 'child.address-recorded'),
      schema: {
        summary: 'Record the child’s new address; the previous one is kept as history',
        params: ChildParams,
        body: AddressBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const id = await recordAddress(db, actorOf(request), request.params.childId, {
        line1: body.line1,
        line2: body.line2 ?? '',
        town: body.town ?? '',
        postcode: body.postcode ?? '',
        from: { date: body.from },
      });
      return reply.code(201).send({ id });
    },
  );

  app.post<Child & { Body: Static<typeof FlagBody> }>(
    '/api/children/:childId/flags',
    {
      config: access('child:write', 'child.flag-recorded'),
      schema: {
        summary: 'Add a warning or flag with its review date',
        params: ChildParams,
        body: FlagBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const id = await recordFlag(db, actorOf(request), request.params.childId, {
        kind: body.kind,
        description: body.description,
        from: { date: body.from },
        reviewBy: { date: body.reviewBy },
      });
      return reply.code(201).send({ id });
    },
  );

  app.post<Child & { Body: Static<typeof RelationshipBody> }>(
    '/api/children/:childId/relationships',
    {
      config: access('child:write', 'child.relationship-recorded'),
      schema: {
        summary: 'Add a person to the child’s family and network, with their dated relationship',
        params: ChildParams,
        body: RelationshipBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const id = await recordRelationship(db, actorOf(request), request.params.childId, {
        givenName: body.givenName,
        familyName: body.familyName,
        dateOfBirth: { date: body.dateOfBirth ?? null },
        organisation: body.organisation ?? '',
        phone: body.phone ?? '',
        relationship: body.relationship,
        parentalResponsibility: body.parentalResponsibility ?? false,
        from: { date: body.from ?? null },
      });
      return reply.code(201).send({ id });
    },
  );
}
