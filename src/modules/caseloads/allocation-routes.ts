import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { isCaseRole } from '../../domain/workforce/allocation-rules.ts';
import type { Actor } from '../../platform/actor.ts';
import { actorOf } from '../../platform/authentication.ts';
import { dateFromParts } from '../../platform/dates.ts';
import { ValidationError } from '../../platform/errors.ts';
import { formErrors } from '../../platform/forms.ts';
import { access } from '../../platform/route-table.ts';
import { viewChild } from '../children/service.ts';
import {
  allocateChild,
  caseRoles,
  previewAllocation,
  viewAllocationMade,
  viewAllocations,
  type AllocationInput,
} from './allocation-service.ts';

const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
const AllocationParams = Type.Object({ allocationId: Type.String({ maxLength: 64 }) });
const AllocationForm = Type.Object({
  workerId: Type.Optional(Type.String({ maxLength: 36 })),
  caseRole: Type.Optional(Type.String({ maxLength: 40 })),
  'from-day': Type.Optional(Type.String({ maxLength: 2 })),
  'from-month': Type.Optional(Type.String({ maxLength: 2 })),
  'from-year': Type.Optional(Type.String({ maxLength: 4 })),
  reason: Type.Optional(Type.String({ maxLength: 1000 })),
  // "yes" once the manager has seen what will change; "change" takes them back to the form.
  confirmed: Type.Optional(Type.String({ maxLength: 3 })),
  change: Type.Optional(Type.String({ maxLength: 3 })),
  _csrf: Type.Optional(Type.String()),
});
const AllocationBody = Type.Object(
  {
    workerId: Type.String({ format: 'uuid' }),
    caseRole: Type.String({
      maxLength: 40,
      description: 'allocated-worker, personal-adviser, independent-reviewing-officer, co-worker or cover',
    }),
    from: Type.String({ format: 'date' }),
    reason: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
);
type Child = { Params: Static<typeof ChildParams> };
type Form = Static<typeof AllocationForm>;

const roleWords = (role: string, contract: string) =>
  contract === 'student' && role === 'social-worker' ? 'student social worker' : role.replaceAll('-', ' ');

function inputOf(form: Form): AllocationInput {
  return {
    workerId: form.workerId ?? '',
    caseRole: form.caseRole ?? '',
    from: dateFromParts(
      'The date the allocation starts',
      form['from-day'],
      form['from-month'],
      form['from-year'],
    ),
    reason: form.reason ?? '',
  };
}

/**
 * Allocating a child (issue 17, part 3): the form, a page that says what will change before anything is written,
 * and a page that says what was done, which the manager can read even when the child has left their view.
 */
export async function allocationRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.hearth;

  const formView = async (actor: Actor, childId: string, values: Form, extra: object) => {
    const { child, history, workers } = await viewAllocations(db, actor, childId);
    return {
      pageTitle: 'Allocate a worker',
      child,
      history,
      caseRoles,
      values,
      errors: {},
      workers: [
        { value: '', text: 'Choose a worker' },
        ...workers.map((worker) => ({
          value: worker.id,
          text: `${worker.given_name} ${worker.family_name} (${roleWords(worker.role, worker.contract)})`,
          selected: worker.id === values.workerId,
        })),
      ],
      roles: Object.entries(caseRoles).map(([value, text]) => ({
        value,
        text,
        checked: value === (values.caseRole ?? 'allocated-worker'),
      })),
      ...extra,
    };
  };

  app.get<Child>(
    '/children/:childId/allocation',
    { config: access('child:allocate', 'allocations.viewed'), schema: { params: ChildParams, hide: true } },
    async (request, reply) =>
      reply.page(
        'caseloads/views/allocate.njk',
        await formView(actorOf(request), request.params.childId, {}, {}),
      ),
  );

  app.post<Child & { Body: Form }>(
    '/children/:childId/allocation',
    {
      config: access('child:allocate', 'child.allocated'),
      schema: { params: ChildParams, body: AllocationForm, hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { childId } = request.params;
      const form = request.body;
      if (form.change === 'yes')
        return reply.page('caseloads/views/allocate.njk', await formView(actor, childId, form, {}));
      try {
        if (form.confirmed === 'yes') {
          const id = await allocateChild(db, actor, childId, inputOf(form));
          return reply.redirect(`/allocations/${id}`, 303);
        }
        const preview = await previewAllocation(db, actor, childId, inputOf(form));
        const { child } = await viewChild(db, actor, childId);
        return reply.page('caseloads/views/allocation-confirm.njk', {
          pageTitle: 'Check the allocation',
          child,
          values: form,
          changes: preview.changes,
          from: preview.from,
          workerName: preview.workerName,
          roleName: isCaseRole(form.caseRole ?? '') ? caseRoles[form.caseRole as keyof typeof caseRoles] : '',
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply
          .code(400)
          .page(
            'caseloads/views/allocate.njk',
            await formView(actor, childId, form, formErrors(error.fields)),
          );
      }
    },
  );

  app.get<{ Params: Static<typeof AllocationParams> }>(
    '/allocations/:allocationId',
    {
      config: access('child:allocate', 'allocations.viewed'),
      schema: { params: AllocationParams, hide: true },
    },
    async (request, reply) => {
      const { made, ended, sees } = await viewAllocationMade(
        db,
        actorOf(request),
        request.params.allocationId,
      );
      return reply.page('caseloads/views/allocation-made.njk', {
        pageTitle: 'Allocation recorded',
        made,
        ended,
        sees,
        roleName: isCaseRole(made.case_role) ? caseRoles[made.case_role].toLowerCase() : made.case_role,
      });
    },
  );

  app.post<Child & { Body: Static<typeof AllocationBody> }>(
    '/api/children/:childId/allocations',
    {
      config: access('child:allocate', 'child.allocated'),
      schema: {
        summary:
          'Allocate or reallocate a child, with a reason; the previous allocation in the same case role ends the day before the new one starts',
        params: ChildParams,
        body: AllocationBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) => {
      const id = await allocateChild(db, actorOf(request), request.params.childId, {
        ...request.body,
        from: { date: request.body.from },
      });
      return reply.code(201).send({ id });
    },
  );
}
