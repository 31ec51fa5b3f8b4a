import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/authentication.ts';
import { registerRecordings } from '../../platform/recording/routes.ts';
import { access } from '../../platform/route-table.ts';
import { protectionRecordings } from './recordings.ts';
import { viewProtection } from './service.ts';
import { protectionSections, statusWords } from './views/protection-view-models.ts';
import { childHeader } from '../child-header/service.ts';

/** Child protection and child in need: the child's page, and a form and API endpoint for each record. */
export async function protectionRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Params: { childId: string } }>(
    '/children/:childId/protection',
    {
      config: access('child:read', 'protection.viewed'),
      schema: { params: Type.Object({ childId: Type.String({ maxLength: 64 }) }), hide: true },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const view = await viewProtection(app.hearth.db, actor, request.params.childId);
      return reply.page('child-sections.njk', {
        childHeader: await childHeader(app.hearth.db, actor, request.params.childId, view.record),
        pageTitle: `Child protection and child in need – ${view.child.given_name} ${view.child.family_name}`,
        heading: 'Child protection and child in need',
        childId: request.params.childId,
        status: statusWords[view.status],
        sections: protectionSections(view),
        mayRecord: actor.role !== 'director' && actor.role !== 'auditor',
      });
    },
  );
  registerRecordings(app, protectionRecordings);
}
