import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { registerRecordings } from '../../platform/recording/routes.ts';
import { access } from '../../platform/route-table.ts';
import { careRecordings } from './recordings.ts';
import { viewCare } from './service.ts';
import { careSections } from './views/care-view-models.ts';
import { childHeader } from '../child-header/service.ts';

/** Looked after children and care leavers: the child's care page, and a form and API endpoint for each record. */
export async function careRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { childId: string } }>(
    '/children/:childId/care',
    {
      config: access('child:read', 'care.viewed'),
      schema: { params: Type.Object({ childId: Type.String({ maxLength: 64 }) }), hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await viewCare(app.hearth.db, actor, request.params.childId);
      return reply.page('child-sections.njk', {
        childHeader: await childHeader(app.hearth.db, actor, request.params.childId, view.record),
        pageTitle: `Care and leaving care – ${view.child.given_name} ${view.child.family_name}`,
        heading: 'Care and leaving care',
        childId: request.params.childId,
        sections: careSections(view.records),
        mayRecord: actor.role !== 'director' && actor.role !== 'auditor',
      });
    },
  );
  registerRecordings(app, careRecordings);
}
